// vigie eval events: runs the extractor on every article beside a *.gold.json and scores
// it as EVENTS.md says (event P/R/F1 per language and type, field accuracy on matches).
#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/event_json.h"
#include "evaluate/event_score.h"
#include "pipeline/pipeline.h"

namespace vigie::cli {

namespace {

using Json = nlohmann::ordered_json;

Json TallyJson(const evaluate::Tally& t) {
  auto r3 = [](double x) { return std::round(x * 1000) / 1000; };
  return {{"tp", t.tp},
          {"fp", t.fp},
          {"fn", t.fn},
          {"precision", r3(t.Precision())},
          {"recall", r3(t.Recall())},
          {"f1", r3(t.F1())}};
}

}  // namespace

void RegisterEvalEvents(CLI::App& eval, EvalRunners& runners) {
  struct Args {
    std::string dir, packs;
    bool json = false, failures = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = eval.add_subcommand(
      "events",
      "Score event extraction against gold files: runs the extractor on every <id>.txt beside an "
      "<id>.gold.json (no metadata given: language and document date come from the text), matches "
      "events as EVENTS.md says, and prints event precision/recall/F1 per language and per type, "
      "then "
      "per-field accuracy on matched pairs.");
  sub->add_option("gold_dir", args->dir, "Folder of *.txt and *.gold.json files")->required();
  sub->add_option("--packs", args->packs, "Language pack folder");
  sub->add_flag("--json", args->json, "Print the scores as one JSON object");
  sub->add_flag("--failures", args->failures, "List missed, spurious and wrong-field events");
  runners[sub] = [args]() -> int {
    namespace fs = std::filesystem;
    auto pipe = pipeline::Pipeline::Create({args->packs});
    if (!pipe.ok()) {
      std::cerr << "vigie: error: " << pipe.status().message() << "\n";
      return 1;
    }
    std::error_code ec;
    if (!fs::is_directory(args->dir, ec)) {
      std::cerr << "vigie: error: not a folder: " << args->dir << "\n";
      return 1;
    }
    std::vector<fs::path> golds;
    for (const auto& f : fs::directory_iterator(args->dir))
      if (f.path().string().ends_with(".gold.json")) golds.push_back(f.path());
    std::sort(golds.begin(), golds.end());
    evaluate::EventScorer scorer;
    size_t docs = 0;
    for (const auto& g : golds) {
      auto gold = core::ReadGoldFile(g.string());
      if (!gold.ok()) {
        std::cerr << "vigie: error: " << gold.status().message() << "\n";
        continue;
      }
      std::string txt = g.string();
      txt.replace(txt.size() - std::string(".gold.json").size(), std::string::npos, ".txt");
      auto raw = core::ReadFile(txt);
      if (!raw.ok()) {
        std::cerr << "vigie: error: " << raw.status().message() << "\n";
        continue;
      }
      Document d;
      d.raw = *raw;
      d.id = gold->id.empty() ? g.stem().stem().string() : gold->id;
      auto a = (*pipe)->Analyze(std::move(d));
      scorer.Add(a.doc.id, gold->lang, gold->events, a.events);
      ++docs;
    }
    const auto& r = scorer.report();
    if (args->json) {
      Json j;
      j["documents"] = docs;
      j["overall"] = TallyJson(r.overall);
      for (const auto& [k, t] : r.by_lang) j["by_lang"][k] = TallyJson(t);
      for (const auto& [k, t] : r.by_type) j["by_type"][k] = TallyJson(t);
      for (const auto& f : evaluate::FieldNames()) {
        auto it = r.fields.find(f);
        if (it != r.fields.end())
          j["fields"][f] = {{"correct", it->second.correct},
                            {"total", it->second.total},
                            {"accuracy", std::round(it->second.Accuracy() * 1000) / 1000}};
      }
      if (args->failures) {
        for (const auto& x : r.failures)
          j["failures"].push_back({{"doc", x.doc},
                                   {"kind", x.kind},
                                   {"gold", x.gold},
                                   {"pred", x.pred},
                                   {"detail", x.detail}});
      }
      std::cout << j.dump(2) << "\n";
      return docs > 0 ? 0 : 1;
    }
    auto line = [](const std::string& name, const evaluate::Tally& t) {
      fmt::print("{:<22} P {:.3f}  R {:.3f}  F1 {:.3f}   (tp {}, fp {}, fn {})\n", name,
                 t.Precision(), t.Recall(), t.F1(), t.tp, t.fp, t.fn);
    };
    fmt::print("{} documents\n\n", docs);
    line("all", r.overall);
    for (const auto& [k, t] : r.by_lang) line("lang " + k, t);
    fmt::print("\n");
    for (const auto& [k, t] : r.by_type) line(k, t);
    fmt::print("\nfield accuracy on matched events\n");
    for (const auto& f : evaluate::FieldNames()) {
      auto it = r.fields.find(f);
      if (it != r.fields.end())
        fmt::print("  {:<14} {:.3f}  ({}/{})\n", f, it->second.Accuracy(), it->second.correct,
                   it->second.total);
    }
    if (args->failures) {
      fmt::print("\nfailures\n");
      for (const auto& x : r.failures)
        fmt::print("  {}\t{}\tgold: {}\tpred: {}{}{}\n", x.doc, x.kind, x.gold, x.pred,
                   x.detail.empty() ? "" : "\t", x.detail);
    }
    return docs > 0 ? 0 : 1;
  };
}

}  // namespace vigie::cli

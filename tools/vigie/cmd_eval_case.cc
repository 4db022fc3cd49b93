// vigie eval case2021: runs the extractor on the English snippets of the CASE 2021 shared
// task 2 (fine-grained event classification; TSV: id, EventSnippet, SubType), maps the
// first event's type/subtype to a CASE sub-type (evaluate/case_map.h) and prints accuracy,
// over all snippets and over those whose gold class Vigie has a counterpart for.
#include <fmt/core.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/langpack.h"
#include "evaluate/case_map.h"
#include "pipeline/pipeline.h"

namespace vigie::cli {

void RegisterEvalCase(CLI::App& eval, EvalRunners& runners) {
  struct Args {
    std::string path, packs;
    bool json = false, failures = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = eval.add_subcommand(
      "case2021",
      "Score event types on the CASE 2021 task 2 snippets (TSV: id, EventSnippet, SubType): each "
      "snippet is "
      "read as an English document with no date, its first event with a CASE counterpart gives the "
      "label, "
      "and accuracy is printed over all snippets and over those whose gold class Vigie covers.");
  sub->add_option("tsv", args->path, "The CASE 2021 dev.tsv")->required();
  sub->add_option("--packs", args->packs, "Language pack folder");
  sub->add_flag("--json", args->json, "Print the scores as one JSON object");
  sub->add_flag("--failures", args->failures,
                "List the confusions (gold, predicted, count), then each wrong snippet");
  runners[sub] = [args]() -> int {
    auto pipe = pipeline::Pipeline::Create({args->packs});
    if (!pipe.ok()) {
      std::cerr << "vigie: error: " << pipe.status().message() << "\n";
      return 1;
    }
    auto raw = core::ReadFile(args->path);
    if (!raw.ok()) {
      std::cerr << "vigie: error: " << raw.status().message() << "\n";
      return 1;
    }
    std::vector<std::string> problems;
    auto rows = evaluate::ParseCaseTsv(*raw, args->path, &problems);
    if (!rows.ok()) {
      std::cerr << "vigie: error: " << rows.status().message() << "\n";
      return 1;
    }
    for (const auto& p : problems) std::cerr << "vigie: error: " << p << "\n";
    const size_t bad = problems.size();
    evaluate::CaseScorer scorer;
    struct Wrong {
      std::string id, gold, pred, text;
    };
    std::vector<Wrong> wrong;
    for (const auto& row : *rows) {
      Document d;
      d.id = row.id;
      d.raw = row.text;
      d.lang = "en";
      auto result = (*pipe)->Analyze(std::move(d));
      std::string pred = evaluate::CaseLabel(result.events);
      if (pred != row.gold) wrong.push_back({row.id, row.gold, pred, row.text});
      scorer.Add(row.gold, pred);
    }
    const auto& r = scorer.report();
    auto ratio = [](size_t x, size_t n) { return n == 0 ? 0.0 : double(x) / double(n); };
    if (args->json) {
      nlohmann::ordered_json j;
      auto r3 = [](double x) { return std::round(x * 1000) / 1000; };
      j["snippets"] = r.total;
      j["bad_records"] = bad;
      j["accuracy"] = r3(ratio(r.correct, r.total));
      j["covered"] = r.covered;
      j["accuracy_covered"] = r3(ratio(r.covered_correct, r.covered));
      j["no_event"] = r.no_event;
      for (const auto& [g, ct] : r.by_gold)
        j["by_gold"][g] = {
            {"correct", ct.first}, {"total", ct.second}, {"covered", evaluate::CaseCovered(g)}};
      if (args->failures)
        for (const auto& [k, n] : r.confusion)
          j["confusion"].push_back({{"gold", k.first}, {"pred", k.second}, {"n", n}});
      if (args->failures)
        for (const auto& w : wrong)
          j["wrong"].push_back({{"id", w.id}, {"gold", w.gold}, {"pred", w.pred}});
      std::cout << j.dump(2) << "\n";
      return r.total > 0 ? 0 : 1;
    }
    fmt::print("{} snippets ({} bad records skipped), {} with no event found\n\n", r.total, bad,
               r.no_event);
    fmt::print("accuracy, all snippets          {:.3f}  ({}/{})\n", ratio(r.correct, r.total),
               r.correct, r.total);
    fmt::print("accuracy, classes Vigie covers  {:.3f}  ({}/{})\n\n",
               ratio(r.covered_correct, r.covered), r.covered_correct, r.covered);
    for (const auto& [g, ct] : r.by_gold)
      fmt::print("  {:<32} {:>3}/{:<3} {}\n", g, ct.first, ct.second,
                 evaluate::CaseCovered(g) ? "" : "(no Vigie class)");
    if (args->failures) {
      fmt::print("\nconfusions (gold -> predicted: count)\n");
      for (const auto& [k, n] : r.confusion) fmt::print("  {} -> {}: {}\n", k.first, k.second, n);
      fmt::print("\nwrong snippets (id, gold -> predicted, text)\n");
      for (const auto& w : wrong) fmt::print("  {}\t{} -> {}\t{}\n", w.id, w.gold, w.pred, w.text);
    }
    return r.total > 0 ? 0 : 1;
  };
}

}  // namespace vigie::cli

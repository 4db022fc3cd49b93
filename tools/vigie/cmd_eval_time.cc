// vigie eval duckling | timex: accuracy of numbers, ordinals, durations and dates against
// the Duckling corpus and TempEval-3 AQUAINT TIMEX3 values.
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "commands.h"
#include "core/langpack.h"
#include "normalize/time_eval.h"

namespace vigie::cli {

namespace {

struct EvalArgs {
  std::string path, packs;
  bool json = false, failures = false;
};

int RunEval(const EvalArgs& a, bool duckling) {
  auto packs = core::PackSet::Load(a.packs.empty() ? core::DefaultPackRoot() : a.packs);
  if (!packs.ok()) {
    std::cerr << "vigie: error: " << packs.status().message() << "\n";
    return 1;
  }
  auto seg = segment::Segmenter::Create(**packs);
  auto norm = normalize::Normalizer::Create(**packs);
  if (!seg.ok() || !norm.ok()) {
    std::cerr << "vigie: error: " << (seg.ok() ? norm.status() : seg.status()).message() << "\n";
    return 1;
  }
  auto report = duckling ? normalize::EvalDuckling(*norm, *seg, a.path) : normalize::EvalTimex(*norm, *seg, a.path);
  if (!report.ok()) {
    std::cerr << "vigie: error: " << report.status().message() << "\n";
    return 1;
  }
  using Json = nlohmann::ordered_json;
  if (a.json) {
    Json j;
    j["suite"] = duckling ? "duckling" : "timex";
    Json groups = Json::object();
    for (const auto& [g, c] : report->groups)
      groups[g] = {{"correct", c.first}, {"total", c.second}, {"accuracy", report->Accuracy(g)}};
    j["groups"] = groups;
    if (a.failures) {
      Json f = Json::array();
      for (const auto& c : report->failures)
        f.push_back({{"group", c.group}, {"phrase", c.phrase}, {"expected", c.expected}, {"got", c.got}});
      j["failures"] = f;
    }
    std::cout << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return 0;
  }
  if (a.failures)
    for (const auto& c : report->failures)
      std::cout << c.group << "\t" << c.phrase << "\texpected: " << c.expected << "\tgot: " << c.got << "\n";
  for (const auto& [g, c] : report->groups)
    std::printf("%-28s %5d / %5d  %6.1f%%\n", g.c_str(), c.first, c.second, 100.0 * report->Accuracy(g));
  return 0;
}

}  // namespace

void RegisterEvalTime(CLI::App& eval, EvalRunners& runners) {
  for (bool duckling : {true, false}) {
    auto args = std::make_shared<EvalArgs>();
    CLI::App* sub = eval.add_subcommand(
        duckling ? "duckling" : "timex",
        duckling ? "Accuracy of value and grain on the Duckling corpus (Time, Numeral, Ordinal, Duration; "
                   "future bias; rows with a note reported apart)"
                 : "Accuracy of TIMEX3 DATE and DURATION values (TempEval-3 AQUAINT), anchored on each dct");
    sub->add_option("tsv", args->path, duckling ? "duckling_fr_en.tsv" : "timex3.tsv")->required();
    sub->add_option("--packs", args->packs, "Language pack folder");
    sub->add_flag("--json", args->json, "Print the scores as JSON");
    sub->add_flag("--failures", args->failures, "List the rows we get wrong");
    runners[sub] = [args, duckling]() { return RunEval(*args, duckling); };
  }
}

}  // namespace vigie::cli

// vigie eval: accuracy against gold files and external suites. Each family of scores is a
// nested sub-command registered by its own file (cmd_eval_events.cc, cmd_eval_time.cc,
// cmd_eval_geo.cc, cmd_eval_html.cc), which adds its runners to the map.
#include <memory>

#include "commands.h"

namespace vigie::cli {

Runner RegisterEval(CLI::App& app) {
  CLI::App* eval = app.add_subcommand("eval", "Score Vigie against gold data and external test suites.");
  eval->require_subcommand(1);
  auto runners = std::make_shared<EvalRunners>();
  RegisterEvalEvents(*eval, *runners);
  RegisterEvalTime(*eval, *runners);
  RegisterEvalGeo(*eval, *runners);
  RegisterEvalHtml(*eval, *runners);
  RegisterEvalCase(*eval, *runners);
  return [runners]() -> int {
    for (auto& [sub, run] : *runners)
      if (sub->parsed()) return run();
    return 2;
  };
}

}  // namespace vigie::cli

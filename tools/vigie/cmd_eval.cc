// vigie eval: accuracy against gold files and external suites. Each family of scores is a
// nested sub-command registered by its own file (cmd_eval_geo.cc, ...).
#include "commands.h"

namespace vigie::cli {

Runner RegisterEval(CLI::App& app) {
  CLI::App* eval = app.add_subcommand("eval", "Score Vigie against gold data and external test suites.");
  eval->require_subcommand(1);
  auto runners = std::make_shared<std::vector<std::pair<CLI::App*, Runner>>>();
  RegisterEvalGeo(*eval, runners.get());
  return [runners]() -> int {
    for (auto& [sub, run] : *runners)
      if (sub->parsed()) return run();
    return 2;
  };
}

}  // namespace vigie::cli

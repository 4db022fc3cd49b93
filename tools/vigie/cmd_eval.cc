// vigie eval: the parent of the evaluation sub-commands (one registrar per domain).
#include <memory>

#include "commands.h"

namespace vigie::cli {

Runner RegisterEval(CLI::App& app) {
  CLI::App* eval = app.add_subcommand("eval", "Score Vigie against an evaluation suite");
  eval->require_subcommand(1);
  auto runners = std::make_shared<EvalRunners>();
  RegisterEvalEvents(*eval, *runners);
  RegisterEvalTime(*eval, *runners);
  return [runners]() {
    for (auto& [sub, run] : *runners)
      if (sub->parsed()) return run();
    return 2;
  };
}

}  // namespace vigie::cli

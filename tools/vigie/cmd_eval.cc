// vigie eval: the parent of the evaluation sub-commands. (Minimal version of the html
// branch; the lead merges it with the full one, which calls RegisterEvalHtml.)
#include <memory>
#include <utility>
#include <vector>

#include "commands.h"

namespace vigie::cli {

Runner RegisterEval(CLI::App& app) {
  CLI::App* eval = app.add_subcommand("eval", "Measure Vigie against gold files and external suites");
  eval->require_subcommand(1);
  auto runners = std::make_shared<std::vector<std::pair<CLI::App*, Runner>>>();
  RegisterEvalHtml(*eval, runners.get());
  return [runners]() {
    for (auto& [sub, run] : *runners)
      if (sub->parsed()) return run();
    return 2;
  };
}

}  // namespace vigie::cli

// The `vigie` sub-commands. Each Register* adds one sub-command to the app and returns
// the function that runs it (an exit code). Mains stay thin: the work is in src/.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <utility>
#include <vector>

namespace vigie::cli {

using Runner = std::function<int()>;

Runner RegisterInspect(CLI::App& app);
Runner RegisterEval(CLI::App& app);

// Adds `boilerplate` and `dates` (trafilatura-eval) under the `eval` parent; each child's
// runner is appended to *runners.
void RegisterEvalHtml(CLI::App& eval_parent, std::vector<std::pair<CLI::App*, Runner>>* runners);

}  // namespace vigie::cli

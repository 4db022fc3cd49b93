// The `vigie` sub-commands. Each Register* adds one sub-command to the app and returns
// the function that runs it (an exit code). Mains stay thin: the work is in src/.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace vigie::cli {

using Runner = std::function<int()>;

Runner RegisterInspect(CLI::App& app);
Runner RegisterIngest(CLI::App& app);
Runner RegisterErrors(CLI::App& app);
Runner RegisterQuery(CLI::App& app);
Runner RegisterExport(CLI::App& app);

}  // namespace vigie::cli

// The `vigie` sub-commands. Each Register* adds one sub-command to the app and returns
// the function that runs it (an exit code). Mains stay thin: the work is in src/.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <map>

namespace vigie::cli {

using Runner = std::function<int()>;

Runner RegisterInspect(CLI::App& app);
Runner RegisterExtract(CLI::App& app);
Runner RegisterPack(CLI::App& app);
Runner RegisterTag(CLI::App& app);
Runner RegisterGazetteer(CLI::App& app);
Runner RegisterGeo(CLI::App& app);

// `vigie eval <suite>`: RegisterEval creates the parent and calls one registrar per domain;
// each registrar adds its nested sub-commands to `eval` and their runners to `runners`.
using EvalRunners = std::map<CLI::App*, Runner>;
Runner RegisterEval(CLI::App& app);
void RegisterEvalEvents(CLI::App& eval, EvalRunners& runners);  // events
void RegisterEvalTime(CLI::App& eval, EvalRunners& runners);    // duckling, timex
void RegisterEvalGeo(CLI::App& eval, EvalRunners& runners);     // geo lgl|geovirus
void RegisterEvalHtml(CLI::App& eval, EvalRunners& runners);    // boilerplate, dates
void RegisterEvalCase(CLI::App& eval, EvalRunners& runners);    // case2021
Runner RegisterIngest(CLI::App& app);
Runner RegisterErrors(CLI::App& app);
Runner RegisterQuery(CLI::App& app);
Runner RegisterExport(CLI::App& app);
Runner RegisterClusters(CLI::App& app);
Runner RegisterTimeline(CLI::App& app);
Runner RegisterServe(CLI::App& app);

}  // namespace vigie::cli

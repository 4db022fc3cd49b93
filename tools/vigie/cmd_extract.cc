// vigie extract: event records (EVENTS.md) of each document, as JSON Lines.
#include <cstdio>
#include <iostream>
#include <unistd.h>

#include "cli_common.h"
#include "commands.h"
#include "core/event_json.h"
#include "pipeline/pipeline.h"

namespace vigie::cli {

Runner RegisterExtract(CLI::App& app) {
  auto args = std::make_shared<InputArgs>();
  CLI::App* sub = app.add_subcommand(
      "extract",
      "Extract event records from each document and print them as JSON Lines (one record per line, "
      "the schema of EVENTS.md, stable key order). JSON Lines inputs carry their own date, source and "
      "language; the options give them to inputs that do not.");
  AddInputOptions(sub, args.get());
  return [args]() {
    // Records go out in 64 KiB writes to a file or a pipe (the default 4 KiB buffer made one
    // system call per three or four records); a terminal keeps its line buffering.
    static char out_buffer[1 << 16];
    if (!::isatty(STDOUT_FILENO)) std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    auto pipe = pipeline::Pipeline::Create({args->packs});
    if (!pipe.ok()) {
      std::cerr << "vigie: error: " << pipe.status().message() << "\n";
      return 1;
    }
    ingest::ReadOptions ro = args->Read();
    ProblemReporter reporter;
    reporter.quiet = args->quiet;
    uint64_t docs = 0, events = 0;
    std::string lines;  // a document's records, written in one piece; reused
    bool ok = ReadAll(args->paths, ro, [&](Document&& d) {
      auto a = (*pipe)->Analyze(std::move(d));
      lines.clear();
      for (const auto& e : a.events) {
        core::AppendEventJson(e, &lines);
        lines += '\n';
      }
      if (!lines.empty()) std::fwrite(lines.data(), 1, lines.size(), stdout);
      events += a.events.size();
      ++docs;
    }, &reporter);
    reporter.Summary(docs);
    std::cerr << "vigie: " << events << " event record" << (events == 1 ? "" : "s") << "\n";
    return ok ? 0 : 1;
  };
}

}  // namespace vigie::cli

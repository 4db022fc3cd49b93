// Shared helpers of the CLI sub-commands: reading inputs with problem reporting.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ingest/ingest.h"

namespace vigie::cli {

// The options every command that reads articles shares.
struct InputArgs {
  std::vector<std::string> paths;
  std::string lang, date, source, packs;
  bool quiet = false;
  // The read options, with the month names of the packs (--packs or the default ones).
  ingest::ReadOptions Read() const;
};
// Adds the inputs (positional), --lang, --date, --source, --packs and -q/--quiet.
void AddInputOptions(CLI::App* sub, InputArgs* args);

// Counts and prints (to stderr) the problems found while reading.
struct ProblemReporter {
  uint64_t errors = 0, warnings = 0;
  bool quiet = false;
  void operator()(const ingest::Problem& p);
  // "3 documents, 1 error, 0 warnings" on stderr.
  void Summary(uint64_t documents) const;
};

// Reads every path; returns false if some path could not be read at all (reported).
bool ReadAll(const std::vector<std::string>& paths, const ingest::ReadOptions& options,
             const ingest::DocumentFn& on_document, ProblemReporter* reporter);

}  // namespace vigie::cli

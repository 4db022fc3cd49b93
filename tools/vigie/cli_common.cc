#include "cli_common.h"

#include <fmt/core.h>

#include "core/langpack.h"

namespace vigie::cli {

void AddInputOptions(CLI::App* sub, InputArgs* args) {
  sub->add_option("inputs", args->paths, "Files, folders, or - for standard input")->required();
  sub->add_option("--lang", args->lang, "Language of inputs that do not state one (default: detect)");
  sub->add_option("--date", args->date, "Publication date of inputs that do not state one (ISO 8601)");
  sub->add_option("--source", args->source, "Outlet name of inputs that do not state one");
  sub->add_option("--packs", args->packs, "Language pack folder (default: $VIGIE_PACKS or the installed packs)");
  sub->add_flag("-q,--quiet", args->quiet, "Do not print per-record problems, only the summary");
}

ingest::ReadOptions InputArgs::Read() const {
  ingest::ReadOptions o{lang, date, source};
  auto set = core::PackSet::Load(packs.empty() ? core::DefaultPackRoot() : packs);
  if (set.ok())
    o.months = std::make_shared<const html::MonthNames>(html::MonthNamesFromPacks(**set));
  return o;
}

void ProblemReporter::operator()(const ingest::Problem& p) {
  if (p.severity == ingest::Severity::kError) ++errors; else ++warnings;
  if (quiet) return;
  fmt::print(stderr, "vigie: {}: {}: {}\n", p.severity == ingest::Severity::kError ? "error" : "warning",
             p.origin.ToString(), p.message);
}

void ProblemReporter::Summary(uint64_t documents) const {
  fmt::print(stderr, "vigie: {} document{}, {} error{}, {} warning{}\n", documents, documents == 1 ? "" : "s",
             errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
}

bool ReadAll(const std::vector<std::string>& paths, const ingest::ReadOptions& options,
             const ingest::DocumentFn& on_document, ProblemReporter* reporter) {
  bool ok = true;
  for (const auto& path : paths) {
    Status st = ingest::ReadPath(path, options, on_document, [&](const ingest::Problem& p) { (*reporter)(p); });
    if (!st.ok()) {
      ++reporter->errors;
      fmt::print(stderr, "vigie: error: {}\n", st.message());
      ok = false;
    }
  }
  return ok;
}

}  // namespace vigie::cli

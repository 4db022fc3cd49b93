// vigie query: event records matching filters, as a table, JSON Lines, CSV or GeoJSON.
// vigie export: every (or every matching) record as JSONL, CSV, GeoJSON or ACLED-style CSV.
#include <fmt/core.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <regex>

#include "commands.h"
#include "filter_args.h"
#include "core/langpack.h"
#include "geo/resolver.h"
#include "segment/segment.h"
#include "store/export.h"
#include "store/store.h"

namespace vigie::cli {

namespace {

int Write(const std::string& db, const FilterArgs& fa, const std::string& format, const std::string& output) {
  auto filter = MakeFilter(fa);
  if (!filter.ok()) {
    fmt::print(stderr, "vigie: error: {}\n", filter.status().message());
    return 2;
  }
  auto fmt_kind = store::ParseExportFormat(format);
  if (!fmt_kind.ok()) {
    fmt::print(stderr, "vigie: error: {}\n", fmt_kind.status().message());
    return 2;
  }
  auto store = store::Store::OpenSqlite(db, {true});
  if (!store.ok()) {
    fmt::print(stderr, "vigie: error: {}\n", store.status().message());
    return 1;
  }
  std::ofstream file;
  if (!output.empty() && output != "-") {
    file.open(output, std::ios::binary);
    if (!file) {
      fmt::print(stderr, "vigie: error: cannot write {}\n", output);
      return 1;
    }
  }
  std::ostream& out = file.is_open() ? file : std::cout;
  auto writer = store::EventWriter::Create(*fmt_kind, out);
  Status st = store::ExportEvents(**store, *filter, *writer);
  out.flush();
  if (!st.ok()) {
    fmt::print(stderr, "vigie: error: {}\n", st.message());
    return 1;
  }
  if (!out) {
    fmt::print(stderr, "vigie: error: writing {} failed\n", output.empty() ? "standard output" : output);
    return 1;
  }
  if (writer->skipped() > 0)
    fmt::print(stderr, "vigie: {} record{} with no ACLED counterpart left out\n", writer->skipped(),
               writer->skipped() == 1 ? "" : "s");
  if (*fmt_kind != store::ExportFormat::kTable)
    fmt::print(stderr, "vigie: {} record{} written\n", writer->written(), writer->written() == 1 ? "" : "s");
  return 0;
}

}  // namespace

Runner RegisterQuery(CLI::App& app) {
  struct Args {
    std::string db, format;
    FilterArgs filter;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand(
      "query", "Event records matching filters (time, place, type, actors, claimant, outlet, language, text).");
  sub->add_option("--db", args->db, "SQLite database file")->required();
  AddFilterOptions(sub, args->filter);
  sub->add_option("--format", args->format, "table (default on a terminal), jsonl (default otherwise), csv, geojson")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "geojson"}));
  return [args]() {
    std::string format = args->format;
    if (format.empty()) format = isatty(STDOUT_FILENO) ? "table" : "jsonl";
    return Write(args->db, args->filter, format, "");
  };
}

Runner RegisterExport(CLI::App& app) {
  struct Args {
    std::string db, format, output;
    FilterArgs filter;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand(
      "export",
      "Export event records as JSON Lines, CSV, GeoJSON or ACLED-style CSV (event_date, event_type, sub_event_type, "
      "actor1, actor2, admin1, location, latitude, longitude, geo_precision, time_precision, fatalities, source, "
      "notes). Every export credits GeoNames (CC BY 4.0). Accepts the same filters as vigie query.");
  sub->add_option("--db", args->db, "SQLite database file")->required();
  sub->add_option("--format", args->format, "jsonl, csv, geojson or acled")
      ->required()
      ->check(CLI::IsMember({"jsonl", "csv", "geojson", "acled"}));
  sub->add_option("-o,--output", args->output, "Output file (default: standard output)");
  AddFilterOptions(sub, args->filter);
  return [args]() { return Write(args->db, args->filter, args->format, args->output); };
}

}  // namespace vigie::cli

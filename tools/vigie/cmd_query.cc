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
#include "core/langpack.h"
#include "geo/resolver.h"
#include "segment/segment.h"
#include "store/export.h"
#include "store/store.h"

namespace vigie::cli {

namespace {

struct FilterArgs {
  std::string from, to, bbox, near, type, subtype, actor, claimant, outlet, lang, modality, text, sort = "date";
  double km = 25;
  int64_t limit = -1;
};

void AddFilterOptions(CLI::App* sub, FilterArgs& f) {
  sub->add_option("--from", f.from, "Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  sub->add_option("--to", f.to, "Events on or before this date");
  sub->add_option("--bbox", f.bbox, "Bounding box: minlon,minlat,maxlon,maxlat");
  sub->add_option("--near", f.near, "Centre of a circle: LAT,LON or a place name (with --km)");
  sub->add_option("--km", f.km, "Radius for --near in km (default 25)");
  sub->add_option("--type", f.type, "Event type (armed_clash, shelling, ...)");
  sub->add_option("--subtype", f.subtype, "Event subtype");
  sub->add_option("--actor", f.actor, "Actor name or class (either side)");
  sub->add_option("--claimant", f.claimant, "Claimant name or class");
  sub->add_option("--outlet", f.outlet, "Outlet of the document");
  sub->add_option("--lang", f.lang, "Language of the document");
  sub->add_option("--modality", f.modality, "asserted, reported, hedged, negated or denied");
  sub->add_option("--text", f.text, "Full-text query over the document text (SQLite FTS5 syntax)");
  sub->add_option("--sort", f.sort, "date or confidence")->check(CLI::IsMember({"date", "confidence"}));
  sub->add_option("--limit", f.limit, "At most this many records");
}

bool ParseNumbers(const std::string& s, size_t n, std::vector<double>* out) {
  out->clear();
  size_t pos = 0;
  while (pos <= s.size() && out->size() < n) {
    size_t comma = s.find(',', pos);
    std::string part = s.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    char* end = nullptr;
    double v = std::strtod(part.c_str(), &end);
    if (part.empty() || end == part.c_str() || *end != '\0' || !std::isfinite(v)) return false;
    out->push_back(v);
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out->size() == n && s.find(',', pos) == std::string::npos;
}

// Coordinates of a place name ("Aleppo", "Alep", "Deir ez-Zor"), resolved with the
// gazetteer the way place mentions in articles are.
StatusOr<std::pair<double, double>> PlaceCoordinates(const std::string& name) {
  auto packs = core::PackSet::Load(core::DefaultPackRoot());
  if (!packs.ok()) return packs.status();
  auto gaz = geo::Gazetteer::Open(geo::DefaultGazetteerPath());
  if (!gaz.ok()) return Status::NotFound("--near " + name + ": " + gaz.status().message());
  auto resolver = geo::Resolver::Create(*gaz, **packs);
  if (!resolver.ok()) return resolver.status();
  auto seg = segment::Segmenter::Create(**packs);
  if (!seg.ok()) return seg.status();
  segment::Segmentation s = seg->Segment(name, "");
  for (const auto& m : (*resolver)->Resolve(name, s, ""))
    if (m.has_coordinates) return std::make_pair(m.lat, m.lon);
  return Status::NotFound("--near: no place called '" + name + "' in the gazetteer");
}

StatusOr<store::EventFilter> MakeFilter(const FilterArgs& a) {
  static const std::regex kDate(R"(\d{4}(-\d{2}(-\d{2})?)?)");
  store::EventFilter f;
  for (const auto* d : {&a.from, &a.to}) {
    if (!d->empty() && !std::regex_match(*d, kDate))
      return Status::InvalidArgument("'" + *d + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  f.from = a.from, f.to = a.to;
  std::vector<double> v;
  if (!a.bbox.empty()) {
    if (!ParseNumbers(a.bbox, 4, &v) || v[0] > v[2] || v[1] > v[3])
      return Status::InvalidArgument("--bbox wants minlon,minlat,maxlon,maxlat, got '" + a.bbox + "'");
    f.bbox = store::BBox{v[0], v[1], v[2], v[3]};
  }
  if (!a.near.empty()) {
    if (!(a.km > 0)) return Status::InvalidArgument("--km wants a positive radius");
    if (ParseNumbers(a.near, 2, &v)) {
      if (std::fabs(v[0]) > 90 || std::fabs(v[1]) > 180)
        return Status::InvalidArgument("--near wants LAT,LON or a place name, got '" + a.near + "'");
      f.near = store::Near{v[0], v[1], a.km};
    } else {
      auto where = PlaceCoordinates(a.near);
      if (!where.ok()) return where.status();
      f.near = store::Near{where->first, where->second, a.km};
    }
  }
  f.type = a.type, f.subtype = a.subtype, f.actor = a.actor, f.claimant = a.claimant;
  f.outlet = a.outlet, f.lang = a.lang, f.modality = a.modality, f.text = a.text;
  f.sort = a.sort == "confidence" ? store::SortBy::kConfidence : store::SortBy::kDate;
  f.limit = a.limit;
  return f;
}

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

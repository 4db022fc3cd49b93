#include "filter_args.h"

#include <cmath>
#include <cstdlib>
#include <regex>
#include <vector>

#include "core/langpack.h"
#include "geo/resolver.h"
#include "segment/segment.h"

namespace vigie::cli {

namespace {

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

}  // namespace

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
  sub->add_option("--sort", f.sort, "date or confidence")
      ->check(CLI::IsMember({"date", "confidence"}));
  sub->add_option("--limit", f.limit, "At most this many records");
}

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
      return Status::InvalidArgument("--bbox wants minlon,minlat,maxlon,maxlat, got '" + a.bbox +
                                     "'");
    f.bbox = store::BBox{v[0], v[1], v[2], v[3]};
  }
  if (!a.near.empty()) {
    if (!(a.km > 0)) return Status::InvalidArgument("--km wants a positive radius");
    if (ParseNumbers(a.near, 2, &v)) {
      if (std::fabs(v[0]) > 90 || std::fabs(v[1]) > 180)
        return Status::InvalidArgument("--near wants LAT,LON or a place name, got '" + a.near +
                                       "'");
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

}  // namespace vigie::cli

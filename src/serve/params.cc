#include "serve/params.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <regex>

#include "core/utf8.h"

namespace vigie::serve {

namespace {

// The vocabularies of the event record (../shared/spec/EVENTS.md): schema values, the
// same in every language.
constexpr std::array<std::string_view, 17> kTypes = {
    "armed_clash", "territory_change", "air_strike", "shelling", "bombing", "attack_on_civilians",
    "siege", "displacement", "evacuation", "aid_delivery", "surrender", "arrest", "agreement",
    "ceasefire_violation", "protest", "riot", "toll"};
constexpr std::array<std::string_view, 5> kModalities = {"asserted", "reported", "hedged", "negated", "denied"};

Status Bad(std::string_view name, std::string_view value, std::string_view want) {
  return Status::InvalidArgument(std::string(name) + ": '" + std::string(value) + "' " + std::string(want));
}

// Comma-separated finite numbers, exactly n of them.
bool ParseNumbers(std::string_view s, size_t n, std::vector<double>* out) {
  out->clear();
  size_t pos = 0;
  while (true) {
    size_t comma = s.find(',', pos);
    std::string part(s.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    char* end = nullptr;
    double v = std::strtod(part.c_str(), &end);
    if (part.empty() || end != part.c_str() + part.size() || !std::isfinite(v)) return false;
    out->push_back(v);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return out->size() == n;
}

bool ParseInt(std::string_view s, int64_t* v) {
  if (s.empty() || s.size() > 18) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

bool IsDate(std::string_view s) {
  static const std::regex kDate(R"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)");
  return std::regex_match(s.begin(), s.end(), kDate);
}

// The first (or last) day an ISO date of any precision covers, for ordering.
std::string DateBound(const std::string& iso, bool last) {
  if (iso.size() == 4) return iso + (last ? "-12-31" : "-01-01");
  if (iso.size() == 7) return iso + (last ? "-31" : "-01");
  return iso;
}

}  // namespace

bool IsEventType(std::string_view s) { return std::find(kTypes.begin(), kTypes.end(), s) != kTypes.end(); }
bool IsModality(std::string_view s) {
  return std::find(kModalities.begin(), kModalities.end(), s) != kModalities.end();
}

Status CheckParams(const Params& params, const std::vector<std::string_view>& allowed) {
  for (size_t i = 0; i < params.size(); ++i) {
    const auto& [name, value] = params[i];
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string names;
      for (auto a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      if (!core::IsValidUtf8(name) || name.size() > 64) return Status::InvalidArgument("unknown parameter");
      return Status::InvalidArgument("unknown parameter '" + name + "'" +
                                     (names.empty() ? " (this endpoint takes none)" : " (known: " + names + ")"));
    }
    for (size_t j = 0; j < i; ++j)
      if (params[j].first == name) return Status::InvalidArgument(name + ": given more than once");
    if (value.size() > kMaxValueBytes)
      return Status::InvalidArgument(name + ": longer than " + std::to_string(kMaxValueBytes) + " bytes");
    if (!core::IsValidUtf8(value)) return Status::InvalidArgument(name + ": not valid UTF-8");
  }
  return Status::Ok();
}

std::string Param(const Params& params, std::string_view name) {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

const std::vector<std::string_view>& EventFilterParams() {
  static const std::vector<std::string_view> kNames = {
      "from", "to", "bbox", "near", "km", "type", "subtype", "actor", "claimant", "outlet",
      "lang", "modality", "text", "sort", "limit", "offset"};
  return kNames;
}

const std::vector<std::string_view>& ClusterFilterParams() {
  static const std::vector<std::string_view> kNames = {
      "from", "to", "bbox", "near", "km", "type", "subtype", "actor", "claimant", "outlet", "lang",
      "text", "min_outlets", "contradicted", "sources", "sort", "limit", "offset"};
  return kNames;
}

Status ParsePage(const Params& params, int64_t* limit, int64_t* offset) {
  *limit = kDefaultPageSize;
  *offset = 0;
  if (std::string v = Param(params, "limit"); !v.empty()) {
    if (!ParseInt(v, limit) || *limit < 1 || *limit > kMaxPageSize)
      return Bad("limit", v, "is not a page size (1 to " + std::to_string(kMaxPageSize) + ")");
  }
  if (std::string v = Param(params, "offset"); !v.empty()) {
    if (!ParseInt(v, offset) || *offset < 0 || *offset > kMaxOffset)
      return Bad("offset", v, "is not an offset (0 to " + std::to_string(kMaxOffset) + ")");
  }
  return Status::Ok();
}

StatusOr<store::EventFilter> ParseEventFilter(const Params& params, const PlaceLookup& places) {
  store::EventFilter f;
  f.from = Param(params, "from");
  f.to = Param(params, "to");
  for (auto [name, v] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
    if (!v->empty() && !IsDate(*v)) return Bad(name, *v, "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  if (!f.from.empty() && !f.to.empty() && DateBound(f.from, false) > DateBound(f.to, true))
    return Status::InvalidArgument("from: '" + f.from + "' is after to: '" + f.to + "'");
  std::vector<double> v;
  if (std::string bbox = Param(params, "bbox"); !bbox.empty()) {
    if (!ParseNumbers(bbox, 4, &v) || v[0] > v[2] || v[1] > v[3] || std::fabs(v[0]) > 180 || std::fabs(v[2]) > 180 ||
        std::fabs(v[1]) > 90 || std::fabs(v[3]) > 90)
      return Bad("bbox", bbox, "is not minlon,minlat,maxlon,maxlat in degrees");
    f.bbox = store::BBox{v[0], v[1], v[2], v[3]};
  }
  std::string km = Param(params, "km");
  if (std::string near = Param(params, "near"); !near.empty()) {
    if (!ParseNumbers(near, 2, &v)) {
      if (!places) return Bad("near", near, "is not LAT,LON in degrees (place names need the gazetteer)");
      auto where = places(near);
      if (!where.ok()) {
        if (where.status().code() == StatusCode::kNotFound) return Bad("near", near, "is no place in the gazetteer");
        return where.status();
      }
      v = {where->first, where->second};
    }
    if (std::fabs(v[0]) > 90 || std::fabs(v[1]) > 180) return Bad("near", near, "is not LAT,LON in degrees");
    double radius = 25;
    std::vector<double> r;
    if (!km.empty() && (!ParseNumbers(km, 1, &r) || !(r[0] > 0) || r[0] > 20040))
      return Bad("km", km, "is not a radius in km (more than 0, at most 20040)");
    if (!km.empty()) radius = r[0];
    f.near = store::Near{v[0], v[1], radius};
  } else if (!km.empty()) {
    return Status::InvalidArgument("km: only with near");
  }
  f.type = Param(params, "type");
  if (!f.type.empty() && !IsEventType(f.type)) return Bad("type", f.type, "is not an event type (see EVENTS.md)");
  f.modality = Param(params, "modality");
  if (!f.modality.empty() && !IsModality(f.modality))
    return Bad("modality", f.modality, "is not asserted, reported, hedged, negated or denied");
  f.subtype = Param(params, "subtype");
  f.actor = Param(params, "actor");
  f.claimant = Param(params, "claimant");
  f.outlet = Param(params, "outlet");
  f.lang = Param(params, "lang");
  f.text = Param(params, "text");
  std::string sort = Param(params, "sort");
  if (!sort.empty() && sort != "date" && sort != "confidence") return Bad("sort", sort, "is not date or confidence");
  f.sort = sort == "confidence" ? store::SortBy::kConfidence : store::SortBy::kDate;
  VIGIE_RETURN_IF_ERROR(ParsePage(params, &f.limit, &f.offset));
  return f;
}

StatusOr<store::ClusterFilter> ParseClusterFilter(const Params& params, const PlaceLookup& places) {
  // The filters clusters share with events are read and checked by ParseEventFilter.
  Params shared;
  for (const auto& p : params)
    if (p.first != "min_outlets" && p.first != "contradicted" && p.first != "sources" && p.first != "sort")
      shared.push_back(p);
  auto e = ParseEventFilter(shared, places);
  if (!e.ok()) return e.status();
  store::ClusterFilter f;
  f.from = e->from, f.to = e->to, f.bbox = e->bbox, f.near = e->near, f.type = e->type, f.subtype = e->subtype;
  f.actor = e->actor, f.claimant = e->claimant, f.outlet = e->outlet, f.lang = e->lang, f.text = e->text;
  f.limit = e->limit, f.offset = e->offset;
  if (std::string v = Param(params, "min_outlets"); !v.empty()) {
    if (!ParseInt(v, &f.min_outlets) || f.min_outlets < 0 || f.min_outlets > 1000000)
      return Bad("min_outlets", v, "is not a count (0 to 1000000)");
  }
  for (auto [name, flag] : {std::pair{"contradicted", &f.contradicted}, std::pair{"sources", &f.with_sources}}) {
    std::string v = Param(params, name);
    if (v.empty()) continue;
    if (v != "true" && v != "false" && v != "1" && v != "0") return Bad(name, v, "is not true or false");
    *flag = v == "true" || v == "1";
  }
  std::string sort = Param(params, "sort");
  if (!sort.empty() && sort != "date" && sort != "outlets") return Bad("sort", sort, "is not date or outlets");
  f.sort = sort == "outlets" ? store::ClusterSortBy::kOutlets : store::ClusterSortBy::kDate;
  return f;
}

}  // namespace vigie::serve

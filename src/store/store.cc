#include "store/store.h"

#include <algorithm>
#include <cmath>

#include "core/hash.h"
#include "store/store_internal.h"

namespace vigie::store {

BBox BoxAround(const Near& n) {
  const double km_per_degree = 111.19;
  const double dlat = n.km / km_per_degree;
  const double c = std::cos(n.lat * M_PI / 180.0);
  const double dlon = c > 1e-6 ? std::min(180.0, n.km / (km_per_degree * c)) : 180.0;
  return BBox{n.lon - dlon, n.lat - dlat, n.lon + dlon, n.lat + dlat};
}

std::string ContentHash(const Document& d) {
  std::string key;
  key.reserve(d.raw.size() + d.title.size() + d.url.size() + d.outlet.size() + 64);
  for (const std::string* part : {&d.url, &d.outlet, &d.title, &d.lang, &d.date, &d.raw}) {
    key += std::to_string(part->size());
    key += ':';
    key += *part;
  }
  return core::HashHex(key);
}

StatusOr<std::vector<EventRow>> Store::QueryEvents(const EventFilter& filter) {
  std::vector<EventRow> rows;
  Status st = QueryEvents(filter, [&](const EventRow& r) {
    rows.push_back(r);
    return true;
  });
  if (!st.ok()) return st;
  return rows;
}

StatusOr<std::vector<Cluster>> Store::QueryClusters(const ClusterFilter& filter) {
  std::vector<Cluster> out;
  Status st = QueryClusters(filter, [&](const Cluster& c) {
    out.push_back(c);
    return true;
  });
  if (!st.ok()) return st;
  return out;
}

namespace internal {

std::string DateLo(std::string_view iso) {
  if (iso.size() == 4) return std::string(iso) + "-01-01";
  if (iso.size() == 7) return std::string(iso) + "-01";
  return std::string(iso.substr(0, 10));
}

std::string DateHi(std::string_view iso) {
  if (iso.size() == 4) return std::string(iso) + "-12-31";
  if (iso.size() == 7) return std::string(iso) + "-31";
  return std::string(iso.substr(0, 10));
}

int64_t DayKey(std::string_view day) {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return -1;
  int64_t key = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (day[i] < '0' || day[i] > '9') return -1;
    key = key * 10 + (day[i] - '0');
  }
  return key;
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0, kEarthKm = 6371.0088;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::string JsonQuote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          static const char* kHex = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

namespace {

void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
bool GetU32(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  *v = 0;
  for (int i = 0; i < 4; ++i) *v |= static_cast<uint32_t>(static_cast<unsigned char>((*in)[i])) << (8 * i);
  in->remove_prefix(4);
  return true;
}
bool GetBytes(std::string_view* in, std::string* out) {
  uint32_t n = 0;
  if (!GetU32(in, &n) || in->size() < n) return false;
  out->assign(in->data(), n);
  in->remove_prefix(n);
  return true;
}

}  // namespace

std::string PackMentions(const std::vector<Mention>& mentions) {
  size_t size = 0;
  for (const Mention& m : mentions) size += 20 + m.kind.size() + m.text.size() + m.value_json.size();
  std::string out;
  out.reserve(size);
  for (const Mention& m : mentions) {
    for (const std::string* part : {&m.kind, &m.text, &m.value_json}) {
      PutU32(static_cast<uint32_t>(part->size()), &out);
      out += *part;
    }
    PutU32(m.start, &out);
    PutU32(m.end, &out);
  }
  return out;
}

bool UnpackMentions(std::string_view in, std::vector<Mention>* out) {
  while (!in.empty()) {
    Mention m;
    if (!GetBytes(&in, &m.kind) || !GetBytes(&in, &m.text) || !GetBytes(&in, &m.value_json) ||
        !GetU32(&in, &m.start) || !GetU32(&in, &m.end))
      return false;
    out->push_back(std::move(m));
  }
  return true;
}

SqlQuery BuildEventQuery(const EventFilter& f) {
  SqlQuery q = BuildEventWhere(f);
  q.sql.insert(0, "SELECT e.json, d.outlet, d.url, d.date, d.lang");
  q.sql += f.sort == SortBy::kConfidence ? " ORDER BY e.confidence DESC, e.event_id"
                                         : " ORDER BY e.day_lo, e.date_lo, e.event_id";
  if (f.limit >= 0 || f.offset > 0) {
    q.sql += " LIMIT ?";
    q.params.emplace_back(f.limit >= 0 ? f.limit : int64_t{-1});
  }
  if (f.offset > 0) {
    q.sql += " OFFSET ?";
    q.params.emplace_back(f.offset);
  }
  return q;
}

SqlQuery BuildEventWhere(const EventFilter& f) {
  SqlQuery q;
  q.sql = " FROM events e LEFT JOIN documents d ON d.id = e.doc_id WHERE 1";
  auto add = [&](const char* clause, auto... values) {
    q.sql += clause;
    (q.params.emplace_back(values), ...);
  };
  // With a place filter the spots' R*Tree drives the search and the events(spot_key,
  // day_lo, day_hi, type) index narrows each spot's events in time and type before any
  // events row is read; the other terms are kept off their indexes with a unary "+" so
  // that the planner cannot prefer them.
  const bool spatial = f.bbox || f.near;
  const std::string p = spatial ? "+" : "";
  auto term = [&](const std::string& clause, const std::string& value) {
    q.sql += clause;
    q.params.emplace_back(value);
  };
  // Time terms test the integer day keys (schema 6), which the indexes hold; a bound that
  // is not a date falls back to the text columns, as before schema 6.
  auto day_term = [&](const std::string& prefix, const char* column, const char* op, const std::string& day) {
    const int64_t key = DayKey(day);
    if (key >= 0) {
      q.sql += " AND " + prefix + "e.day_" + column + op + "?";
      q.params.emplace_back(key);
    } else {
      term(" AND " + prefix + "e.date_" + column + op + "?", day);
    }
  };
  if (!f.from.empty()) day_term(p, "hi", " >= ", DateLo(f.from));
  if (!f.to.empty()) day_term("", "lo", " <= ", DateHi(f.to));
  auto box = [&](double min_lon, double min_lat, double max_lon, double max_lat) {
    add(" AND e.spot_key IN (SELECT spot_key FROM spots_rtree WHERE min_lon >= ? AND max_lon <= ? AND "
        "min_lat >= ? AND max_lat <= ?)",
        min_lon, max_lon, min_lat, max_lat);
  };
  if (f.bbox) box(f.bbox->min_lon, f.bbox->min_lat, f.bbox->max_lon, f.bbox->max_lat);
  if (f.near) {
    const BBox b = BoxAround(*f.near);  // then the exact distance
    box(b.min_lon, b.min_lat, b.max_lon, b.max_lat);
    add(" AND vigie_km(e.loc_lat, e.loc_lon, ?, ?) <= ?", f.near->lat, f.near->lon, f.near->km);
  }
  if (!f.type.empty()) term(" AND " + p + "e.type = ?", f.type);
  if (!f.subtype.empty()) term(" AND e.subtype = ?", f.subtype);
  if (!f.modality.empty()) term(" AND e.modality = ?", f.modality);
  if (!f.actor.empty()) {
    add(" AND (e.actor1_name = ? COLLATE NOCASE OR e.actor1_class = ? COLLATE NOCASE OR e.actor2_name = ? COLLATE "
        "NOCASE OR e.actor2_class = ? COLLATE NOCASE)",
        f.actor, f.actor, f.actor, f.actor);
  }
  if (!f.claimant.empty())
    add(" AND (e.claimant_name = ? COLLATE NOCASE OR e.claimant_class = ? COLLATE NOCASE)", f.claimant, f.claimant);
  if (!f.outlet.empty()) term(" AND " + p + "d.outlet = ? COLLATE NOCASE", f.outlet);
  if (!f.lang.empty()) term(" AND d.lang = ?", f.lang);
  if (!f.doc_id.empty()) term(" AND e.doc_id = ?", f.doc_id);
  if (!f.starts_from.empty()) day_term(p, "lo", " >= ", DateLo(f.starts_from));
  if (!f.text.empty())
    add(" AND d.doc_key IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", f.text);
  if (!f.event_id.empty()) term(" AND e.event_id = ?", f.event_id);
  return q;
}

}  // namespace internal

}  // namespace vigie::store

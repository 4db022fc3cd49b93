#include "evaluate/event_score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "core/civil_date.h"

namespace vigie::evaluate {

namespace {

std::string Describe(const EventRecord& e) {
  std::string s = e.type;
  if (!e.subtype.empty()) s += "/" + e.subtype;
  if (e.date)
    s += " " + e.date->start +
         (e.date->end.empty() || e.date->end == e.date->start ? "" : ".." + e.date->end);
  if (e.location) {
    s += " @" + (e.location->name.empty() ? e.location->text : e.location->name);
    if (e.location->geonameid) s += "#" + std::to_string(*e.location->geonameid);
    if (!e.location->part.empty()) s += "(" + e.location->part + ")";
  }
  return s;
}

std::string QuantityKey(const Quantity& q) {
  char buf[128];
  if (q.min || q.max)
    std::snprintf(buf, sizeof buf, "%s:%g-%g:%s", q.kind.c_str(), q.min.value_or(-1),
                  q.max.value_or(-1), q.qualifier.c_str());
  else
    std::snprintf(buf, sizeof buf, "%s:%g:%s", q.kind.c_str(), q.value.value_or(-1),
                  q.qualifier.c_str());
  return buf;
}

std::string ActorField(const std::optional<EventActor>& a, bool label) {
  if (!a) return "null";
  return label ? a->label : a->cls;
}

}  // namespace

bool DatesOverlap(const std::optional<EventDate>& gold, const std::optional<EventDate>& pred,
                  int slack) {
  if (!gold || gold->start.empty()) return true;  // gold says nothing about the date
  if (!pred || pred->start.empty()) return false;
  long g0, g1, p0, p1, t0, t1;
  if (!core::DayRange(gold->start, &g0, &g1) || !core::DayRange(pred->start, &p0, &p1))
    return false;
  if (!gold->end.empty() && core::DayRange(gold->end, &t0, &t1)) g1 = std::max(g1, t1);
  if (!pred->end.empty() && core::DayRange(pred->end, &t0, &t1)) p1 = std::max(p1, t1);
  return p0 <= g1 + slack && p1 >= g0 - slack;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRad) *
                                                           std::cos(lat2 * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0088 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

bool LocationsAgree(const std::optional<EventLocation>& gold,
                    const std::optional<EventLocation>& pred, double km) {
  const bool g_null = !gold || (!gold->geonameid && gold->country.empty());
  const bool p_null = !pred || (!pred->geonameid && pred->country.empty());
  if (g_null) return p_null || !pred->geonameid;
  if (p_null) return false;
  if (!gold->geonameid) return pred->country == gold->country;  // region or country
  if (pred->geonameid && *pred->geonameid == *gold->geonameid) return true;
  if (gold->lat && gold->lon && pred->lat && pred->lon)
    return DistanceKm(*gold->lat, *gold->lon, *pred->lat, *pred->lon) <= km;
  return false;
}

const std::vector<std::string>& FieldNames() {
  static const std::vector<std::string> kNames = {
      "subtype",      "date_start",   "geonameid",  "part",     "actor1_class", "actor2_class",
      "actor1_label", "actor2_label", "quantities", "claimant", "modality",     "status"};
  return kNames;
}

bool FieldAgrees(const std::string& f, const EventRecord& g, const EventRecord& p) {
  if (f == "subtype") return g.subtype == p.subtype;
  if (f == "date_start") return (g.date ? g.date->start : "") == (p.date ? p.date->start : "");
  if (f == "geonameid") {
    int64_t a = g.location && g.location->geonameid ? *g.location->geonameid : -1;
    int64_t b = p.location && p.location->geonameid ? *p.location->geonameid : -1;
    return a == b;
  }
  if (f == "part")
    return (g.location ? g.location->part : "") == (p.location ? p.location->part : "");
  if (f == "actor1_class") return ActorField(g.actor1, false) == ActorField(p.actor1, false);
  if (f == "actor2_class") return ActorField(g.actor2, false) == ActorField(p.actor2, false);
  if (f == "actor1_label")
    return (g.actor1 ? g.actor1->label : "") == (p.actor1 ? p.actor1->label : "");
  if (f == "actor2_label")
    return (g.actor2 ? g.actor2->label : "") == (p.actor2 ? p.actor2->label : "");
  if (f == "quantities") {
    std::vector<std::string> a, b;
    for (const auto& q : g.quantities) a.push_back(QuantityKey(q));
    for (const auto& q : p.quantities) b.push_back(QuantityKey(q));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
  }
  if (f == "claimant") {
    if (g.claimant.has_value() != p.claimant.has_value()) return false;
    return !g.claimant || g.claimant->cls == p.claimant->cls;
  }
  if (f == "modality") return g.modality == p.modality;
  if (f == "status") return g.status == p.status;
  return false;
}

std::string FieldValue(const std::string& f, const EventRecord& e) {
  auto actor = [](const std::optional<EventActor>& a, bool label) {
    if (!a) return std::string("null");
    std::string s = label ? (a->label.empty() ? "-" : a->label) : a->cls;
    return s + " \"" + a->text + "\"";
  };
  if (f == "subtype") return e.subtype;
  if (f == "date_start")
    return e.date ? e.date->start + " " + e.date->basis + " \"" + e.date->text + "\"" : "null";
  if (f == "geonameid" || f == "part") {
    if (!e.location) return "null";
    std::string s = e.location->geonameid ? std::to_string(*e.location->geonameid) : "-";
    return s + " " + e.location->part + " \"" + e.location->text + "\"";
  }
  if (f == "actor1_class") return actor(e.actor1, false);
  if (f == "actor2_class") return actor(e.actor2, false);
  if (f == "actor1_label") return actor(e.actor1, true);
  if (f == "actor2_label") return actor(e.actor2, true);
  if (f == "quantities") {
    std::vector<std::string> a;
    for (const auto& q : e.quantities) a.push_back(QuantityKey(q));
    std::sort(a.begin(), a.end());
    std::string s;
    for (const auto& x : a) s += (s.empty() ? "" : " ") + x;
    return s.empty() ? "none" : s;
  }
  if (f == "claimant")
    return e.claimant ? e.claimant->cls + " \"" + e.claimant->text + "\"" : "null";
  if (f == "modality") return e.modality;
  if (f == "status") return e.status;
  return "";
}

std::vector<Pair> MatchEvents(const std::vector<EventRecord>& gold,
                              const std::vector<EventRecord>& pred) {
  // (optional, -agreement, gold, pred) sorts the preferred pairs first.
  std::vector<std::tuple<int, int, size_t, size_t>> cands;
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t p = 0; p < pred.size(); ++p) {
      if (gold[g].type != pred[p].type) continue;
      if (!DatesOverlap(gold[g].date, pred[p].date)) continue;
      if (!LocationsAgree(gold[g].location, pred[p].location)) continue;
      int agree = 0;
      for (const auto& f : FieldNames()) agree += FieldAgrees(f, gold[g], pred[p]) ? 1 : 0;
      cands.emplace_back(gold[g].optional ? 1 : 0, -agree, g, p);
    }
  }
  std::sort(cands.begin(), cands.end());
  std::vector<bool> g_used(gold.size()), p_used(pred.size());
  std::vector<Pair> out;
  for (const auto& [opt, agree, g, p] : cands) {
    if (g_used[g] || p_used[p]) continue;
    g_used[g] = p_used[p] = true;
    out.push_back({g, p});
  }
  std::sort(out.begin(), out.end(), [](const Pair& a, const Pair& b) { return a.gold < b.gold; });
  return out;
}

void EventScorer::Add(const std::string& doc, const std::string& lang,
                      const std::vector<EventRecord>& gold, const std::vector<EventRecord>& pred) {
  auto pairs = MatchEvents(gold, pred);
  std::vector<bool> g_hit(gold.size()), p_hit(pred.size());
  for (const auto& pr : pairs) {
    g_hit[pr.gold] = p_hit[pr.pred] = true;
    const EventRecord& g = gold[pr.gold];
    const EventRecord& p = pred[pr.pred];
    if (g.optional) continue;  // matched optional: neither credited nor penalised
    ++report_.overall.tp;
    ++report_.by_lang[lang].tp;
    ++report_.by_type[g.type].tp;
    for (const auto& f : FieldNames()) {
      FieldTally& t = report_.fields[f];
      ++t.total;
      if (FieldAgrees(f, g, p)) {
        ++t.correct;
      } else {
        report_.failures.push_back({doc, "field:" + f, Describe(g), Describe(p),
                                    FieldValue(f, g) + " | " + FieldValue(f, p)});
      }
    }
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (g_hit[g] || gold[g].optional) continue;
    ++report_.overall.fn;
    ++report_.by_lang[lang].fn;
    ++report_.by_type[gold[g].type].fn;
    report_.failures.push_back({doc, "missed", Describe(gold[g]), "", ""});
  }
  for (size_t p = 0; p < pred.size(); ++p) {
    if (p_hit[p]) continue;
    ++report_.overall.fp;
    ++report_.by_lang[lang].fp;
    ++report_.by_type[pred[p].type].fp;
    report_.failures.push_back({doc, "spurious", "", Describe(pred[p]), ""});
  }
}

}  // namespace vigie::evaluate

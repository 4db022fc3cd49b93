// What fusion concludes about one cluster (docs/fusion.md, "What a cluster says").
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "fuse/compat_internal.h"
#include "fuse/fuse.h"

namespace vigie::fuse {

namespace {

using Rec = const FuseRecord*;

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool Denies(const EventRecord& e) { return e.modality == "denied" || e.modality == "negated"; }

std::string ClaimantOf(const EventRecord& e) {
  if (!e.claimant) return {};
  return !e.claimant->name.empty() ? e.claimant->name : e.claimant->cls;
}

// Who speaks in a record: its claimant, else its outlet, else its document.
std::string Voice(const FuseRecord& r) {
  std::string c = ClaimantOf(r.event);
  if (!c.empty()) return c;
  return !r.outlet.empty() ? r.outlet : r.event.doc_id;
}

// The most frequent value, ties broken by the smaller value.
template <typename T>
T MostFrequent(const std::vector<T>& values) {
  std::map<T, int> counts;
  for (const auto& v : values) ++counts[v];
  T best{};
  int n = 0;
  for (const auto& [v, c] : counts)
    if (c > n) best = v, n = c;
  return best;
}

std::optional<EventDate> BestDate(const std::vector<Rec>& m) {
  int best = 99;
  for (Rec r : m)
    if (r->event.date && !r->event.date->start.empty())
      best = std::min(best, internal::DatePrecisionRank(r->event.date->precision));
  if (best == 99) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> spans;
  for (Rec r : m)
    if (r->event.date && !r->event.date->start.empty() &&
        internal::DatePrecisionRank(r->event.date->precision) == best)
      spans.emplace_back(r->event.date->start, r->event.date->end);
  auto chosen = MostFrequent(spans);
  for (Rec r : m)  // the first member (by event id) that says it
    if (r->event.date && r->event.date->start == chosen.first &&
        r->event.date->end == chosen.second &&
        internal::DatePrecisionRank(r->event.date->precision) == best)
      return r->event.date;
  return std::nullopt;
}

std::string PlaceKey(const EventLocation& l) {
  return l.geonameid ? "g" + std::to_string(*l.geonameid)
                     : "n" + l.country + "/" + l.name + "/" + l.text;
}

std::optional<EventLocation> BestPlace(const std::vector<Rec>& m) {
  int best = 99;
  for (Rec r : m)
    if (r->event.location)
      best = std::min(best, internal::PlacePrecisionRank(r->event.location->precision));
  if (best == 99) return std::nullopt;
  std::vector<std::string> keys;
  for (Rec r : m)
    if (r->event.location && internal::PlacePrecisionRank(r->event.location->precision) == best)
      keys.push_back(PlaceKey(*r->event.location));
  std::string chosen = MostFrequent(keys);
  std::optional<EventLocation> out;
  std::vector<std::string> parts;
  for (Rec r : m) {
    if (!r->event.location || PlaceKey(*r->event.location) != chosen) continue;
    if (!out) out = r->event.location;
    if (!r->event.location->part.empty()) parts.push_back(r->event.location->part);
  }
  if (out) out->part = parts.empty() ? std::string() : MostFrequent(parts);
  return out;
}

std::string PartyKey(const std::optional<EventActor>& a) {
  if (!a || a->cls == "unknown") return {};
  return !a->name.empty() ? "n:" + Lower(a->name) : a->cls.empty() ? std::string() : "c:" + a->cls;
}

bool SameParty(const std::optional<EventActor>& a, const std::optional<EventActor>& b) {
  if (!a || !b || a->cls == "unknown" || b->cls == "unknown") return false;
  if (!a->name.empty() && !b->name.empty()) return Lower(a->name) == Lower(b->name);
  return !a->cls.empty() && a->cls == b->cls;
}

// The actor most members name in `field` (ties: the first member, by event id, naming
// one of the tied), leaving out `other` (so a reversed claim does not name one party twice).
std::optional<EventActor> BestActor(const std::vector<Rec>& m,
                                    std::optional<EventActor> EventRecord::*field,
                                    const std::optional<EventActor>& other) {
  std::map<std::string, int> counts;
  for (Rec r : m)
    if (auto k = PartyKey(r->event.*field); !k.empty() && !SameParty(r->event.*field, other))
      ++counts[k];
  int top = 0;
  for (const auto& [k, n] : counts) top = std::max(top, n);
  for (Rec r : m) {
    auto k = PartyKey(r->event.*field);
    if (!k.empty() && counts.count(k) && counts[k] == top && !SameParty(r->event.*field, other))
      return r->event.*field;
  }
  return std::nullopt;
}

// A claimed figure as the interval of true values it allows, half-open [lo, hi): an
// exact figure is as precise as its rounding ("1,200": 1,150 to 1,250; "47": 46.5 to
// 47.5), "about" allows 20 % below and 25 % above, "more than" and "at least" have no
// upper end. Two claims contradict when their intervals do not meet.
struct Interval {
  double lo, hi;
};

double RoundingUnit(double v) {
  v = std::fabs(v);
  if (v < 1 || std::floor(v) != v) return 0.1;
  double u = 1;
  while (std::fmod(v, u * 10) == 0 && u * 10 <= v / 10) u *= 10;
  return u;
}

std::optional<Interval> Allowed(const Quantity& q) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (q.min || q.max) {
    double lo = q.min.value_or(0), hi = q.max.value_or(kInf);
    return Interval{lo - RoundingUnit(lo) / 2, hi + RoundingUnit(hi) / 2};
  }
  if (!q.value) return std::nullopt;
  double v = *q.value, half = RoundingUnit(v) / 2;
  if (q.qualifier == "about") return Interval{v * 0.8, v * 1.25};
  if (q.qualifier == "more_than") return Interval{v, kInf};
  if (q.qualifier == "at_least") return Interval{v - half, kInf};
  if (q.qualifier == "less_than") return Interval{0, v + half};
  return Interval{v - half, v + half};
}

std::string FigureText(const Quantity& q) {
  if (!q.text.empty()) return q.text;
  auto num = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  if (q.min || q.max) return num(q.min.value_or(0)) + "-" + num(q.max.value_or(0));
  return q.value ? num(*q.value) : "?";
}

void QuantityContradictions(const std::vector<store::ClaimedQuantity>& claims,
                            const std::map<std::string, Rec>& by_id,
                            std::vector<store::Contradiction>* out) {
  // Claims are compared as distinct figures (kind, unit, qualifier, value, range), so a
  // cluster of many reports costs the square of its distinct figures, not of its reports.
  using Figure = std::tuple<std::string, std::string, double, double, double>;
  std::map<std::string, std::map<Figure, std::vector<const store::ClaimedQuantity*>>> by_kind;
  for (const auto& c : claims) {
    const Quantity& q = c.quantity;
    by_kind[q.kind]
           [{q.unit, q.qualifier, q.value.value_or(-1), q.min.value_or(-1), q.max.value_or(-1)}]
               .push_back(&c);
  }
  for (const auto& [kind, figures] : by_kind) {
    std::vector<const std::vector<const store::ClaimedQuantity*>*> list;
    for (const auto& [f, v] : figures) list.push_back(&v);
    std::set<size_t> involved;
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        const Quantity &a = list[i]->front()->quantity, &b = list[j]->front()->quantity;
        if (!a.unit.empty() && !b.unit.empty() && a.unit != b.unit) continue;
        auto ia = Allowed(a), ib = Allowed(b);
        if (!ia || !ib) continue;
        if (ia->lo < ib->hi && ib->lo < ia->hi) continue;
        involved.insert(i), involved.insert(j);
      }
    }
    if (involved.empty()) continue;
    store::Contradiction x{"quantity", kind, "", {}};
    std::set<std::string> sides;  // "figure (voice)", sorted, distinct
    for (size_t i : involved) {
      for (const store::ClaimedQuantity* c : *list[i]) {
        x.event_ids.push_back(c->event_id);
        sides.insert(FigureText(c->quantity) + " (" + Voice(*by_id.at(c->event_id)) + ")");
      }
    }
    x.detail = kind + ": ";
    bool first = true;
    for (const auto& s : sides) {
      x.detail += (first ? "" : " vs ") + s;
      first = false;
    }
    std::sort(x.event_ids.begin(), x.event_ids.end());
    x.event_ids.erase(std::unique(x.event_ids.begin(), x.event_ids.end()), x.event_ids.end());
    out->push_back(std::move(x));
  }
}

std::string ActorText(const std::optional<EventActor>& a) {
  if (!a) return "?";
  return !a->name.empty() ? a->name : a->cls;
}

void ActorContradictions(const std::vector<Rec>& voices, std::vector<store::Contradiction>* out) {
  // Compared as distinct (actor1, actor2) pairs of parties, each with its records.
  std::map<std::pair<std::string, std::string>, std::vector<Rec>> dyads;
  for (Rec r : voices) dyads[{PartyKey(r->event.actor1), PartyKey(r->event.actor2)}].push_back(r);
  std::vector<const std::vector<Rec>*> list;
  for (const auto& [k, v] : dyads) list.push_back(&v);
  std::set<std::string> reversed_ids, perp_ids;
  std::set<std::string> reversed_sides, perp_sides;
  auto voices_of = [](const std::vector<Rec>& rs) {
    std::set<std::string> v;
    for (Rec r : rs) v.insert(Voice(*r));
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
    return out;
  };
  auto ids_of = [](const std::vector<Rec>& rs, std::set<std::string>* ids) {
    for (Rec r : rs) ids->insert(r->event.event_id);
  };
  for (size_t i = 0; i < list.size(); ++i) {
    for (size_t j = 0; j < list.size(); ++j) {
      if (i == j) continue;
      const EventRecord &a = list[i]->front()->event, &b = list[j]->front()->event;
      bool reversed = SameParty(a.actor1, b.actor2) && !(b.actor1 && SameParty(a.actor1, b.actor1));
      if (reversed) {
        ids_of(*list[i], &reversed_ids), ids_of(*list[j], &reversed_ids);
        reversed_sides.insert(ActorText(a.actor1) + " over " + ActorText(a.actor2) + " (" +
                              voices_of(*list[i]) + ")");
        continue;
      }
      if (i < j && !PartyKey(a.actor1).empty() && !PartyKey(b.actor1).empty() &&
          !SameParty(a.actor1, b.actor1) && !SameParty(b.actor1, a.actor2)) {
        ids_of(*list[i], &perp_ids), ids_of(*list[j], &perp_ids);
        perp_sides.insert(ActorText(a.actor1) + " (" + voices_of(*list[i]) + ")");
        perp_sides.insert(ActorText(b.actor1) + " (" + voices_of(*list[j]) + ")");
      }
    }
  }
  auto add = [&](const char* kind, const char* lead, const std::set<std::string>& ids,
                 const std::set<std::string>& sides) {
    if (ids.empty()) return;
    store::Contradiction x{kind, "actors", lead, std::vector<std::string>(ids.begin(), ids.end())};
    bool first = true;
    for (const auto& s : sides) {
      x.detail += (first ? "" : " vs ") + s;
      first = false;
    }
    out->push_back(std::move(x));
  };
  add("actor_roles", "roles reversed: ", reversed_ids, reversed_sides);
  add("perpetrator", "who did it: ", perp_ids, perp_sides);
}

}  // namespace

void Prepare(std::vector<FuseRecord>* records,
             const std::unordered_map<std::string, std::string>& outlet_of_doc) {
  for (FuseRecord& r : *records) {
    if (!r.source.empty()) continue;
    std::string doc = r.copy_of.empty() ? r.event.doc_id : r.copy_of;
    std::string outlet = r.copy_of.empty() ? r.outlet : std::string();
    if (!r.copy_of.empty()) {
      auto it = outlet_of_doc.find(r.copy_of);
      if (it != outlet_of_doc.end()) outlet = it->second;
    }
    r.source = !outlet.empty() ? "outlet:" + Lower(outlet) : "doc:" + doc;
  }
}

store::Cluster Summarise(const std::vector<FuseRecord>& records, const std::vector<size_t>& group) {
  std::vector<Rec> m;
  for (size_t i : group) m.push_back(&records[i]);
  std::sort(m.begin(), m.end(), [](Rec a, Rec b) { return a->event.event_id < b->event.event_id; });
  store::Cluster c;
  if (m.empty()) return c;
  std::vector<std::string> ids;
  for (Rec r : m) ids.push_back(r->event.event_id);
  c.cluster_id = ClusterId(ids);
  c.type = m.front()->event.type;
  std::vector<std::string> subtypes;
  for (Rec r : m)
    if (!r->event.subtype.empty()) subtypes.push_back(r->event.subtype);
  if (!subtypes.empty()) c.subtype = MostFrequent(subtypes);
  c.date = BestDate(m);
  c.location = BestPlace(m);

  // A syndicated copy whose original is in the cluster adds no voice of its own.
  std::set<std::string> docs;
  for (Rec r : m) docs.insert(r->event.doc_id);
  std::vector<Rec> voices, asserting;
  for (Rec r : m) {
    if (!r->copy_of.empty() && docs.count(r->copy_of)) continue;
    voices.push_back(r);
    if (!Denies(r->event)) asserting.push_back(r);
  }
  const std::vector<Rec>& roles = asserting.empty() ? m : asserting;
  c.actor1 = BestActor(roles, &EventRecord::actor1, std::nullopt);
  c.actor2 = BestActor(roles, &EventRecord::actor2, c.actor1);

  std::set<std::string> sources, claimants, outlets;
  for (Rec r : m) {
    sources.insert(r->source);
    std::string who = ClaimantOf(r->event);
    claimants.insert(who.empty() ? r->source : "claimant:" + Lower(who));
    if (!r->outlet.empty()) outlets.insert(r->outlet);
  }
  c.events = static_cast<int64_t>(m.size());
  c.documents = static_cast<int64_t>(docs.size());
  c.outlets = static_cast<int64_t>(sources.size());
  c.claimants = static_cast<int64_t>(claimants.size());
  c.outlet_names.assign(outlets.begin(), outlets.end());

  std::map<std::string, Rec> by_id;
  for (Rec r : m) by_id[r->event.event_id] = r;
  for (Rec r : voices)
    for (const Quantity& q : r->event.quantities)
      c.quantities.push_back({q, r->event.event_id, r->outlet, ClaimantOf(r->event)});
  std::stable_sort(c.quantities.begin(), c.quantities.end(), [](const auto& a, const auto& b) {
    return std::tie(a.quantity.kind, a.event_id) < std::tie(b.quantity.kind, b.event_id);
  });
  // Quantities of denials are what was denied, not claimed: they are listed, not weighed.
  std::vector<store::ClaimedQuantity> weighed;
  for (const auto& q : c.quantities)
    if (!Denies(by_id.at(q.event_id)->event)) weighed.push_back(q);
  QuantityContradictions(weighed, by_id, &c.contradictions);
  ActorContradictions(asserting, &c.contradictions);

  std::vector<Rec> denying;
  for (Rec r : voices)
    if (Denies(r->event)) denying.push_back(r);
  if (!denying.empty() && !asserting.empty()) {
    store::Contradiction x{"denial", c.type, "", {}};
    std::set<std::string> deniers, claimers;
    for (Rec r : denying) deniers.insert(Voice(*r)), x.event_ids.push_back(r->event.event_id);
    for (Rec r : asserting) claimers.insert(Voice(*r)), x.event_ids.push_back(r->event.event_id);
    auto join = [](const std::set<std::string>& s) {
      std::string out;
      for (const auto& v : s) out += (out.empty() ? "" : ", ") + v;
      return out;
    };
    x.detail = "denied by " + join(deniers) + "; reported by " + join(claimers);
    std::sort(x.event_ids.begin(), x.event_ids.end());
    c.contradictions.push_back(std::move(x));
  }

  for (Rec r : m) {
    c.sources.push_back({r->event.event_id, r->event.doc_id, r->outlet, r->url, r->title,
                         r->doc_date, r->doc_lang, ClaimantOf(r->event), r->event.modality,
                         r->copy_of});
  }
  return c;
}

}  // namespace vigie::fuse

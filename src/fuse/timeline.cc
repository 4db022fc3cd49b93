#include "fuse/timeline.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace vigie::fuse {

namespace {

bool Denial(const store::Cluster& c, const std::string& event_id) {
  for (const auto& s : c.sources)
    if (s.event_id == event_id) return s.modality == "denied" || s.modality == "negated";
  return false;
}

std::string ActorName(const std::optional<EventActor>& a) {
  if (!a) return "unknown";
  return !a->name.empty() ? a->name : !a->cls.empty() ? a->cls : "unknown";
}

}  // namespace

std::map<std::string, FigureRange> FigureRanges(const store::Cluster& c) {
  std::map<std::string, FigureRange> out;
  for (const auto& q : c.quantities) {
    if (Denial(c, q.event_id)) continue;
    const Quantity& v = q.quantity;
    double lo, hi;
    if (v.min || v.max) {
      lo = v.min.value_or(v.max.value_or(0));
      hi = v.max.value_or(lo);
    } else if (v.value) {
      lo = hi = *v.value;
    } else {
      continue;
    }
    std::string key = v.kind + (v.unit.empty() ? "" : "/" + v.unit);
    const bool floor = v.qualifier == "more_than" || v.qualifier == "at_least";
    auto [it, added] = out.try_emplace(key, FigureRange{lo, hi, 0, floor});
    it->second.lo = std::min(it->second.lo, lo);
    if (hi > it->second.hi || (hi == it->second.hi && floor)) it->second.open_above = floor;
    it->second.hi = std::max(it->second.hi, hi);
    ++it->second.claims;
  }
  return out;
}

std::vector<Tally> Tallies(const std::vector<store::Cluster>& clusters) {
  std::map<std::tuple<std::string, std::string, std::string>, Tally> t;
  auto add = [&](const std::string& what, const std::string& who, const std::string& unit,
                 const FigureRange* r) {
    Tally& x = t[{what, who, unit}];
    x.what = what, x.who = who, x.unit = unit;
    ++x.clusters;
    if (r) {
      ++x.with_figure;
      x.lo += r->lo;
      x.hi += r->hi;
      x.open_above = x.open_above || r->open_above;
    }
  };
  for (const auto& c : clusters) {
    auto ranges = FigureRanges(c);
    if (c.type == "territory_change" && c.subtype == "taken") {
      // One tally per unit counted ("neighbourhood", "village"); none: the cluster alone.
      bool any = false;
      for (const auto& [key, r] : ranges) {
        if (key.rfind("places", 0) != 0) continue;
        add("taken", ActorName(c.actor1), key.size() > 7 ? key.substr(7) : "", &r);
        any = true;
      }
      if (!any) add("taken", ActorName(c.actor1), "", nullptr);
    }
    for (const char* kind : {"displaced", "evacuated", "killed"}) {
      const FigureRange* r = nullptr;
      for (const auto& [key, range] : ranges)
        if (key == kind || key.rfind(std::string(kind) + "/", 0) == 0) r = &range;
      bool typed = (std::string(kind) == "displaced" && c.type == "displacement") ||
                   (std::string(kind) == "evacuated" && c.type == "evacuation");
      if (r || typed) add(kind, "", "", r);
    }
  }
  std::vector<Tally> out;
  for (auto& [k, v] : t) out.push_back(v);
  return out;
}

}  // namespace vigie::fuse

#include "cluster_print.h"

#include <fmt/core.h>

#include <cmath>
#include <map>
#include <set>

namespace vigie::cli {

namespace {

std::string Grouped(double v) {
  if (std::floor(v) != v || std::fabs(v) >= 1e15) return fmt::format("{:g}", v);
  std::string digits = fmt::format("{}", static_cast<int64_t>(std::fabs(v)));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

std::string ActorText(const std::optional<EventActor>& a) {
  if (!a) return "?";
  if (!a->name.empty()) return a->name;
  return !a->cls.empty() ? a->cls : "?";
}

}  // namespace

std::string RangeText(double lo, double hi) {
  return lo == hi ? Grouped(lo) : Grouped(lo) + "-" + Grouped(hi);
}

void PrintCluster(std::ostream& out, const store::Cluster& c) {
  std::string date =
      c.date ? c.date->start +
                   (c.date->end.empty() || c.date->end == c.date->start ? "" : ".." + c.date->end)
             : "(no date)";
  std::string place = "(no place)";
  if (c.location) {
    place = !c.location->name.empty() ? c.location->name : c.location->text;
    if (!c.location->part.empty()) place += " (" + c.location->part + ")";
    if (!c.location->country.empty()) place += ", " + c.location->country;
  }
  out << fmt::format("{}  {}  {}{}  {}  {} outlet{}, {} claimant{}, {} report{}\n", c.cluster_id,
                     date, c.type, c.subtype.empty() ? "" : "/" + c.subtype, place, c.outlets,
                     c.outlets == 1 ? "" : "s", c.claimants, c.claimants == 1 ? "" : "s", c.events,
                     c.events == 1 ? "" : "s");
  if (c.actor1 || c.actor2)
    out << "    actors: " << ActorText(c.actor1) << " -> " << ActorText(c.actor2) << "\n";
  for (const auto& q : c.quantities) {
    std::string who = !q.claimant.empty() ? q.claimant : q.outlet;
    std::string figure = q.quantity.text.empty() ? fmt::format("{:g}", q.quantity.value.value_or(0))
                                                 : q.quantity.text;
    out << fmt::format("    {}: {} ({})\n", q.quantity.kind, figure, who.empty() ? "?" : who);
  }
  for (const auto& x : c.contradictions) out << "    ! " << x.kind << ": " << x.detail << "\n";
  for (const auto& s : c.sources) {
    out << fmt::format("    - {} {} {}{}{}\n",
                       s.doc_date.empty() ? "----------" : s.doc_date.substr(0, 10),
                       s.outlet.empty() ? "(no outlet)" : s.outlet, s.modality,
                       s.claimant.empty() ? "" : " by " + s.claimant,
                       s.copy_of.empty() ? "" : " [copy of " + s.copy_of + "]");
  }
}

}  // namespace vigie::cli

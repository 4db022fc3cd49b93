#include "store/acled.h"

#include <algorithm>
#include <cmath>

namespace vigie::store {

namespace {

bool IsStateClass(const std::optional<EventActor>& a) {
  return a && (a->cls == "state_forces" || a->cls == "foreign_forces" || a->cls == "international_coalition");
}

}  // namespace

std::optional<AcledType> AcledTypeOf(const EventRecord& e) {
  const std::string& t = e.type;
  const std::string& s = e.subtype;
  if (t == "armed_clash") return AcledType{"Battles", "Armed clash"};
  if (t == "territory_change") {
    if (s == "withdrawal" || s == "handover") return AcledType{"Strategic developments", "Non-violent transfer of territory"};
    return IsStateClass(e.actor1) ? AcledType{"Battles", "Government regains territory"}
                                  : AcledType{"Battles", "Non-state actor overtakes territory"};
  }
  if (t == "air_strike") return AcledType{"Explosions/Remote violence", "Air/drone strike"};
  if (t == "shelling") return AcledType{"Explosions/Remote violence", "Shelling/artillery/missile attack"};
  if (t == "bombing") {
    if (s == "suicide") return AcledType{"Explosions/Remote violence", "Suicide bomb"};
    if (s == "grenade") return AcledType{"Explosions/Remote violence", "Grenade"};
    return AcledType{"Explosions/Remote violence", "Remote explosive/landmine/IED"};
  }
  if (t == "attack_on_civilians") {
    if (s == "abduction") return AcledType{"Violence against civilians", "Abduction/forced disappearance"};
    if (s == "sexual_violence") return AcledType{"Violence against civilians", "Sexual violence"};
    return AcledType{"Violence against civilians", "Attack"};
  }
  if (t == "arrest") return AcledType{"Strategic developments", "Arrests"};
  if (t == "agreement") return AcledType{"Strategic developments", "Agreement"};
  if (t == "siege" || t == "evacuation" || t == "surrender") return AcledType{"Strategic developments", "Other"};
  if (t == "protest") {
    return s == "intervention" ? AcledType{"Protests", "Protest with intervention"}
                               : AcledType{"Protests", "Peaceful protest"};
  }
  if (t == "riot") {
    return s == "mob_violence" ? AcledType{"Riots", "Mob violence"} : AcledType{"Riots", "Violent demonstration"};
  }
  return std::nullopt;
}

int AcledGeoPrecision(const EventRecord& e) {
  if (!e.location) return 0;
  const std::string& p = e.location->precision;
  if (p == "site" || p == "neighbourhood" || p == "village" || p == "city") return 1;
  if (p == "district") return 2;
  if (p == "region" || p == "country") return 3;
  return 0;
}

int AcledTimePrecision(const EventRecord& e) {
  if (!e.date) return 0;
  const std::string& p = e.date->precision;
  if (p == "day") return 1;
  if (p == "week") return 2;
  if (p == "month" || p == "year" || p == "interval") return 3;
  return 0;
}

int64_t AcledFatalities(const EventRecord& e) {
  std::optional<double> lowest;
  for (const Quantity& q : e.quantities) {
    if (q.kind != "killed") continue;
    std::optional<double> v = q.value ? q.value : q.min;
    if (v && std::isfinite(*v) && *v >= 0) lowest = lowest ? std::min(*lowest, *v) : *v;
  }
  return lowest ? static_cast<int64_t>(*lowest) : 0;
}

}  // namespace vigie::store

#include "evaluate/case_map.h"

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

namespace vigie::evaluate {

namespace {

bool StateSide(const std::optional<EventActor>& a) {
  return a && (a->cls == "state_forces" || a->cls == "foreign_forces" || a->cls == "state_agency" ||
               a->cls == "international_coalition");
}

bool NonStateArmed(const std::optional<EventActor>& a) {
  return a && (a->cls == "armed_opposition" || a->cls == "jihadist_group" || a->cls == "militia");
}

// The CASE sub-types some Vigie record maps to.
constexpr std::array<std::string_view, 21> kCovered = {"CHEM_WEAP",
                                                       "FORCE_AGAINST_PROTEST",
                                                       "ARMED_CLASH",
                                                       "GOV_REGAINS_TERIT",
                                                       "NON_STATE_ACTOR_OVERTAKES_TER",
                                                       "NON_VIOL_TERRIT_TRANSFER",
                                                       "AIR_STRIKE",
                                                       "ART_MISS_ATTACK",
                                                       "SUIC_BOMB",
                                                       "REM_EXPLOS",
                                                       "GRENADE",
                                                       "ATTACK",
                                                       "ABDUCT_DISSAP",
                                                       "SEX_VIOL",
                                                       "ARREST",
                                                       "AGREEMENT",
                                                       "PEACE_PROTEST",
                                                       "PROTEST_WITH_INTER",
                                                       "VIOL_DEMONSTR",
                                                       "MOB_VIOL",
                                                       "CHANGE_TO_GROUP_ACT"};

}  // namespace

std::string CaseSubtype(const EventRecord& e) {
  const std::string& t = e.type;
  const std::string& s = e.subtype;
  const auto extra = nlohmann::json::parse(e.extra_json, nullptr, false);
  auto extra_is = [&](const char* key, const char* value) {
    return extra.is_object() && extra.contains(key) && extra[key] == value;
  };
  if (extra_is("weapon", "chemical")) return "CHEM_WEAP";
  if (t == "protest" && extra_is("force", "excessive")) return "FORCE_AGAINST_PROTEST";
  if (t == "armed_clash" || t == "ceasefire_violation") return "ARMED_CLASH";
  if (t == "territory_change") {
    // Who took it; when the text names only who lost it ("the militants were driven out
    // of the town"), the taker is their enemy: the state when the losers are an armed group.
    if (s == "taken") {
      const bool state = e.actor1 ? StateSide(e.actor1) : NonStateArmed(e.actor2);
      return state ? "GOV_REGAINS_TERIT" : "NON_STATE_ACTOR_OVERTAKES_TER";
    }
    return "NON_VIOL_TERRIT_TRANSFER";  // withdrawal, handover
  }
  if (t == "air_strike") return "AIR_STRIKE";
  if (t == "shelling") return "ART_MISS_ATTACK";
  if (t == "bombing") {
    if (s == "suicide") return "SUIC_BOMB";
    if (s == "grenade") return "GRENADE";
    return "REM_EXPLOS";  // ied, car_bomb, landmine, explosion
  }
  if (t == "attack_on_civilians") {
    if (s == "abduction") return "ABDUCT_DISSAP";
    if (s == "sexual_violence") return "SEX_VIOL";
    return "ATTACK";  // attack, massacre
  }
  if (t == "arrest") return "ARREST";
  if (t == "agreement") return "AGREEMENT";
  if (t == "surrender") return "CHANGE_TO_GROUP_ACT";
  if (t == "protest") return s == "intervention" ? "PROTEST_WITH_INTER" : "PEACE_PROTEST";
  if (t == "riot") return s == "mob_violence" ? "MOB_VIOL" : "VIOL_DEMONSTR";
  return "OTHER";  // siege, displacement, evacuation, aid_delivery, toll
}

std::string CaseLabel(const std::vector<EventRecord>& events) {
  for (size_t i = 0; i < events.size(); ++i) {
    std::string c = CaseSubtype(events[i]);
    if (c == "OTHER") continue;
    // Arrests told in the sentence of a protest are how it was policed (ACLED codes them
    // as the protest, with intervention): the protest is the snippet's event.
    if (c == "ARREST" && !events[i].evidence.empty())
      for (size_t k = i + 1; k < events.size(); ++k) {
        const auto& u = events[k];
        if ((u.type == "protest" || u.type == "riot") && !u.evidence.empty() &&
            u.evidence[0].start == events[i].evidence[0].start)
          return CaseSubtype(u);
      }
    return c;
  }
  return events.empty() ? "NONE" : "OTHER";
}

bool CaseCovered(const std::string& gold) {
  for (std::string_view c : kCovered)
    if (c == gold) return true;
  return false;
}

StatusOr<std::vector<CaseSnippet>> ParseCaseTsv(std::string_view tsv, const std::string& path,
                                                std::vector<std::string>* problems) {
  std::vector<CaseSnippet> out;
  size_t line_no = 0;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line_no == 1) continue;  // the header
    size_t a = line.find('\t'), b = a == std::string_view::npos ? a : line.find('\t', a + 1);
    if (b == std::string_view::npos || line.find('\t', b + 1) != std::string_view::npos) {
      problems->push_back(path + ":" + std::to_string(line_no) +
                          ": expected 3 tab-separated fields");
      continue;
    }
    out.push_back({std::string(line.substr(0, a)), std::string(line.substr(a + 1, b - a - 1)),
                   std::string(line.substr(b + 1))});
  }
  if (line_no == 0) return Status::InvalidArgument(path + ": empty file");
  return out;
}

void CaseScorer::Add(const std::string& gold, const std::string& predicted) {
  const bool ok = gold == predicted;
  ++report_.total;
  report_.correct += ok;
  if (CaseCovered(gold)) {
    ++report_.covered;
    report_.covered_correct += ok;
  }
  report_.no_event += predicted == "NONE";
  auto& g = report_.by_gold[gold];
  g.first += ok;
  ++g.second;
  if (!ok) ++report_.confusion[{gold, predicted}];
}

}  // namespace vigie::evaluate

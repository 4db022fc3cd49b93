#include "events/extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "core/civil_date.h"
#include "core/text.h"
#include "events/places.h"
#include "events/spans.h"

namespace vigie::events {

using namespace std::string_view_literals;  // "x"sv: compares by size first, no strlen

namespace {

EventActor ToActor(const actors::ActorMention& m, std::string_view text) {
  return EventActor{std::string(text.substr(m.start, m.end - m.start)), m.name, m.cls, m.country,
                    m.label};
}

// Two parts of one town name two places ("à l'est de Mossoul ... Au sud, ..."): both said,
// and different. The outskirts ("near Goma", EVENTS.md's part for around a town) overlap
// every compass part ("in northern Goma"): a headline and its paragraph may say either.
bool DistinctParts(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && a != b && a != "outskirts" && b != "outskirts";
}

}  // namespace

StatusOr<Extractor> Extractor::Create(const core::PackSet& packs,
                                      const segment::Segmenter& segmenter) {
  Extractor x;
  auto actors = actors::Recognizer::Create(packs, segmenter);
  if (!actors.ok()) return actors.status();
  x.actors_ = std::make_unique<actors::Recognizer>(std::move(actors).value());
  auto triggers = TriggerFinder::Create(packs, segmenter);
  if (!triggers.ok()) return triggers.status();
  x.triggers_ = std::make_unique<TriggerFinder>(std::move(triggers).value());
  auto attr = Attributor::Create(packs, segmenter);
  if (!attr.ok()) return attr.status();
  x.attributor_ = std::make_unique<Attributor>(std::move(attr).value());
  auto area = AreaPhrases::Create(packs);
  if (!area.ok()) return area.status();
  x.area_ = std::make_unique<AreaPhrases>(std::move(area).value());
  for (const std::string& lang : packs.Languages()) {
    const core::TsvTable* t = packs.Get(lang)->Table("quantity_nouns");
    if (t == nullptr) continue;
    int n = t->Column("noun"), k = t->Column("kind"), u = t->Column("unit");
    if (n < 0 || k < 0 || u < 0)
      return Status::Corruption(t->path + ": needs columns noun, kind, unit");
    for (const auto& row : t->rows)
      x.nouns_[lang][core::FoldForMatch(row[size_t(n)])] = {row[size_t(k)], row[size_t(u)]};
  }
  return x;
}

std::vector<EventRecord> Extractor::Extract(const ExtractInput& in) const {
  const std::string_view text = in.text;
  const segment::Segmentation& seg = *in.segments;
  const Mentions& men = *in.mentions;
  // The segmenter's folded tokens when it made them (no copy), else folded here.
  const bool have_folded = seg.folded.size() == seg.tokens.size();
  const std::vector<std::string> own_folded =
      have_folded ? std::vector<std::string>{} : segment::FoldTokens(text, seg);
  const std::vector<std::string>& folded = have_folded ? seg.folded : own_folded;
  // And their hashes, made by the segmenter too.
  const bool have_hashes = have_folded && seg.hashes.size() == seg.folded.size();
  const std::vector<size_t> own_hashes =
      have_hashes ? std::vector<size_t>{} : actors::HashWords(folded);
  const std::vector<size_t>& hashes = have_hashes ? seg.hashes : own_hashes;
  const auto actors = actors_->Find(text, seg, in.lang, &folded, &hashes);
  auto triggers = triggers_->Find(text, seg, in.lang, &folded, &hashes);
  const auto cues = attributor_->FindCues(text, seg, in.lang, &folded, &hashes);
  const auto noun_table = nouns_.find(in.lang);
  // The cues of each sentence as a range of `cues` (sorted by sentence), found once rather
  // than by a binary search (CuesOf) at every question the rules below ask.
  std::vector<uint32_t> cue_begin(seg.sentences.size() + 1, 0);
  for (const Cue& c : cues) ++cue_begin[c.sentence + 1];
  for (size_t s = 1; s < cue_begin.size(); ++s) cue_begin[s] += cue_begin[s - 1];
  auto cues_in = [&](uint32_t si) {
    return std::span<const Cue>(cues.data() + cue_begin[si], cue_begin[si + 1] - cue_begin[si]);
  };

  auto sentence_has_cue = [&](uint32_t si, std::string_view kind) {
    for (const Cue& c : cues_in(si))
      if (c.sentence == si && c.kind == kind) return true;
    return false;
  };
  // A clash noun right after a flight verb is the cause people fled, not an event of its
  // own ("ont fui les combats", "fled the fighting").
  std::vector<TriggerMention> kept;
  for (const auto& t : triggers) {
    if (!kept.empty() && kept.back().type == "displacement"sv &&
        t.sentence == kept.back().sentence && t.type != "displacement"sv &&
        t.first_token - kept.back().end_token <= 2)
      continue;
    kept.push_back(t);
  }

  // ... and so is one right before a displacement verb: "fighting has displaced 4,000
  // people", "les combats ont poussé ... à fuir" name why people fled.
  for (size_t i = 0; i + 1 < kept.size(); ++i) {
    const auto& t = kept[i];
    const auto& u = kept[i + 1];
    if (t.type == "armed_clash"sv && u.type == "displacement"sv && u.sentence == t.sentence &&
        u.first_token >= t.end_token && u.first_token - t.end_token <= 2) {
      kept.erase(kept.begin() + long(i));
      --i;
    }
  }
  // A happening named as the starting point of another ("since the offensive began",
  // "depuis le début des affrontements") is context, not an event of its own.
  std::erase_if(kept, [&](const TriggerMention& t) {
    for (const Cue& c : cues_in(t.sentence))
      if ((c.kind == "context"sv || c.kind == "since"sv) && c.sentence == t.sentence &&
          c.end_token <= t.first_token && t.first_token - c.end_token <= 2)
        return true;
    return false;
  });
  // A participle is an event after an auxiliary ("ont été déplacés", "were displaced") or
  // before a count ("displaced 2 million people"), not as an adjective ("familles déplacées").
  auto cue_kind_at = [&](uint32_t token, std::string_view kind) {
    auto near = CuesEndingFrom(cues, token + 1);  // cues do not overlap: one at most covers it
    return !near.empty() && near[0].first_token <= token && near[0].kind == kind;
  };
  std::erase_if(kept, [&](const TriggerMention& t) {
    if (!t.adjectival) return false;
    if (t.first_token > 0 &&
        (cue_kind_at(t.first_token - 1, "aux") || cue_kind_at(t.first_token - 1, "passive")))
      return false;
    const uint32_t limit = std::min(t.end_token + 3, seg.sentences[t.sentence].end_token);
    for (uint32_t k = t.end_token; k < limit; ++k) {
      if (seg.tokens[k].kind == segment::TokenKind::kPunct) break;
      if (seg.tokens[k].kind == segment::TokenKind::kNumber) return false;
    }
    return true;
  });
  // A verb as common as "took" or "pris" takes territory only before a count of places
  // ("took 12 villages", "ont pris trois quartiers"), not "took part" or "took two hours".
  std::erase_if(kept, [&](const TriggerMention& t) {
    if (!t.places) return false;
    if (noun_table == nouns_.end()) return true;
    for (const auto& q : men.quantities) {
      const uint32_t q0 = TokenAt(seg, q.start);
      if (q0 < t.end_token || q0 > t.end_token + 2 || q.noun.empty()) continue;
      auto it = noun_table->second.find(core::FoldForMatch(q.noun));
      if (it != noun_table->second.end() && it->second.kind == "places"sv) return false;
    }
    return true;
  });
  // A participant noun ("protesters") tells an event only where the crowd turns violent.
  // Elsewhere it names the crowd of the sentence's own event, or of a death ("seven
  // protesters died"), but alone it stands for the protest ("Protesters chant slogans").
  auto sentence_kept = [&](const std::vector<TriggerMention>& v) {
    std::vector<std::pair<uint32_t, bool>> s;  // (sentence, has a strong trigger)
    for (const auto& t : v) s.emplace_back(t.sentence, !t.weak);
    return s;
  };
  const auto strong = sentence_kept(kept);
  std::erase_if(kept, [&](const TriggerMention& t) {
    if (!t.weak || sentence_has_cue(t.sentence, "riot_word") ||
        sentence_has_cue(t.sentence, "intervention_word") ||
        sentence_has_cue(t.sentence, "excessive_force"))
      return false;
    for (const auto& [si, is_strong] : strong)
      if (si == t.sentence && is_strong) return true;
    return sentence_has_cue(t.sentence, "killed_word");
  });
  // Crowd control with no crowd named ("police fired tear gas to disperse them") is a
  // protest met by force, unless a protest or riot was just told (its trigger, or riot
  // words: "forced their way in, looting"): then it is how that one was policed, and a
  // protest so policed is an intervention.
  {
    std::vector<uint32_t> crowd;  // sentences with a protest or riot named
    for (const auto& t : kept)
      if ((t.type == "protest"sv || t.type == "riot"sv) && t.subtype != "intervention"sv)
        crowd.push_back(t.sentence);
    std::vector<uint32_t> policed;  // sentences whose protest was met by that force
    std::erase_if(kept, [&](const TriggerMention& t) {
      if (t.type != "protest"sv || t.subtype != "intervention"sv || t.sentence == 0) return false;
      if (std::find(crowd.begin(), crowd.end(), t.sentence - 1) != crowd.end()) {
        policed.push_back(t.sentence - 1);
        return true;
      }
      return sentence_has_cue(t.sentence - 1, "riot_word");
    });
    for (auto& t : kept)
      if (t.type == "protest"sv &&
          std::find(policed.begin(), policed.end(), t.sentence) != policed.end())
        t.subtype = "intervention";
  }
  // "the attack on Maiduguri, in which rockets ... struck": a generic attack word names the
  // event a more precise trigger of its sentence tells.
  {
    std::vector<uint32_t> precise;
    for (const auto& t : kept)
      if (!t.generic) precise.push_back(t.sentence);
    std::erase_if(kept, [&](const TriggerMention& t) {
      return t.generic && std::find(precise.begin(), precise.end(), t.sentence) != precise.end();
    });
  }
  // Clashes in a sentence about a protest are the crowd's ("clashes with protesters").
  for (auto& t : kept) {
    if (t.type != "armed_clash"sv || t.subtype != "clash"sv) continue;
    for (const auto& u : kept)
      if (u.sentence == t.sentence && (u.type == "protest"sv || u.type == "riot"sv)) {
        t.type = "riot";
        t.subtype = "violent_demonstration";
      }
  }
  // "the evacuation was agreed", "l'évacuation se déroule en application de l'accord": the
  // evacuation named as the subject of a deal is the deal's content, not a departure.
  std::erase_if(kept, [&](const TriggerMention& t) {
    if (t.type != "evacuation"sv) return false;
    for (const auto& u : kept)
      if (u.type == "agreement"sv && u.sentence == t.sentence && u.first_token >= t.end_token &&
          u.first_token - t.end_token <= 6)
        return true;
    return false;
  });
  // A blockade broken ("has broken the blockade", "punched through the encirclement",
  // "a brisé le siège") is lifted.
  for (auto& t : kept) {
    if (t.type != "siege"sv) continue;
    for (const Cue& c : cues_in(t.sentence)) {
      if (c.kind != "siege_break"sv || c.sentence != t.sentence) continue;
      if (c.end_token <= t.first_token && t.first_token - c.end_token <= 4) {
        t.subtype = "lifted";  // the breaker is the subject of the breaking verb
        t.first_token = c.first_token;
        t.start = c.start;
      } else if (c.first_token >= t.end_token && c.first_token - t.end_token <= 1) {
        t.subtype = "lifted";  // "the siege was broken"
      }
    }
  }
  // Bombing from aircraft is an air strike ("des avions ont bombardé", "bombardé par des
  // avions"): the aircraft is the doer, before the trigger or just after it, not a target
  // further on ("shelling of the airport damaged passenger planes").
  for (auto& t : kept) {
    if (t.type != "shelling"sv || t.subtype != "artillery"sv) continue;
    for (const Cue& c : cues_in(t.sentence))
      if (c.kind == "aircraft_word"sv &&
          (c.end_token <= t.first_token || c.first_token <= t.end_token + 3)) {
        t.type = "air_strike";
        t.subtype = "air";
        break;
      }
  }
  // Weapons seized, found or stored are not used: "seized weapons", "seized a cache of
  // arms" take no territory, and "grenades were found", "defused a bomb", "an arms cache
  // containing grenades" are no blast and no fire, unless the sentence tells of people killed
  // or hurt. The weapon must be what the verb is about: the word right after the trigger
  // (at most three words between, and no place: "seized Mosul with weapons" is a capture), or the
  // found-word right next to the weapon ("bombs were found", "found a bomb"); "seized the hill
  // after heavy shelling" keeps both events.
  auto place_between = [&](uint32_t from, uint32_t to) {
    if (in.mentions == nullptr || from >= to) return false;
    for (const PlaceMention& p : in.mentions->places)
      if (p.start >= from && p.start < to) return true;
    return false;
  };
  auto object_after = [&](const TriggerMention& t, std::string_view kind, uint32_t span) {
    for (const Cue& c : cues_in(t.sentence)) {
      if (c.kind != kind || c.first_token < t.end_token || c.first_token - t.end_token > span)
        continue;
      if (!place_between(seg.tokens[t.end_token - 1].end, seg.tokens[c.first_token].start))
        return true;
    }
    return false;
  };
  auto next_to = [&](const TriggerMention& t, std::string_view kind, uint32_t before,
                     uint32_t after) {
    for (const Cue& c : cues_in(t.sentence)) {
      if (c.kind != kind || (c.first_token < t.end_token && c.end_token > t.first_token)) continue;
      if (c.first_token >= t.end_token ? c.first_token - t.end_token <= after
                                       : t.first_token - c.end_token <= before)
        return true;
    }
    return false;
  };
  std::erase_if(kept, [&](const TriggerMention& t) {
    if (t.type == "territory_change"sv && t.subtype == "taken"sv)
      return object_after(t, "weapon_word", 3) || object_after(t, "weapon_found", 3);
    if ((t.type == "bombing"sv && t.subtype != "explosion"sv) || t.type == "shelling"sv)
      return next_to(t, "weapon_found", 2, 3) && !sentence_has_cue(t.sentence, "killed_word") &&
             !sentence_has_cue(t.sentence, "injured_word");
    return false;
  });
  // The truce named next to its violation is what was violated, not a new agreement.
  for (size_t i = 0; i < kept.size(); ++i) {
    if (kept[i].type != "agreement"sv) continue;
    for (const auto& u : kept) {
      if (u.type != "ceasefire_violation"sv || u.sentence != kept[i].sentence) continue;
      uint32_t gap = u.first_token >= kept[i].end_token
                         ? u.first_token - kept[i].end_token
                         : kept[i].first_token - std::min(kept[i].first_token, u.end_token);
      if (gap <= 4) {
        kept.erase(kept.begin() + long(i));
        --i;
        break;
      }
    }
  }
  // Sentence-level refinements, from cue words in the packs:
  // - a protest in a sentence of looting, storming or arson is a riot;
  // - a deal next to an evacuation is an evacuation deal;
  // - civilians killed where no violent event is named are an attack on civilians.
  for (auto& t : kept) {
    bool riot_sentence = sentence_has_cue(t.sentence, "riot_word");
    for (const auto& u : kept)
      riot_sentence = riot_sentence || (u.sentence == t.sentence && u.type == "riot"sv);
    if (t.type == "protest"sv && riot_sentence) {
      t.type = "riot";
      t.subtype = "violent_demonstration";
    } else if (t.type == "protest"sv) {
      // Tear gas, water cannon, dispersal, or arrests in the sentence: an intervention.
      bool arrests = false;
      for (const auto& u : kept)  // "Police arrested 180 people as supporters staged sit-ins"
        arrests = arrests || (u.sentence == t.sentence && u.type == "arrest"sv &&
                              u.end_token <= t.first_token);
      if (arrests || sentence_has_cue(t.sentence, "intervention_word") ||
          sentence_has_cue(t.sentence, "excessive_force"))
        t.subtype = "intervention";
    }
    if (t.type == "agreement"sv && t.subtype == "talks"sv)
      for (const auto& u : kept)
        if (u.sentence == t.sentence && u.type == "evacuation"sv) t.subtype = "evacuation_deal";
    if (t.type == "agreement"sv && t.subtype == "talks"sv)
      for (const Cue& c : cues_in(t.sentence))
        if (c.sentence == t.sentence && c.kind == "evacuation_word"sv)
          t.subtype = "evacuation_deal";
  }
  static constexpr std::string_view kViolent[] = {
      "air_strike", "shelling", "bombing", "armed_clash", "attack_on_civilians", "riot"};
  std::vector<TriggerMention> kills;
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    bool violent = false;
    for (const auto& t : kept)
      if (t.sentence == si)
        for (std::string_view v : kViolent) violent = violent || t.type == v;
    if (violent) continue;
    const Cue* kill = nullptr;
    for (const Cue& c : cues_in(si))
      if (c.sentence == si && c.kind == "killed_word"sv) {
        kill = &c;
        break;
      }
    if (kill == nullptr) continue;
    bool civilians = false;  // the victims must be civilians
    for (const auto& a : actors)
      if (a.first_token >= seg.sentences[si].first_token &&
          a.end_token <= seg.sentences[si].end_token && a.cls == "civilians"sv)
        civilians = true;
    // Counts in the sentence after a violent event are its toll ("Le gouvernement a fait
    // état de 11 soldats tués"), not a new attack.
    bool after_violence = false;
    for (const auto& t : kept)
      if (si > 0 && t.sentence == si - 1)
        for (std::string_view v : kViolent) after_violence = after_violence || t.type == v;
    // Killing between a state's forces and an armed group is a clash ("the army killed
    // scores of terrorists").
    bool state = false, non_state = false;
    for (const auto& a : actors) {
      if (a.first_token < seg.sentences[si].first_token ||
          a.end_token > seg.sentences[si].end_token)
        continue;
      state = state || a.cls == "state_forces"sv || a.cls == "foreign_forces"sv;
      non_state = non_state || a.cls == "armed_opposition"sv || a.cls == "jihadist_group"sv ||
                  a.cls == "militia"sv;
    }
    if (!civilians && state && non_state && !after_violence)
      kills.push_back({kill->first_token, kill->end_token, kill->start, kill->end, si,
                       "armed_clash", "clash", false});
    if (civilians && !after_violence)
      kills.push_back({kill->first_token, kill->end_token, kill->start, kill->end, si,
                       "attack_on_civilians", "attack", false});
  }
  if (!kills.empty()) {
    kept.insert(kept.end(), kills.begin(), kills.end());
    std::stable_sort(kept.begin(), kept.end(),
                     [](const TriggerMention& x, const TriggerMention& y) {
                       return x.first_token < y.first_token;
                     });
  }

  // A dateline ("MOSUL, Iraq, July 9, 2017 (Levant Wire) —") dates the document, not the
  // events of its first sentence: dates before the dateline dash are not event dates.
  uint32_t dateline_end = 0;
  if (!seg.sentences.empty()) {
    const auto& s0 = seg.sentences[0];
    for (uint32_t k = s0.first_token; k < s0.end_token && seg.tokens[k].start < 160; ++k) {
      std::string_view w =
          text.substr(seg.tokens[k].start, seg.tokens[k].end - seg.tokens[k].start);
      if (seg.tokens[k].kind == segment::TokenKind::kPunct &&
          (w == "—"sv || w == "–"sv || w == "-"sv) && seg.tokens[k].start > 0 &&
          text[seg.tokens[k].start - 1] == ' ') {
        dateline_end = seg.tokens[k].start;
        break;
      }
    }
  }
  auto date_anchor = [&](const DateMention& d) -> const Cue* {
    for (const Cue& c : CuesEndingFrom(cues, TokenAt(seg, d.start))) {
      if (c.start >= d.end) break;
      if ((c.kind == "same_day"sv || c.kind == "next_day"sv || c.kind == "day_before"sv) &&
          c.end > d.start)
        return &c;
    }
    return nullptr;
  };

  long doc_r0 = 0, doc_r1 = 0;
  const bool have_doc_range =
      !men.document_date.start.empty() && core::DayRange(men.document_date.start, &doc_r0, &doc_r1);
  std::vector<EventRecord> out;
  out.reserve(kept.size() + 4);  // one record per trigger at most, and a few tolls
  std::vector<uint32_t> out_sentence;
  std::vector<bool> out_source;  // the claimant was a source noun for an earlier one
  std::optional<Claimant> previous_claimant;
  DocumentPlaces place_ctx(text, seg, men.places, actors, cues, dateline_end, area_.get(), in.lang);
  bool last_passive = false;  // the voice of the last event's trigger
  auto cue_at = [&](uint32_t sentence, uint32_t token_lo, uint32_t token_hi,
                    std::string_view kind) -> const Cue* {
    for (const Cue& c : cues_in(sentence))
      if (c.sentence == sentence && c.kind == kind && c.first_token >= token_lo &&
          c.end_token <= token_hi)
        return &c;
    return nullptr;
  };

  // Per quantity of the document, looked up on first use (type_quantity asks again for every
  // event of the sentence): its folded noun, that noun's row (null: none) and its tokens.
  struct QuantityFacts {
    bool known = false;
    std::string noun;  // folded
    const NounInfo* row = nullptr;
    uint32_t q0 = 0, q1 = 0;
  };
  std::vector<QuantityFacts> quantity_facts(men.quantities.size());
  auto facts_of = [&](const QuantityMention& q) -> const QuantityFacts& {
    QuantityFacts& f = quantity_facts[size_t(&q - men.quantities.data())];
    if (!f.known) {
      f.known = true;
      if (!q.noun.empty()) {
        f.noun = core::FoldForMatch(q.noun);
        if (auto it = noun_table->second.find(f.noun); it != noun_table->second.end())
          f.row = &it->second;
      }
      f.q0 = TokenAt(seg, q.start);
      f.q1 = TokenAt(seg, q.end);
    }
    return f;
  };
  // The kind of a count, from its noun, the words around it and the event it belongs to;
  // none when the count does not fit the event. `q` is one of men.quantities.
  auto type_quantity = [&](const QuantityMention& q, uint32_t sentence, std::string_view type,
                           std::string_view subtype) -> std::optional<Quantity> {
    auto copy = [&] {
      Quantity x = q.quantity;
      if (x.text.empty()) x.text = std::string(text.substr(q.start, q.end - q.start));
      return x;
    };
    if (q.percent) {
      if (type != "territory_change"sv) return std::nullopt;
      Quantity x = copy();
      x.kind = "territory_pct";
      return x;
    }
    if (noun_table == nouns_.end()) return std::nullopt;
    const bool bare = q.noun.empty();  // "killing at least 20", "wounding three"
    if (bare) {
      for (const auto& d : men.dates)
        if (d.start < q.end && d.end > q.start) return std::nullopt;  // a year, a day
    } else if (facts_of(q).row == nullptr) {
      return std::nullopt;
    }
    const QuantityFacts& facts = facts_of(q);
    Quantity x = copy();
    if (bare) {
      x.kind = "people";
    } else {
      x.kind = facts.row->kind;
      x.unit = facts.row->unit;
    }
    if (x.kind == "people"sv) {
      // A kill or injury word right after the count ("12 civils ont été tués") or just
      // before it ("killed 12 people") says what the count is.
      const uint32_t q0 = facts.q0, q1 = facts.q1;
      for (const Cue& c : cues_in(sentence)) {
        if (c.sentence != sentence) continue;
        bool near = (c.first_token >= q1 && c.first_token <= q1 + 5) ||
                    (c.end_token <= q0 && q0 - c.end_token <= 2);
        if (near && c.kind == "killed_word"sv) x.kind = "killed";
        if (near && c.kind == "injured_word"sv && x.kind == "people"sv) x.kind = "injured";
      }
      if (bare) {
        // A bare count says what it counts only through a kill or injury word next to it:
        // "killing at least 20", "wounding three", "20 wounded".
        bool next_to = false;
        for (const Cue& c : cues_in(sentence))
          if (c.sentence == sentence && (c.kind == "killed_word"sv || c.kind == "injured_word"sv) &&
              ((c.end_token <= q0 && q0 - c.end_token <= 1) || c.first_token == q1))
            next_to = true;
        if (!next_to || x.kind == "people"sv) return std::nullopt;
      }
    }
    // The people aid reaches are what it is counted in ("rations for 2,400 households").
    if (x.kind == "people"sv && type == "aid_delivery"sv && !bare) {
      x.kind = "aid";
      x.unit = facts.noun;
      return x;
    }
    if (x.kind == "people"sv) {
      if (type == "displacement"sv || type == "toll"sv)
        x.kind = subtype == "return"sv ? "returned" : "displaced";
      else if (type == "evacuation"sv)
        x.kind = "evacuated";
      else if (type == "surrender"sv)
        x.kind = subtype == "amnesty"sv ? "amnestied" : "surrendered";
      else if (type == "arrest"sv)
        x.kind = "arrested";
    }
    // In a violent event a count of people that is neither dead nor hurt is background
    // ("one man working from a house"), save the people abducted.
    static constexpr std::string_view kHarm[] = {"air_strike", "shelling", "bombing",
                                                 "armed_clash"};
    for (std::string_view h : kHarm)
      if (x.kind == "people"sv && type == h) return std::nullopt;
    if (x.kind == "people"sv && type == "attack_on_civilians"sv && subtype != "abduction"sv)
      return std::nullopt;
    if (x.kind == "places"sv && type != "territory_change"sv) return std::nullopt;
    if (x.kind == "aid"sv && type != "aid_delivery"sv) return std::nullopt;
    if (x.kind != "places"sv && x.kind != "aid"sv) x.unit.clear();
    return x;
  };

  const bool actors_in_order =
      std::is_sorted(actors.begin(), actors.end(),
                     [](const auto& a, const auto& b) { return a.first_token < b.first_token; });
  for (const auto& t : kept) {
    const auto& sent = seg.sentences[t.sentence];
    Attribution at = attributor_->Attribute(t, cues, actors, seg, text, &previous_claimant);
    const int claimant_actor = at.claimant ? at.claimant->actor : -1;

    // Voice: an auxiliary just before the trigger, and an agent after "par"/"by".
    bool passive_voice = t.passive || cue_at(t.sentence, t.first_token >= 2 ? t.first_token - 2 : 0,
                                             t.first_token, "passive");
    int agent = -1;
    if (const Cue* by =
            cue_at(t.sentence, t.end_token, std::min(t.end_token + 6, sent.end_token), "agent")) {
      for (size_t i = 0; i < actors.size(); ++i)
        if (actors[i].first_token >= by->end_token && actors[i].first_token <= by->end_token + 2) {
          agent = static_cast<int>(i);
          break;
        }
    }
    // An actor after "par"/"by" is the doer, auxiliary or not ("la ville est encerclée par
    // les FSR").
    const bool passive = passive_voice || agent >= 0;
    int subject = -1, object = -1;
    // Only the actors of the sentence count: when the actors are in order of their first
    // tokens, those starting inside it, found by binary search.
    size_t from = 0, to = actors.size();
    if (actors_in_order) {
      auto by_first = [](const actors::ActorMention& a, uint32_t x) { return a.first_token < x; };
      from = size_t(std::lower_bound(actors.begin(), actors.end(), sent.first_token, by_first) -
                    actors.begin());
      to = size_t(
          std::lower_bound(actors.begin() + long(from), actors.end(), sent.end_token, by_first) -
          actors.begin());
    }
    for (size_t i = from; i < to; ++i) {
      const auto& a = actors[i];
      if (int(i) == claimant_actor || int(i) == agent) continue;
      if (a.first_token < sent.first_token || a.end_token > sent.end_token) continue;
      if (a.end_token <= t.first_token) subject = static_cast<int>(i);  // the nearest before
      if (a.first_token >= t.end_token && object < 0) object = static_cast<int>(i);
      if (a.first_token < t.end_token && a.end_token > t.first_token && object < 0)
        object =
            static_cast<int>(i);  // inside the trigger ("manifestants", "broke the ISIS siege")
    }
    // "Des combats opposaient les rebelles aux soldats", "fighting between X and Y": with no
    // subject, a clash's two sides both follow it.
    int second_object = -1;
    if (object >= 0)
      for (size_t i = size_t(object) + 1; i < actors.size(); ++i) {
        const auto& a = actors[i];
        if (a.first_token >= sent.end_token) break;
        if (int(i) != claimant_actor && a.first_token - actors[size_t(object)].end_token <= 3) {
          second_object = static_cast<int>(i);
          break;
        }
      }
    int actor1 = -1, actor2 = -1;
    const bool patient_gives_up = t.type == "surrender"sv || t.type == "displacement"sv;
    if (passive) {
      actor1 = patient_gives_up ? subject : agent;
      actor2 = patient_gives_up ? agent : subject;
    } else {
      actor1 = subject;
      actor2 = object;
      if (t.type == "displacement"sv) {
        if (actor1 < 0) actor1 = object;  // "la fuite de 1 200 civils"
        // "provoquant l'afflux de milliers de déplacés": the people who flee follow the noun.
        if (object >= 0 && actors[size_t(object)].cls == "civilians"sv &&
            (actor1 < 0 || actors[size_t(actor1)].cls != "civilians"sv))
          actor1 = object;
        actor2 = -1;
      }
      if (t.type == "armed_clash"sv && actor1 < 0 && second_object >= 0) {
        actor1 = object;
        actor2 = second_object;
      }
    }

    // Two triggers of one type in one sentence tell one event; the later one is usually
    // the main verb ("... qui avaient choisi de déposer les armes ont été amnistiés"), and
    // its subject and object are the event's ("avec la reprise de ..., l'armée a pu
    // reprendre aux groupes ...").
    if (!out.empty() && out_sentence.back() == t.sentence && out.back().type == t.type) {
      EventRecord& prev = out.back();
      // ... unless its subtype is the type's catch-all ("grenade ... explosion").
      static constexpr std::string_view kCatchAll[] = {"explosion", "clash", "attack", "mixed"};
      bool catch_all = false;
      for (std::string_view c : kCatchAll) catch_all = catch_all || t.subtype == c;
      if (!catch_all || prev.subtype.empty()) prev.subtype = t.subtype;
      if (!prev.actor1 &&
          !last_passive) {  // the first was a bare noun: the verb's actors tell the event
        if (actor1 >= 0) prev.actor1 = ToActor(actors[size_t(actor1)], text);
        if (actor2 >= 0) prev.actor2 = ToActor(actors[size_t(actor2)], text);
      } else if (!prev.actor2 && actor2 >= 0) {
        prev.actor2 = ToActor(actors[size_t(actor2)], text);
      }
      if (prev.actor1 && prev.actor2 && prev.actor1->text == prev.actor2->text) prev.actor2.reset();
      prev.quantities.clear();  // their kinds depend on the subtype (amnestied, returned)
      for (const auto& q : men.quantities)
        if (SentenceHas(sent, q.start, q.end))
          if (auto x = type_quantity(q, t.sentence, prev.type, prev.subtype))
            prev.quantities.push_back(std::move(*x));
      continue;
    }

    // "The army denied carrying out the strike", "le M23 a démenti avoir bombardé Goma":
    // with no other doer, who denies is who the claim says did it.
    if (at.modality == "denied"sv && actor1 < 0 && claimant_actor >= 0 && !passive) {
      actor1 = claimant_actor;
      if (actor2 == actor1) actor2 = -1;
    }
    // "un raid revendiqué par les forces de Haftar", "al-Shabaab claimed responsibility":
    // who claims the act did it.
    if (at.claimant_acted && actor1 < 0 && claimant_actor >= 0) {
      actor1 = claimant_actor;
      if (actor2 == actor1) actor2 = -1;
    }
    // Built in place, as the last record (no move of the whole record): `done` records
    // came before it, and it is dropped again when it merges into one of them.
    const size_t done = out.size();
    EventRecord& e = out.emplace_back();
    e.doc_id = in.doc_id;
    e.type = t.type;
    e.subtype = t.subtype;
    e.modality = at.modality;
    if (actor1 >= 0) e.actor1 = ToActor(actors[size_t(actor1)], text);
    if (actor2 >= 0) e.actor2 = ToActor(actors[size_t(actor2)], text);
    if (at.claimant) {
      const Claimant& c = *at.claimant;
      e.claimant = EventActor{std::string(text.substr(c.start, c.end - c.start)), c.name, c.cls,
                              c.country, ""};
    }

    place_ctx.Attach(t, sent, done > 0 ? &out[done - 1] : nullptr,
                     done > 0 ? out_sentence.back() : 0, &e);

    // Date: the nearest in the sentence, else the document date.
    const DateMention* date = nullptr;
    long best = 1L << 30;
    for (const auto& d : men.dates) {
      if (!SentenceHas(sent, d.start, d.end) || d.end <= dateline_end) continue;
      const long dist = ClauseDistance(t, seg, d.start, d.end);
      if (dist < best) {
        best = dist;
        date = &d;
      }
    }
    if (date != nullptr) {
      e.date = date->date;
      // "le lendemain", "the same day": counted from the last event the text dated.
      if (const Cue* anchor = date_anchor(*date)) {
        for (size_t k = done; k-- > 0;) {
          const auto& prev = out[k].date;
          long p0, p1;
          if (!prev || (prev->basis != "explicit"sv && prev->basis != "relative"sv) ||
              out[k].status == "background"sv || !core::DayRange(prev->start, &p0, &p1) || p0 != p1)
            continue;
          long shift = anchor->kind == "next_day"sv ? 1 : anchor->kind == "day_before"sv ? -1 : 0;
          e.date->start = e.date->end = core::IsoFromDays(p0 + shift);
          e.date->precision = "day";
          e.date->basis = "relative";
          break;
        }
      }
    } else if (!men.document_date.start.empty()) {
      e.date = men.document_date;
      if (e.date->basis != "inferred"sv) e.date->basis = "document";
      e.date->text.clear();
    }

    // Quantities of the sentence, typed by their noun and the event type.
    for (const auto& q : men.quantities) {
      if (!SentenceHas(sent, q.start, q.end)) continue;
      if (auto x = type_quantity(q, t.sentence, t.type, t.subtype))
        e.quantities.push_back(std::move(*x));
    }

    // Status: context far back is background; a lasting state is ongoing.
    e.status = "occurred";
    if (e.date && have_doc_range && e.date->basis == "explicit"sv) {
      long d0, d1;
      if (core::DayRange(e.date->start, &d0, &d1) && doc_r0 - d0 > 180) e.status = "background";
    }
    if (e.status == "occurred"sv && at.ongoing_cue &&
        (t.type == "siege"sv || t.type == "armed_clash"sv))
      e.status = "ongoing";

    // Fire opened on armed men is a clash, not violence against civilians.
    static constexpr std::string_view kArmed[] = {"state_forces", "armed_opposition",
                                                  "jihadist_group", "militia", "foreign_forces"};
    if (e.type == "attack_on_civilians"sv && e.subtype == "attack"sv) {
      bool armed_target =
          !passive && cue_at(t.sentence, t.end_token, std::min(t.end_token + 5, sent.end_token),
                             "military_target");
      for (std::string_view c : kArmed)
        armed_target = armed_target || (e.actor2 && e.actor2->cls == c);
      if (armed_target) {
        e.type = "armed_clash";
        e.subtype = "clash";
      }
    }
    // A government that strikes or fights does so with its forces ("government air strikes").
    static constexpr std::string_view kForce[] = {"air_strike", "shelling", "armed_clash",
                                                  "bombing",    "siege",    "attack_on_civilians"};
    for (std::string_view f : kForce)
      if (e.type == f && e.actor1 && e.actor1->cls == "state_agency"sv && e.actor1->name.empty())
        e.actor1->cls = "state_forces";
    // A state's forces acting outside their country are foreign forces there ("the U.S.
    // military said an air strike near Afgooye ...").
    if (e.location && !e.location->country.empty())
      for (auto* a : {&e.actor1, &e.actor2, &e.claimant})
        if (*a && (*a)->cls == "state_forces"sv && !(*a)->country.empty() &&
            (*a)->country != e.location->country)
          (*a)->cls = "foreign_forces";
    // Armed men who flee give ground: a withdrawal ("as terrorists flee").
    if (e.type == "displacement"sv && e.subtype == "flight"sv && e.actor1 &&
        e.actor1->cls != "civilians"sv && e.actor1->cls != "unknown"sv &&
        e.actor1->cls != "igo_ngo"sv && e.actor1->cls != "state_agency"sv) {
      e.type = "territory_change";
      e.subtype = "withdrawal";
      e.quantities.clear();
    }
    // Who is evacuated says which evacuation: fighters, or the wounded ("150 wounded").
    if (e.type == "evacuation"sv) {
      for (auto& q : e.quantities)
        if (q.kind == "injured"sv) {
          q.kind = "evacuated";
          e.subtype = "wounded";
        }
      if (e.subtype == "civilians"sv && e.actor2)
        for (std::string_view c : kArmed)
          if (e.actor2->cls == c && std::string_view(c) != "state_forces"sv) e.subtype = "fighters";
    }

    // What the record adds beyond EVENTS.md (extra): a chemical weapon named in the
    // sentence, and force beyond crowd control against a protest (deaths, injuries, live
    // fire, "brutally"), which ACLED counts as violence against the protesters.
    {
      std::vector<std::pair<const char*, const char*>> extra;  // keys in sorted order
      if (e.type == "protest"sv) {
        bool harmed = sentence_has_cue(t.sentence, "excessive_force");
        for (const auto& q : e.quantities)
          harmed = harmed || q.kind == "killed"sv || q.kind == "injured"sv;
        // Force used on the crowd and people hurt, counted or not ("serious injuries among
        // the demonstrators as the authorities suppressed the protest").
        harmed = harmed ||
                 (e.subtype == "intervention"sv && (sentence_has_cue(t.sentence, "killed_word") ||
                                                    sentence_has_cue(t.sentence, "injured_word")));
        if (harmed) {
          e.subtype = "intervention";
          extra.emplace_back("force", "excessive");
        }
      }
      // The weapon of this violent event: named near its trigger, not in a clause about
      // another one ("the town that was the target of a chemical attack last year").
      bool violent = false;
      for (std::string_view v : kViolent) violent = violent || e.type == v;
      for (const Cue& c : cues_in(t.sentence)) {
        if (!violent || c.kind != "chemical_word"sv) continue;
        const uint32_t gap = c.first_token >= t.end_token   ? c.first_token - t.end_token
                             : t.first_token >= c.end_token ? t.first_token - c.end_token
                                                            : 0;
        if (gap <= 8) {
          extra.emplace_back("weapon", "chemical");
          break;
        }
      }
      if (!extra.empty()) {
        e.extra_json = "{";
        for (size_t k = 0; k < extra.size(); ++k)
          e.extra_json +=
              std::string(k ? "," : "") + "\"" + extra[k].first + "\":\"" + extra[k].second + "\"";
        e.extra_json += "}";
      }
    }

    e.evidence.push_back({in.to_raw_start(sent.start), in.to_raw_end(sent.end)});
    double conf = 0.45;
    if (e.actor1) conf += 0.1;
    if (e.location && e.location->geonameid) conf += 0.15;
    if (e.date && (e.date->basis == "explicit"sv || e.date->basis == "relative"sv)) conf += 0.1;
    if (e.modality == "hedged"sv) conf -= 0.15;
    if (!e.quantities.empty()) conf += 0.05;
    e.confidence = std::clamp(conf, 0.05, 0.95);
    // The same happening told on in the next sentence ("Le raid n'a pas fait de victimes",
    // "Des obus sont tombés aux abords du camp"): a definite noun, or no date of its own,
    // and no other place (nor another part of the town), is one event with the sentence
    // before.
    size_t same = done;
    for (size_t k = done; k-- > 0 && out_sentence[k] + 1 >= t.sentence;)
      if (out_sentence[k] + 1 == t.sentence && out[k].type == e.type && out[k].status == e.status) {
        same = k;
        break;
      }
    if (same < done) {
      EventRecord& prev = out[same];
      const bool definite =
          t.first_token > sent.first_token && cue_kind_at(t.first_token - 1, "definite");
      const bool undated =
          !e.date || (e.date->basis != "explicit"sv && e.date->basis != "relative"sv);
      auto id = [](const EventRecord& x) -> int64_t {
        return x.location && x.location->geonameid ? *x.location->geonameid : -1;
      };
      // Two parts of one town are two places ("à l'est de Mossoul ... Au sud, ...").
      auto part = [](const EventRecord& x) -> std::string_view {
        return x.location ? std::string_view(x.location->part) : std::string_view();
      };
      const bool other_part = DistinctParts(part(e), part(prev));
      if ((definite || undated) && (id(e) == id(prev) || id(e) < 0) && !other_part) {
        if (!prev.actor1) prev.actor1 = e.actor1;
        if (!prev.actor2) prev.actor2 = e.actor2;
        if (!prev.claimant) prev.claimant = e.claimant;
        for (const auto& q : e.quantities) {
          bool have = false;
          for (const auto& x : prev.quantities) have = have || x.kind == q.kind;
          if (!have) prev.quantities.push_back(q);
        }
        prev.evidence.insert(prev.evidence.end(), e.evidence.begin(), e.evidence.end());
        out.pop_back();  // told in `prev`
        continue;
      }
    }
    out_sentence.push_back(t.sentence);
    out_source.push_back(at.source_noun);
    last_passive = passive;
  }
  // "Le Centre a fait savoir que ... Plus tôt, les forces ont repris deux quartiers. Enfin,
  // ce communiqué précise que ...": a source noun that points back to a claimant covers the
  // unattributed events told between the two, as long as nothing else is attributed there.
  for (size_t j = 0; j < out.size(); ++j) {
    if (!out_source[j] || !out[j].claimant) continue;
    size_t k = j;
    while (k > 0 && !out[k - 1].claimant && out[k - 1].modality == "asserted"sv &&
           out[k - 1].status == "occurred"sv && out_sentence[j] - out_sentence[k - 1] <= 3)
      --k;
    if (k == j || k == 0 || !out[k - 1].claimant) continue;
    const EventActor& before = *out[k - 1].claimant;
    const EventActor& after = *out[j].claimant;
    if (before.cls != after.cls || before.name != after.name || before.country != after.country)
      continue;
    for (size_t i = k; i < j; ++i) {
      out[i].claimant = after;
      out[i].modality = "reported";
    }
  }
  // "Cette réussite, annoncée par le Centre…": a sentence that opens with a demonstrative
  // and reports without naming an event lends its claimant to the sentence before.
  for (uint32_t si = 1; si < seg.sentences.size(); ++si) {
    const auto& sn = seg.sentences[si];
    bool has_event = false;
    for (uint32_t x : out_sentence) has_event = has_event || x == si;
    if (has_event) continue;
    bool opens = false, reports = false;
    for (const Cue& c : cues_in(si)) {
      if (c.sentence != si) continue;
      if (c.kind == "anaphor"sv && c.first_token == sn.first_token) opens = true;
      if (c.kind == "report"sv) reports = true;
    }
    // So does a sentence that only reports the toll of the one before ("Le gouvernement a
    // fait état de 11 soldats tués"): it lends its claimant and its counts.
    bool counts = false;
    for (const Cue& c : cues_in(si))
      if (c.sentence == si && (c.kind == "killed_word"sv || c.kind == "injured_word"sv))
        counts = true;
    if (!reports || (!opens && !counts)) continue;
    if (!opens) {
      for (size_t i = 0; i < out.size(); ++i) {
        if (out_sentence[i] != si - 1) continue;
        for (const auto& q : men.quantities) {
          if (!SentenceHas(sn, q.start, q.end)) continue;
          auto x = type_quantity(q, si, out[i].type, out[i].subtype);
          if (!x || (x->kind != "killed"sv && x->kind != "injured"sv && x->kind != "people"sv))
            continue;
          bool have = false;
          for (const auto& y : out[i].quantities)
            have = have || (y.kind == x->kind && y.value == x->value);
          if (!have) out[i].quantities.push_back(*x);
        }
      }
    }
    TriggerMention pseudo{sn.first_token, sn.first_token + 1, sn.start, sn.start, si, "", "", false,
                          false};
    std::optional<Claimant> prev = previous_claimant;
    Attribution at = attributor_->Attribute(pseudo, cues, actors, seg, text, &prev);
    if (!at.claimant) continue;
    for (size_t i = 0; i < out.size(); ++i) {
      if (out_sentence[i] != si - 1 || out[i].claimant) continue;
      const Claimant& c = *at.claimant;
      out[i].claimant = EventActor{std::string(text.substr(c.start, c.end - c.start)), c.name,
                                   c.cls, c.country, ""};
      if (out[i].modality == "asserted"sv) out[i].modality = "reported";
      out[i].evidence.push_back({in.to_raw_start(sn.start), in.to_raw_end(sn.end)});
    }
  }

  // Cumulative tolls: a count of dead or displaced in a sentence that runs "since" a date a
  // month or more before the document ("a fait 15 000 morts depuis avril 2023"). They
  // replace the displacement events of that sentence, which are the same count.
  long doc0 = 0, doc1 = 0;
  const bool have_doc = core::DayRange(men.document_date.start, &doc0, &doc1);
  for (uint32_t si = 0; have_doc && si < seg.sentences.size(); ++si) {
    const auto& sent = seg.sentences[si];
    const DateMention* since = nullptr;
    for (const auto& d : men.dates) {
      long d0, d1;
      if (!SentenceHas(sent, d.start, d.end) || !core::DayRange(d.date.start, &d0, &d1) ||
          doc0 - d0 < 30)
        continue;
      // "since 2009", or a since-clause that dates its start: "since the offensive began
      // last October", "which began in early June", "depuis le début des combats en avril
      // 2023".
      bool since_clause = d.since;
      for (const Cue& c : cues_in(si))
        if (c.sentence == si && (c.kind == "background"sv || c.kind == "since"sv) &&
            c.end_token <= TokenAt(seg, d.start) && TokenAt(seg, d.start) - c.end_token <= 8)
          since_clause = true;
      if (since_clause) {
        since = &d;
        break;
      }
    }
    if (since == nullptr) continue;
    bool displaced_words = false;
    for (const Cue& c : cues_in(si))
      if (c.sentence == si && c.kind == "displaced_word"sv) displaced_words = true;
    std::vector<Quantity> killed, displaced;
    for (const auto& q : men.quantities) {
      if (!SentenceHas(sent, q.start, q.end)) continue;
      auto x = type_quantity(q, si, "toll", "");
      if (!x) continue;
      if (x->kind == "killed"sv) killed.push_back(*x);
      if (x->kind == "displaced"sv) {
        // A bare count of people is displaced only where the sentence says so.
        const NounInfo* noun = facts_of(q).row;
        bool noun_says = noun != nullptr && noun->kind == "displaced"sv;
        if (displaced_words || noun_says) displaced.push_back(*x);
      }
    }
    if (killed.empty() && displaced.empty()) continue;
    // Drop this sentence's displacement events (the toll carries their count) and what it
    // dates from its start ("la guerre qui oppose depuis 2023 ... a fait 15 000 morts").
    for (size_t i = out.size(); i-- > 0;) {
      if (out_sentence[i] != si) continue;
      if ((out[i].type == "displacement"sv && !displaced.empty()) ||
          (out[i].date && out[i].date->start == since->date.start && out[i].type != "toll"sv)) {
        out.erase(out.begin() + long(i));
        out_sentence.erase(out_sentence.begin() + long(i));
      }
    }
    TriggerMention pseudo{TokenAt(seg, since->start),
                          TokenAt(seg, since->end),
                          since->start,
                          since->end,
                          si,
                          "toll",
                          "",
                          false};
    std::optional<Claimant> prev = previous_claimant;
    Attribution at = attributor_->Attribute(pseudo, cues, actors, seg, text, &prev);
    // A toll counts over the area its sentence names; none named, the country the text is
    // about.
    const auto [place, latest] = place_ctx.ForToll(sent);
    for (auto* group : {&killed, &displaced}) {
      if (group->empty()) continue;
      EventRecord e;
      e.doc_id = in.doc_id;
      e.type = "toll";
      e.subtype = group == &killed ? "killed" : "displaced";
      e.status = "occurred";
      e.modality = at.modality;
      e.date = since->date;
      e.date->end = men.document_date.start;
      e.date->precision = "interval";
      if (place != nullptr) {
        e.location = place->location;
      } else if (latest != nullptr && !latest->location.country.empty()) {
        e.location = EventLocation{};
        e.location->country = latest->location.country;
        e.location->precision = "country";
      }
      if (at.claimant) {
        const Claimant& c = *at.claimant;
        e.claimant = EventActor{std::string(text.substr(c.start, c.end - c.start)), c.name, c.cls,
                                c.country, ""};
      }
      e.quantities = *group;
      e.evidence.push_back({in.to_raw_start(sent.start), in.to_raw_end(sent.end)});
      e.confidence = place != nullptr ? 0.7 : 0.55;
      // Keep text order: insert after this sentence's other events.
      size_t at_i = 0;
      while (at_i < out.size() && out_sentence[at_i] <= si) ++at_i;
      out.insert(out.begin() + long(at_i), std::move(e));
      out_sentence.insert(out_sentence.begin() + long(at_i), si);
    }
  }
  // Two mentions of one happening in one article are one event (a headline and its
  // paragraph): same type and subtype, same named place (and part, when both say one), same date,
  // same modality, one of them in a headline, and no firm counts that disagree.
  auto place_id = [](const EventRecord& e) -> int64_t {
    return e.location && e.location->geonameid ? *e.location->geonameid : -1;
  };
  auto firm = [](const EventRecord& e) {  // counts that are not vague
    int n = 0;
    for (const auto& q : e.quantities) n += q.qualifier != "about"sv;
    return n;
  };
  for (size_t i = 0; i < out.size(); ++i) {
    for (size_t j = i + 1; j < out.size(); ++j) {
      EventRecord& a = out[i];
      EventRecord& b = out[j];
      if (a.type != b.type || a.subtype != b.subtype) continue;
      if (place_id(a) < 0 || place_id(a) != place_id(b)) continue;
      if (DistinctParts(a.location->part, b.location->part))
        continue;  // two parts of one town are two places
      // Dates agree, or one of the two has none of its own (a headline).
      auto own = [](const EventRecord& x) {
        return x.date && (x.date->basis == "explicit"sv || x.date->basis == "relative"sv);
      };
      if (!a.date || !b.date || (a.date->start != b.date->start && own(a) && own(b))) continue;
      // One of the two must be a headline: the first sentence, or a line with no final mark.
      auto headline = [&](uint32_t si) {
        if (si == 0) return true;
        const auto& sn = seg.sentences[si];
        char last = text[sn.end - 1];
        return last != '.' && last != '!' && last != '?' && last != '"';
      };
      const bool head_i = headline(out_sentence[i]), head_j = headline(out_sentence[j]);
      if (!head_i && !head_j) continue;
      // A headline drops attribution; two body sentences must agree on it.
      if (a.modality != b.modality &&
          !((head_i && a.modality == "asserted"sv) || (head_j && b.modality == "asserted"sv)))
        continue;
      bool conflict = false;  // firm counts of one kind that disagree: two happenings
      for (const auto& q : a.quantities)
        for (const auto& r : b.quantities)
          if (q.kind == r.kind && q.qualifier != "about"sv && r.qualifier != "about"sv &&
              q.value != r.value)
            conflict = true;
      if (conflict) continue;
      // The body record is kept, or the one with firmer counts; the other fills its gaps.
      if (firm(b) > firm(a) || (firm(b) == firm(a) && head_i && !head_j)) std::swap(a, b);
      if (!own(a) && own(b)) a.date = b.date;
      if (!a.actor1) a.actor1 = b.actor1;
      if (!a.actor2) a.actor2 = b.actor2;
      if (!a.claimant) a.claimant = b.claimant;
      for (const auto& q : b.quantities) {
        bool have = false;
        for (const auto& x : a.quantities) have = have || x.kind == q.kind;
        if (!have) a.quantities.push_back(q);
      }
      a.evidence.insert(a.evidence.end(), b.evidence.begin(), b.evidence.end());
      std::sort(a.evidence.begin(), a.evidence.end(),
                [](const Span& x, const Span& y) { return x.start < y.start; });
      a.confidence = std::min(0.95, std::max(a.confidence, b.confidence) + 0.05);
      out_sentence[i] = std::min(out_sentence[i], out_sentence[j]);
      out.erase(out.begin() + long(j));
      out_sentence.erase(out_sentence.begin() + long(j));
      --j;
    }
  }
  for (size_t i = 0; i < out.size(); ++i) out[i].event_id = in.doc_id + "#" + std::to_string(i + 1);
  return out;
}

}  // namespace vigie::events

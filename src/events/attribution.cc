#include "events/attribution.h"

#include <unicode/uchar.h>

#include <string_view>

#include "core/text.h"
#include "core/utf8.h"

namespace vigie::events {

using namespace std::string_view_literals;  // "x"sv: compares by size first, no strlen

namespace {

bool IsPunct(const segment::Token& t) { return t.kind == segment::TokenKind::kPunct; }

std::string_view Text(std::string_view text, const segment::Token& t) {
  return text.substr(t.start, t.end - t.start);
}

// Index of the first token that starts at or after clean offset `at`.
uint32_t FirstTokenFrom(const segment::Segmentation& seg, uint32_t at) {
  auto it = std::lower_bound(seg.tokens.begin(), seg.tokens.end(), at,
                             [](const segment::Token& t, uint32_t x) { return t.start < x; });
  return static_cast<uint32_t>(it - seg.tokens.begin());
}

// A claimant known only by its words.
Claimant SpanClaimant(uint32_t start, uint32_t end) {
  Claimant c;
  c.start = start;
  c.end = end;
  return c;
}

Claimant FromActor(const std::vector<actors::ActorMention>& actors, int i) {
  const auto& a = actors[size_t(i)];
  return Claimant{a.start, a.end, i, a.cls.empty() ? "unknown" : a.cls, a.name, a.country};
}

}  // namespace

StatusOr<Attributor> Attributor::Create(const core::PackSet& packs,
                                        const segment::Segmenter& segmenter) {
  auto lex = PhraseLexicon::Create(packs, segmenter, "event_cues", {"kind", "side"});
  if (!lex.ok()) return lex.status();
  return Attributor(std::move(lex).value());
}

std::vector<Cue> Attributor::FindCues(std::string_view text, const segment::Segmentation& seg,
                                      std::string_view lang, const std::vector<std::string>* folded,
                                      const std::vector<size_t>* hashes) const {
  const std::vector<PhraseMatch> matches = lex_.Find(text, seg, lang, folded, hashes);
  std::vector<Cue> out;
  out.reserve(matches.size());
  for (const PhraseMatch& m : matches)
    out.push_back(
        {m.first_token, m.end_token, m.sentence, m.start, m.end, (*m.row)[0], (*m.row)[1]});
  return out;
}

Attribution Attributor::Attribute(const TriggerMention& trig, const std::vector<Cue>& cues,
                                  const std::vector<actors::ActorMention>& actors,
                                  const segment::Segmentation& seg, std::string_view text,
                                  std::optional<Claimant>* previous) const {
  Attribution at;
  const auto& sent = seg.sentences[trig.sentence];
  const Cue* report = nullptr;
  const Cue* source_noun = nullptr;
  const std::span<const Cue> in_sentence = CuesOf(cues, trig.sentence);  // searched once
  // One pass: a hedge, then a negation just before the trigger in its clause, then a denial
  // anywhere in the sentence, each outweighing the one before.
  bool hedged = false, negated = false, denied = false;
  for (const Cue& c : in_sentence) {
    if (c.sentence != trig.sentence) continue;
    const std::string_view kind = c.kind;
    if (kind == "hedge"sv) hedged = true;
    if (kind == "background"sv) at.background_cue = true;
    if (kind == "ongoing"sv) at.ongoing_cue = true;
    if (kind == "source_noun"sv && source_noun == nullptr) source_noun = &c;
    if (kind == "report"sv) {
      // The reporting cue nearest to the trigger.
      auto dist = [&](const Cue& x) {
        return x.first_token >= trig.end_token ? x.first_token - trig.end_token
                                               : trig.first_token - x.end_token;
      };
      if (report == nullptr || dist(c) < dist(*report)) report = &c;
    }
    if (kind == "negation"sv && c.end_token <= trig.first_token &&
        trig.first_token - c.end_token <= 4)
      negated = true;
    if (kind == "denial"sv) denied = true;
  }
  if (denied)
    at.modality = "denied";
  else if (negated)
    at.modality = "negated";
  else if (hedged)
    at.modality = "hedged";

  if (report != nullptr) {
    std::optional<Claimant> who;
    auto actor_after = [&](uint32_t from) -> int {
      for (size_t i = 0; i < actors.size(); ++i)
        if (actors[i].first_token >= from && actors[i].first_token < sent.end_token &&
            actors[i].first_token - from <= 6) {
          for (uint32_t k = from; k < actors[i].first_token; ++k)
            if (IsPunct(seg.tokens[k])) return -1;  // "selon lui, des familles ...": not the source
          return static_cast<int>(i);
        }
      return -1;
    };
    auto actor_before = [&](uint32_t upto) -> int {
      int best = -1;
      for (size_t i = 0; i < actors.size(); ++i)
        if (actors[i].end_token <= upto && actors[i].first_token >= sent.first_token)
          best = static_cast<int>(i);
      return best;
    };
    uint32_t after_from = report->end_token;
    if (report->side == "agent"sv) {
      // "annoncée le 7 décembre par le Centre": the claimant follows the next par/by.
      for (const Cue& c : in_sentence)
        if (c.sentence == trig.sentence && c.kind == "agent"sv &&
            c.first_token >= report->end_token && c.first_token <= report->end_token + 6) {
          after_from = c.end_token;
          break;
        }
    }
    // After a comma or a closing quote the speaker follows ("..., a indiqué le Centre"); after
    // a closing bracket it does not ("The UN office (OHCHR) said").
    auto opens_inversion = [&](uint32_t k) {
      if (k <= sent.first_token || !IsPunct(seg.tokens[k - 1])) return false;
      std::string_view p = Text(text, seg.tokens[k - 1]);
      return p != ")"sv && p != "]"sv;
    };
    // "Le Centre, chargé de ..., a fait savoir que ...": a cue followed by "que"/"that" has
    // its subject before it, even after a comma.
    bool complement = false;
    for (const Cue& c : in_sentence)
      if (c.kind == "complementizer"sv && c.first_token == report->end_token) complement = true;
    bool look_after = report->side == "after"sv || report->side == "doer"sv ||
                      report->side == "agent"sv ||
                      (opens_inversion(report->first_token) && !complement);
    if (look_after) {
      int a = actor_after(after_from);
      if (a >= 0) {
        who = FromActor(actors, a);
      } else {
        // The words after the cue up to punctuation: "selon d'autres informations".
        uint32_t e = report->end_token;
        while (e < sent.end_token && !IsPunct(seg.tokens[e]) && e - report->end_token < 8) ++e;
        if (e > report->end_token)
          who = SpanClaimant(seg.tokens[report->end_token].start, seg.tokens[e - 1].end);
      }
    } else {
      int a = actor_before(report->first_token);
      // The actor must belong to the reporting clause: no other trigger between them.
      if (a >= 0 && !(actors[size_t(a)].end_token <= trig.first_token &&
                      trig.end_token <= report->first_token)) {
        who = FromActor(actors, a);
      } else if (a >= 0 && report->first_token - actors[size_t(a)].end_token <= 3) {
        who = FromActor(actors, a);
      } else {
        // The clause's subject: the words just before the cue, back to punctuation
        // ("..., the Center said"; "Enfin, ce bref communiqué précise").
        uint32_t e = report->first_token, b = e;
        while (b > sent.first_token && !IsPunct(seg.tokens[b - 1]) && e - b < 8) --b;
        if (e == b) {
          // A comma closes an apposition: the subject opens the sentence ("Le Centre, chargé
          // de ..., a fait savoir que").
          b = sent.first_token;
          e = b;
          while (e < report->first_token && !IsPunct(seg.tokens[e]) && e - b < 8) ++e;
        }
        if (e > b) who = SpanClaimant(seg.tokens[b].start, seg.tokens[e - 1].end);
      }
    }
    if (who) who = Resolve(std::move(*who), source_noun, cues, actors, seg, text, *previous);
    if (who) {
      // A source noun ("ce bref communiqué") or a bare head repeated from a named actor
      // ("Le Centre") speaks for the last named claimant.
      bool is_source = source_noun != nullptr && source_noun->start >= who->start &&
                       source_noun->end <= who->end;
      if (who->actor < 0 && previous->has_value() && (*previous)->actor >= 0) {
        bool repeats_name = false;
        if (!is_source) {
          const auto& prev = actors[size_t((*previous)->actor)];
          std::string_view prev_text = text.substr(prev.start, prev.end - prev.start);
          for (uint32_t t = FirstTokenFrom(seg, who->start); t < seg.tokens.size(); ++t) {
            const auto& tok = seg.tokens[t];
            if (tok.start >= who->end) break;
            if (tok.end > who->end) continue;
            std::string_view w = Text(text, tok);
            size_t k = 0;
            if (w.size() > 3 && u_isupper(static_cast<UChar32>(core::NextCodePoint(w, &k))) &&
                prev_text.find(w) != std::string_view::npos)
              repeats_name = true;
          }
        }
        if (is_source || repeats_name) {
          Claimant c = **previous;
          c.start = who->start;
          c.end = who->end;
          who = c;
          at.source_noun = is_source;
        }
      }
      at.claimant_acted = report->side == "doer"sv || report->side == "doer_before"sv;
      if (who->actor >= 0) *previous = who;
      at.claimant = std::move(who);
    }
    if (at.modality == "asserted"sv) at.modality = "reported";
  } else if (source_noun != nullptr && previous->has_value()) {
    // "Ce communiqué précise ..." without a reporting verb we know: still the same source.
    Claimant c = **previous;
    c.start = source_noun->start;
    c.end = source_noun->end;
    at.claimant = c;
    at.source_noun = true;
    if (at.modality == "asserted"sv) at.modality = "reported";
  }
  // A denial: who denies is the claimant, the subject just before the denial word
  // ("l'état-major a démenti toute opération", "the ministry dismissed as fake claims that").
  if (at.modality == "denied"sv) {
    for (const Cue& c : in_sentence) {
      if (c.sentence != trig.sentence || c.kind != "denial"sv) continue;
      int best = -1;
      for (size_t i = 0; i < actors.size(); ++i)
        if (actors[i].end_token <= c.first_token && actors[i].first_token >= sent.first_token &&
            c.first_token - actors[i].end_token <= 4)
          best = static_cast<int>(i);
      // "Le conseil militaire de cette ville, dont les brigades ..., a démenti": the subject
      // that opens the sentence, past a relative clause.
      if (best < 0)
        for (size_t i = 0; i < actors.size(); ++i)
          if (actors[i].first_token >= sent.first_token &&
              actors[i].first_token <= sent.first_token + 1 &&
              actors[i].end_token <= c.first_token) {
            best = static_cast<int>(i);
            break;
          }
      if (best >= 0) {
        Claimant who = FromActor(actors, best);
        at.claimant = Resolve(who, nullptr, cues, actors, seg, text, *previous);
      }
      break;
    }
  }
  return at;
}

std::optional<Claimant> Attributor::Resolve(Claimant who, const Cue* source_noun,
                                            const std::vector<Cue>& cues,
                                            const std::vector<actors::ActorMention>& actors,
                                            const segment::Segmentation& seg, std::string_view text,
                                            const std::optional<Claimant>& previous) const {
  // A named actor, or a claimant with a class of its own that is not a bare noun: as found.
  // A longer phrase of no class ("un porte-parole du mouvement") may still repeat a name.
  const actors::ActorMention* self = who.actor >= 0 ? &actors[size_t(who.actor)] : nullptr;
  if (self != nullptr &&
      (self->named || (self->end_token - self->first_token > 3 && self->cls != "unknown"sv)))
    return who;
  // Tokens of the claimant's words.
  uint32_t b = FirstTokenFrom(seg, who.start), e = b;
  while (e < seg.tokens.size() && seg.tokens[e].end <= who.end) ++e;
  // A short phrase; a speaker's longer one ("a spokesman for the movement") too.
  const uint32_t max_words = self != nullptr && self->cls == "unknown"sv ? 6 : 4;
  if (e <= b || e - b > max_words) return who;
  // A pronoun ("selon lui", "he added") speaks for the last named claimant.
  if (e - b == 1) {
    for (const Cue& c : CuesEndingFrom(cues, e)) {
      if (c.first_token > b) break;
      if (c.kind != "pronoun"sv || c.first_token != b || c.end_token != e) continue;
      if (previous && previous->actor >= 0) {
        Claimant c2 = *previous;
        c2.start = who.start;
        c2.end = who.end;
        return c2;
      }
      // No claimant yet: the subject of the sentence before ("Le coordinateur ... juge la
      // situation alarmante. Selon lui, ...").
      if (c.sentence > 0) {
        const auto& prev_sent = seg.sentences[c.sentence - 1];
        for (size_t i = 0; i < actors.size(); ++i)
          if (actors[i].first_token >= prev_sent.first_token &&
              actors[i].end_token <= prev_sent.end_token) {
            Claimant c2 = FromActor(actors, static_cast<int>(i));
            c2.start = who.start;
            c2.end = who.end;
            return c2;
          }
      }
    }
  }
  if (source_noun != nullptr && source_noun->start >= who.start && source_noun->end <= who.end)
    return who;
  // A short definite phrase whose last word belongs to a named actor named earlier
  // ("the ministry" after "the Russian Defense Ministry", "la mission" after "la Mission de
  // l'ONU"): that actor.
  // Folded words: the segmenter's when it made them.
  const bool have_folded = seg.folded.size() == seg.tokens.size();
  auto folded = [&](uint32_t t) {
    return have_folded ? seg.folded[t] : core::FoldForMatch(Text(text, seg.tokens[t]));
  };
  const std::string head = folded(e - 1);
  if (head.size() >= 3) {
    for (size_t i = actors.size(); i-- > 0;) {
      const auto& a = actors[i];
      if (!a.named || a.end_token > b) continue;
      bool has = false;
      for (uint32_t t = a.first_token; t < a.end_token && !has; ++t)
        has = have_folded ? seg.folded[t] == head : folded(t) == head;
      if (!has) continue;
      Claimant c{who.start, who.end, static_cast<int>(i), a.cls, a.name, a.country};
      return c;
    }
  }
  // A speaker with no group of its own ("the spokesman") speaks for the last claimant.
  if (self != nullptr && self->cls == "unknown"sv && previous && previous->actor >= 0) {
    Claimant c = *previous;
    c.start = who.start;
    c.end = who.end;
    return c;
  }
  return who;
}

}  // namespace vigie::events

// attribution: who says an event happened, and how sure the text is. From the packs'
// event_cues.tsv it finds reporting cues ("selon X", "X a déclaré", "according to X",
// "X said"), hedges ("aurait", "reportedly"), negations and denials, and for one trigger
// gives the modality of EVENTS.md and the claimant: an actor mention, or the words that
// name the source when no actor was recognised ("d'autres informations"); a source noun
// ("ce communiqué") stands for the document's last named claimant. Immutable, thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "events/lexicon.h"
#include "events/triggers.h"

namespace vigie::events {

struct Cue {
  uint32_t first_token = 0, end_token = 0, sentence = 0;
  uint32_t start = 0, end = 0;
  // Views into the Attributor's table (valid while it lives): no string copied per cue.
  std::string_view kind;  // report, hedge, negation, denial, background, ongoing, source_noun
  std::string_view side;  // report cues: where the claimant stands (before, after)
};

// FindCues returns cues in text order, not overlapping: sorted by sentence, by first token
// and by end token alike, so the cues of a sentence or near a token are found by binary
// search instead of a scan of the document's cues.
inline std::span<const Cue> CuesOf(const std::vector<Cue>& cues, uint32_t sentence) {
  auto lo = std::lower_bound(cues.begin(), cues.end(), sentence,
                             [](const Cue& c, uint32_t s) { return c.sentence < s; });
  auto hi = std::upper_bound(lo, cues.end(), sentence,
                             [](uint32_t s, const Cue& c) { return s < c.sentence; });
  return {lo, hi};
}
// The cues that end at token `token` or later, in text order.
inline std::span<const Cue> CuesEndingFrom(const std::vector<Cue>& cues, uint32_t token) {
  auto lo = std::lower_bound(cues.begin(), cues.end(), token,
                             [](const Cue& c, uint32_t t) { return c.end_token < t; });
  return {lo, cues.end()};
}

struct Claimant {
  uint32_t start = 0, end = 0;  // clean-text span of the claimant's words
  int actor = -1;               // index into the actor mentions, or -1
  std::string cls = "unknown";  // the actor's class, or unknown
  std::string name, country;
};

struct Attribution {
  std::string modality = "asserted";  // asserted, reported, hedged, negated, denied
  std::optional<Claimant> claimant;
  bool background_cue = false, ongoing_cue = false;
  bool claimant_acted = false;  // a claim of responsibility: the claimant is also the doer
  bool source_noun = false;  // the claimant is a source noun ("ce communiqué") for an earlier one
};

class Attributor {
 public:
  static StatusOr<Attributor> Create(const core::PackSet& packs,
                                     const segment::Segmenter& segmenter);
  std::vector<Cue> FindCues(std::string_view text, const segment::Segmentation& seg,
                            std::string_view lang, const std::vector<std::string>* folded = nullptr,
                            const std::vector<size_t>* hashes = nullptr) const;

  // Attribution of one trigger. `previous` is the last claimant given in this document
  // (for "ce communiqué précise que ..."); updated when a named claimant is found.
  Attribution Attribute(const TriggerMention& trigger, const std::vector<Cue>& cues,
                        const std::vector<actors::ActorMention>& actors,
                        const segment::Segmentation& seg, std::string_view text,
                        std::optional<Claimant>* previous) const;

  // Who a claimant's words stand for: a pronoun or a speaker noun for the last named
  // claimant, a short definite phrase ("the ministry") for the named actor it repeats.
  std::optional<Claimant> Resolve(Claimant who, const Cue* source_noun,
                                  const std::vector<Cue>& cues,
                                  const std::vector<actors::ActorMention>& actors,
                                  const segment::Segmentation& seg, std::string_view text,
                                  const std::optional<Claimant>& previous) const;

 private:
  explicit Attributor(PhraseLexicon lex) : lex_(std::move(lex)) {}
  PhraseLexicon lex_;
};

}  // namespace vigie::events

// triggers: finds the words that announce an event ("ont repris", "frappes aériennes",
// "fled", "car bomb") from the packs' event_triggers.tsv, with the EVENTS.md type and
// subtype each implies (see PhraseLexicon for the pattern rules); a row of type "none"
// blocks a phrase that only looks like a trigger ("fighting alongside"). Immutable and
// thread-safe once built.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events/lexicon.h"

namespace vigie::events {

struct TriggerMention {
  uint32_t first_token = 0, end_token = 0;  // token range
  uint32_t start = 0, end = 0;              // clean-text byte offsets
  uint32_t sentence = 0;
  // Views into the TriggerFinder's table, or string literals (valid while it lives).
  std::string_view type, subtype;  // subtype empty when the type has none
  bool passive = false;            // the doer follows "par"/"by"
  bool adjectival = false;  // a participle: an event only after an auxiliary or before a count
  bool weak = false;        // a participant noun ("protesters"): an event only with a riot word
  bool generic = false;     // "attacked": an event only where no more precise trigger tells it
  bool places = false;      // "took": an event only before a count of places ("took 12 villages")
};

class TriggerFinder {
 public:
  static StatusOr<TriggerFinder> Create(const core::PackSet& packs,
                                        const segment::Segmenter& segmenter);
  std::vector<TriggerMention> Find(std::string_view text, const segment::Segmentation& seg,
                                   std::string_view lang,
                                   const std::vector<std::string>* folded = nullptr,
                                   const std::vector<size_t>* hashes = nullptr) const;

 private:
  explicit TriggerFinder(PhraseLexicon lex) : lex_(std::move(lex)) {}
  PhraseLexicon lex_;
};

}  // namespace vigie::events

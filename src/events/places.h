// places: which place an event gets (EVENTS.md `location`), from the geo stage's place
// mentions of one document: the nearest place of the trigger's sentence, else the place
// the text is about so far (the focus). A DocumentPlaces is made per document and keeps
// that focus as the extractor walks the triggers in text order: not thread-safe, and the
// views it holds (text, segmentation, mentions, cues) must outlive it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actors.h"
#include "core/langpack.h"
#include "events/attribution.h"
#include "events/mentions.h"
#include "events/triggers.h"
#include "segment/segment.h"
#include "vigie/event.h"

namespace vigie::events {

// Phrases that point back to the area of the story's preceding event ("the area", "la même
// zone"): the rows of each pack's geo_city_refs.tsv with `refers` = last, folded. Immutable.
class AreaPhrases {
 public:
  static StatusOr<AreaPhrases> Create(const core::PackSet& packs);
  bool Has(std::string_view lang, std::string_view folded) const;
  // A mention's raw text longer than this cannot fold to a phrase (folding keeps at least
  // one byte of a character's four at most): no folding needed to say no.
  size_t longest_raw() const { return 4 * longest_; }

 private:
  std::unordered_map<std::string, std::vector<std::string>> by_lang_;
  size_t longest_ = 0;  // bytes of the longest folded phrase
};

class DocumentPlaces {
 public:
  // `dateline_end`: clean offset where the dateline ends (places before it are not event
  // places). Places inside a named actor's words ("Islamic State") are left out.
  DocumentPlaces(std::string_view text, const segment::Segmentation& seg,
                 const std::vector<PlaceMention>& mentions,
                 const std::vector<actors::ActorMention>& actors, const std::vector<Cue>& cues,
                 uint32_t dateline_end, const AreaPhrases* area, std::string_view lang);

  // Sets `e->location` for trigger `t` of sentence `sent` (left empty when the text names
  // no place yet) and moves the focus. `previous` is the record written before this one
  // (or null) and `previous_sentence` its trigger's sentence.
  void Attach(const TriggerMention& t, const segment::Sentence& sent, const EventRecord* previous,
              uint32_t previous_sentence, EventRecord* e);

  // A cumulative toll's place: the first place its sentence names (`place`, or null) and
  // the last place named up to there (`latest`, for its country).
  struct TollPlaces {
    const PlaceMention* place = nullptr;
    const PlaceMention* latest = nullptr;
  };
  TollPlaces ForToll(const segment::Sentence& sent) const;

 private:
  bool After(const PlaceMention& p, std::string_view cue_kind) const;  // a cue of that kind
                                                                       // ends <= 3 words before
  bool Destination(const PlaceMention& p) const;  // where people went ("en direction de")
  bool Speaks(const PlaceMention& p) const;       // a capital that speaks ("Kinshasa affirme")
  bool AreaPhrase(const PlaceMention& p) const;   // "the area", "la même zone"
  // The places that may lie in `sent`: those starting in [sent.start, sent.end] when
  // places_ is sorted by start (found by binary search), else all of them.
  std::span<const PlaceMention* const> Near(const segment::Sentence& sent) const;
  // What the tests above say of a place depends on the place alone: each is worked out on
  // first use and kept (two bits per test: known, value), as triggers ask again.
  enum Test : unsigned { kSpeaks, kDestination, kOrigin, kArea };
  bool Is(const PlaceMention& p, Test test);

  std::string_view text_;
  const segment::Segmentation& seg_;
  const std::vector<Cue>& cues_;
  uint32_t dateline_end_ = 0;
  const AreaPhrases* area_ = nullptr;
  std::string_view lang_;
  std::vector<const PlaceMention*> places_;  // not an actor's words, in text order
  const PlaceMention* focus_ = nullptr;      // the place the text is about so far
  size_t cursor_ = 0;                        // places before it have moved the focus
  bool sorted_ = true;                       // places_ by start, non-decreasing
  const PlaceMention* first_ = nullptr;      // the mentions' first element
  std::vector<uint16_t> tests_;              // per mention: Is() answers, 2 bits a test
};

}  // namespace vigie::events

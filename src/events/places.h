// places: which place an event gets (EVENTS.md `location`), from the geo stage's place
// mentions of one document: the nearest place of the trigger's sentence, else the place
// the text is about so far (the focus). A DocumentPlaces is made per document and keeps
// that focus as the extractor walks the triggers in text order: not thread-safe, and the
// views it holds (text, segmentation, mentions, cues) must outlive it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "events/attribution.h"
#include "events/mentions.h"
#include "events/triggers.h"
#include "segment/segment.h"
#include "vigie/event.h"

namespace vigie::events {

class DocumentPlaces {
 public:
  // `dateline_end`: clean offset where the dateline ends (places before it are not event
  // places). Places inside a named actor's words ("Islamic State") are left out.
  DocumentPlaces(std::string_view text, const segment::Segmentation& seg,
                 const std::vector<PlaceMention>& mentions,
                 const std::vector<actors::ActorMention>& actors, const std::vector<Cue>& cues,
                 uint32_t dateline_end);

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
  bool Destination(const PlaceMention& p) const;  // where people went ("en direction de")
  bool Speaks(const PlaceMention& p) const;       // a capital that speaks ("Kinshasa affirme")

  std::string_view text_;
  const segment::Segmentation& seg_;
  const std::vector<Cue>& cues_;
  uint32_t dateline_end_ = 0;
  std::vector<const PlaceMention*> places_;  // not an actor's words, in text order
  const PlaceMention* focus_ = nullptr;      // the place the text is about so far
  size_t cursor_ = 0;                        // places before it have moved the focus
};

}  // namespace vigie::events

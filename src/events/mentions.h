// The layer the events stage reads besides tokens, actors and cues: dates, places and
// quantities found by the normalize and geo stages, converted to the record's own field
// types so the extractor does not depend on how those stages represent them. Plain structs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigie/event.h"

namespace vigie::events {

struct DateMention {
  uint32_t start = 0, end = 0;  // clean-text byte offsets
  EventDate date;               // start/end/precision/basis/text
  bool since = false;           // "depuis juillet 2012", "since 2009": runs up to the document date
};

struct PlaceMention {
  uint32_t start = 0, end = 0;
  EventLocation location;
};

struct QuantityMention {
  uint32_t start = 0, end = 0;
  Quantity quantity;  // kind empty: the events stage types it from the trigger and noun
  std::string noun;   // lemma of the counted noun ("quartier", "civilian"), or empty
  bool percent = false;
};

struct Mentions {
  std::vector<DateMention> dates;
  std::vector<PlaceMention> places;
  std::vector<QuantityMention> quantities;
  EventDate document_date;  // basis "document" or "inferred"; empty start when unknown
};

}  // namespace vigie::events

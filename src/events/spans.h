// spans: small position helpers the events stage's units share (sentence containment,
// token lookup by offset, distance to a trigger). Header-only, stateless.
#pragma once

#include <algorithm>
#include <cstdint>

#include "events/triggers.h"
#include "segment/segment.h"

namespace vigie::events {

inline bool SentenceHas(const segment::Sentence& s, uint32_t start, uint32_t end) {
  return start >= s.start && end <= s.end;
}

// Token distance from a span to the trigger (0 when touching), preferring spans after it.
inline long Distance(const TriggerMention& t, uint32_t start, uint32_t end) {
  if (start >= t.end) return long(start - t.end);
  if (end <= t.start)
    return 2 * long(t.start - end) + 1;  // before the trigger: the place or date usually follows
  return 0;
}

// Index of the token that starts at or after clean offset `at`.
inline uint32_t TokenAt(const segment::Segmentation& seg, uint32_t at) {
  auto it = std::lower_bound(seg.tokens.begin(), seg.tokens.end(), at,
                             [](const segment::Token& t, uint32_t x) { return t.start < x; });
  return static_cast<uint32_t>(it - seg.tokens.begin());
}

// Distance() for a place or date, plus 80 when it stands before the trigger in another
// clause (a punctuation token between): "... in Coventry – that jets had struck ...",
// "Entrée en vigueur le 18 décembre, la trêve a été violée ...".
inline long ClauseDistance(const TriggerMention& t, const segment::Segmentation& seg,
                           uint32_t start, uint32_t end) {
  long d = Distance(t, start, end);
  if (end <= t.start)
    for (uint32_t k = TokenAt(seg, end); k < t.first_token; ++k)
      if (seg.tokens[k].kind == segment::TokenKind::kPunct) return d + 80;
  return d;
}

}  // namespace vigie::events

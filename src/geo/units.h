// Internal to geo: the word units the matcher walks. A token is cut at hyphens and
// apostrophes ("Alep-Est" -> "Alep" "Est"; "Sana'a" -> "Sana" "a"); each piece's folded text
// is a view into the segmenter's folded token (Segmentation::folded), so building units
// folds and copies nothing in the common case. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "segment/segment.h"

namespace vigie::geo {

struct Unit {
  uint32_t start = 0, end = 0;  // clean-text bytes
  uint32_t sentence = 0;
  bool cap = false;             // starts with an upper-case or caseless letter
  bool caseless = false;        // starts with a letter of a script without case (Arabic...)
  bool hyphen_before = false;   // joined to the previous unit by a hyphen
  bool glued_before = false;    // joined to the previous unit by an apostrophe ("Sana'a")
  std::string_view text;        // folded ("d'", "'s", "est", ",")
  std::string_view key;         // name-key form ("d" for "d'"); empty: cannot be in a name
  uint64_t hash = 0;            // UnitHash(text)
  uint64_t key_hash = 0;        // KeyHash(key) (== hash when key == text)
};  // 64 bytes

// The units of one document. Views point into the Segmentation's folded tokens or into
// `store` (texts that had to be made: keys without their dots, tokens the segmenter did not
// fold), so a Units must not outlive the Segmentation it was built from.
struct Units {
  std::vector<Unit> list;
  std::deque<std::string> store;
};

// Hash of a unit's folded text (for word indexes; compare the words after a hit).
uint64_t UnitHash(std::string_view folded);

void BuildUnits(std::string_view text, const segment::Segmentation& seg, Units* out);

// Folds one pattern phrase into unit texts ("la partie Est de" -> la partie est de).
std::vector<std::string> PatternUnits(std::string_view phrase);

}  // namespace vigie::geo

// Internal to geo: the word units the matcher walks. A token is cut at hyphens and
// apostrophes ("Alep-Est" -> "Alep" "Est"; "Sana'a" -> "Sana" "a"), each piece folded.
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "segment/segment.h"

namespace vigie::geo {

struct Unit {
  uint32_t start = 0, end = 0;  // clean-text bytes
  uint32_t sentence = 0;
  std::string text;             // folded ("d'", "'s", "est", ",")
  std::string key;              // name-key form ("d" for "d'"); empty: cannot be in a name
  bool cap = false;             // starts with an upper-case or caseless letter
  bool caseless = false;        // starts with a letter of a script without case (Arabic...)
  bool hyphen_before = false;   // joined to the previous unit by a hyphen
  bool glued_before = false;    // joined to the previous unit by an apostrophe ("Sana'a")
  uint64_t hash = 0;            // UnitHash(text)
};

// Hash of a unit's folded text (for word indexes; compare the words after a hit).
uint64_t UnitHash(std::string_view folded);

std::vector<Unit> BuildUnits(std::string_view text, const segment::Segmentation& seg);

// Folds one pattern phrase into unit texts ("la partie Est de" -> la partie est de).
std::vector<std::string> PatternUnits(std::string_view phrase);

}  // namespace vigie::geo

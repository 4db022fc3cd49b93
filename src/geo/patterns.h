// Internal to geo: word patterns around place names (parts, feature words, references to
// the city) and their matching on units. A PatternSet indexes its patterns by the word
// they are anchored on, so that matching at a unit looks at the few patterns that can
// match there instead of all of them. Immutable once built; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/units.h"

namespace vigie::geo {

struct Pattern {
  std::vector<std::string> words;
  int value = 0;
  bool hyphen = false;   // must be joined to the name by a hyphen (Alep-Est)
  bool capital = false;  // a reference to the capital of the article's country
  bool last = false;     // a reference to the last place named before ("la zone", "the area")
};

class PatternSet {
 public:
  // `before`: the patterns end just before the unit they are matched at (anchored on
  // their last word); otherwise they start at it (anchored on their first word).
  explicit PatternSet(bool before = false) : before_(before) {}

  // Adds patterns and re-indexes; longer patterns are tried first, ties in order added.
  void Add(const std::vector<Pattern>& more);
  bool empty() const { return patterns_.empty(); }

  // Length in units of the longest pattern that ends just before unit `at` (before) or
  // starts at unit `at` (after), staying in `sentence`; 0 if none. `which` gets it.
  size_t Match(const std::vector<Unit>& units, size_t at, uint32_t sentence,
               const Pattern** which) const;
  size_t Match(const std::vector<Unit>& units, size_t at, uint32_t sentence, int* value) const {
    const Pattern* p = nullptr;
    size_t n = Match(units, at, sentence, &p);
    if (n > 0) *value = p->value;
    return n;
  }

 private:
  bool before_;
  std::vector<Pattern> patterns_;
  size_t TryList(const std::vector<uint32_t>& list, const std::vector<Unit>& units, size_t at,
                 uint32_t sentence, const Pattern** which) const;
  bool MayHave(uint64_t h) const;

  // Patterns in try order, indexed by the Unit::hash of their one word, or by a hash of
  // their two words next to the name (the words are compared after a hit).
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_word_, by_pair_;
  uint64_t filter_[64] = {};  // bit (hash mod 4096) of every index key: most units stop here
};

}  // namespace vigie::geo

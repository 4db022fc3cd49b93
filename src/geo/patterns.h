// Internal to geo: word patterns around place names (parts, feature words, references to
// the city) and their matching on units. A PatternSet indexes its patterns by the word
// they are anchored on, so that matching at a unit looks at the few patterns that can
// match there instead of all of them. Immutable once built; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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
  bool country = false;  // a reference to the article's country ("notre pays", "nationwide")
  bool site = false;     // a place in the city ("the stadium"): the city, without the part
                         // words around it ("around the stadium" is not the outskirts)
  bool quarter = false;  // unnamed parts of a town ("des quartiers toujours occupés"): the
                         // last town named before, with its part
  bool settlement = false;  // unnamed places of their own ("des villages", "several
                            // villages around X"): the town they are near, without its part
  bool none = false;  // words that look like one of the above and are no place ("les
                      // quartiers généraux", headquarters): matched, and nothing made
};

class PatternSet {
 public:
  // `before`: the patterns end just before the unit they are matched at (anchored on
  // their last word); otherwise they start at it (anchored on their first word).
  explicit PatternSet(bool before = false) : before_(before) {}

  // Adds patterns and re-indexes; longer patterns are tried first, ties in order added.
  void Add(const std::vector<Pattern>& more);
  bool empty() const { return patterns_.empty(); }
  // False when no pattern can be anchored on a unit of this hash (Unit::hash).
  bool MayAnchor(uint64_t h) const { return (anchors_[(h >> 6) & 63] >> (h & 63)) & 1; }

  // Length in units of the longest pattern that ends just before unit `at` (before) or
  // starts at unit `at` (after), staying in `sentence`; 0 if none. `which` gets it.
  size_t Match(const std::vector<Unit>& units, size_t at, uint32_t sentence,
               const Pattern** which) const {
    // Every pattern has its word next to the name (its anchor) in a filter: most units are
    // turned away here, inline.
    if (before_ ? at == 0 : at >= units.size()) return 0;
    if (!MayAnchor(units[before_ ? at - 1 : at].hash)) return 0;
    return MatchIndexed(units, at, sentence, which);
  }
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
  size_t MatchIndexed(const std::vector<Unit>& units, size_t at, uint32_t sentence,
                      const Pattern** which) const;

  // Patterns in try order, indexed by the Unit::hash of their one word, or by a hash of
  // their two words next to the name (the words are compared after a hit).
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_word_, by_pair_;
  uint64_t filter_[64] = {};  // bit (hash mod 4096) of every index key
  uint64_t anchors_[64] = {};  // bit (hash mod 4096) of every pattern's anchor word
};

// A set of folded words looked up by a unit's hash (Unit::hash), the word compared after a
// hit: for the per-unit scans (articles, link words, prepositions). Immutable once built.
class WordSet {
 public:
  void Insert(const std::string& folded_word);
  void InsertAll(const WordSet& other) {
    for (const auto& [h, w] : other.words_) Insert(w);
  }
  bool Has(const Unit& u) const { return MayHave(u.hash) && HasIndexed(u.hash, u.text); }
  bool MayHave(uint64_t h) const { return (filter_[(h >> 6) & 63] >> (h & 63)) & 1; }
  bool Has(std::string_view folded_word) const { return HasIndexed(UnitHash(folded_word), folded_word); }
  size_t size() const { return words_.size(); }

 private:
  bool HasIndexed(uint64_t h, std::string_view word) const;
  std::unordered_multimap<uint64_t, std::string> words_;
  uint64_t filter_[64] = {};
};

}  // namespace vigie::geo

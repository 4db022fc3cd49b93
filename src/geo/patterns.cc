#include "geo/patterns.h"

#include <algorithm>
#include <iterator>

namespace vigie::geo {

namespace {

uint64_t PairHash(uint64_t a, uint64_t b) {
  return a * 0x9E3779B97F4A7C15ull ^ (b + (b << 17) + (b >> 13));
}

}  // namespace

void PatternSet::Add(const std::vector<Pattern>& more) {
  patterns_.insert(patterns_.end(), more.begin(), more.end());
  std::stable_sort(patterns_.begin(), patterns_.end(), [](const Pattern& a, const Pattern& b) {
    return a.words.size() > b.words.size();
  });
  by_word_.clear();
  by_pair_.clear();
  std::fill(std::begin(filter_), std::end(filter_), 0);
  std::fill(std::begin(anchors_), std::end(anchors_), 0);
  for (uint32_t i = 0; i < patterns_.size(); ++i) {
    const auto& w = patterns_[i].words;
    if (w.empty()) continue;
    uint64_t h;
    if (w.size() == 1) {
      h = UnitHash(w[0]);
      by_word_[h].push_back(i);
    } else {
      h = before_ ? PairHash(UnitHash(w[w.size() - 2]), UnitHash(w.back()))
                  : PairHash(UnitHash(w[0]), UnitHash(w[1]));
      by_pair_[h].push_back(i);
    }
    filter_[(h >> 6) & 63] |= uint64_t{1} << (h & 63);
    uint64_t a = UnitHash(before_ ? w.back() : w[0]);
    anchors_[(a >> 6) & 63] |= uint64_t{1} << (a & 63);
  }
}

size_t PatternSet::TryList(const std::vector<uint32_t>& list, const std::vector<Unit>& units,
                           size_t at, uint32_t sentence, const Pattern** which) const {
  for (uint32_t pi : list) {
    const Pattern& p = patterns_[pi];
    size_t n = p.words.size();
    if (before_ ? at < n : at + n > units.size()) continue;
    size_t first = before_ ? at - n : at;
    bool ok = true;
    for (size_t k = 0; k < n && ok; ++k) {
      const Unit& u = units[first + k];
      ok = u.sentence == sentence && u.text == p.words[k];
    }
    if (ok && p.hyphen && !units[first].hyphen_before && !units[first].cap) ok = false;
    if (ok) {
      *which = &p;
      return n;
    }
  }
  return 0;
}

bool PatternSet::MayHave(uint64_t h) const { return (filter_[(h >> 6) & 63] >> (h & 63)) & 1; }

size_t PatternSet::MatchIndexed(const std::vector<Unit>& units, size_t at, uint32_t sentence,
                                const Pattern** which) const {
  const Unit& anchor = units[before_ ? at - 1 : at];
  if (anchor.sentence != sentence) return 0;
  // Patterns of two words or more, by their two words next to the name; then single words.
  bool pair = before_ ? at >= 2 : at + 1 < units.size();
  if (pair && !by_pair_.empty()) {
    const Unit& other = units[before_ ? at - 2 : at + 1];
    uint64_t h = before_ ? PairHash(other.hash, anchor.hash) : PairHash(anchor.hash, other.hash);
    if (MayHave(h)) {
      auto it = by_pair_.find(h);
      if (it != by_pair_.end())
        if (size_t n = TryList(it->second, units, at, sentence, which)) return n;
    }
  }
  if (MayHave(anchor.hash)) {
    auto it = by_word_.find(anchor.hash);
    if (it != by_word_.end()) return TryList(it->second, units, at, sentence, which);
  }
  return 0;
}

void WordSet::Insert(const std::string& folded_word) {
  uint64_t h = UnitHash(folded_word);
  if (HasIndexed(h, folded_word)) return;
  words_.emplace(h, folded_word);
  filter_[(h >> 6) & 63] |= uint64_t{1} << (h & 63);
}

bool WordSet::HasIndexed(uint64_t h, std::string_view word) const {
  auto [a, b] = words_.equal_range(h);
  for (; a != b; ++a)
    if (a->second == word) return true;
  return false;
}

}  // namespace vigie::geo

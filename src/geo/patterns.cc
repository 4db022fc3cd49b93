#include "geo/patterns.h"

#include <algorithm>
#include <iterator>

namespace vigie::geo {

void PatternSet::Add(const std::vector<Pattern>& more) {
  patterns_.insert(patterns_.end(), more.begin(), more.end());
  std::stable_sort(patterns_.begin(), patterns_.end(),
                   [](const Pattern& a, const Pattern& b) { return a.words.size() > b.words.size(); });
  by_anchor_.clear();
  std::fill(std::begin(filter_), std::end(filter_), 0);
  for (uint32_t i = 0; i < patterns_.size(); ++i) {
    const auto& w = patterns_[i].words;
    if (w.empty()) continue;
    const std::string& anchor = before_ ? w.back() : w.front();
    uint64_t h = UnitHash(anchor);
    by_anchor_[h].push_back(i);
    filter_[(h >> 6) & 63] |= uint64_t{1} << (h & 63);
  }
}

size_t PatternSet::Match(const std::vector<Unit>& units, size_t at, uint32_t sentence, const Pattern** which) const {
  if (before_ ? at == 0 : at >= units.size()) return 0;
  const Unit& anchor = units[before_ ? at - 1 : at];
  if (anchor.sentence != sentence || !(filter_[(anchor.hash >> 6) & 63] >> (anchor.hash & 63) & 1)) return 0;
  auto it = by_anchor_.find(anchor.hash);
  if (it == by_anchor_.end()) return 0;
  for (uint32_t pi : it->second) {
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

}  // namespace vigie::geo

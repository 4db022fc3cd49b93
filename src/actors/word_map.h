// WordMap: a hash map from folded words to values that is looked up with a string_view
// (no temporary string) or with a word whose hash was computed once per document
// (HashedWord), so that the several tables the actors and events stages consult for each
// token share one hash of it. Plain data; thread-safe for concurrent readers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/hash.h"

namespace vigie::actors {

struct HashedWord {
  std::string_view word;
  size_t hash = 0;
};

// The same hash as Segmentation::hashes, which the segmenter computes once per token.
inline size_t HashWord(std::string_view w) { return core::Hash64(w); }

// The hashes of a document's folded tokens, in token order (Segmentation::hashes when the
// segmenter made them).
inline std::vector<size_t> HashWords(const std::vector<std::string>& folded) {
  std::vector<size_t> out;
  out.reserve(folded.size());
  for (const auto& w : folded) out.push_back(HashWord(w));
  return out;
}

struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view w) const { return HashWord(w); }
  size_t operator()(const HashedWord& w) const { return w.hash; }
};

struct WordEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  bool operator()(const HashedWord& a, std::string_view b) const { return a.word == b; }
  bool operator()(std::string_view a, const HashedWord& b) const { return a == b.word; }
};

// A bit set over hashes: "certainly absent" for most words a table does not hold, before
// any lookup.
class WordFilter {
 public:
  WordFilter() : bits_(kBits / 64, 0) {}
  void Add(uint64_t h) { bits_[Bit(h) >> 6] |= uint64_t(1) << (Bit(h) & 63); }
  bool MayHave(uint64_t h) const { return (bits_[Bit(h) >> 6] >> (Bit(h) & 63)) & 1; }
  // The bits alone, to keep in a register through a loop (a call in the loop would make
  // the compiler load the vector's pointer again at every test).
  struct View {
    const uint64_t* bits;
    bool MayHave(uint64_t h) const { return (bits[Bit(h) >> 6] >> (Bit(h) & 63)) & 1; }
  };
  View view() const { return View{bits_.data()}; }

 private:
  static constexpr size_t kBits = size_t(1) << 13;
  static size_t Bit(uint64_t h) { return size_t((h * 0x9E3779B97F4A7C15ull) >> 51); }
  std::vector<uint64_t> bits_;
};

template <typename V>
using WordMap = std::unordered_map<std::string, V, WordHash, WordEq>;

// The value of word `k` in `m`, or null; `f` holds the hashes of m's keys, so most absent
// words are answered without a lookup.
template <typename V>
const V* Lookup(const WordMap<V>& m, const WordFilter& f, const HashedWord& k) {
  if (!f.MayHave(k.hash)) return nullptr;
  auto it = m.find(k);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace vigie::actors

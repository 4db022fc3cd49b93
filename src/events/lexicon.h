// PhraseLexicon: matches the phrases of a pack table (column "pattern") on a sentence's
// tokens, case- and accent-insensitively; a pattern token ending in '*' matches any word
// with that stem, and "..." between two words lets up to three words stand between them. The
// longest pattern wins and matches do not overlap. The other columns of the row travel with each
// match. Immutable and thread-safe once built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/word_map.h"
#include "core/langpack.h"
#include "segment/segment.h"
#include "vigie/status.h"

namespace vigie::events {

struct PhraseMatch {
  uint32_t first_token = 0, end_token = 0;
  uint32_t start = 0, end = 0;  // clean-text byte offsets
  uint32_t sentence = 0;
  const std::vector<std::string>* row = nullptr;  // the table row (all columns)
};

class PhraseLexicon {
 public:
  // Reads table `name` from every pack that has it; `required` columns must exist.
  static StatusOr<PhraseLexicon> Create(const core::PackSet& packs,
                                        const segment::Segmenter& segmenter, std::string_view name,
                                        std::vector<std::string> required);
  // Matches in every sentence of the document. `folded`: segment::FoldTokens(text, seg)
  // when the caller has it, else computed here; `hashes`: actors::HashWords(*folded), the
  // same.
  std::vector<PhraseMatch> Find(std::string_view text, const segment::Segmentation& seg,
                                std::string_view lang,
                                const std::vector<std::string>* folded = nullptr,
                                const std::vector<size_t>* hashes = nullptr) const;
  // Index of a column (the same in every pack's table: checked at load), or -1.
  int Column(std::string_view name) const;

 private:
  enum class Part : uint8_t { kWord, kStem, kGap };
  struct Pattern {
    std::vector<std::string> tokens;  // folded; a trailing '*' marks a stem
    std::vector<Part> parts;          // what each token is
    std::vector<uint64_t> hashes;     // actors::HashWord of each kWord token (else 0)
    std::vector<std::string> row;     // columns in `columns_` order
  };
  static uint32_t MatchAt(const Pattern& p, const std::string* folded, const size_t* hashes,
                          uint32_t i, uint32_t n, const segment::Token* tokens, size_t k = 0);
  // Patterns longest first; each is found through its first word, or, when that word is a
  // stem, through the stem's first three letters. Both lists hold indices into `patterns`
  // in that order, so the first pattern that matches is the longest.
  // A bit set over word hashes (and stem keys) tells most words that start no pattern
  // without a table lookup. Frequent words ("a", "le", "the") start many patterns whose
  // second word is a plain word too: `pair_filter` holds PairKey() of those two words and
  // `loose_filter` the first word of every other pattern, so such a word followed by a
  // second word no pattern has is passed over without a lookup.
  // Patterns whose first two words are plain words are listed under PairKey() of the two
  // (`pairs`): a frequent first word ("the", "le") then costs one lookup of the pair in the
  // text, not a walk through every pattern it starts. The other patterns that start with a
  // plain word are listed under that word (`loose`).
  struct Table {
    std::vector<Pattern> patterns;
    actors::WordMap<std::vector<uint32_t>> loose;               // exact first word
    std::unordered_map<uint64_t, std::vector<uint32_t>> pairs;  // PairKey of the first two
    std::unordered_map<uint64_t, std::vector<uint32_t>> stems;  // StemKey() of a stem word
    actors::WordFilter first_filter, stem_filter, pair_filter, loose_filter;
    // One bit for each pair of first two bytes a stem key starts with: most words are
    // passed over on two bytes, before their key is made.
    std::vector<uint64_t> stem_starts = std::vector<uint64_t>(65536 / 64, 0);
    bool StemMayStart(unsigned char b0, unsigned char b1) const {
      const unsigned x = b0 | unsigned(b1) << 8;
      return (stem_starts[x >> 6] >> (x & 63)) & 1;
    }
  };
  static uint64_t PairKey(uint64_t first, uint64_t second) {
    return first ^ (second * 0xC2B2AE3D27D4EB4Full) ^ (second >> 29);
  }
  static std::string_view Key(std::string_view folded);
  static uint64_t StemKey(std::string_view folded);  // Key() packed into an integer
  static void Index(Table* t);
  const Table& For(std::string_view lang) const;

  std::vector<std::string> columns_;
  std::unordered_map<std::string, Table> by_lang_;
  Table all_;
};

}  // namespace vigie::events

// segment: sentences and tokens over clean text, with byte offsets into that text (map
// them to the raw input with clean::OffsetMap). Handles French elision (l', d', qu'),
// clitics ('s), hyphenated names (Alep-Est), abbreviations and initials from the packs,
// numbers with space/dot/comma grouping (1 200, 1.200, 1,200), percentages (70%, 70 %),
// dates (7/12/2016, 2016-12-07), URLs, and hard-wrapped text. A Segmenter is immutable
// and thread-safe once built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/langpack.h"
#include "vigie/status.h"

namespace vigie::segment {

enum class TokenKind : uint8_t {
  kWord, kNumber, kPercent, kDate, kPunct, kSymbol, kElision, kClitic, kAbbrev, kUrl
};
const char* TokenKindName(TokenKind k);

struct Token {
  uint32_t start = 0, end = 0;  // clean-text byte offsets
  TokenKind kind = TokenKind::kWord;
  uint8_t breaks_before = 0;    // 0: same line, 1: line break, 2: paragraph break
};

struct Sentence {
  uint32_t start = 0, end = 0;            // clean-text byte offsets
  uint32_t first_token = 0, end_token = 0;  // token index range [first, end)
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  bool hard_wrapped = false;  // single line breaks were read as spaces
  // Each token's text folded for matching (core::FoldForMatch), parallel to `tokens`: made
  // once by Segmenter::Segment so that the stages matching dictionaries need not fold again.
  std::vector<std::string> folded;
  // core::Hash64 of each folded token, parallel to `folded`: dictionary lookups use it
  // instead of hashing the same word again per table.
  std::vector<uint64_t> hashes;
};

// Every token of `seg`, folded for matching (core::FoldForMatch), in token order: a copy of
// seg.folded when the segmenter filled it, else folded here. Stages that match
// dictionaries share one such vector per document (better: read seg.folded, no copy).
std::vector<std::string> FoldTokens(std::string_view text, const Segmentation& seg);

class Segmenter {
 public:
  static StatusOr<Segmenter> Create(const core::PackSet& packs);
  // `lang` selects the pack's abbreviations, elisions and clitics ("" or unknown: all packs).
  Segmentation Segment(std::string_view text, std::string_view lang) const;

 private:
  struct Rules {
    std::unordered_map<std::string, bool> abbreviations;  // folded "m." -> may end a sentence
    std::unordered_set<std::string> elisions;             // folded "l'"
    std::unordered_set<std::string> clitics;              // folded "'s"
  };
  const Rules& RulesFor(std::string_view lang) const;
  void Tokenize(std::string_view text, const Rules& rules, std::vector<Token>* out) const;
  void Split(std::string_view text, const Rules& rules, Segmentation* seg) const;

  std::unordered_map<std::string, Rules> by_lang_;
  Rules all_;
};

}  // namespace vigie::segment

// lang: identifies a document's language with a confidence in [0, 1]: the language packs'
// function words first (function_words.tsv), CLD2 when they do not settle it. An
// Identifier is immutable and thread-safe once built; the free functions are stateless.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/langpack.h"
#include "vigie/status.h"

namespace vigie::lang {

struct LanguageGuess {
  std::string code;  // ISO 639-1 ("fr"), or "und" when unknown
  // CLD2: share of the text in that language, halved when unreliable; function words: the
  // share of the function words met that are that language's.
  double confidence = 0;
  bool reliable = false;
  std::string source;  // "detected", or "given" when metadata stated it
};

// CLD2 alone, on clean text: its first 512 bytes, else (when that guess is not reliable)
// its first 16 KiB.
LanguageGuess Detect(std::string_view clean_text);

// A language stated by metadata overrides detection (confidence 1, source "given").
LanguageGuess Identify(std::string_view clean_text, std::string_view given);

// Reads the first 512 bytes of a text and counts the packs' function words ("les", "the");
// when one language has most of them, many of them, and they make a good share of the
// words, that language is the answer, without CLD2 (which costs ~250 instructions a byte).
// Otherwise — another language, a short or mixed text — CLD2 decides, as Detect() does.
class Identifier {
 public:
  static StatusOr<Identifier> Create(const core::PackSet& packs);
  LanguageGuess Detect(std::string_view clean_text) const;
  LanguageGuess Identify(std::string_view clean_text, std::string_view given) const;

 private:
  Identifier() = default;
  std::vector<std::string> langs_;  // pack languages, by index
  // Folded function word (at most 8 bytes, packed into an integer; never 0) -> language:
  // open addressing, at most a quarter full, an empty slot's key 0. Looked up for every
  // short word of the sample.
  struct Slot {
    uint64_t key = 0;
    uint8_t lang = 0;
  };
  std::vector<Slot> table_;
  int shift_ = 64;
  size_t SlotOf(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  const Slot* Find(uint64_t key) const;
};

}  // namespace vigie::lang

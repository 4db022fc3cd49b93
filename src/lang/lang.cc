#include "lang/lang.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>

namespace vigie::lang {

namespace {

// CLD2 costs about 250 instructions a byte, and the first few sentences of an article
// say its language as well as the whole text: CLD2 reads kSample bytes first, and the
// first kMax bytes only when that sample is not reliable (measured on the trafilatura
// set: 589 of 595 labelled pages right, against 590 reading 16 KiB every time).
constexpr size_t kSample = 512;
constexpr size_t kMax = 16 * 1024;

// The first `limit` bytes of text, cut after a space when one is in the second half,
// and always at a UTF-8 character boundary.
size_t Prefix(std::string_view text, size_t limit) {
  size_t n = std::min(text.size(), limit);
  if (n < text.size()) {
    size_t sp = text.rfind(' ', n);
    if (sp != std::string_view::npos && sp > n / 2) n = sp;
  }
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

LanguageGuess Run(std::string_view text) {
  LanguageGuess g;
  g.code = "und";
  g.source = "detected";
  if (text.empty()) return g;
  CLD2::Language lang3[3];
  int percent3[3];
  double score3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::CLDHints hints = {nullptr, "", CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language l =
      CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()), true, &hints, 0,
                                     lang3, percent3, score3, nullptr, &text_bytes, &reliable);
  if (l == CLD2::UNKNOWN_LANGUAGE) return g;
  g.code = CLD2::LanguageCode(l);
  g.reliable = reliable;
  double share = percent3[0] / 100.0;
  g.confidence = reliable ? share : share / 2;
  return g;
}

}  // namespace

LanguageGuess Detect(std::string_view text) {
  size_t n = Prefix(text, kSample);
  LanguageGuess g = Run(text.substr(0, n));
  if (g.reliable || n == text.size()) return g;
  size_t m = Prefix(text, kMax);
  return m > n ? Run(text.substr(0, m)) : g;
}

LanguageGuess Identify(std::string_view clean_text, std::string_view given) {
  if (!given.empty()) return {std::string(given), 1.0, true, "given"};
  return Detect(clean_text);
}

}  // namespace vigie::lang

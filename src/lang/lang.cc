#include "lang/lang.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>

namespace vigie::lang {

LanguageGuess Detect(std::string_view text) {
  LanguageGuess g;
  g.code = "und";
  g.source = "detected";
  // Cut at a UTF-8 character boundary.
  size_t n = std::min<size_t>(text.size(), 16 * 1024);
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  if (n == 0) return g;
  CLD2::Language lang3[3];
  int percent3[3];
  double score3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::CLDHints hints = {nullptr, "", CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language l = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(n), true, &hints, 0,
                                                    lang3, percent3, score3, nullptr, &text_bytes,
                                                    &reliable);
  if (l == CLD2::UNKNOWN_LANGUAGE) return g;
  g.code = CLD2::LanguageCode(l);
  g.reliable = reliable;
  double share = percent3[0] / 100.0;
  g.confidence = reliable ? share : share / 2;
  return g;
}

LanguageGuess Identify(std::string_view clean_text, std::string_view given) {
  if (!given.empty()) return {std::string(given), 1.0, true, "given"};
  return Detect(clean_text);
}

}  // namespace vigie::lang

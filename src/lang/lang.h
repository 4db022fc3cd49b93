// lang: identifies a document's language (CLD2 underneath) with a confidence in [0, 1].
// Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace vigie::lang {

struct LanguageGuess {
  std::string code;        // ISO 639-1 ("fr"), or "und" when unknown
  double confidence = 0;   // share of the text in that language, halved when unreliable
  bool reliable = false;
  std::string source;      // "detected", or "given" when metadata stated it
};

// Detects the language of clean text: its first 512 bytes, else (when that guess is not
// reliable) its first 16 KiB.
LanguageGuess Detect(std::string_view clean_text);

// A language stated by metadata overrides detection (confidence 1, source "given").
LanguageGuess Identify(std::string_view clean_text, std::string_view given);

}  // namespace vigie::lang

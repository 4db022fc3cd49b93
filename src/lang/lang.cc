#include "lang/lang.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "core/text.h"

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

namespace {

// When function words settle the language: at least kMinHits of them, the runner-up
// language at most 1/kMargin of the winner's, and the winner's making at least kDensity
// of the words read (a German or Spanish text meets a few "les" or "the", never that many).
constexpr int kMinHits = 8;
constexpr int kMargin = 10;
constexpr double kDensity = 0.12;

// Bytes of words: ASCII letters and every byte of a multi-byte character. A table: the
// sample is read byte by byte.
constexpr auto kWordBytes = [] {
  std::array<bool, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = b >= 0x80 || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
  return t;
}();
bool WordByte(unsigned char b) { return kWordBytes[b]; }

// A folded word of at most 8 bytes as an integer (its bytes in order), else 0.
uint64_t Pack(std::string_view folded) {
  if (folded.empty() || folded.size() > 8) return 0;
  uint64_t v = 0;
  std::memcpy(&v, folded.data(), folded.size());
  return v;
}

}  // namespace

StatusOr<Identifier> Identifier::Create(const core::PackSet& packs) {
  Identifier id;
  std::unordered_map<uint64_t, uint8_t> words;
  std::unordered_map<uint64_t, int> seen;  // a word of two packs tells neither
  for (const std::string& lang : packs.Languages()) {
    const core::TsvTable* t = packs.Get(lang)->Table("function_words");
    if (t == nullptr) continue;
    if (t->Column("word") < 0) return Status::Corruption(t->path + ": needs a 'word' column");
    if (id.langs_.size() >= 255) return Status::Corruption(t->path + ": too many languages");
    const auto index = static_cast<uint8_t>(id.langs_.size());
    id.langs_.push_back(lang);
    for (const std::string& w : t->Values("word")) {
      const uint64_t f = Pack(core::FoldForMatch(w));
      if (f == 0) return Status::Corruption(t->path + ": '" + w + "' is longer than 8 bytes");
      auto [it, fresh] = words.emplace(f, index);
      if (!fresh && it->second != index) seen[f] = 1;
    }
  }
  for (const auto& [w, _] : seen) words.erase(w);
  size_t size = 4;
  while (size < 4 * words.size()) size *= 2;
  id.table_.assign(size, Slot{});
  id.shift_ = 64 - std::countr_zero(size);
  for (const auto& [w, lang] : words) {
    size_t i = id.SlotOf(w);
    while (id.table_[i].key != 0) i = (i + 1) & (size - 1);
    id.table_[i] = Slot{w, lang};
  }
  return id;
}

const Identifier::Slot* Identifier::Find(uint64_t key) const {
  if (key == 0 || table_.empty()) return nullptr;
  for (size_t i = SlotOf(key);; i = (i + 1) & (table_.size() - 1)) {
    if (table_[i].key == key) return &table_[i];
    if (table_[i].key == 0) return nullptr;
  }
}

LanguageGuess Identifier::Detect(std::string_view text) const {
  const std::string_view sample = text.substr(0, Prefix(text, kSample));
  std::vector<int> hits(langs_.size(), 0);
  int words = 0;
  std::string w;
  for (size_t i = 0; i < sample.size();) {
    if (!WordByte(static_cast<unsigned char>(sample[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    unsigned char any = 0;  // the word's bytes or-ed: ASCII when below 0x80
    while (j < sample.size() && WordByte(static_cast<unsigned char>(sample[j])))
      any |= static_cast<unsigned char>(sample[j++]);
    const bool ascii = any < 0x80;
    ++words;
    if (j - i <= 8) {  // function words are short; longer words are only counted
      uint64_t key = 0;
      if (ascii) {
        std::memcpy(&key, sample.data() + i, j - i);
        key |= 0x2020202020202020ull >> (8 * (8 - (j - i)));  // lower case
      } else {
        core::FoldForMatchInto(sample.substr(i, j - i), &w);
        key = Pack(w);
      }
      if (const Slot* s = Find(key)) ++hits[s->lang];
    }
    i = j;
  }
  size_t best = 0;
  int total = 0, second = 0;
  for (size_t k = 0; k < hits.size(); ++k) {
    total += hits[k];
    if (hits[k] > hits[best]) best = k;
  }
  for (size_t k = 0; k < hits.size(); ++k)
    if (k != best) second = std::max(second, hits[k]);
  if (hits.empty() || hits[best] < kMinHits || second * kMargin > hits[best] ||
      hits[best] < kDensity * words)
    return lang::Detect(text);
  LanguageGuess g;
  g.code = langs_[best];
  g.source = "detected";
  g.reliable = true;
  g.confidence = std::round(100.0 * hits[best] / total) / 100;  // in hundredths, as CLD2's
  return g;
}

LanguageGuess Identifier::Identify(std::string_view clean_text, std::string_view given) const {
  if (!given.empty()) return {std::string(given), 1.0, true, "given"};
  return Detect(clean_text);
}

}  // namespace vigie::lang

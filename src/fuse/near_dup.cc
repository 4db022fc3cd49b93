#include "fuse/near_dup.h"

#include <string>

#include "core/hash.h"
#include "core/text.h"

namespace vigie::fuse {

namespace {

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

bool WordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

}  // namespace

Signature Sign(std::string_view clean_text) {
  // Folded words (case, accents, apostrophes), so a copy that retypes quotes still matches.
  std::string folded = core::FoldForMatch(clean_text);
  std::vector<std::string_view> words;
  for (size_t i = 0; i < folded.size();) {
    while (i < folded.size() && !WordByte(static_cast<unsigned char>(folded[i]))) ++i;
    size_t start = i;
    while (i < folded.size() && WordByte(static_cast<unsigned char>(folded[i]))) ++i;
    if (i > start) words.emplace_back(folded.data() + start, i - start);
  }
  Signature s;
  constexpr size_t kShingle = 5;
  if (words.size() < kShingle + kMinShingles - 1) return s;
  std::vector<uint64_t> shingles;
  shingles.reserve(words.size());
  std::string buf;
  for (size_t i = 0; i + kShingle <= words.size(); ++i) {
    buf.clear();
    for (size_t k = 0; k < kShingle; ++k) {
      buf += words[i + k];
      buf += ' ';
    }
    shingles.push_back(core::Hash64(buf));
  }
  s.minhash.assign(kMinHashes, UINT32_MAX);
  for (int h = 0; h < kMinHashes; ++h) {
    const uint64_t seed = Mix(static_cast<uint64_t>(h) + 1);
    uint32_t best = UINT32_MAX;
    for (uint64_t x : shingles) best = std::min(best, static_cast<uint32_t>(Mix(x ^ seed) >> 32));
    s.minhash[h] = best;
  }
  s.bands = Bands(s.minhash);
  return s;
}

std::vector<int64_t> Bands(const std::vector<uint32_t>& minhash) {
  std::vector<int64_t> out;
  if (minhash.size() != static_cast<size_t>(kMinHashes)) return out;
  constexpr int kRows = kMinHashes / kBands;
  for (int b = 0; b < kBands; ++b) {
    uint64_t key = Mix(static_cast<uint64_t>(b) + 0x5bd1e995ULL);
    for (int r = 0; r < kRows; ++r) key = Mix(key ^ minhash[b * kRows + r]);
    out.push_back(static_cast<int64_t>(key >> 1));
  }
  return out;
}

double EstimateJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

}  // namespace vigie::fuse

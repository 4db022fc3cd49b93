// Near-duplicate documents (syndicated copies): MinHash signatures over word 5-shingles
// of the clean text, banded for locality-sensitive lookup. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace vigie::fuse {

inline constexpr int kMinHashes = 128;
inline constexpr int kBands = 32;            // of kMinHashes / kBands rows each
inline constexpr double kCopyJaccard = 0.6;  // estimated Jaccard from which a text is a copy
inline constexpr int kMinShingles = 20;      // shorter texts are not compared

struct Signature {
  std::vector<uint32_t> minhash;  // empty: too short to compare
  std::vector<int64_t> bands;     // one key per band
};

Signature Sign(std::string_view clean_text);
// The band keys of a signature (what Sign puts in Signature::bands).
std::vector<int64_t> Bands(const std::vector<uint32_t>& minhash);
// Share of equal MinHash values: an estimate of the shingle sets' Jaccard index.
double EstimateJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

}  // namespace vigie::fuse

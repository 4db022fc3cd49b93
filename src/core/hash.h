// Stable content hashes (XXH3, 64 bits) for document ids, dedup keys and the dictionary
// lookups of every stage (the segmenter hashes each folded token once). Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// XXH3 compiled inline (the same function as libxxhash's, under private names): most keys
// are words of a few bytes, where the call into the shared library cost more than the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace vigie::core {

inline uint64_t Hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }
// 16 lower-case hex digits of Hash64(bytes).
std::string HashHex(std::string_view bytes);

}  // namespace vigie::core

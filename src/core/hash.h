// Stable content hashes (XXH3, 64 bits) for document ids and dedup keys. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::core {

uint64_t Hash64(std::string_view bytes);
// 16 lower-case hex digits of Hash64(bytes).
std::string HashHex(std::string_view bytes);

}  // namespace vigie::core

#include "core/hash.h"

#include <charconv>

namespace vigie::core {

std::string HashHex(std::string_view bytes) {
  // std::to_chars, then zeros in front: 16 lower-case digits ("%016llx" without printf's
  // format parsing, which cost more than the hash on a short document).
  const uint64_t h = Hash64(bytes);
  char digits[16];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, h, 16);
  const size_t n = static_cast<size_t>(end - digits);
  std::string out(16 - n, '0');
  out.append(digits, n);
  return out;
}

}  // namespace vigie::core

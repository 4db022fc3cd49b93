#include "core/hash.h"

#include <cstdio>

namespace vigie::core {

std::string HashHex(std::string_view bytes) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(Hash64(bytes)));
  return std::string(buf, 16);
}

}  // namespace vigie::core

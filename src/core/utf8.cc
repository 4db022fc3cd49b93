#include "core/utf8.h"

#include <simdjson.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cstring>

namespace vigie::core {

uint32_t RepairUtf8(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  uint32_t bad = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int64_t n = static_cast<int64_t>(in.size());
  int64_t i = 0;
  while (i < n) {
    // Fast path: a run of ASCII bytes.
    int64_t j = i;
    while (j < n && s[j] < 0x80) ++j;
    if (j > i) {
      out->append(in.data() + i, in.data() + j);
      i = j;
      continue;
    }
    int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      ++bad;
      out->append("\xEF\xBF\xBD");
    } else {
      out->append(in.data() + start, in.data() + i);
    }
  }
  return bad;
}

// simdjson's validator (SIMD, the implementation the CPU supports, picked at run time):
// this runs on every document. It rejects what U8_NEXT rejects: overlong forms,
// surrogates, code points past U+10FFFF, truncated and stray continuation bytes.
bool IsValidUtf8(std::string_view in) { return simdjson::validate_utf8(in.data(), in.size()); }

char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int64_t k = static_cast<int64_t>(*i);
  UChar32 c;
  U8_NEXT(p, k, static_cast<int64_t>(s.size()), c);
  *i = static_cast<size_t>(k);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void AppendUtf8(char32_t cp, std::string* out) {
  uint8_t buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(buf, len, 4, static_cast<UChar32>(cp), err);
  if (err) {
    out->append("\xEF\xBF\xBD");
    return;
  }
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
}

namespace {
constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
// The top bit of each byte of x that is zero.
uint64_t ZeroBytes(uint64_t x) { return ~(((x & ~kHighs) + ~kHighs) | x) & kHighs; }
// How many of the eight bytes of x are below 0x20 but for '\n', '\r', '\t' and '\f'. A byte
// b < 0x80 with its top bit set, less 0x20, keeps the top bit exactly when b >= 0x20 (no
// borrow crosses bytes); bytes >= 0x80 are left out by their own top bit.
int ControlBytes(uint64_t x) {
  const uint64_t below = ~((x | kHighs) - kOnes * 0x20) & ~x & kHighs;
  if (!below) return 0;
  const uint64_t allowed = ZeroBytes(x ^ kOnes * '\n') | ZeroBytes(x ^ kOnes * '\r') |
                           ZeroBytes(x ^ kOnes * '\t') | ZeroBytes(x ^ kOnes * '\f');
  return std::popcount(below & ~allowed);
}
}  // namespace

bool LooksBinary(std::string_view bytes) {
  const size_t n = std::min<size_t>(bytes.size(), 8192);
  if (n == 0) return false;
  if (std::memchr(bytes.data(), 0, n)) return true;
  // Control bytes other than line breaks, tabs and form feeds, counted eight bytes at a
  // time (ControlBytes): this runs on every file read. The tail is padded with spaces.
  size_t control = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, bytes.data() + i, 8);
    control += ControlBytes(x);
  }
  if (i < n) {
    uint64_t x = kOnes * ' ';
    std::memcpy(&x, bytes.data() + i, n - i);
    control += ControlBytes(x);
  }
  return control * 10 > n;  // over 10% control bytes
}

}  // namespace vigie::core

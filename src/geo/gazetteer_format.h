// Internal: byte layout of the compiled gazetteer (docs/gazetteer-format.md). Only the
// gazetteer reader and writer include this file. Plain constants and helpers, thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

namespace vigie::geo::format {

inline constexpr char kMagic[8] = {'V', 'I', 'G', 'I', 'E', 'G', 'Z', '\0'};
inline constexpr uint16_t kMajor = 1;
inline constexpr uint16_t kMinor = 2;  // 1.1: XLIT, SKEY, SPFX; 1.2: ADM1
inline constexpr size_t kHeaderSize = 32;
inline constexpr size_t kSectionEntrySize = 32;
inline constexpr size_t kPlaceSize = 36;
inline constexpr size_t kKeySize = 16;

constexpr uint32_t SectionId(const char (&s)[5]) {
  return uint32_t(uint8_t(s[0])) | uint32_t(uint8_t(s[1])) << 8 | uint32_t(uint8_t(s[2])) << 16 |
         uint32_t(uint8_t(s[3])) << 24;
}
inline constexpr uint32_t kStrs = SectionId("STRS");
inline constexpr uint32_t kPlcs = SectionId("PLCS");
inline constexpr uint32_t kKeys = SectionId("KEYS");
inline constexpr uint32_t kPfxs = SectionId("PFXS");
inline constexpr uint32_t kMeta = SectionId("META");
inline constexpr uint32_t kXlit = SectionId("XLIT");  // transliteration rules (TSV text)
inline constexpr uint32_t kSkey = SectionId("SKEY");  // skeleton keys, KEYS layout
inline constexpr uint32_t kSpfx = SectionId("SPFX");  // skeleton key prefixes, PFXS layout
inline constexpr uint32_t kAdm1 = SectionId("ADM1");  // admin1 names (TSV: country, code, name)

inline uint16_t Get16(const uint8_t* p) { return uint16_t(p[0] | p[1] << 8); }
inline uint32_t Get32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}
inline uint64_t Get64(const uint8_t* p) { return uint64_t(Get32(p)) | uint64_t(Get32(p + 4)) << 32; }

inline void Put16(std::string* s, uint16_t v) {
  s->push_back(char(v & 0xff));
  s->push_back(char(v >> 8));
}
inline void Put32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(char((v >> (8 * i)) & 0xff));
}
inline void Put64(std::string* s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s->push_back(char((v >> (8 * i)) & 0xff));
}
inline void Set32(std::string* s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*s)[at + i] = char((v >> (8 * i)) & 0xff);
}
inline void Set64(std::string* s, size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) (*s)[at + i] = char((v >> (8 * i)) & 0xff);
}

}  // namespace vigie::geo::format

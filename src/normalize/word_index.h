// WordIndex: an open-addressing table from short strings (folded words and phrase keys) to
// an int32, with the hash inlined, for the per-token lookups of the normaliser. Built once
// with the lexicon, then read-only and thread-safe. Only src/normalize uses it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::normalize {

// A fixed, platform-independent hash of a few bytes (8 at a time, then the tail).
inline uint64_t WordHash(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w = 0;
    for (int b = 0; b < 8; ++b) w |= uint64_t{p[i + b]} << (8 * b);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  uint64_t w = 0;
  int shift = 0;
  if (n - i >= 4) {
    w = uint64_t{p[i]} | uint64_t{p[i + 1]} << 8 | uint64_t{p[i + 2]} << 16 |
        uint64_t{p[i + 3]} << 24;
    i += 4, shift = 32;
  }
  if (n - i >= 2) {
    w |= (uint64_t{p[i]} | uint64_t{p[i + 1]} << 8) << shift;
    i += 2, shift += 16;
  }
  if (i < n) w |= uint64_t{p[i]} << shift;
  h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  return h;
}

class WordIndex {
 public:
  // The value of `key`, or nullptr.
  const int32_t* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    // Punctuation and one-letter words are common tokens: one bit says whether any key is it.
    if (key.size() == 1 && !(single_[static_cast<unsigned char>(key[0]) >> 6] >> (key[0] & 63) & 1))
      return nullptr;
    const uint64_t h = WordHash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.len == kEmpty) return nullptr;
      if (s.hash == h && s.len == key.size() &&
          std::string_view(arena_.data() + s.off, s.len) == key)
        return &s.value;
    }
  }
  // The value of `key`, inserted with `value` when absent (*fresh tells which).
  int32_t* Insert(std::string_view key, int32_t value, bool* fresh = nullptr) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    if (key.size() == 1)
      single_[static_cast<unsigned char>(key[0]) >> 6] |= uint64_t{1} << (key[0] & 63);
    const uint64_t h = WordHash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.len == kEmpty) {
        s = Slot{h, static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(key.size()), value};
        arena_.append(key);
        ++count_;
        if (fresh) *fresh = true;
        return &s.value;
      }
      if (s.hash == h && s.len == key.size() &&
          std::string_view(arena_.data() + s.off, s.len) == key) {
        if (fresh) *fresh = false;
        return &s.value;
      }
    }
  }
  size_t size() const { return count_; }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  struct Slot {
    uint64_t hash = 0;
    uint32_t off = 0, len = kEmpty;
    int32_t value = 0;
  };
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot());
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.len == kEmpty) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].len != kEmpty) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  uint64_t single_[4] = {0, 0, 0, 0};  // bit c: the one-byte key c is present
  std::string arena_;
  size_t mask_ = 0, count_ = 0;
};

}  // namespace vigie::normalize

// WordIndex: an open-addressing table from short strings (folded words and phrase keys) to
// an int32, with the hash inlined, for the per-token lookups of the normaliser. Built once
// with the lexicon, then read-only and thread-safe. Only src/normalize uses it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash.h"

namespace vigie::normalize {

// The hash of a key: core::Hash64, the hash Segmentation::hashes holds for each folded
// token, so that a token's own lookup needs no hashing (WordIndex::Find with a hash).
inline uint64_t WordHash(std::string_view s) { return core::Hash64(s); }

class WordIndex {
 public:
  // The value of `key`, or nullptr.
  const int32_t* Find(std::string_view key) const {
    if (slots_.empty() || !MayHold(key)) return nullptr;
    return Find(key, WordHash(key));
  }
  // The same, given h == WordHash(key) (a token's Segmentation::hashes entry).
  const int32_t* Find(std::string_view key, uint64_t h) const {
    if (slots_.empty() || !MayHold(key)) return nullptr;
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
    // At most a quarter full: most lookups are of words that are not keys, and a miss
    // probes until an empty slot (half full, 2.5 slots on average; a quarter, 1.4).
    if ((count_ + 1) * 4 > slots_.size()) Grow();
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
  // Punctuation and one-letter words are common tokens: one bit says whether any key is it.
  bool MayHold(std::string_view key) const {
    return key.size() != 1 || (single_[static_cast<unsigned char>(key[0]) >> 6] >> (key[0] & 63) & 1);
  }
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

#include "clean/offset_map.h"

#include <algorithm>

namespace vigie::clean {

void OffsetMap::AddCopy(uint32_t raw, uint32_t len) {
  if (len == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.copy && last.raw + last.raw_len == raw && last.clean + last.clean_len == clean_size_) {
      last.raw_len += len;
      last.clean_len += len;
      clean_size_ += len;
      return;
    }
  }
  pieces_.push_back({clean_size_, raw, len, len, true});
  clean_size_ += len;
}

void OffsetMap::AddReplace(uint32_t raw, uint32_t raw_len, uint32_t clean_len) {
  if (clean_len == 0) return;
  pieces_.push_back({clean_size_, raw, clean_len, raw_len, false});
  clean_size_ += clean_len;
}

void OffsetMap::Truncate(uint32_t clean_size) {
  while (!pieces_.empty() && pieces_.back().clean >= clean_size) pieces_.pop_back();
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    uint32_t keep = clean_size - last.clean;
    if (keep < last.clean_len) {
      if (last.copy) {
        last.clean_len = last.raw_len = keep;
      } else {
        last.clean_len = keep;  // a partial replace keeps its whole raw run
      }
    }
  }
  clean_size_ = clean_size;
}

uint32_t OffsetMap::ToRaw(uint32_t clean) const {
  if (pieces_.empty()) return 0;
  if (clean >= clean_size_) {
    const Piece& last = pieces_.back();
    return last.raw + last.raw_len;
  }
  // Last piece starting at or before `clean`.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), clean,
                             [](uint32_t c, const Piece& p) { return c < p.clean; });
  const Piece& p = *(it - 1);
  return p.copy ? p.raw + (clean - p.clean) : p.raw;
}

uint32_t OffsetMap::ToRawEnd(uint32_t clean_end) const {
  if (pieces_.empty() || clean_end == 0) return pieces_.empty() ? 0 : pieces_.front().raw;
  // Piece containing byte clean_end - 1.
  uint32_t last_byte = std::min(clean_end, clean_size_) - 1;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), last_byte,
                             [](uint32_t c, const Piece& p) { return c < p.clean; });
  const Piece& p = *(it - 1);
  return p.copy ? p.raw + (last_byte - p.clean) + 1 : p.raw + p.raw_len;
}

}  // namespace vigie::clean

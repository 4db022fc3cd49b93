// OffsetMap: translates byte offsets in cleaned text back to byte offsets in the raw
// input. Built append-only by the cleaner as a list of pieces: a `copy` piece is the same
// bytes on both sides; a `replace` piece maps a clean run to a raw run of another length
// (NFC, folded whitespace). Raw bytes covered by no piece were dropped. Immutable after
// building; safe to read from many threads.
#pragma once

#include <cstdint>
#include <vector>

namespace vigie::clean {

class OffsetMap {
 public:
  struct Piece {
    uint32_t clean = 0, raw = 0;       // start offsets
    uint32_t clean_len = 0, raw_len = 0;
    bool copy = false;
  };

  // Appends `len` bytes copied from raw offset `raw`.
  void AddCopy(uint32_t raw, uint32_t len);
  // Appends `clean_len` clean bytes standing for raw bytes [raw, raw + raw_len).
  void AddReplace(uint32_t raw, uint32_t raw_len, uint32_t clean_len);
  // Removes the last `n` clean bytes (the cleaner retracts a trailing space).
  void Truncate(uint32_t clean_size);
  void set_raw_size(uint32_t n) { raw_size_ = n; }

  // Raw offset where the clean byte at `clean` comes from (start of a span).
  uint32_t ToRaw(uint32_t clean) const;
  // Raw offset just past the raw bytes of a clean span ending (exclusive) at `clean_end`.
  uint32_t ToRawEnd(uint32_t clean_end) const;

  uint32_t clean_size() const { return clean_size_; }
  uint32_t raw_size() const { return raw_size_; }
  const std::vector<Piece>& pieces() const { return pieces_; }

 private:
  std::vector<Piece> pieces_;
  uint32_t clean_size_ = 0;
  uint32_t raw_size_ = 0;
};

}  // namespace vigie::clean

// clean: turns raw document text into clean text for the later stages, keeping the way
// back. Unicode NFC; control, zero-width and bidi marks dropped; ad-marker and share lines
// from the language packs removed; hashtags made words (#Alep-Est -> Alep-Est) or, when a
// line ends in a run of tags, recorded and removed; whitespace folded (lines trimmed,
// runs of blanks -> one space, blank-line runs -> one paragraph break).
// A Cleaner is immutable once built and thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean/offset_map.h"
#include "core/langpack.h"
#include "vigie/status.h"

namespace vigie::clean {

struct RemovedLine {
  uint32_t raw_start = 0, raw_end = 0;
  std::string text;  // the line as written, trimmed
  std::string kind;  // from the pack: ad, share, related, ...
  std::string lang;  // the pack the pattern came from
};

struct Hashtag {
  std::string tag;             // without '#'
  uint32_t raw_start = 0, raw_end = 0;  // the '#' and the tag in the raw input
  bool removed = false;        // a trailing tag, dropped from the text
};

struct CleanText {
  std::string text;
  OffsetMap map;
  std::vector<RemovedLine> removed;
  std::vector<Hashtag> hashtags;
  uint32_t dropped_chars = 0;  // controls, zero-width and bidi marks
  uint32_t normalized_runs = 0;  // runs changed by NFC
};

class Cleaner {
 public:
  // Collects boilerplate patterns from every pack (language is not known yet at this stage).
  static StatusOr<Cleaner> Create(const core::PackSet& packs);
  CleanText Clean(std::string_view raw) const;

 private:
  struct Pattern {
    std::string kind, lang;
    bool prefix = false;
  };
  const Pattern* MatchLine(std::string_view trimmed_line) const;

  // Looked up by string_view (no key string made per line).
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Pattern, KeyHash, std::equal_to<>>
      whole_lines_;                                        // folded text -> pattern
  std::vector<std::pair<std::string, Pattern>> prefixes_;  // folded prefix -> pattern
  // The prefixes_ (indices, in their order) each first byte of a folded line can start.
  std::array<std::vector<uint32_t>, 256> prefixes_by_byte_;
  // Any byte a pattern's first character can start with, in any case or accent; lines
  // starting otherwise are never folded. Non-ASCII lead bytes are always let through.
  void NoteFirstByte(std::string_view pattern_text);
  bool first_bytes_[256] = {};
  size_t max_line_ = 0;  // lines longer than this are never whole-line boilerplate
};

}  // namespace vigie::clean

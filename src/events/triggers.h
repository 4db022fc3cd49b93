// triggers: finds the words that announce an event ("ont repris", "frappes aériennes",
// "fled", "car bomb") from the packs' event_triggers.tsv, with the EVENTS.md type and
// subtype each implies. Pattern tokens are folded words; a token ending in '*' matches any
// word with that prefix ("reconqu*" for reconquis, reconquête). Longest match wins; matches
// do not overlap. A TriggerFinder is immutable and thread-safe once built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/langpack.h"
#include "segment/segment.h"
#include "vigie/status.h"

namespace vigie::events {

struct TriggerMention {
  uint32_t first_token = 0, end_token = 0;  // token range
  uint32_t start = 0, end = 0;              // clean-text byte offsets
  uint32_t sentence = 0;
  std::string type, subtype;
  bool passive = false;  // the pattern is a passive form: the agent follows "par"/"by"
};

class TriggerFinder {
 public:
  static StatusOr<TriggerFinder> Create(const core::PackSet& packs, const segment::Segmenter& segmenter);
  std::vector<TriggerMention> Find(std::string_view text, const segment::Segmentation& seg,
                                   std::string_view lang) const;

 private:
  struct Pattern {
    std::vector<std::string> tokens;  // folded; a trailing '*' marks a prefix
    std::string type, subtype;
    bool passive = false;
  };
  struct Table {
    // Keyed by the first (up to) 3 bytes of the first token, longest patterns first.
    std::unordered_map<std::string, std::vector<Pattern>> by_key;
  };
  static std::string Key(std::string_view folded);
  const Table& For(std::string_view lang) const;

  std::unordered_map<std::string, Table> by_lang_;
  Table all_;
};

}  // namespace vigie::events

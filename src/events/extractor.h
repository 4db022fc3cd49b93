// extractor: from one analysed document to event records (EVENTS.md). Triggers give the
// type; actors are attached by position and voice (subject, object, "par"/"by" agent),
// claimant and modality come from attribution, and dates, places and quantities from the
// Mentions layer (normalize and geo), with the sentence first, then the document context
// ("la ville", "ce même jour"), then the document date. Every record keeps the raw-input
// offsets of its trigger sentence. An Extractor is immutable and thread-safe once built.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/actors.h"
#include "events/attribution.h"
#include "events/mentions.h"
#include "events/places.h"
#include "events/triggers.h"
#include "vigie/event.h"

namespace vigie::events {

// What the extractor needs of a document; offsets of tokens and mentions are clean-text
// offsets, `to_raw` maps them to the raw input.
struct ExtractInput {
  std::string doc_id;
  std::string lang;
  std::string_view text;  // clean text
  const segment::Segmentation* segments = nullptr;
  const Mentions* mentions = nullptr;
  std::function<uint32_t(uint32_t)> to_raw_start, to_raw_end;
};

class Extractor {
 public:
  static StatusOr<Extractor> Create(const core::PackSet& packs,
                                    const segment::Segmenter& segmenter);
  std::vector<EventRecord> Extract(const ExtractInput& in) const;

 private:
  struct NounInfo {
    std::string kind, unit;
  };
  Extractor() = default;
  std::unique_ptr<actors::Recognizer> actors_;
  std::unique_ptr<TriggerFinder> triggers_;
  std::unique_ptr<Attributor> attributor_;
  std::unique_ptr<AreaPhrases> area_;
  std::unordered_map<std::string, std::unordered_map<std::string, NounInfo>>
      nouns_;  // lang -> lemma
};

}  // namespace vigie::events

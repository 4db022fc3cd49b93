// pipeline: runs the stages on one Document and keeps every layer they add (Analysis).
// A Pipeline is built once from the language packs, is immutable, and Analyze() may be
// called from many threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "clean/clean.h"
#include "core/langpack.h"
#include "events/extractor.h"
#include "geo/resolver.h"
#include "lang/lang.h"
#include "normalize/normalize.h"
#include "segment/segment.h"
#include "vigie/document.h"
#include "vigie/event.h"
#include "vigie/status.h"

namespace vigie::pipeline {

struct Options {
  Options() = default;
  Options(std::string packs) : packs_dir(std::move(packs)) {}  // NOLINT: implicit, {packs}
  std::string packs_dir;       // empty: core::DefaultPackRoot()
  std::string gazetteer_path;  // empty: geo::DefaultGazetteerPath()
  // Without a gazetteer the pipeline still runs, with no places (a warning says so);
  // set this to make a missing gazetteer an error instead.
  bool require_gazetteer = false;
};

struct Analysis {
  Document doc;
  clean::CleanText clean;
  lang::LanguageGuess language;
  segment::Segmentation segments;
  std::vector<geo::PlaceMention> places;
  events::Mentions mentions;  // dates, places, quantities for the events stage
  std::vector<EventRecord> events;

  // Raw byte offsets of a clean span.
  uint32_t RawStart(uint32_t clean_start) const { return clean.map.ToRaw(clean_start); }
  uint32_t RawEnd(uint32_t clean_end) const { return clean.map.ToRawEnd(clean_end); }
};

// The stages Analyze() runs, in order; `kMentions` is the glue that turns dates, places and
// quantities into the events stage's mentions.
enum class Stage : uint8_t { kClean, kLang, kSegment, kNormalize, kGeo, kMentions, kEvents };
inline constexpr size_t kStageCount = 7;
const char* StageName(Stage s);

// CPU time of the calling thread spent in each stage, in nanoseconds, summed over the
// documents analysed with it. One per thread; Add() merges them.
struct StageTimes {
  std::array<int64_t, kStageCount> ns{};
  int64_t& operator[](Stage s) { return ns[static_cast<size_t>(s)]; }
  int64_t operator[](Stage s) const { return ns[static_cast<size_t>(s)]; }
  int64_t Total() const;
  void Add(const StageTimes& other);
};

class Pipeline {
 public:
  static StatusOr<std::unique_ptr<Pipeline>> Create(const Options& options);
  Analysis Analyze(Document doc) const { return Analyze(std::move(doc), nullptr); }
  // Same, adding each stage's CPU time to `times` when it is not null.
  Analysis Analyze(Document doc, StageTimes* times) const;
  const core::PackSet& packs() const { return *packs_; }
  // Why a part of the pipeline is not running (no gazetteer), or empty.
  const std::string& warning() const { return warning_; }

 private:
  Pipeline(std::shared_ptr<const core::PackSet> packs, clean::Cleaner cleaner, segment::Segmenter seg)
      : packs_(std::move(packs)), cleaner_(std::move(cleaner)), segmenter_(std::move(seg)) {}
  class Clock;
  // Fills the mentions layer from the stages that find dates, places and quantities.
  void BuildMentions(Analysis* a, Clock* clock) const;
  std::shared_ptr<const core::PackSet> packs_;
  clean::Cleaner cleaner_;
  segment::Segmenter segmenter_;
  std::unique_ptr<lang::Identifier> identifier_;
  std::unique_ptr<normalize::Normalizer> normalizer_;
  std::unique_ptr<geo::Resolver> resolver_;  // null without a gazetteer
  std::string warning_;
  std::unique_ptr<events::Extractor> extractor_;
};

}  // namespace vigie::pipeline

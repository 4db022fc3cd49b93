// geo::Resolver: finds place names in segmented clean text and resolves them against a
// Gazetteer: parts of places (Alep-Est, eastern Mosul, the outskirts of the city),
// feature words (the town of, district), disambiguation by population, country context
// and co-mentions, and a precision label (EVENTS.md "location").
// Built once from a gazetteer and the language packs; immutable and thread-safe.
//
//   auto gaz = geo::Gazetteer::Open(geo::DefaultGazetteerPath());
//   auto res = geo::Resolver::Create(*gaz, packs);
//   for (const geo::PlaceMention& m : res->Resolve(clean_text, segmentation, "fr")) ...
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/langpack.h"
#include "geo/gazetteer.h"
#include "geo/patterns.h"
#include "segment/segment.h"
#include "vigie/status.h"

namespace vigie::geo {

enum class Part : uint8_t { kNone, kEast, kWest, kNorth, kSouth, kCentre, kOldCity, kOutskirts, kCountryside };
enum class Precision : uint8_t { kSite, kNeighbourhood, kVillage, kCity, kDistrict, kRegion, kCountry };
const char* PartName(Part p);            // "east", ... ; nullptr for kNone
const char* PrecisionName(Precision p);  // "site", ...

// One place mention. Offsets are clean-text bytes.
struct PlaceMention {
  uint32_t start = 0, end = 0;            // the whole mention, with part and feature words
  uint32_t name_start = 0, name_end = 0;  // the name itself (== start/end for references)
  std::string text;                        // clean text of [start, end)
  uint32_t geonameid = 0;                  // 0: null (countries, unnamed regions, unknown)
  std::string name;                        // gazetteer name ("" when unknown)
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  std::string admin1, country, feature_code;
  Part part = Part::kNone;
  Precision precision = Precision::kCity;
  double score = 0;       // 0..1: how sure the resolution is
  bool named = true;      // false: a reference ("the city") resolved to the article's city
  bool in_gazetteer = true;  // false: an unknown name kept with its text, resolved to its enclosing place
};

class Resolver {
 public:
  static StatusOr<std::unique_ptr<Resolver>> Create(std::shared_ptr<const Gazetteer> gazetteer,
                                                    const core::PackSet& packs);

  // All place mentions of one document, in text order.
  std::vector<PlaceMention> Resolve(std::string_view text, const segment::Segmentation& seg,
                                    std::string_view lang) const;

  // The recogniser alone: maximal (longest-first, left to right) spans of capitalised
  // words that are gazetteer names, as clean-text [start, end) pairs; exact keys only, or
  // with the transliteration skeleton as second chance (`skeleton`). For tests and benchmarks.
  std::vector<std::pair<uint32_t, uint32_t>> MatchNames(std::string_view text, const segment::Segmentation& seg,
                                                        bool skeleton = false) const;

  const Gazetteer& gazetteer() const { return *gaz_; }

  struct LangRules {
    PatternSet parts_before{true}, parts_after, feat_before{true}, feat_after, city_refs;
    PatternSet feat_before_start;  // feat_before anchored on its first word, to scan for them
    PatternSet actors;             // named actors (actors.tsv): "Islamic State" is no place
    PatternSet near{true};         // "près de", "near": an unknown name after them may be a place
    PatternSet not_places;         // names that are something else ("El Niño"): geo_not_places.tsv
    PatternSet destinations{true};  // "vers", "towards": where people go (geo_destinations.tsv)
    WordSet prepositions, stopwords, strict_stopwords, articles, links, capital_words;
    struct StringHash {
      using is_transparent = void;
      size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    // folded nationality adjective -> country code
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> demonyms;
  };

 private:
  explicit Resolver(std::shared_ptr<const Gazetteer> g) : gaz_(std::move(g)) {}
  const LangRules& RulesFor(std::string_view lang) const;

  std::shared_ptr<const Gazetteer> gaz_;
  std::vector<std::pair<std::string, LangRules>> by_lang_;
  LangRules all_;
  std::vector<int64_t> country_place_;  // per "AA".."ZZ" index: place number or -1
  std::vector<int64_t> capital_;        // per country index: its most populous PPLC, or -1
};

}  // namespace vigie::geo

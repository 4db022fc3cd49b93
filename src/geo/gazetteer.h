// geo::Gazetteer: the compiled, memory-mapped place list (docs/gazetteer-format.md) with
// its name index. Open() validates the file once; the object is then immutable and safe to
// share between threads. Place data: GeoNames (CC BY 4.0), see the format document.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/skeleton.h"
#include "vigie/status.h"

namespace vigie::geo {

enum class PlaceKind : uint8_t { kPlace = 0, kCountry = 1, kRegion = 2 };

// One place, read from the file (string views point into the mapping: a Place must not
// outlive its Gazetteer).
struct Place {
  uint32_t index = 0;      // number in the file
  uint32_t geonameid = 0;  // 0: none (countries, hand-listed regions)
  double lat = 0, lon = 0;
  uint32_t population = 0;
  std::string_view name, admin1;
  std::string_view country;       // ISO 3166-1 alpha-2
  char feature_class = 0;         // 'P', 'A', 'S', ...
  PlaceKind kind = PlaceKind::kPlace;
  std::string_view feature_code;  // "PPLA", "PCLI", ...
};

// A place that carries a given name.
struct NameHit {
  uint32_t place = 0;
  uint8_t words = 0;
  bool main_name = false;  // the place's GeoNames name / ascii name (not an alternate)
};

class Gazetteer {
 public:
  // Memory-maps and validates a compiled gazetteer.
  static StatusOr<std::shared_ptr<const Gazetteer>> Open(const std::string& path);
  // Same checks on bytes held in memory (tests, fuzzing). `label` names it in errors.
  static StatusOr<std::shared_ptr<const Gazetteer>> FromBytes(std::string bytes,
                                                               std::string label = "<memory>");
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  uint32_t size() const { return num_places_; }
  uint32_t num_keys() const { return num_keys_; }
  Place place(uint32_t index) const { return Read(index, true); }
  // The same without `name` and `admin1` (left empty): no string scan, for the scoring
  // loops that read only numbers, kind, country and feature.
  Place facts(uint32_t index) const { return Read(index, false); }
  // Every place whose name key hashes to `hash` (geo::KeyHash), appended to `out`.
  void Lookup(uint64_t hash, std::vector<NameHit>* out) const;
  // Whether `hash` is a proper word prefix of some multi-word key.
  bool IsPrefix(uint64_t hash) const;
  // The same on the skeleton keys (geo::Skeleton), when the file carries them (format 1.1).
  const Skeleton* skeleton() const { return skeleton_.has_value() ? &*skeleton_ : nullptr; }
  void LookupSkeleton(uint64_t hash, std::vector<NameHit>* out) const;
  bool IsSkeletonPrefix(uint64_t hash) const;
  // Raw name index access (for merging gazetteers and for tests).
  struct KeyRecord {
    uint64_t hash;
    uint32_t place;
    uint8_t words;
    uint8_t flags;
  };
  KeyRecord KeyAt(uint32_t i) const;
  uint32_t num_prefixes() const { return num_prefixes_; }
  uint64_t PrefixAt(uint32_t i) const;
  uint32_t num_skeleton_keys() const { return skel_.n; }
  KeyRecord SkeletonKeyAt(uint32_t i) const;
  uint32_t num_skeleton_prefixes() const { return skel_pfx_.n; }
  uint64_t SkeletonPrefixAt(uint32_t i) const;
  // Place with this GeoNames id, or -1.
  int64_t FindGeonameId(uint32_t geonameid) const;
  // Names of first-level regions by (country, admin1 code), from the ADM1 section (format
  // 1.2; empty for older files). The places' admin1 fields already carry them.
  const std::map<std::pair<std::string, std::string>, std::string>& Admin1Names() const {
    return admin1_names_;
  }
  // META value, or empty.
  std::string Meta(std::string_view key) const;
  const std::string& path() const { return path_; }

 private:
  Gazetteer() = default;
  Status Validate();
  Place Read(uint32_t index, bool names) const;

  std::string path_;
  std::string owned_;             // FromBytes
  void* map_ = nullptr;           // Open
  size_t map_size_ = 0;
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  const uint8_t* strs_ = nullptr;
  size_t strs_size_ = 0;
  const uint8_t* places_ = nullptr;
  uint32_t num_places_ = 0;
  const uint8_t* keys_ = nullptr;
  uint32_t num_keys_ = 0;
  const uint8_t* prefixes_ = nullptr;
  uint32_t num_prefixes_ = 0;
  std::string_view meta_;
  std::map<std::pair<std::string, std::string>, std::string> admin1_names_;
  // A sorted table of 64-bit hashes (records of `stride` bytes, hash first) with a bucket
  // index on the top bits of the hash, built at open: a lookup reads one bucket entry and
  // searches a few records instead of binary-searching the whole table.
  struct HashTable {
    const uint8_t* data = nullptr;
    uint32_t n = 0;
    size_t stride = 8;
    std::vector<uint32_t> bucket;  // first record of each bucket; size 2^bits + 1
    int shift = 64;
    void Index();
    uint32_t LowerBound(uint64_t hash) const;
  };
  HashTable key_table_, pfx_table_, skel_, skel_pfx_;
  std::optional<Skeleton> skeleton_;
};

// Where the compiled gazetteer lives: $VIGIE_GAZETTEER, else
// <exe>/../share/vigie/gazetteer.vgz if present, else <source>/data/gazetteer.vgz.
std::string DefaultGazetteerPath();

}  // namespace vigie::geo

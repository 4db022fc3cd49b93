// geo::GazetteerBuilder: compiles GeoNames dumps (cities1000.txt or a country dump such as
// SY.txt, 19 tab-separated columns), country names (npm i18n-iso-countries) and the
// hand-written region table into the binary format of docs/gazetteer-format.md. It can
// also start from a compiled gazetteer (for `vigie gazetteer add`). Single-threaded use.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "geo/city_states.h"
#include "geo/gazetteer.h"
#include "geo/skeleton.h"
#include "vigie/status.h"

namespace vigie::geo {

class GazetteerBuilder {
 public:
  // A GeoNames dump: 19 columns. Feature classes P, A and S are kept; later rows replace
  // earlier ones with the same GeoNames id (names are merged). Bad lines are counted.
  Status AddGeoNamesDump(const std::string& path);
  Status AddGeoNamesText(std::string_view text, const std::string& label);
  // i18n-iso-countries: `dir`/langs/<lang>.json for the given languages (empty: a default set).
  Status AddCountries(const std::string& dir, std::vector<std::string> langs = {});
  // Hand-written regions: TSV with columns country, name, lat, lon, aliases ('|'-separated).
  Status AddRegionTable(const std::string& path);
  // Hand-written country centres (columns country, lat, lon); call after AddCountries.
  Status AddCountryCentres(const std::string& path);
  // Transliteration rules (gazetteer/transliteration.tsv, geo::Skeleton): names added after
  // this call also get a skeleton key, and the rules go into the file. Call it first.
  Status SetTransliteration(const std::string& path);
  Status SetTransliterationText(std::string_view tsv, const std::string& label);
  // Every place and name of a compiled gazetteer (its transliteration rules and admin1
  // names too).
  Status AddCompiled(const Gazetteer& gazetteer);

  // Names of first-level regions (admin1) learnt from a city list that names each city's
  // region (geo::CityState; Debian's libgeonames): each city meets the GeoNames row (feature
  // class P) of its country whose name keys include the city's name key and that lies
  // within `max_km` (the nearest when several do); each (country, admin1 code) then takes
  // the region name most of its cities give (ties: the larger population, then the smaller
  // name). ADM1 rows of a dump still win over these names. Call after the dumps.
  struct Admin1Learning {
    size_t cities = 0;       // cities read
    size_t matched = 0;      // met a GeoNames row with an admin1 code
    size_t codes_named = 0;  // (country, code) pairs that got a name
    size_t disputed = 0;     // ... of which cities disagreed on
  };
  // `label` joins the file's sources when some code gets a name.
  Admin1Learning LearnAdmin1Names(const std::vector<CityState>& cities,
                                  const std::string& label = "city states", double max_km = 15.0);
  // How the places' admin1 fields end up (what Serialize writes).
  struct Admin1Coverage {
    size_t codes = 0, codes_named = 0;    // distinct (country, code) pairs of places
    size_t places = 0, places_named = 0;  // places with an admin1 code; named ones
  };
  Admin1Coverage Admin1Stats() const;

  // The compiled file (deterministic).
  std::string Serialize() const;

  uint64_t bad_lines() const { return bad_lines_; }
  size_t num_places() const { return places_.size(); }

 private:
  struct Entry {
    uint32_t geonameid = 0;
    int32_t lat_e5 = 0, lon_e5 = 0;
    uint32_t population = 0;
    std::string name, admin1, admin1_code, country, fcode;
    char fclass = 'P';
    uint8_t kind = 0;
  };
  struct Key {
    uint64_t hash;
    uint8_t words;
    uint8_t flags;
    bool operator<(const Key& o) const { return std::tie(hash, words, flags) < std::tie(o.hash, o.words, o.flags); }
  };
  size_t Slot(const Entry& e);  // index in places_, creating or replacing
  using Admin1Map = std::map<std::pair<std::string, std::string>, std::string>;
  Admin1Map Admin1Names() const;  // (country, code) -> name: ADM1 rows, then learnt names
  void AddName(size_t slot, std::string_view name, bool main);

  std::vector<Entry> places_;
  std::vector<std::set<Key>> keys_;                 // per slot
  std::vector<std::set<Key>> skel_keys_;            // per slot
  std::optional<Skeleton> skeleton_;
  std::set<uint64_t> skel_prefixes_;
  std::map<std::tuple<uint8_t, uint32_t, std::string, std::string>, size_t> slot_of_;
  std::set<uint64_t> prefixes_;
  std::vector<std::string> sources_;
  Admin1Map learnt_admin1_;  // LearnAdmin1Names and the ADM1 section of compiled files
  uint64_t bad_lines_ = 0;
};

}  // namespace vigie::geo

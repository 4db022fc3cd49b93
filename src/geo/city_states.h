// geo::CityState and the city-states TSV: a list of cities that gives each city's
// first-level region (state) by name, which cities1000 does not (it has admin1 codes only).
// The gazetteer compiler matches these cities to its GeoNames rows to name admin1 codes
// (GazetteerBuilder::LearnAdmin1Names).
//
// The list is written at set-up by `vigie-city-states` (tools/city_states), the one program
// that links Debian's libgeonames (GPL-3 code, GeoNames data CC BY 4.0); `vigie` itself only
// reads the TSV, so it does not link that library. Thread-safe (no state).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/status.h"

namespace vigie::geo {

struct CityState {
  std::string country;  // ISO 3166-1 alpha-2
  std::string name;     // the city's name
  std::string state;    // its first-level region's name
  double lat = 0, lon = 0;
  uint32_t population = 0;
};

// The TSV form (a language-pack style table, core::ParseTsv): the header line country, name,
// state, lat, lon, population, then one city a line. A line with bad values is reported in
// `problems` as "PATH:LINE: why" and skipped; a line with too many fields or a wrong header
// fails the whole file.
std::string CityStatesTsvHeader();
std::string CityStateTsvLine(const CityState& c);
StatusOr<std::vector<CityState>> ParseCityStatesTsv(std::string_view tsv, const std::string& path,
                                                    std::vector<std::string>* problems);
StatusOr<std::vector<CityState>> ReadCityStatesTsv(const std::string& path,
                                                   std::vector<std::string>* problems);

}  // namespace vigie::geo

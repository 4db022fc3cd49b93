// geo::CityState and ReadLibGeonamesCities(): a list of cities that gives each city's
// first-level region (state) by name, which cities1000 does not (it has admin1 codes only).
// The gazetteer compiler matches these cities to its GeoNames rows to name admin1 codes
// (GazetteerBuilder::LearnAdmin1Names). Thread-safe (no state).
#pragma once

#include <cstdint>
#include <string>
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

// Whether this Vigie was built with Debian's libgeonames (package libgeonames-dev).
bool HaveLibGeonames();

// Every city of the GeoNames list compiled into libgeonames (about 24,000 cities of 15,000
// people or more, GeoNames data, CC BY 4.0), in the library's order. Unsupported when Vigie
// was built without the library.
StatusOr<std::vector<CityState>> ReadLibGeonamesCities();

}  // namespace vigie::geo

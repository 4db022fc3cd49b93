// geo::ReadLibGeonamesCities(): the GeoNames city list compiled into Debian's libgeonames
// (about 24,000 cities of 15,000 people or more, each with its state's name). Only the
// set-up tool `vigie-city-states` and the tests link this (target vigie_geo_libgeonames):
// libgeonames' code is GPL-3, so `vigie` reads the TSV that tool writes instead.
#pragma once

#include <vector>

#include "geo/city_states.h"
#include "vigie/status.h"

namespace vigie::geo {

// Whether this target was built with libgeonames (package libgeonames-dev).
bool HaveLibGeonames();

// Every city of the library's list, in the library's order. Unsupported without the library.
StatusOr<std::vector<CityState>> ReadLibGeonamesCities();

}  // namespace vigie::geo

#include "geo/libgeonames_cities.h"

#ifdef VIGIE_HAVE_LIBGEONAMES
#include <geonames/geonames.h>
#endif

namespace vigie::geo {

#ifdef VIGIE_HAVE_LIBGEONAMES

bool HaveLibGeonames() { return true; }

StatusOr<std::vector<CityState>> ReadLibGeonamesCities() {
  std::vector<CityState> out;
  int n = geonames_get_n_cities();
  if (n <= 0) return Status::NotFound("libgeonames: the library's city list is empty");
  out.reserve(size_t(n));
  for (int i = 0; i < n; ++i) {
    GeonamesCity* c = geonames_get_city(i);
    if (c == nullptr) continue;
    auto str = [](const char* s) { return s != nullptr ? std::string(s) : std::string(); };
    CityState cs;
    cs.country = str(geonames_city_get_country_code(c));
    cs.name = str(geonames_city_get_name(c));
    cs.state = str(geonames_city_get_state(c));
    cs.lat = geonames_city_get_latitude(c);
    cs.lon = geonames_city_get_longitude(c);
    cs.population = geonames_city_get_population(c);
    geonames_city_free(c);
    out.push_back(std::move(cs));
  }
  return out;
}

#else

bool HaveLibGeonames() { return false; }

StatusOr<std::vector<CityState>> ReadLibGeonamesCities() {
  return Status::Unsupported(
      "built without libgeonames (Debian package libgeonames-dev): admin1 names "
      "fall back to the regional seat's name or the admin1 code");
}

#endif

}  // namespace vigie::geo

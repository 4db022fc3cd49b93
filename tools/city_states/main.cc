// vigie-city-states: writes the GeoNames city list compiled into Debian's libgeonames (each
// city's country, name, state, coordinates, population) as the TSV `vigie gazetteer build
// --city-states` reads to name admin1 codes. A set-up tool of its own because libgeonames'
// code is GPL-3: `vigie` reads the TSV and does not link the library.
//
//   vigie-city-states [--out data/city_states.tsv]     (default: standard output)
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "geo/libgeonames_cities.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Write the city list of Debian's libgeonames (GeoNames data, CC BY 4.0) as a TSV of "
      "country, name, state, lat, lon, population, for `vigie gazetteer build --city-states`."};
  std::string out;
  app.add_option("--out", out, "Output file (default: standard output)");
  CLI11_PARSE(app, argc, argv);

  auto cities = vigie::geo::ReadLibGeonamesCities();
  if (!cities.ok()) {
    std::cerr << "vigie-city-states: " << cities.status().message() << "\n";
    return 1;
  }
  std::string text = vigie::geo::CityStatesTsvHeader();
  for (const auto& c : *cities) text += vigie::geo::CityStateTsvLine(c);
  if (out.empty()) {
    std::cout << text;
    return std::cout ? 0 : 1;
  }
  std::error_code ec;
  auto parent = std::filesystem::path(out).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  const std::string tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << text;
    f.close();  // a write error may only show when the buffer is flushed
    if (f.fail()) {
      std::cerr << "vigie-city-states: cannot write " << tmp << "\n";
      return 1;
    }
  }
  std::filesystem::rename(tmp, out, ec);
  if (ec) {
    std::cerr << "vigie-city-states: cannot rename " << tmp << " to " << out << "\n";
    return 1;
  }
  std::cerr << "vigie-city-states: " << cities->size() << " cities written to " << out
            << " (GeoNames data, CC BY 4.0)\n";
  return 0;
}

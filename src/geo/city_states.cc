#include "geo/city_states.h"

#include <charconv>
#include <cmath>

#include "core/langpack.h"

namespace vigie::geo {

namespace {

void AppendDouble(std::string* out, double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest form that reads back the same
  out->append(buf, r.ptr);
}

bool ReadDouble(std::string_view s, double* v) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(*v);
}

// Names go in one field each: tabs and line breaks (never in GeoNames names) become spaces.
void AppendField(std::string* out, std::string_view s) {
  for (char c : s) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

}  // namespace

std::string CityStatesTsvHeader() { return "country\tname\tstate\tlat\tlon\tpopulation\n"; }

std::string CityStateTsvLine(const CityState& c) {
  std::string out;
  AppendField(&out, c.country);
  out += '\t';
  AppendField(&out, c.name);
  out += '\t';
  AppendField(&out, c.state);
  out += '\t';
  AppendDouble(&out, c.lat);
  out += '\t';
  AppendDouble(&out, c.lon);
  out += '\t';
  out += std::to_string(c.population);
  out += '\n';
  return out;
}

StatusOr<std::vector<CityState>> ParseCityStatesTsv(std::string_view tsv, const std::string& path,
                                                    std::vector<std::string>* problems) {
  auto table = core::ParseTsv(tsv, path);
  if (!table.ok()) return table.status();
  const std::vector<std::string> want = {"country", "name", "state", "lat", "lon", "population"};
  if (table->columns != want)
    return Status::Corruption(path +
                              ": expected the header country, name, state, lat, lon, population");
  std::vector<CityState> out;
  out.reserve(table->rows.size());
  for (size_t r = 0; r < table->rows.size(); ++r) {
    const std::vector<std::string>& f = table->rows[r];
    auto bad = [&](const char* why) {
      if (problems) problems->push_back(path + ":" + std::to_string(table->lines[r]) + ": " + why);
    };
    CityState c;
    if (f[0].size() != 2 || f[1].empty()) {
      bad("a two-letter country code and a name are required");
      continue;
    }
    if (!ReadDouble(f[3], &c.lat) || !ReadDouble(f[4], &c.lon) || std::abs(c.lat) > 90 ||
        std::abs(c.lon) > 180) {
      bad("latitude and longitude must be decimal degrees");
      continue;
    }
    uint64_t pop = 0;
    auto pr = std::from_chars(f[5].data(), f[5].data() + f[5].size(), pop);
    if (f[5].empty() || pr.ec != std::errc() || pr.ptr != f[5].data() + f[5].size() ||
        pop > 0xffffffffu) {
      bad("population must be a whole number");
      continue;
    }
    c.country = f[0];
    c.name = f[1];
    c.state = f[2];
    c.population = uint32_t(pop);
    out.push_back(std::move(c));
  }
  return out;
}

StatusOr<std::vector<CityState>> ReadCityStatesTsv(const std::string& path,
                                                   std::vector<std::string>* problems) {
  auto text = core::ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseCityStatesTsv(*text, path, problems);
}

}  // namespace vigie::geo

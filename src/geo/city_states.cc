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

std::string CityStatesTsvHeader() { return "#country\tname\tstate\tlat\tlon\tpopulation\n"; }

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

std::vector<CityState> ParseCityStatesTsv(std::string_view tsv, const std::string& path,
                                          std::vector<std::string>* problems) {
  std::vector<CityState> out;
  size_t line_no = 0;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string_view f[6];
    size_t n = 0;
    while (n < 6) {
      size_t t = line.find('\t');
      f[n++] = line.substr(0, t);
      if (t == std::string_view::npos) {
        line = {};
        break;
      }
      line.remove_prefix(t + 1);
    }
    auto bad = [&](const char* why) {
      if (problems) problems->push_back(path + ":" + std::to_string(line_no) + ": " + why);
    };
    if (n != 6 || !line.empty()) {
      bad("expected 6 tab-separated fields (country, name, state, lat, lon, population)");
      continue;
    }
    CityState c;
    uint64_t pop = 0;
    auto pr = std::from_chars(f[5].data(), f[5].data() + f[5].size(), pop);
    if (f[0].size() != 2 || f[1].empty()) {
      bad("a two-letter country code and a name are required");
      continue;
    }
    if (!ReadDouble(f[3], &c.lat) || !ReadDouble(f[4], &c.lon) || std::abs(c.lat) > 90 ||
        std::abs(c.lon) > 180) {
      bad("latitude and longitude must be decimal degrees");
      continue;
    }
    if (pr.ec != std::errc() || pr.ptr != f[5].data() + f[5].size() || pop > 0xffffffffu) {
      bad("population must be a whole number");
      continue;
    }
    c.country = std::string(f[0]);
    c.name = std::string(f[1]);
    c.state = std::string(f[2]);
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

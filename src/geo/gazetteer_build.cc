#include "geo/gazetteer_build.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <unordered_map>

#include "core/hash.h"
#include "core/langpack.h"
#include "geo/eval.h"
#include "geo/gazetteer_format.h"
#include "geo/keys.h"

namespace vigie::geo {

namespace f = format;

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t i = 0;
  while (true) {
    size_t j = line.find('\t', i);
    if (j == std::string_view::npos) {
      cols.push_back(line.substr(i));
      break;
    }
    cols.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return cols;
}

bool ParseDouble(std::string_view s, double* out) {
  std::string t(s);
  if (t.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(t.c_str(), &end);
  return end == t.c_str() + t.size() && std::isfinite(*out);
}

int32_t E5(double v) { return int32_t(std::lround(v * 100000.0)); }

// Alternate names that are romanisation noise ("a lei po"), codes ("ALP") or numbers.
bool KeepAlternate(std::string_view n) {
  if (n.size() < 3) return false;
  bool ascii = true, upper = false, lower = false;
  for (char c : n) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) ascii = false;
    if (u >= '0' && u <= '9') return false;
    if (u >= 'A' && u <= 'Z') upper = true;
    if (u >= 'a' && u <= 'z') lower = true;
  }
  if (ascii && !upper) return false;          // all lower-case Latin: transliteration noise
  if (ascii && upper && !lower && n.size() <= 5) return false;  // codes
  return true;
}

}  // namespace

size_t GazetteerBuilder::Slot(const Entry& e) {
  auto id = e.geonameid != 0 ? std::make_tuple(e.kind, e.geonameid, std::string(), std::string())
                             : std::make_tuple(e.kind, 0u, e.country, e.name);
  auto it = slot_of_.find(id);
  if (it != slot_of_.end()) {
    places_[it->second] = e;
    return it->second;
  }
  places_.push_back(e);
  keys_.emplace_back();
  skel_keys_.emplace_back();
  slot_of_.emplace(id, places_.size() - 1);
  return places_.size() - 1;
}

void GazetteerBuilder::AddName(size_t slot, std::string_view name, bool main) {
  std::string key = NameKey(name);
  if (key.empty()) return;
  auto words = KeyWords(key);
  if (words.size() > 255) return;
  keys_[slot].insert(Key{KeyHash(key), uint8_t(words.size()), uint8_t(main ? 1 : 0)});
  size_t len = 0;
  for (size_t w = 0; w + 1 < words.size(); ++w) {
    len = size_t(words[w].data() + words[w].size() - key.data());
    prefixes_.insert(KeyHash(std::string_view(key).substr(0, len)));
  }
  if (!skeleton_.has_value() || places_[slot].kind != 0 || !skeleton_->CoversCountry(places_[slot].country)) return;
  std::string skel = skeleton_->Name(name);
  if (skel.empty()) return;
  auto sw = KeyWords(skel);
  if (sw.size() > 255) return;
  skel_keys_[slot].insert(Key{KeyHash(skel), uint8_t(sw.size()), uint8_t(main ? 1 : 0)});
  for (size_t w = 0; w + 1 < sw.size(); ++w)
    skel_prefixes_.insert(KeyHash(std::string_view(skel).substr(0, size_t(sw[w].data() + sw[w].size() - skel.data()))));
}

Status GazetteerBuilder::SetTransliteration(const std::string& path) {
  auto text = core::ReadFile(path);
  if (!text.ok()) return text.status();
  return SetTransliterationText(*text, path);
}

Status GazetteerBuilder::SetTransliterationText(std::string_view tsv, const std::string& label) {
  auto sk = Skeleton::Parse(tsv, label);
  if (!sk.ok()) return sk.status();
  skeleton_ = std::move(*sk);
  return Status::Ok();
}

Status GazetteerBuilder::AddGeoNamesDump(const std::string& path) {
  auto text = core::ReadFile(path);
  if (!text.ok()) return text.status();
  return AddGeoNamesText(*text, std::filesystem::path(path).filename().string());
}

Status GazetteerBuilder::AddGeoNamesText(std::string_view text, const std::string& label) {
  size_t i = 0, good = 0;
  while (i < text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view line = text.substr(i, j - i);
    i = j + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto c = SplitTabs(line);
    double lat, lon;
    if (c.size() < 15 || c[0].empty() || c[1].empty() || !ParseDouble(c[4], &lat) || !ParseDouble(c[5], &lon) ||
        std::abs(lat) > 90 || std::abs(lon) > 180) {
      ++bad_lines_;
      continue;
    }
    uint64_t id = 0;
    bool digits = c[0].size() <= 10;
    for (char ch : c[0]) {
      if (ch < '0' || ch > '9') digits = false;
      else id = id * 10 + uint64_t(ch - '0');
    }
    if (!digits || id == 0 || id > 0xffffffffu) {
      ++bad_lines_;
      continue;
    }
    char fclass = c[6].empty() ? '?' : c[6][0];
    if (fclass != 'P' && fclass != 'A' && fclass != 'S') continue;
    Entry e;
    e.geonameid = uint32_t(id);
    e.lat_e5 = E5(lat);
    e.lon_e5 = E5(lon);
    e.name = std::string(c[1]);
    e.fclass = fclass;
    e.fcode = std::string(c[7].substr(0, 8));
    e.country = std::string(c[8].substr(0, 2));
    e.admin1_code = std::string(c[10]);
    uint64_t pop = 0;
    for (char ch : c[14])
      if (ch >= '0' && ch <= '9' && pop < 0xffffffffu) pop = pop * 10 + uint64_t(ch - '0');
    e.population = uint32_t(std::min<uint64_t>(pop, 0xffffffffu));
    size_t slot = Slot(e);
    AddName(slot, c[1], true);
    AddName(slot, c[2], true);
    std::string_view alts = c[3];
    size_t a = 0;
    while (a < alts.size()) {
      size_t b = alts.find(',', a);
      if (b == std::string_view::npos) b = alts.size();
      std::string_view n = alts.substr(a, b - a);
      if (KeepAlternate(n)) AddName(slot, n, false);
      a = b + 1;
    }
    ++good;
  }
  sources_.push_back(label);
  if (good == 0 && bad_lines_ > 0) return Status::InvalidArgument(label + ": no GeoNames rows could be read");
  return Status::Ok();
}

Status GazetteerBuilder::AddCountries(const std::string& dir, std::vector<std::string> langs) {
  if (langs.empty()) langs = {"en", "fr", "es", "de", "it", "pt", "nl", "ar", "ru", "uk", "tr", "fa"};
  // Country coordinates: mean of the coordinates of its places already added.
  std::unordered_map<std::string, std::pair<double, double>> sum;
  std::unordered_map<std::string, uint32_t> count;
  for (const auto& e : places_) {
    if (e.kind != 0) continue;
    sum[e.country].first += e.lat_e5;
    sum[e.country].second += e.lon_e5;
    ++count[e.country];
  }
  for (const auto& lang : langs) {
    std::string path = dir + "/langs/" + lang + ".json";
    auto text = core::ReadFile(path);
    if (!text.ok()) return text.status();
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.contains("countries") || !j["countries"].is_object())
      return Status::InvalidArgument(path + ": not an i18n-iso-countries language file");
    for (auto& [cc, v] : j["countries"].items()) {
      if (cc.size() != 2) continue;
      std::vector<std::string> names;
      if (v.is_string()) names.push_back(v.get<std::string>());
      else if (v.is_array())
        for (auto& n : v)
          if (n.is_string()) names.push_back(n.get<std::string>());
      if (names.empty()) continue;
      Entry e;
      e.kind = 1;
      e.country = cc;
      e.fclass = 'A';
      e.fcode = "PCLI";
      auto key = std::make_tuple(uint8_t(1), 0u, cc, std::string());
      size_t slot;
      auto it = slot_of_.find(key);
      if (it == slot_of_.end()) {
        if (lang == "en" || names[0].size() > 0) e.name = names[0];
        uint32_t n = count.count(cc) ? count[cc] : 0;
        if (n > 0) {
          e.lat_e5 = int32_t(std::lround(sum[cc].first / n));
          e.lon_e5 = int32_t(std::lround(sum[cc].second / n));
        }
        places_.push_back(e);
        keys_.emplace_back();
        skel_keys_.emplace_back();
        slot = places_.size() - 1;
        slot_of_.emplace(key, slot);
      } else {
        slot = it->second;
      }
      for (const auto& n : names)
        if (n.size() >= 3) AddName(slot, n, lang == "en");
    }
  }
  sources_.push_back("i18n-iso-countries");
  return Status::Ok();
}

Status GazetteerBuilder::AddRegionTable(const std::string& path) {
  auto t = core::ReadTsv(path);
  if (!t.ok()) return t.status();
  int cc = t->Column("country"), nm = t->Column("name"), la = t->Column("lat"), lo = t->Column("lon"),
      al = t->Column("aliases");
  if (cc < 0 || nm < 0 || la < 0 || lo < 0 || al < 0)
    return Status::InvalidArgument(path + ": needs columns country, name, lat, lon, aliases");
  for (size_t r = 0; r < t->rows.size(); ++r) {
    const auto& row = t->rows[r];
    double lat, lon;
    if (!ParseDouble(row[la], &lat) || !ParseDouble(row[lo], &lon))
      return Status::InvalidArgument(path + ":" + std::to_string(t->lines[r]) + ": bad coordinates");
    Entry e;
    e.kind = 2;
    e.country = row[cc];
    e.name = row[nm];
    e.fclass = 'A';
    e.fcode = "ADM1";
    e.lat_e5 = E5(lat);
    e.lon_e5 = E5(lon);
    size_t slot = Slot(e);
    AddName(slot, row[nm], true);
    std::string_view alts = row[al];
    size_t a = 0;
    while (a < alts.size()) {
      size_t b = alts.find('|', a);
      if (b == std::string_view::npos) b = alts.size();
      if (b > a) AddName(slot, alts.substr(a, b - a), false);
      a = b + 1;
    }
  }
  sources_.push_back(std::filesystem::path(path).filename().string());
  return Status::Ok();
}

Status GazetteerBuilder::AddCountryCentres(const std::string& path) {
  auto t = core::ReadTsv(path);
  if (!t.ok()) return t.status();
  int cc = t->Column("country"), la = t->Column("lat"), lo = t->Column("lon");
  if (cc < 0 || la < 0 || lo < 0) return Status::InvalidArgument(path + ": needs columns country, lat, lon");
  for (size_t r = 0; r < t->rows.size(); ++r) {
    const auto& row = t->rows[r];
    double lat, lon;
    if (!ParseDouble(row[la], &lat) || !ParseDouble(row[lo], &lon))
      return Status::InvalidArgument(path + ":" + std::to_string(t->lines[r]) + ": bad coordinates");
    auto it = slot_of_.find(std::make_tuple(uint8_t(1), 0u, row[cc], std::string()));
    if (it == slot_of_.end()) continue;
    places_[it->second].lat_e5 = E5(lat);
    places_[it->second].lon_e5 = E5(lon);
    // The short English name ("Syria", "Laos") where the country-name package gives only
    // the formal one.
    if (int nm = t->Column("name"); nm >= 0 && !row[nm].empty()) AddName(it->second, row[nm], false);
    int al = t->Column("aliases");
    std::string_view alts = al >= 0 ? std::string_view(row[al]) : std::string_view();
    size_t a = 0;
    while (a < alts.size()) {
      size_t b = alts.find('|', a);
      if (b == std::string_view::npos) b = alts.size();
      if (b > a) AddName(it->second, alts.substr(a, b - a), false);
      a = b + 1;
    }
  }
  return Status::Ok();
}

Status GazetteerBuilder::AddCompiled(const Gazetteer& g) {
  std::vector<size_t> slot_of_place(g.size());
  for (uint32_t i = 0; i < g.size(); ++i) {
    Place p = g.place(i);
    Entry e;
    e.geonameid = p.geonameid;
    e.lat_e5 = E5(p.lat);
    e.lon_e5 = E5(p.lon);
    e.population = p.population;
    e.name = std::string(p.name);
    e.admin1 = std::string(p.admin1);
    e.country = p.country;
    e.fclass = p.feature_class;
    e.kind = uint8_t(p.kind);
    e.fcode = p.feature_code;
    slot_of_place[i] = Slot(e);
  }
  for (uint32_t i = 0; i < g.num_keys(); ++i) {
    auto [hash, place, words, flags] = g.KeyAt(i);
    keys_[slot_of_place[place]].insert(Key{hash, words, flags});
  }
  for (uint32_t i = 0; i < g.num_prefixes(); ++i) prefixes_.insert(g.PrefixAt(i));
  if (g.skeleton() != nullptr) {
    if (!skeleton_.has_value()) skeleton_ = *g.skeleton();
    for (uint32_t i = 0; i < g.num_skeleton_keys(); ++i) {
      auto [hash, place, words, flags] = g.SkeletonKeyAt(i);
      skel_keys_[slot_of_place[place]].insert(Key{hash, words, flags});
    }
    for (uint32_t i = 0; i < g.num_skeleton_prefixes(); ++i) skel_prefixes_.insert(g.SkeletonPrefixAt(i));
  }
  for (const auto& [k, name] : g.Admin1Names()) learnt_admin1_[k] = name;
  std::string src = g.Meta("sources");
  if (!src.empty()) sources_.push_back(src);
  return Status::Ok();
}

GazetteerBuilder::Admin1Map GazetteerBuilder::Admin1Names() const {
  Admin1Map names = learnt_admin1_;
  for (const auto& e : places_)
    if (e.kind == 0 && !e.admin1_code.empty() && e.fcode == "ADM1")
      names[{e.country, e.admin1_code}] = e.name;
  return names;
}

GazetteerBuilder::Admin1Learning GazetteerBuilder::LearnAdmin1Names(
    const std::vector<CityState>& cities, const std::string& label, double max_km) {
  Admin1Learning r;
  r.cities = cities.size();
  // Populated places with an admin1 code, by country and name-key hash.
  std::map<std::pair<std::string, uint64_t>, std::vector<size_t>> by_name;
  for (size_t i = 0; i < places_.size(); ++i) {
    const Entry& e = places_[i];
    if (e.kind != 0 || e.fclass != 'P' || e.admin1_code.empty()) continue;
    for (const Key& k : keys_[i]) by_name[{e.country, k.hash}].push_back(i);
  }
  struct Vote {
    size_t cities = 0;
    uint64_t population = 0;
  };
  std::map<std::pair<std::string, std::string>, std::map<std::string, Vote>> votes;
  for (const CityState& c : cities) {
    if (c.country.size() != 2 || c.state.empty() ||
        c.state.find_first_of("\t\n") != std::string::npos)
      continue;
    std::string key = NameKey(c.name);
    if (key.empty()) continue;
    auto it = by_name.find({c.country, KeyHash(key)});
    if (it == by_name.end()) continue;
    size_t best = SIZE_MAX;
    double best_km = max_km;
    for (size_t i : it->second) {
      double km = GreatCircleKm(c.lat, c.lon, places_[i].lat_e5 / 1e5, places_[i].lon_e5 / 1e5);
      if (km <= best_km &&
          (best == SIZE_MAX || km < best_km || places_[i].geonameid < places_[best].geonameid))
        best = i, best_km = km;
    }
    if (best == SIZE_MAX) continue;
    ++r.matched;
    Vote& v = votes[{c.country, places_[best].admin1_code}][c.state];
    ++v.cities;
    v.population += c.population;
  }
  for (const auto& [code, names] : votes) {
    const std::string* win = nullptr;
    Vote best;
    for (const auto& [name, v] : names)
      if (win == nullptr || v.cities > best.cities ||
          (v.cities == best.cities && v.population > best.population))
        win = &name, best = v;
    learnt_admin1_[code] = *win;
    ++r.codes_named;
    if (names.size() > 1) ++r.disputed;
  }
  if (r.codes_named > 0) sources_.push_back(label);
  return r;
}

GazetteerBuilder::Admin1Coverage GazetteerBuilder::Admin1Stats() const {
  Admin1Coverage c;
  Admin1Map names = Admin1Names();
  std::set<std::pair<std::string, std::string>> codes;
  for (const auto& e : places_) {
    if (e.kind != 0 || e.admin1_code.empty()) continue;
    auto k = std::make_pair(e.country, e.admin1_code);
    bool named = names.count(k) != 0;
    ++c.places;
    if (named) ++c.places_named;
    if (codes.insert(k).second && named) ++c.codes_named;
  }
  c.codes = codes.size();
  return c;
}

std::string GazetteerBuilder::Serialize() const {
  // Admin1 names: from ADM1 rows, else learnt names (LearnAdmin1Names, a compiled file's
  // ADM1 section), else the seat (PPLA) of the same admin1 code, else the code.
  Admin1Map adm1 = Admin1Names(), seat;
  for (const auto& e : places_) {
    if (e.kind != 0 || e.admin1_code.empty()) continue;
    auto k = std::make_pair(e.country, e.admin1_code);
    if (e.fcode == "PPLA" || e.fcode == "PPLC") {
      auto it = seat.find(k);
      if (it == seat.end() || e.fcode == "PPLA") seat[k] = e.name;
    }
  }
  std::vector<size_t> order(places_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Entry& x = places_[a];
    const Entry& y = places_[b];
    return std::tie(x.kind, x.geonameid, x.country, x.name) < std::tie(y.kind, y.geonameid, y.country, y.name);
  });
  std::string strs(1, '\0');
  std::unordered_map<std::string, uint32_t> str_off;
  auto intern = [&](const std::string& s) -> uint32_t {
    if (s.empty()) return 0;
    auto it = str_off.find(s);
    if (it != str_off.end()) return it->second;
    uint32_t off = uint32_t(strs.size());
    strs.append(s);
    strs.push_back('\0');
    str_off.emplace(s, off);
    return off;
  };
  std::string plcs;
  struct KeyRec {
    uint64_t hash;
    uint32_t place;
    uint8_t words, flags;
  };
  std::vector<KeyRec> keys, skel_keys;
  for (uint32_t n = 0; n < order.size(); ++n) {
    const Entry& e = places_[order[n]];
    std::string admin1 = e.admin1;
    if (admin1.empty() && !e.admin1_code.empty()) {
      auto k = std::make_pair(e.country, e.admin1_code);
      if (auto it = adm1.find(k); it != adm1.end()) admin1 = it->second;
      else if (auto it2 = seat.find(k); it2 != seat.end()) admin1 = it2->second;
      else admin1 = e.admin1_code;
    }
    f::Put32(&plcs, e.geonameid);
    f::Put32(&plcs, uint32_t(e.lat_e5));
    f::Put32(&plcs, uint32_t(e.lon_e5));
    f::Put32(&plcs, e.population);
    f::Put32(&plcs, intern(e.name));
    f::Put32(&plcs, intern(admin1));
    plcs.push_back(e.country.size() > 0 ? e.country[0] : '\0');
    plcs.push_back(e.country.size() > 1 ? e.country[1] : '\0');
    plcs.push_back(e.fclass);
    plcs.push_back(char(e.kind));
    std::string fc = e.fcode.substr(0, 8);
    fc.resize(8, '\0');
    plcs.append(fc);
    // A name that is both main and alternate for one place keeps the main flag.
    std::map<std::pair<uint64_t, uint8_t>, uint8_t> merged;
    for (const auto& k : keys_[order[n]]) merged[{k.hash, k.words}] |= k.flags;
    for (const auto& [hk, fl] : merged) keys.push_back(KeyRec{hk.first, n, hk.second, fl});
    merged.clear();
    for (const auto& k : skel_keys_[order[n]]) merged[{k.hash, k.words}] |= k.flags;
    for (const auto& [hk, fl] : merged) skel_keys.push_back(KeyRec{hk.first, n, hk.second, fl});
  }
  auto key_section = [](std::vector<KeyRec>& recs) {
    std::sort(recs.begin(), recs.end(),
              [](const KeyRec& a, const KeyRec& b) { return std::tie(a.hash, a.place) < std::tie(b.hash, b.place); });
    std::string b;
    b.reserve(recs.size() * f::kKeySize);
    for (const auto& k : recs) {
      f::Put64(&b, k.hash);
      f::Put32(&b, k.place);
      b.push_back(char(k.words));
      b.push_back(char(k.flags));
      f::Put16(&b, 0);
    }
    return b;
  };
  std::string keyb = key_section(keys), skeyb = key_section(skel_keys);
  std::string pfx, spfx;
  for (uint64_t h : prefixes_) f::Put64(&pfx, h);
  for (uint64_t h : skel_prefixes_) f::Put64(&spfx, h);
  std::string xlit = skeleton_.has_value() ? skeleton_->source() : std::string();
  std::string sources;
  for (size_t i = 0; i < sources_.size(); ++i) sources += (i ? "," : "") + sources_[i];
  std::string meta = "places=" + std::to_string(order.size()) + "\nkeys=" + std::to_string(keys.size()) +
                     "\nskeleton_keys=" + std::to_string(skel_keys.size()) +
                     "\nsources=" + sources + "\nlicense=GeoNames data, CC BY 4.0\n";

  std::string adm1b;
  for (const auto& [k, name] : adm1)  // what the reader accepts: a two-letter country, a code, a name
    if (k.first.size() == 2 && !k.second.empty() && !name.empty())
      adm1b += k.first + "\t" + k.second + "\t" + name + "\n";
  std::vector<std::pair<uint32_t, const std::string*>> sections = {
      {f::kStrs, &strs}, {f::kPlcs, &plcs}, {f::kKeys, &keyb}, {f::kPfxs, &pfx}, {f::kMeta, &meta}};
  if (!adm1b.empty()) sections.emplace_back(f::kAdm1, &adm1b);
  if (skeleton_.has_value()) {
    sections.emplace_back(f::kXlit, &xlit);
    sections.emplace_back(f::kSkey, &skeyb);
    sections.emplace_back(f::kSpfx, &spfx);
  }
  std::string out(f::kHeaderSize + sections.size() * f::kSectionEntrySize, '\0');
  std::memcpy(out.data(), f::kMagic, 8);
  std::string hdr;
  f::Put16(&hdr, f::kMajor);
  f::Put16(&hdr, f::kMinor);
  f::Put32(&hdr, uint32_t(sections.size()));
  out.replace(8, hdr.size(), hdr);
  std::string table;
  for (const auto& [id, body] : sections) {
    while (out.size() % 8 != 0) out.push_back('\0');
    f::Put32(&table, id);
    f::Put32(&table, 0);
    f::Put64(&table, out.size());
    f::Put64(&table, body->size());
    f::Put64(&table, core::Hash64(*body));
    out.append(*body);
  }
  out.replace(f::kHeaderSize, table.size(), table);
  f::Set64(&out, 16, out.size());
  f::Set64(&out, 24, core::Hash64(table));
  return out;
}

}  // namespace vigie::geo

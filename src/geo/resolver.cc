#include "geo/resolver.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <unordered_map>

#include "core/text.h"
#include "geo/keys.h"
#include "geo/skeleton.h"
#include "geo/units.h"

namespace vigie::geo {

namespace {

constexpr size_t kMaxNameWords = 8;
constexpr double kEarthKm = 6371.0;

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double r = M_PI / 180.0;
  double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * r) * std::cos(lat2 * r) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

int ParsePart(std::string_view s) {
  static const char* names[] = {"", "east", "west", "north", "south", "centre", "old_city", "outskirts", "countryside"};
  for (int i = 1; i < 9; ++i)
    if (s == names[i]) return i;
  return -1;
}

int ParsePrecision(std::string_view s) {
  static const char* names[] = {"site", "neighbourhood", "village", "city", "district", "region", "country"};
  for (int i = 0; i < 7; ++i)
    if (s == names[i]) return i;
  return -1;
}

int CountryIndex(std::string_view cc) {
  if (cc.size() != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') return -1;
  return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

Status LoadPatterns(const core::LangPack& pack, const char* table, bool positioned, bool precision,
                    std::vector<Pattern>* before, std::vector<Pattern>* after) {
  const core::TsvTable* t = pack.Table(table);
  if (t == nullptr) return Status::Ok();
  int pc = t->Column("pattern"), pos = t->Column("position"), val = t->Column(precision ? "precision" : "part");
  if (pc < 0 || (positioned && (pos < 0 || val < 0)))
    return Status::InvalidArgument(t->path + ": missing columns");
  for (size_t r = 0; r < t->rows.size(); ++r) {
    const auto& row = t->rows[r];
    Pattern p;
    p.words = PatternUnits(row[pc]);
    if (p.words.empty()) continue;
    if (positioned) {
      p.value = precision ? ParsePrecision(row[val]) : ParsePart(row[val]);
      if (p.value < 0)
        return Status::InvalidArgument(t->path + ":" + std::to_string(t->lines[r]) + ": unknown value " + row[val]);
      if (row[pos] == "before") before->push_back(p);
      else if (row[pos] == "after") after->push_back(p);
      else if (row[pos] == "after_hyphen") {
        p.hyphen = true;
        after->push_back(p);
      }
      else return Status::InvalidArgument(t->path + ":" + std::to_string(t->lines[r]) + ": position must be before, after or after_hyphen");
    } else {
      int rc = t->Column("refers");
      p.capital = rc >= 0 && row[rc] == "capital";
      p.last = rc >= 0 && row[rc] == "last";
      p.country = rc >= 0 && row[rc] == "country";
      p.site = rc >= 0 && row[rc] == "site";
      p.quarter = rc >= 0 && row[rc] == "quarter";
      p.settlement = rc >= 0 && row[rc] == "settlement";
      p.none = rc >= 0 && row[rc] == "none";
      int pc2 = t->Column("part");
      if (pc2 >= 0 && !row[pc2].empty()) p.value = ParsePart(row[pc2]);
      if (p.value < 0)
        return Status::InvalidArgument(t->path + ":" + std::to_string(t->lines[r]) + ": unknown part " + row[pc2]);
      before->push_back(p);
    }
  }
  return Status::Ok();
}

// Actor names from the actors stage's table (column `phrase`): a name there is an
// organisation, not a place ("Islamic State", "État islamique").
void LoadActorNames(const core::LangPack& pack, std::vector<Pattern>* out) {
  const core::TsvTable* t = pack.Table("actors");
  if (t == nullptr) return;
  for (const auto& phrase : t->Values("phrase")) {
    Pattern p;
    p.words = PatternUnits(phrase);
    if (p.words.size() >= 2) out->push_back(std::move(p));  // one word: "IS", "Daesh" are no place names
  }
}

Status LoadWords(const core::LangPack& pack, const char* table, WordSet* out) {
  const core::TsvTable* t = pack.Table(table);
  if (t == nullptr) return Status::Ok();
  for (const auto& w : t->Values("word")) {
    std::string f = core::FoldForMatch(w);
    if (!f.empty()) out->Insert(f);
  }
  return Status::Ok();
}

void Append(Resolver::LangRules* to, const Resolver::LangRules& from) {
  to->prepositions.InsertAll(from.prepositions);
  to->stopwords.InsertAll(from.stopwords);
  to->strict_stopwords.InsertAll(from.strict_stopwords);
  to->articles.InsertAll(from.articles);
  to->links.InsertAll(from.links);
  to->capital_words.InsertAll(from.capital_words);
  to->demonyms.insert(from.demonyms.begin(), from.demonyms.end());
}

Status LoadDemonyms(const core::LangPack& pack, decltype(Resolver::LangRules::demonyms)* out) {
  const core::TsvTable* t = pack.Table("demonyms");
  if (t == nullptr) return Status::Ok();
  int wc = t->Column("word"), cc = t->Column("country");
  if (wc < 0 || cc < 0) return Status::InvalidArgument(t->path + ": missing columns word, country");
  for (const auto& row : t->rows) {
    std::string f = core::FoldForMatch(row[wc]);
    if (!f.empty() && CountryIndex(row[cc]) >= 0) out->emplace(f, row[cc]);
  }
  return Status::Ok();
}

struct PatternLists {
  std::vector<Pattern> parts_before, parts_after, feat_before, feat_after, city_refs, near,
      not_places, destinations;
};

void AddPatterns(Resolver::LangRules* to, const PatternLists& from) {
  to->parts_before.Add(from.parts_before);
  to->parts_after.Add(from.parts_after);
  to->feat_before.Add(from.feat_before);
  to->feat_before_start.Add(from.feat_before);
  to->feat_after.Add(from.feat_after);
  to->city_refs.Add(from.city_refs);
  to->near.Add(from.near);
  to->not_places.Add(from.not_places);
  to->destinations.Add(from.destinations);
}

struct Match {
  size_t first, end;                 // units
  uint32_t hit_begin = 0, hit_end = 0;  // its places: the document's hit pool [begin, end)
  bool main_any = false;
  bool skeleton = false;  // found by its transliteration skeleton (geo::Skeleton), not its key
};

struct Candidate {
  uint32_t place;
  bool main;
  double base;
  double lat, lon;
  int country;  // CountryIndex, or -1
  PlaceKind kind;
};

}  // namespace

const char* PartName(Part p) {
  static const char* names[] = {nullptr, "east", "west", "north", "south", "centre", "old_city", "outskirts", "countryside"};
  return names[static_cast<int>(p)];
}

const char* PrecisionName(Precision p) {
  static const char* names[] = {"site", "neighbourhood", "village", "city", "district", "region", "country"};
  return names[static_cast<int>(p)];
}

StatusOr<std::unique_ptr<Resolver>> Resolver::Create(std::shared_ptr<const Gazetteer> gazetteer,
                                                     const core::PackSet& packs) {
  if (gazetteer == nullptr) return Status::InvalidArgument("geo resolver needs a gazetteer");
  std::unique_ptr<Resolver> r(new Resolver(std::move(gazetteer)));
  for (const auto& lang : packs.Languages()) {
    const core::LangPack* pack = packs.Get(lang);
    LangRules rules;
    PatternLists lists;
    VIGIE_RETURN_IF_ERROR(LoadPatterns(*pack, "geo_parts", true, false, &lists.parts_before, &lists.parts_after));
    VIGIE_RETURN_IF_ERROR(LoadPatterns(*pack, "geo_features", true, true, &lists.feat_before, &lists.feat_after));
    VIGIE_RETURN_IF_ERROR(LoadPatterns(*pack, "geo_city_refs", false, false, &lists.city_refs, nullptr));
    VIGIE_RETURN_IF_ERROR(LoadPatterns(*pack, "geo_near", false, false, &lists.near, nullptr));
    VIGIE_RETURN_IF_ERROR(
        LoadPatterns(*pack, "geo_not_places", false, false, &lists.not_places, nullptr));
    VIGIE_RETURN_IF_ERROR(
        LoadPatterns(*pack, "geo_destinations", false, false, &lists.destinations, nullptr));
    AddPatterns(&rules, lists);
    AddPatterns(&r->all_, lists);
    std::vector<Pattern> actor_names;
    LoadActorNames(*pack, &actor_names);
    rules.actors.Add(actor_names);
    r->all_.actors.Add(actor_names);
    VIGIE_RETURN_IF_ERROR(LoadWords(*pack, "geo_prepositions", &rules.prepositions));
    VIGIE_RETURN_IF_ERROR(LoadWords(*pack, "geo_stopwords", &rules.stopwords));
    VIGIE_RETURN_IF_ERROR(LoadWords(*pack, "geo_strict_stopwords", &rules.strict_stopwords));
    VIGIE_RETURN_IF_ERROR(LoadWords(*pack, "geo_articles", &rules.articles));
    VIGIE_RETURN_IF_ERROR(LoadWords(*pack, "geo_links", &rules.links));
    VIGIE_RETURN_IF_ERROR(LoadWords(*pack, "geo_capital_words", &rules.capital_words));
    VIGIE_RETURN_IF_ERROR(LoadDemonyms(*pack, &rules.demonyms));
    Append(&r->all_, rules);
    r->by_lang_.emplace_back(lang, std::move(rules));
  }
  r->country_place_.assign(26 * 26, -1);
  r->capital_.assign(26 * 26, -1);
  const Gazetteer& g = *r->gaz_;
  for (uint32_t i = 0; i < g.size(); ++i) {
    Place p = g.facts(i);
    if (p.feature_code == "PPLC") {
      int ci = CountryIndex(p.country);
      if (ci >= 0 && (r->capital_[ci] < 0 || g.facts(uint32_t(r->capital_[ci])).population < p.population))
        r->capital_[ci] = i;
    }
    if (p.kind != PlaceKind::kCountry) continue;
    int ci = CountryIndex(p.country);
    if (ci >= 0 && r->country_place_[ci] < 0) r->country_place_[ci] = i;
  }
  return r;
}

const Resolver::LangRules& Resolver::RulesFor(std::string_view lang) const {
  for (const auto& [l, rules] : by_lang_)
    if (l == lang) return rules;
  return all_;
}

namespace {

// Second chance for a capitalised word that starts no known name: its transliteration
// skeleton ("Taëz" -> "tz" = "Ta'izz"), word by word (units joined by an apostrophe make one
// word; articles are skipped), extended while the skeleton is a known prefix. The hits
// count as alternate names. `dead` holds the first words already seen to start nothing in
// this document (the outcome depends on that word alone), so names and other capitalised
// words met again cost one set lookup.
void SkeletonMatch(const Gazetteer& g, const std::vector<Unit>& units, size_t i, Match* best,
                   std::vector<NameHit>* best_hits, std::vector<NameHit>* hits,
                   std::unordered_set<std::string>* dead) {
  const Skeleton& sk = *g.skeleton();
  std::string skel, word, first;
  size_t pos = i;
  size_t letters = 0, words = 0, consonants = 0;
  for (; pos < units.size() && words < kMaxNameWords;) {
    const Unit& u = units[pos];
    if (u.sentence != units[i].sentence || u.key.empty()) break;
    if (pos > i && !sk.IsArticle(u.key)) {  // never swallow the start of a known name ("Le Mali")
      hits->clear();
      g.Lookup(KeyHash(u.key), hits);
      if (!hits->empty()) break;
    }
    word = u.key;
    size_t q = pos + 1;
    while (q < units.size() && units[q].glued_before && units[q].sentence == u.sentence && !units[q].key.empty())
      word += units[q++].key;
    if (u.caseless) break;
    if (pos == i) {
      if (dead->count(word)) return;
      first = word;
    }
    letters += word.size();
    if (sk.IsArticle(word)) {
      pos = q;
      continue;
    }
    if (!u.cap) break;  // every other word of a name is capitalised ("Maaret al-Noomane")
    if (skel.empty() && word.size() < 3) break;  // starts on a content word of 3 letters or more
    std::string s = sk.HasSilent(word) ? sk.Word(sk.DropSilent(word), &consonants) : sk.Word(word, &consonants);
    if (s.empty()) break;
    if (!skel.empty()) skel.push_back(' ');
    skel += s;
    ++words;
    uint64_t h = KeyHash(skel);
    hits->clear();
    g.LookupSkeleton(h, hits);
    if (!hits->empty() && letters >= 4 && consonants >= 2) {
      best->end = q;
      best_hits->swap(*hits);  // `hits` is cleared before each use
      for (auto& hit : *best_hits) hit.main_name = false;
      best->skeleton = true;
    }
    if (!g.IsSkeletonPrefix(h)) break;
    pos = q;
  }
  // Stopped on the first word (not an article: those move on) with nothing found.
  if (pos == i && best->end == best->first && !first.empty()) dead->insert(std::move(first));
}

// Names found left to right, longest first; their places are appended to `pool`.
std::vector<Match> FindMatches(const Gazetteer& g, const std::vector<Unit>& units, bool skeleton,
                               std::vector<NameHit>* pool) {
  std::vector<Match> out;
  std::string key;
  std::vector<NameHit> hits, best_hits;
  std::unordered_set<std::string> skeleton_dead;
  for (size_t i = 0; i < units.size();) {
    const Unit& u = units[i];
    if (!u.cap || u.key.empty() || (u.text.size() > u.key.size())) {  // elisions do not start names
      ++i;
      continue;
    }
    Match best{i, i};
    for (size_t n = 1; n <= kMaxNameWords; ++n) {
      uint64_t h = n == 1 ? u.key_hash : KeyHash(key);  // one word: hashed once, in BuildUnits
      hits.clear();
      g.Lookup(h, &hits);
      if (!hits.empty()) {
        best.end = i + n;
        best_hits.swap(hits);  // `hits` is cleared before each use
      }
      if (i + n >= units.size() || !g.IsPrefix(h)) break;
      const Unit& next = units[i + n];
      if (next.sentence != u.sentence || next.key.empty()) break;
      if (n == 1) key.assign(u.key);
      key.push_back(' ');
      key += next.key;
    }
    if (skeleton && best.end == best.first && g.skeleton() != nullptr) SkeletonMatch(g, units, i, &best, &best_hits, &hits, &skeleton_dead);
    if (best.end > best.first) {
      for (const auto& h : best_hits) best.main_any |= h.main_name;
      best.hit_begin = uint32_t(pool->size());
      pool->insert(pool->end(), best_hits.begin(), best_hits.end());
      best.hit_end = uint32_t(pool->size());
      i = best.end;
      out.push_back(std::move(best));
    } else {
      ++i;
    }
  }
  return out;
}

// The sentence that holds clean-text offset `at`.
uint32_t SentenceAt(const segment::Segmentation& seg, uint32_t at) {
  auto it = std::upper_bound(seg.sentences.begin(), seg.sentences.end(), at,
                             [](uint32_t v, const segment::Sentence& st) { return v < st.start; });
  return it == seg.sentences.begin() ? 0 : uint32_t(it - seg.sentences.begin() - 1);
}

// Whether one of the places is a country, a region or a place of 100,000 people or more.
bool SomeLargePlace(const Gazetteer& g, std::span<const NameHit> hits) {
  for (const auto& h : hits) {
    Place p = g.facts(h.place);
    if (p.kind != PlaceKind::kPlace || p.population >= 100000) return true;
  }
  return false;
}

Precision PlacePrecision(const Place& p) {
  if (p.kind == PlaceKind::kCountry) return Precision::kCountry;
  if (p.kind == PlaceKind::kRegion || p.feature_code == "ADM1") return Precision::kRegion;
  if (p.feature_class == 'A') return Precision::kDistrict;
  if (p.feature_class == 'S') return Precision::kSite;
  if (p.feature_code == "PPLX") return Precision::kNeighbourhood;
  if (p.population == 0) return Precision::kVillage;
  return Precision::kCity;
}

void FillPlace(const Place& p, PlaceMention* m) {
  m->geonameid = p.kind == PlaceKind::kPlace ? p.geonameid : 0;
  m->name.assign(p.name);  // assigned in place: no temporary string
  m->lat = p.lat, m->lon = p.lon;
  m->has_coordinates = true;
  m->admin1.assign(p.admin1);
  m->country.assign(p.country);
  m->feature_code.assign(p.feature_code);
  m->precision = PlacePrecision(p);
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> Resolver::MatchNames(std::string_view text,
                                                                const segment::Segmentation& seg,
                                                                bool skeleton) const {
  Units us;
  BuildUnits(text, seg, &us);
  const std::vector<Unit>& units = us.list;
  std::vector<std::pair<uint32_t, uint32_t>> out;
  std::vector<NameHit> pool;
  for (const auto& m : FindMatches(*gaz_, units, skeleton, &pool)) out.emplace_back(units[m.first].start, units[m.end - 1].end);
  return out;
}

std::vector<PlaceMention> Resolver::Resolve(std::string_view text, const segment::Segmentation& seg,
                                            std::string_view lang) const {
  const LangRules& rules = RulesFor(lang);
  const Gazetteer& g = *gaz_;
  Units us;
  BuildUnits(text, seg, &us);
  const std::vector<Unit>& units = us.list;
  std::vector<NameHit> hit_pool;
  std::vector<Match> matches = FindMatches(g, units, true, &hit_pool);
  auto hits_of = [&](const Match& m) {
    return std::span<NameHit>(hit_pool.data() + m.hit_begin, m.hit_end - m.hit_begin);
  };

  auto prev_is_prep = [&](size_t first) {
    if (first == 0 || units[first - 1].sentence != units[first].sentence) return false;
    return rules.prepositions.Has(units[first - 1]) > 0;
  };
  auto sentence_initial = [&](size_t first) {
    for (size_t k = first; k > 0; --k) {
      const Unit& p = units[k - 1];
      if (p.sentence != units[first].sentence) return true;
      if (!p.key.empty()) return false;
    }
    return true;
  };
  // A match next to a feature word is a place even if its word is a common one.
  auto feature_near = [&](const Match& m) {
    int v;
    return rules.feat_before.Match(units, m.first, units[m.first].sentence, &v) > 0 ||
           rules.feat_after.Match(units, m.end, units[m.first].sentence, &v) > 0;
  };

  // Whether units [first, end) lie inside the name of an actor ("Islamic State"); with
  // `inside`, only when the actor's name starts before them ("State" of "Islamic State", not
  // "Damascus" of "Damascus government").
  auto in_actor = [&](size_t first, size_t end, bool inside) {
    if (rules.actors.empty() || first >= units.size()) return false;
    uint32_t s = units[first].sentence;
    const Pattern* hit = nullptr;
    for (size_t q = first > 6 ? first - 6 : 0, hi = inside ? first : first + 1; q < hi; ++q) {
      if (units[q].sentence != s) continue;
      if (size_t n = rules.actors.Match(units, q, s, &hit); n > 0 && q + n >= end) return true;
    }
    return false;
  };
  // Words the document also writes in lower case are common words ("Les", "Police").
  // (Only the words of single-word matches are looked for.)
  // (A 4096-bit filter on their hashes turns most units away before the set lookup.)
  std::unordered_set<uint64_t> single_words;
  uint64_t single_filter[64] = {};
  auto filter_has = [&](uint64_t h) { return (single_filter[(h >> 6) & 63] >> (h & 63)) & 1; };
  for (const Match& m : matches)
    if (m.end - m.first == 1) {
      uint64_t h = units[m.first].hash;
      single_words.insert(h);
      single_filter[(h >> 6) & 63] |= uint64_t{1} << (h & 63);
    }
  std::unordered_set<std::string_view> lower_words;
  for (const Unit& u : units)
    if (!u.cap && !u.key.empty() && filter_has(u.hash) && single_words.count(u.hash)) lower_words.insert(u.text);
  // A match that stops inside a hyphenated word ("Al" of "Al-Hamdaniye") is not a name,
  // unless the rest is a part word ("Alep-Est").
  auto cut_word = [&](const Match& m) {
    if (m.end >= units.size() || !units[m.end].hyphen_before) return false;
    int v;
    return rules.parts_after.Match(units, m.end, units[m.first].sentence, &v) == 0 &&
           rules.feat_after.Match(units, m.end, units[m.first].sentence, &v) == 0;
  };

  // A lone word right after another capitalised word that is not a place is part of a
  // longer proper name ("John Smith", "Mr. Jones"); its later lone uses are too.
  std::unordered_set<std::string_view> person_words;
  for (size_t mi = 0; mi < matches.size(); ++mi) {
    const Match& m = matches[mi];
    if (m.end - m.first != 1 || m.first == 0) continue;
    const Unit& prev = units[m.first - 1];
    if (prev.sentence != units[m.first].sentence || !prev.cap || prev.caseless || units[m.first].caseless ||
        prev.key.empty() ||
        prev.text.size() > prev.key.size() || units[m.first].hyphen_before)
      continue;
    bool prev_in_match = false;
    // Matches are in text order and do not overlap: only the one before can hold it.
    if (mi > 0)
      prev_in_match = matches[mi - 1].first <= m.first - 1 && m.first - 1 < matches[mi - 1].end &&
                      !matches[mi - 1].skeleton;
    bool prev_initial = true;  // a capital opening the sentence says nothing
    for (size_t k = m.first - 1; k > 0; --k) {
      if (units[k - 1].sentence != prev.sentence) break;
      if (!units[k - 1].key.empty()) {
        prev_initial = false;
        break;
      }
    }
    if (!prev_in_match && !prev_initial && !rules.articles.Has(prev)) person_words.insert(units[m.first].text);
  }

  // Candidates per match; drop accidental single words.
  // Candidates of match i: cand_pool[cand_begin[i], cand_end[i]) (one allocation for all).
  std::vector<Candidate> cand_pool;
  size_t total_hits = 0;
  for (const Match& m : matches) total_hits += m.hit_end - m.hit_begin;
  cand_pool.reserve(total_hits);
  std::vector<uint32_t> cand_begin(matches.size(), 0), cand_end(matches.size(), 0);
  auto cands = [&](size_t i) {
    return std::span<const Candidate>(cand_pool.data() + cand_begin[i], cand_end[i] - cand_begin[i]);
  };
  std::vector<bool> keep(matches.size(), true);
  for (size_t i = 0; i < matches.size(); ++i) {
    const Match& m = matches[i];
    cand_begin[i] = cand_end[i] = uint32_t(cand_pool.size());
    bool single = m.end - m.first == 1;
    if (cut_word(m) || (m.first > 0 && units[m.first].hyphen_before)) {
      keep[i] = false;
      continue;
    }
    if (single && person_words.count(units[m.first].text) && !prev_is_prep(m.first) && !feature_near(m)) {
      keep[i] = false;
      continue;
    }
    // A small place's name inside an actor's name ("State" of "Islamic State").
    if (single && in_actor(m.first, m.end, true) && !SomeLargePlace(g, hits_of(m))) {
      keep[i] = false;
      continue;
    }
    // A nationality adjective is no place ("Somali officials", "the Somali capital").
    if (single && rules.demonyms.count(units[m.first].text) && !feature_near(m)) {
      keep[i] = false;
      continue;
    }
    if (single && rules.strict_stopwords.Has(units[m.first]) && !feature_near(m)) {
      keep[i] = false;
      continue;
    }
    // A lone word naming only small towns, followed by a capitalised word that is no place,
    // starts a longer proper name ("Levant Wire"), unless a place preposition announces
    // it. (Large places stay: "Minnesota Department of Health" names Minnesota too.)
    if (single && m.end < units.size() &&
        units[m.end].sentence == units[m.first].sentence && units[m.end].cap && !units[m.end].caseless && !units[m.first].caseless && !units[m.end].key.empty() &&
        !units[m.end].hyphen_before && !(i + 1 < matches.size() && matches[i + 1].first == m.end && !matches[i + 1].skeleton) &&
        !feature_near(m) && !cut_word(m) && !prev_is_prep(m.first) && !SomeLargePlace(g, hits_of(m))) {
      int v;
      if (rules.parts_after.Match(units, m.end, units[m.first].sentence, &v) == 0) {
        keep[i] = false;
        continue;
      }
    }
    // Names that mean something else ("El Niño", a weather phenomenon), unless a feature
    // word says a place is meant ("the town of El Niño").
    if (const Pattern* np = nullptr;
        !rules.not_places.empty() &&
        rules.not_places.Match(units, m.first, units[m.first].sentence, &np) == m.end - m.first &&
        !feature_near(m)) {
      keep[i] = false;
      continue;
    }
    // Multi-word names end with a capitalised word ("Deir ez-Zor", not "La ville").
    if (!single && !units[m.end - 1].cap) {
      keep[i] = false;
      continue;
    }
    if (single && (rules.stopwords.Has(units[m.first]) || lower_words.count(units[m.first].text)) &&
        !prev_is_prep(m.first) && !feature_near(m)) {
      keep[i] = false;
      continue;
    }
    std::span<NameHit> hits = hits_of(m);  // sorted in place (their order matters nowhere else)
    std::sort(hits.begin(), hits.end(), [](const NameHit& a, const NameHit& b) { return a.place < b.place; });
    for (size_t h = 0; h < hits.size(); ++h) {
      if (h > 0 && hits[h].place == hits[h - 1].place) continue;
      Place p = g.facts(hits[h].place);
      // A skeleton meets many small places: only towns of 10,000 people and regional seats
      // are taken by it.
      // (Countries and regions have their names in every language already.)
      if (m.skeleton && (p.kind != PlaceKind::kPlace || (p.population < 10000 && p.feature_code != "PPLA" &&
                                                         p.feature_code != "PPLA2" && p.feature_code != "PPLC")))
        continue;
      double base = 0.2 * std::log10(double(p.population) + 1.0);
      if (hits[h].main_name) base += 0.3;
      if (p.kind == PlaceKind::kCountry) base += 2.0;
      else if (p.kind == PlaceKind::kRegion) base += 1.2;
      if (p.feature_code == "PPLC") base += 0.5;
      else if (p.feature_code == "PPLA") base += 0.3;
      else if (p.feature_code == "PPLA2") base += 0.1;
      cand_pool.push_back(Candidate{hits[h].place, hits[h].main_name, base, p.lat, p.lon, CountryIndex(p.country), p.kind});
    }
    cand_end[i] = uint32_t(cand_pool.size());
    if (cand_end[i] == cand_begin[i]) keep[i] = false;
  }

  // Country context: explicit country names weigh 2, unambiguous places 1.
  // (Votes are whole numbers: their totals are kept as they are added, exactly.)
  std::vector<double> votes(26 * 26, 0.0);
  double vtotal = 0;
  std::vector<int> cs;
  for (size_t i = 0; i < matches.size(); ++i) {
    if (!keep[i] || matches[i].skeleton) continue;  // a skeleton match is no evidence of a country
    cs.clear();
    for (const auto& c : cands(i)) {
      int ci = c.country;
      if (ci >= 0 && std::find(cs.begin(), cs.end(), ci) == cs.end()) cs.push_back(ci);
      if (c.kind == PlaceKind::kCountry && ci >= 0) {
        cs.assign(1, ci);
        votes[ci] += 1.0;  // plus the 1 below
        vtotal += 1.0;
        break;
      }
    }
    if (cs.size() == 1) votes[cs[0]] += 1.0, vtotal += 1.0;
  }
  // `chosen`: the first choice of each match (nullptr: none), for co-mentions.
  // `co`: the first choices that are places, in match order (nullptr: none), for co-mentions.
  struct CoMention {
    size_t match;
    uint32_t place;
    double lat, lon;
  };
  auto pick = [&](size_t i, const std::vector<double>& v, double vtotal, const std::vector<CoMention>* co,
                  double* margin) -> int64_t {
    double best = -1e9, second = -1e9;
    int64_t bi = -1;
    // Co-mentions: the 32 matches on either side are enough (and keep this linear).
    size_t co_lo = 0, co_hi = 0;
    if (co != nullptr && cand_end[i] - cand_begin[i] > 1) {
      size_t lo = i > 32 ? i - 32 : 0, hi = std::min(matches.size(), i + 33);
      auto by_match = [](const CoMention& e, size_t m) { return e.match < m; };
      co_lo = size_t(std::lower_bound(co->begin(), co->end(), lo, by_match) - co->begin());
      co_hi = size_t(std::lower_bound(co->begin() + co_lo, co->end(), hi, by_match) - co->begin());
    }
    for (const auto& c : cands(i)) {
      int ci = c.country;
      double s = c.base;
      if (ci >= 0 && vtotal > 0) s += 2.0 * v[ci] / vtotal;
      // (With one candidate the choice and its margin do not depend on the score.)
      for (size_t k = co_lo; k < co_hi; ++k) {
        const CoMention& q = (*co)[k];
        if (q.match == i || q.place == c.place) continue;
        // More than 1.4 degrees of latitude apart is more than 155 km: no need to measure.
        if (std::abs(c.lat - q.lat) > 1.4) continue;
        if (DistanceKm(c.lat, c.lon, q.lat, q.lon) < 150.0) {
          s += 0.5;
          break;
        }
      }
      if (s > best) {
        second = best;
        best = s;
        bi = c.place;
      } else if (s > second) {
        second = s;
      }
    }
    *margin = second < -1e8 ? 3.0 : best - second;
    return bi;
  };
  std::vector<int64_t> chosen(matches.size(), -1);
  std::vector<double> margin(matches.size(), 0);
  for (size_t i = 0; i < matches.size(); ++i)
    if (keep[i]) chosen[i] = pick(i, votes, vtotal, nullptr, &margin[i]);
  // Second pass: the countries of the first choices, co-mentions within 150 km.
  std::vector<const Candidate*> first_cand(matches.size(), nullptr);
  for (size_t i = 0; i < matches.size(); ++i)
    for (const auto& c : cands(i))
      if (chosen[i] >= 0 && c.place == uint32_t(chosen[i])) first_cand[i] = &c;
  std::vector<CoMention> co;
  for (size_t i = 0; i < matches.size(); ++i)
    if (const Candidate* q = first_cand[i]; q != nullptr && q->kind == PlaceKind::kPlace)
      co.push_back(CoMention{i, q->place, q->lat, q->lon});
  std::vector<double> votes2(26 * 26, 0.0);
  double vtotal2 = 0;
  std::vector<int> voted;  // countries with a vote in votes2
  auto vote_weight = [&](size_t i, const Candidate& c) {
    return matches[i].skeleton ? 0.0 : c.kind == PlaceKind::kCountry ? 2.0 : 1.0;
  };
  for (size_t i = 0; i < matches.size(); ++i) {
    if (first_cand[i] == nullptr) continue;
    int ci = first_cand[i]->country;
    if (ci < 0) continue;
    double w = vote_weight(i, *first_cand[i]);
    votes2[ci] += w;
    vtotal2 += w;
    voted.push_back(ci);
  }
  std::sort(voted.begin(), voted.end());
  voted.erase(std::unique(voted.begin(), voted.end()), voted.end());
  for (size_t i = 0; i < matches.size(); ++i) {
    if (!keep[i]) continue;
    // Leave this mention's own vote out.
    int oc = first_cand[i]->country;
    double w = vote_weight(i, *first_cand[i]);
    if (oc >= 0) votes2[oc] -= w;
    chosen[i] = pick(i, votes2, vtotal2 - (oc >= 0 ? w : 0), &co, &margin[i]);
    if (oc >= 0) votes2[oc] += w;
  }
  // Accidental names: a lone capitalised word opening a sentence, or a small place known
  // only by an alternate name, needs support (a preposition, a feature word, its country).
  // Counts before the filter: mentions per country and per place.
  std::vector<int> per_country(26 * 26, 0);
  std::vector<int64_t> counted_places;  // sorted below: mentions per place by equal_range
  int kept_total = 0;
  for (size_t i = 0; i < matches.size(); ++i) {
    if (!keep[i] || chosen[i] < 0 || matches[i].skeleton) continue;  // skeleton matches support nothing
    int ci = CountryIndex(g.facts(uint32_t(chosen[i])).country);
    if (ci >= 0) ++per_country[ci];
    counted_places.push_back(chosen[i]);
    ++kept_total;
  }
  std::sort(counted_places.begin(), counted_places.end());
  // The country the article is most about (the first of equals).
  int top_country = -1;
  for (int c : voted)
    if (votes2[c] > 0 && (top_country < 0 || votes2[c] > votes2[top_country])) top_country = c;
  for (size_t i = 0; i < matches.size(); ++i) {
    if (!keep[i] || chosen[i] < 0) continue;
    const Match& m = matches[i];
    Place p = g.facts(uint32_t(chosen[i]));
    if (p.kind != PlaceKind::kPlace) continue;
    int pci = CountryIndex(p.country);
    auto [same_lo, same_hi] = std::equal_range(counted_places.begin(), counted_places.end(), chosen[i]);
    double support = pci >= 0 ? per_country[pci] - double(same_hi - same_lo) : 0;
    // Neighbourhoods and sites need their country in the article.
    Precision pp = PlacePrecision(p);
    if (support == 0 && (pp == Precision::kNeighbourhood || pp == Precision::kSite)) keep[i] = false;
    // A skeleton match must be in the country the article is most about, or one named
    // twice elsewhere in it.
    if (m.skeleton && pci != top_country && support < 2) keep[i] = false;
    // A single word found by its skeleton also needs a place preposition or a feature word
    // ("à Taëz", "south of Hodeidah"): "Asian" is not Aswan.
    if (m.skeleton && m.end - m.first == 1 && !prev_is_prep(m.first) && !feature_near(m)) keep[i] = false;
    if (m.end - m.first != 1) continue;
    bool main = false;
    for (const auto& c : cands(i))
      if (c.place == uint32_t(chosen[i])) main = c.main;
    bool context = prev_is_prep(m.first) || feature_near(m) || support > 0;
    bool strong = prev_is_prep(m.first) || feature_near(m) || (support > 0 && main && p.population >= 5000);
    if (sentence_initial(m.first) && !strong && p.population < 100000) keep[i] = false;
    if (!main && !context && p.population < 20000) keep[i] = false;
    // An acronym in capitals that is only an alternate name ("SANA").
    std::string_view word = text.substr(units[m.first].start, units[m.first].end - units[m.first].start);
    bool caps = word.size() <= 4;
    for (char ch : word) caps &= !(ch >= 'a' && ch <= 'z');
    if (caps && !main) keep[i] = false;
    // A small place in a country nothing else in the article is about, while the article is
    // clearly about other countries: an accidental name (a word, a person, an outlet).
    double elsewhere = kept_total - (pci >= 0 ? per_country[pci] : 0);
    if (support == 0 && elsewhere >= 2 && p.population < 200000) keep[i] = false;
    // The same for a city known by that word only as an alternate name ("Boni", an old
    // name of Bonn, in an article about Niger), unless it is a city of a million.
    if (support == 0 && elsewhere >= 2 && !main && p.population < 1000000) keep[i] = false;
  }

  std::vector<PlaceMention> out;
  out.reserve(matches.size() + 8);
  std::vector<uint8_t> used(units.size(), 0);
  std::vector<size_t> dropped;  // out indices of mentions a later reading took back
  // What each unit may start, by its hash alone, so that the scans below skip most units
  // at once.
  enum : uint8_t { kFeatStart = 1, kFeatAfter = 2, kCityRef = 4, kCapitalWord = 8, kArticle = 16 };
  // `may_any`: the flags of some unit; a scan whose flag no unit has is skipped whole.
  std::vector<uint8_t> may(units.size(), 0);
  uint8_t may_any = 0;
  for (size_t k = 0; k < units.size(); ++k) {
    uint64_t h = units[k].hash;
    may[k] = (rules.feat_before_start.MayAnchor(h) ? kFeatStart : 0) | (rules.feat_after.MayAnchor(h) ? kFeatAfter : 0) |
             (rules.city_refs.MayAnchor(h) ? kCityRef : 0) | (rules.capital_words.MayHave(h) ? kCapitalWord : 0) |
             (rules.articles.MayHave(h) ? kArticle : 0);
    may_any |= may[k];
  }
  std::map<uint32_t, int> city_count;
  std::vector<std::pair<size_t, size_t>> placed;  // (unit index, out index) of kept matches
  const int best_country = top_country;

  for (size_t i = 0; i < matches.size(); ++i) {
    if (!keep[i] || chosen[i] < 0) continue;
    const Match& m = matches[i];
    uint32_t s = units[m.first].sentence;
    bool overlap = false;
    for (size_t k = m.first; k < m.end; ++k) overlap |= used[k];
    if (overlap) continue;
    Place p = g.place(uint32_t(chosen[i]));
    PlaceMention pm;
    FillPlace(p, &pm);
    size_t first = m.first, end = m.end;
    int v = 0;
    if (size_t n = rules.parts_after.Match(units, end, s, &v)) {
      pm.part = Part(v);
      end += n;
    }
    if (size_t n = rules.parts_before.Match(units, first, s, &v)) {
      if (pm.part == Part::kNone) pm.part = Part(v);
      first -= n;
    } else if (first > 0 && rules.articles.Has(units[first - 1]) &&
               (n = rules.parts_before.Match(units, first - 1, s, &v)) > 0) {
      if (pm.part == Part::kNone) pm.part = Part(v);  // "le nord-ouest de la Syrie"
      first -= n + 1;
    }
    if (size_t n = rules.feat_after.Match(units, end, s, &v)) {
      Precision fp = Precision(v);
      if (p.kind == PlaceKind::kPlace && fp >= Precision::kVillage) pm.precision = fp;
      end += n;
    } else if (size_t n2 = rules.feat_before.Match(units, first, s, &v)) {
      Precision fp = Precision(v);
      if (p.kind == PlaceKind::kPlace && fp >= Precision::kVillage) pm.precision = fp;
      first -= n2;
    }
    if (p.kind == PlaceKind::kRegion) pm.part = Part::kNone;
    if (p.kind == PlaceKind::kCountry && pm.part != Part::kNone) {
      pm.precision = Precision::kRegion;  // "north-east Nigeria": an unnamed region
      pm.part = Part::kNone;
    }
    pm.start = units[first].start;
    pm.end = units[end - 1].end;
    pm.name_start = units[m.first].start;
    pm.name_end = units[m.end - 1].end;
    pm.score = std::round(1000.0 / (1.0 + std::exp(-2.0 * margin[i]))) / 1000.0;
    for (size_t k = first; k < end; ++k) used[k] = true;
    if (p.kind == PlaceKind::kPlace && pm.precision == Precision::kCity) ++city_count[uint32_t(chosen[i])];
    placed.emplace_back(m.first, out.size());
    out.push_back(std::move(pm));
  }

  // The article's main city: the most mentioned city (first on ties).
  int64_t main_city = -1;
  int main_count = 0;
  for (const auto& [u, oi] : placed) {
    const PlaceMention& pm = out[oi];
    if (pm.precision != Precision::kCity || pm.geonameid == 0) continue;
    int64_t idx = g.FindGeonameId(pm.geonameid);
    int n = city_count[uint32_t(idx)];
    if (n > main_count) main_count = n, main_city = idx;
  }

  // References to the article's city: "la ville", "the outskirts of the city". The city is
  // the last one named in the same sentence or the two before it in its paragraph ("In Hodeidah, ... the
  // southern districts of the city"; "À Taëz ... La ville"), else the article's main city.
  int64_t capital = best_country >= 0 ? capital_[best_country] : -1;
  std::vector<uint32_t> paragraph(seg.sentences.size(), 0);
  for (size_t q = 1; q < seg.sentences.size(); ++q) {
    uint32_t ft = seg.sentences[q].first_token;
    paragraph[q] = paragraph[q - 1] + (ft < seg.tokens.size() && seg.tokens[ft].breaks_before >= 2 ? 1 : 0);
  }
  auto recent_city = [&](size_t unit, uint32_t sentence) -> int64_t {
    int64_t last = -1;
    for (const auto& [u, oi] : placed)
      if (u < unit && units[u].sentence + 2 >= sentence && paragraph[units[u].sentence] == paragraph[sentence] &&
          std::find(dropped.begin(), dropped.end(), oi) == dropped.end() &&
          out[oi].geonameid != 0 && out[oi].named &&
          out[oi].in_gazetteer && out[oi].precision == Precision::kCity)
        last = g.FindGeonameId(out[oi].geonameid);
    return last >= 0 ? last : main_city;
  };
  auto enclosing = [&](size_t unit, uint32_t sentence, size_t after_end) -> int64_t {
    // The first place named soon after the unknown name in its sentence ("of Homs",
    // "on the western edge of Homs", "à Taëz").
    for (const auto& [u, oi] : placed)
      if (u >= after_end && u <= after_end + 8 && units[u].sentence == sentence && out[oi].geonameid != 0 &&
          out[oi].precision == Precision::kCity)
        return g.FindGeonameId(out[oi].geonameid);
    int64_t prev = -1;
    for (const auto& [u, oi] : placed)
      if (u < unit && out[oi].geonameid != 0 && out[oi].precision == Precision::kCity)
        prev = g.FindGeonameId(out[oi].geonameid);
    return prev >= 0 ? prev : main_city;
  };
  auto name_unit = [&](size_t k) {
    const Unit& u = units[k];
    if (used[k] || u.key.empty() || rules.articles.Has(u)) return false;
    return u.cap || (k + 1 < units.size() && units[k + 1].hyphen_before && units[k + 1].cap);
  };
  auto add_unknown = [&](size_t first, size_t end, size_t name_first, size_t name_end, Precision fp) {
    uint32_t s = units[first].sentence;
    PlaceMention pm;
    pm.in_gazetteer = false;
    pm.start = units[first].start, pm.end = units[end - 1].end;
    pm.name_start = units[name_first].start, pm.name_end = units[name_end - 1].end;
    bool fine = fp <= Precision::kNeighbourhood || fp == Precision::kDistrict;
    // "le quartier d'Al-Hamdaniyé, dans l'ouest de la ville": a reference to the city soon
    // after the name says which city encloses it, and which part of it.
    for (size_t q = end; fine && q < end + 8 && q < units.size() && units[q].sentence == s; ++q) {
      const Pattern* rp = nullptr;
      size_t rn = (may[q] & kCityRef) ? rules.city_refs.Match(units, q, s, &rp) : 0;
      if (rn == 0 || rp->last || rp->capital || rp->country || rp->site) continue;
      if (q + rn < units.size() && units[q + rn].sentence == s && rules.links.Has(units[q + rn])) continue;
      int64_t city = recent_city(first, s);
      if (city < 0) break;
      FillPlace(g.place(uint32_t(city)), &pm);
      pm.score = 0.5;
      int v = rp->value;
      if (rules.parts_before.Match(units, q, s, &v) == 0) v = rp->value;
      pm.part = Part(v);
      for (size_t k = first; k < end; ++k) used[k] = true;
      out.push_back(std::move(pm));
      return;
    }
    int64_t enc = enclosing(first, s, end);
    bool linked = false;
    for (const auto& [u, oi] : placed)
      if (u >= end && u <= end + 2 && units[u].sentence == s) linked = true;
    // Unlinked, the enclosing city must be in the country the article is most about
    // (not a stray match elsewhere: "Dadaab camps" is not in Mexico's El Niño).
    if (enc >= 0 && !linked && best_country >= 0 && CountryIndex(g.place(uint32_t(enc)).country) != best_country) enc = -1;
    if (enc >= 0 && (fine || linked)) {
      Place p = g.place(uint32_t(enc));
      FillPlace(p, &pm);
      pm.score = 0.5;
      // "the X district on the western edge of Homs": the part said of the enclosing city.
      for (const auto& [u, oi] : placed)
        if (u >= end && u <= end + 8 && units[u].sentence == s && out[oi].geonameid == p.geonameid) {
          pm.part = out[oi].part;
          break;
        }
    } else {
      pm.country = best_country >= 0 ? std::string{char('A' + best_country / 26), char('A' + best_country % 26)} : "";
      pm.precision = fp;
      pm.score = 0.3;
    }
    for (size_t k = first; k < end; ++k) used[k] = true;
    out.push_back(std::move(pm));
  };
  // A nationality adjective alone names no place ("the Chadian camps", "Haitian camps").
  auto lone_demonym = [&](size_t a, size_t b) {
    return b == a + 1 && rules.demonyms.count(units[a].text) > 0;
  };
  // Unknown names announced by a feature word: "le village de Sheikh Lutfi", "the X district".
  // Each fine one (village, neighbourhood, district, site) is remembered with its feature
  // noun, for later references ("the district").
  std::vector<std::pair<std::string, size_t>> feature_nouns;  // (noun, out index)
  auto remember = [&](const Pattern* p, Precision fp) {
    if (p == nullptr || !(fp <= Precision::kVillage || fp == Precision::kDistrict)) return;
    for (size_t w = p->words.size(); w > 0; --w)
      if (!rules.links.Has(p->words[w - 1]) && !rules.articles.Has(p->words[w - 1])) {
        feature_nouns.emplace_back(p->words[w - 1], out.size() - 1);
        return;
      }
  };
  const size_t feature_scan_end = (may_any & (kFeatStart | kFeatAfter)) ? units.size() : 0;
  for (size_t k = 0; k < feature_scan_end; ++k) {
    if (!(may[k] & (kFeatStart | kFeatAfter)) || used[k]) continue;
    uint32_t s = units[k].sentence;
    int v = 0;
    const Pattern* fpat = nullptr;
    if (size_t n = rules.feat_before_start.Match(units, k, s, &fpat)) {
      v = fpat->value;
      size_t a = k + n, b = a;
      while (b < units.size() && b - a < 5 && units[b].sentence == s && name_unit(b)) ++b;
      bool any_cap = false;
      for (size_t q = a; q < b; ++q) any_cap |= units[q].cap;
      if (b > a && any_cap && !used[k] && !in_actor(k, b, false) && !lone_demonym(a, b)) {
        add_unknown(k, b, a, b, Precision(v));
        remember(fpat, Precision(v));
        k = b - 1;
        continue;
      }
    }
    if (size_t n = rules.feat_after.Match(units, k, s, &fpat)) {
      v = fpat->value;
      size_t b = k, a = k;
      while (a > 0 && k - a < 5 && units[a - 1].sentence == s && name_unit(a - 1)) --a;
      bool any_cap = false;
      for (size_t q = a; q < b; ++q) any_cap |= units[q].cap;
      if (b > a && any_cap && !in_actor(a, k + n, false) && !lone_demonym(a, b)) {
        size_t first = a;
        if (first > 0 && rules.articles.Has(units[first - 1])) --first;
        add_unknown(first, k + n, a, b, Precision(v));
        remember(fpat, Precision(v));
        k = k + n - 1;
      }
    }
  }
  // Unknown names after "près de", "near" ("près de Khazer"): a place when the text has
  // just placed the action at a known place (one of at least a city's extent, named in this
  // paragraph or the one before, in the country the article is most about) or names one
  // right after it ("near Khazer, east of Mosul"). It takes that place, with the part said
  // with it ("à l'est de Mossoul ... près de Khazer"); with nothing to attach it to, it is
  // not taken (it is as often a person).
  if (!rules.near.empty()) {
    std::vector<std::pair<size_t, size_t>> near_done;  // (out index, unit) of these mentions
    // The hashes of the words the article writes in lower case, made at the first candidate.
    std::vector<uint64_t> lower_hashes;
    bool lower_made = false;
    for (size_t k = 1; k < units.size(); ++k) {
      uint32_t s = units[k].sentence;
      if (used[k] || !units[k].cap || !name_unit(k)) continue;
      const Pattern* np = nullptr;
      size_t n = rules.near.Match(units, k, s, &np);
      if (n == 0) continue;
      bool free = true;
      for (size_t q = k - n; q < k; ++q) free &= !used[q] && units[q].sentence == s;
      size_t b = k;
      while (b < units.size() && b - k < 4 && units[b].sentence == s && name_unit(b) &&
             (units[b].cap || units[b].hyphen_before))
        ++b;
      if (!free || !units[b - 1].cap || in_actor(k, b, false) || lone_demonym(k, b)) continue;
      // (The article writing the word in lower case too: a common word, "near Bridges".)
      auto written_lower = [&](const Unit& w) {
        if (!lower_made) {
          for (const Unit& u : units)
            if (!u.cap) lower_hashes.push_back(u.hash);
          std::sort(lower_hashes.begin(), lower_hashes.end());
          lower_made = true;
        }
        if (!std::binary_search(lower_hashes.begin(), lower_hashes.end(), w.hash)) return false;
        for (const Unit& u : units)  // a hash seen in lower case: confirm on the text
          if (!u.cap && u.hash == w.hash && u.text == w.text) return true;
        return false;
      };
      bool common = false;
      for (size_t q = k; q < b; ++q)
        common |= person_words.count(units[q].text) > 0 || written_lower(units[q]) ||
                  rules.stopwords.Has(units[q]) || rules.strict_stopwords.Has(units[q]) ||
                  rules.demonyms.count(units[q].text) > 0;
      if (common) continue;
      const PlaceMention* at = nullptr;
      // A place named right after it in its sentence ("near Khazer, east of Mosul").
      for (const auto& [u, oi] : placed)
        if (u >= b && u <= b + 14 && units[u].sentence == s && out[oi].geonameid != 0 &&
            (out[oi].precision == Precision::kCity || out[oi].precision == Precision::kDistrict)) {
          at = &out[oi];
          break;
        }
      if (at == nullptr) {
        // The last place of at least a city's extent named before it, in its paragraph or
        // the one before (these mentions included).
        auto wider = [&](const PlaceMention& pm) {
          return pm.geonameid != 0 && pm.named && pm.precision >= Precision::kCity &&
                 pm.precision <= Precision::kRegion;
        };
        for (const auto& [u, oi] : placed)
          if (u < k && wider(out[oi]) && paragraph[units[u].sentence] + 1 >= paragraph[s])
            at = &out[oi];
        for (const auto& [oi, u] : near_done)
          if (u < k && paragraph[units[u].sentence] + 1 >= paragraph[s] &&
              (at == nullptr || out[oi].start > at->start))
            at = &out[oi];
        if (at != nullptr && best_country >= 0 && CountryIndex(at->country) != best_country)
          at = nullptr;
      }
      if (at == nullptr) continue;
      int64_t idx = g.FindGeonameId(at->geonameid);
      if (idx < 0 || g.facts(uint32_t(idx)).kind != PlaceKind::kPlace) continue;
      PlaceMention pm;
      FillPlace(g.place(uint32_t(idx)), &pm);
      pm.in_gazetteer = false;
      pm.part = at->part;
      // No finer than the mention it hangs on: "près de X" after "la province d'Alep" is
      // the province, not the city whose id the province mention carries.
      pm.precision = std::max(pm.precision, at->precision);
      pm.score = 0.4;
      pm.start = units[k - n].start, pm.end = units[b - 1].end;
      pm.name_start = units[k].start, pm.name_end = units[b - 1].end;
      for (size_t q = k - n; q < b; ++q) used[q] = true;
      near_done.emplace_back(out.size(), k);
      out.push_back(std::move(pm));
      k = b - 1;
    }
  }
  // "the district", "le quartier": the last place named with that feature noun before.
  for (size_t k = 0; k + 1 < units.size() && !feature_nouns.empty(); ++k) {
    if (!(may[k] & kArticle) || used[k] || used[k + 1] || !rules.articles.Has(units[k]) || units[k + 1].sentence != units[k].sentence)
      continue;
    size_t end = k + 2;
    if (end < units.size() && units[end].sentence == units[k].sentence &&
        (rules.links.Has(units[end]) || units[end].cap))
      continue;  // "the district of X", "the district Council"
    const PlaceMention* ref = nullptr;
    for (const auto& [noun, oi] : feature_nouns)
      if (noun == units[k + 1].text && out[oi].end <= units[k].start) ref = &out[oi];
    if (ref == nullptr) continue;
    PlaceMention pm = *ref;
    pm.named = false;
    pm.in_gazetteer = true;
    pm.start = pm.name_start = units[k].start;
    pm.end = pm.name_end = units[k + 1].end;
    used[k] = used[k + 1] = true;
    out.push_back(std::move(pm));
    ++k;
  }
  // The capital of a country named by its adjective: "the Somali capital", "la capitale
  // somalienne".
  const size_t capital_scan_end = (may_any & kCapitalWord) ? units.size() : 0;
  for (size_t k = 0; k < capital_scan_end; ++k) {
    if (!(may[k] & kCapitalWord) || used[k] || !rules.capital_words.Has(units[k])) continue;
    uint32_t s = units[k].sentence;
    for (size_t d : {k - 1, k + 1}) {
      if (d >= units.size() || used[d] || units[d].sentence != s) continue;
      auto dem = rules.demonyms.find(units[d].text);
      if (dem == rules.demonyms.end()) continue;
      int64_t cap = capital_[CountryIndex(dem->second)];
      if (cap < 0) break;
      size_t first = std::min(k, d), end = std::max(k, d) + 1;
      if (first > 0 && units[first - 1].sentence == s && rules.articles.Has(units[first - 1])) --first;
      PlaceMention pm;
      FillPlace(g.place(uint32_t(cap)), &pm);
      pm.named = false;
      pm.start = units[first].start, pm.end = units[end - 1].end;
      pm.name_start = pm.start, pm.name_end = pm.end;
      pm.score = 0.8;
      for (size_t q = first; q < end; ++q) used[q] = true;
      out.push_back(std::move(pm));
      break;
    }
  }
  if ((may_any & kCityRef) && (main_city >= 0 || capital >= 0 || best_country >= 0)) {
    for (size_t k = 0; k < units.size(); ++k) {
      if (!(may[k] & kCityRef) || used[k]) continue;
      uint32_t s = units[k].sentence;
      int v = 0;
      const Pattern* hit = nullptr;
      size_t n = rules.city_refs.Match(units, k, s, &hit);
      if (n == 0) continue;
      if (hit->none) {  // "les quartiers généraux": the longer match wins, and is no place
        k += n - 1;
        continue;
      }
      v = hit->value;
      if (hit->last) {
        // "la zone", "the area": the last place mention before it, within two sentences (in
        // its paragraph or at the end of the one before), with its id and part.
        // Not where people went ("... évacués vers Bamako. ... la même zone"): a destination
        // word (geo_destinations.tsv) ends at most two words before the mention.
        auto destination = [&](const PlaceMention& pm) {
          auto it = std::lower_bound(units.begin(), units.end(), pm.start,
                                     [](const Unit& u, uint32_t x) { return u.start < x; });
          const size_t u0 = size_t(it - units.begin());
          if (u0 >= units.size()) return false;
          const Pattern* dp = nullptr;
          for (size_t off = 0; off < 3 && off <= u0; ++off)
            if (rules.destinations.Match(units, u0 - off, units[u0].sentence, &dp) > 0) return true;
          return false;
        };
        const PlaceMention* prev = nullptr;
        for (size_t oi = 0; oi < out.size(); ++oi) {
          const PlaceMention& pm = out[oi];
          if (std::find(dropped.begin(), dropped.end(), oi) != dropped.end()) continue;  // taken back
          if (pm.end <= units[k].start && (prev == nullptr || pm.start > prev->start) &&
              !destination(pm))
            prev = &pm;
        }
        if (prev == nullptr) continue;
        uint32_t ps = SentenceAt(seg, prev->start);
        if (ps + 2 < s || paragraph[ps] + 1 < paragraph[s]) continue;
        if (k + n < units.size() && units[k + n].sentence == s && rules.links.Has(units[k + n])) continue;
        bool free = true;
        for (size_t q = k; q < k + n; ++q) free &= !used[q];
        if (!free) continue;
        PlaceMention pm = *prev;
        pm.named = false;
        pm.in_gazetteer = true;
        pm.start = pm.name_start = units[k].start;
        pm.end = pm.name_end = units[k + n - 1].end;
        pm.score = std::min(prev->score, 0.5);
        for (size_t q = k; q < k + n; ++q) used[q] = true;
        out.push_back(std::move(pm));
        k += n - 1;
        continue;
      }
      if (hit->quarter || hit->settlement) {
        // Unnamed places: "des quartiers toujours occupés", "des villages proches de la ligne
        // de front", "several villages around Kupiansk". Not when a name follows ("les
        // quartiers d'Alep": a link word), nor when their sentence names a place: that place
        // says where they are ("12 villages east of Deraa", "Au sud, ... plusieurs
        // localités"), except that villages around a town are near it, not its outskirts.
        if (k + n < units.size() && units[k + n].sentence == s && rules.links.Has(units[k + n]))
          continue;
        bool free = true;
        for (size_t q = k; q < k + n; ++q) free &= !used[q];
        if (!free) continue;
        const uint32_t phrase_end = units[k + n - 1].end;
        const uint32_t sent_end = seg.sentences[s].end;
        PlaceMention* after = nullptr;
        for (size_t oi = 0; oi < out.size(); ++oi)
          if (std::find(dropped.begin(), dropped.end(), oi) == dropped.end() &&
              out[oi].start >= phrase_end && out[oi].start < sent_end &&
              (after == nullptr || out[oi].start < after->start))
            after = &out[oi];
        if (after != nullptr && hit->settlement && k + n < units.size() &&
            after->start == units[k + n].start && after->part == Part::kOutskirts) {
          after->part = Part::kNone;  // "villages around X" are places near X
          after->start = units[k].start;
          for (size_t q = k; q < k + n; ++q) used[q] = true;
          continue;
        }
        if (after != nullptr) continue;
        bool before = false;  // "Au sud, des unités ... ont repris plusieurs localités"
        for (size_t oi = 0; oi < out.size() && !before; ++oi)
          before = std::find(dropped.begin(), dropped.end(), oi) == dropped.end() &&
                   out[oi].start >= seg.sentences[s].start && out[oi].end <= units[k].start;
        if (before) continue;
        // Else the last place of a town's extent or finer named before (same window as
        // "la zone"); villages named in another sentence are not in the part said there.
        const PlaceMention* prev = nullptr;
        for (size_t oi = 0; oi < out.size(); ++oi) {
          const PlaceMention& pm = out[oi];
          if (std::find(dropped.begin(), dropped.end(), oi) != dropped.end()) continue;
          if (pm.geonameid == 0 || pm.precision > Precision::kCity) continue;
          if (pm.end <= units[k].start && (prev == nullptr || pm.start > prev->start)) prev = &pm;
        }
        if (prev == nullptr) continue;
        uint32_t ps = SentenceAt(seg, prev->start);
        if (ps + 2 < s || paragraph[ps] + 1 < paragraph[s]) continue;
        PlaceMention pm = *prev;
        pm.named = false;
        pm.in_gazetteer = true;
        if (hit->settlement && ps != s) pm.part = Part::kNone;
        pm.start = pm.name_start = units[k].start;
        pm.end = pm.name_end = phrase_end;
        pm.score = std::min(prev->score, 0.5);
        for (size_t q = k; q < k + n; ++q) used[q] = true;
        out.push_back(std::move(pm));
        k += n - 1;
        continue;
      }
      if (hit->country) {
        // "notre pays", "our country", "au niveau national": the country the article is
        // most about (the speaker's, in a communiqué).
        int64_t cp = best_country >= 0 ? country_place_[best_country] : -1;
        bool free = cp >= 0;
        for (size_t q = k; q < k + n && free; ++q) free &= !used[q];
        if (!free) continue;
        PlaceMention pm;
        FillPlace(g.place(uint32_t(cp)), &pm);
        pm.named = false;
        pm.start = pm.name_start = units[k].start;
        pm.end = pm.name_end = units[k + n - 1].end;
        pm.score = 0.5;
        for (size_t q = k; q < k + n; ++q) used[q] = true;
        out.push_back(std::move(pm));
        k += n - 1;
        continue;
      }
      int64_t target = hit->capital ? capital : recent_city(k, s);
      // A phrase ending on an article or link word names what follows it: "the western bank
      // of the Tigris" (a river, which the gazetteer of inhabited places lacks or mistakes for
      // a place: "la rive est du Tigre" is not Tigray).
      const bool names_next = rules.articles.Has(units[k + n - 1]) || rules.links.Has(units[k + n - 1]);
      auto take_back_next = [&](size_t next) {
        for (const auto& [u, oi] : placed)
          if (u == next && units[u].sentence == s &&
              std::find(dropped.begin(), dropped.end(), oi) == dropped.end()) {
            for (size_t q = u; q < units.size() && units[q].start < out[oi].end; ++q) used[q] = false;
            dropped.push_back(oi);
          }
      };
      if (names_next && target >= 0)
        for (const auto& [u, oi] : placed)  // the river's own name is no city to hang it on
          if (u == k + n && out[oi].geonameid != 0 && g.FindGeonameId(out[oi].geonameid) == target) target = -1;
      if (target < 0) {
        bool phrase_free = true;
        for (size_t q = k; q < k + n; ++q) phrase_free &= !used[q];
        if (names_next && phrase_free) take_back_next(k + n);  // a bank with no city: no place
        continue;
      }
      Place mc = g.place(uint32_t(target));
      bool free = true;
      for (size_t q = k; q < k + n; ++q) free &= !used[q];
      if (!free) continue;
      // Not "the city of X" (a feature word) nor "the city's": a link word follows.
      if (k + n < units.size() && units[k + n].sentence == s && rules.links.Has(units[k + n])) continue;
      PlaceMention pm;
      FillPlace(mc, &pm);
      pm.named = false;
      pm.part = Part(v);  // "the old city" carries its part
      size_t first = k, end = k + n;
      if (hit->site) {
        // no part words
      } else if (size_t np = rules.parts_before.Match(units, first, s, &v)) {
        pm.part = Part(v);
        first -= np;
      } else if (size_t na = rules.parts_after.Match(units, end, s, &v)) {
        pm.part = Part(v);
        end += na;
      }
      // The name after the phrase is part of it (names_next above).
      if (names_next) {
        take_back_next(end);
        while (end < units.size() && end - (k + n) < 3 && units[end].sentence == s &&
               name_unit(end) && (units[end].cap || units[end].hyphen_before))
          ++end;
      }
      pm.start = units[first].start, pm.end = units[end - 1].end;
      pm.name_start = units[k].start, pm.name_end = units[k + n - 1].end;
      pm.score = 0.5;
      for (size_t q = first; q < end; ++q) used[q] = true;
      out.push_back(std::move(pm));
      k = end - 1;
    }
  }
  // In text order (mentions do not overlap); the records are moved once.
  std::sort(dropped.begin(), dropped.end());
  std::vector<uint32_t> order;
  order.reserve(out.size());
  for (uint32_t k = 0; k < out.size(); ++k)
    if (!std::binary_search(dropped.begin(), dropped.end(), size_t(k))) order.push_back(k);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(out[a].start, out[a].end) < std::tie(out[b].start, out[b].end);
  });
  std::vector<PlaceMention> sorted;
  sorted.reserve(out.size());
  for (uint32_t k : order) {
    sorted.push_back(std::move(out[k]));
    PlaceMention& pm = sorted.back();
    pm.text = std::string(text.substr(pm.start, pm.end - pm.start));
  }
  return sorted;
}

}  // namespace vigie::geo

// Fusion logic on constructed records: the compatibility rules, blocking against a
// brute-force oracle, order independence and incremental adds, what a cluster says
// (best date and place, counts, contradictions), near-duplicates and tallies.
#include "fuse/fuse.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "fuse/near_dup.h"
#include "fuse/timeline.h"
#include "fuse_testing.h"

namespace vigie::fuse {
namespace {

using testing::Actor;
using testing::Ev;
using testing::Q;
using testing::Rec;

// Aleppo and a point about 3.3 km east of it; Idlib, about 60 km away.
constexpr double kLat = 36.2, kLon = 37.16, kLonNear = 37.197, kIdlibLat = 35.93, kIdlibLon = 36.63;

TEST(FuseCompatibleTest, SameHappening) {
  EXPECT_TRUE(Compatible(Ev("a#1", "shelling", "2016-12-07", kLat, kLon),
                         Ev("b#1", "shelling", "2016-12-07", kLat, kLonNear)));
}

TEST(FuseCompatibleTest, TypeAndSubtype) {
  auto a = Ev("a#1", "territory_change", "2016-12-07", kLat, kLon), b = a;
  b.event_id = "b#1";
  EXPECT_FALSE(Compatible(a, Ev("b#1", "shelling", "2016-12-07", kLat, kLon)));
  a.subtype = "taken", b.subtype = "handover";
  EXPECT_FALSE(Compatible(a, b));
  b.subtype = "withdrawal";  // one side's withdrawal is the other's capture
  EXPECT_TRUE(Compatible(a, b));
  auto s = Ev("s#1", "shelling", "2016-12-07", kLat, kLon), t = s;
  s.subtype = "rocket", t.subtype = "missile";  // outlets name the weapon differently
  EXPECT_TRUE(Compatible(s, t));
}

TEST(FuseCompatibleTest, DatesByPrecisionAndBasis) {
  auto a = Ev("a#1", "shelling", "2016-12-07", kLat, kLon);
  auto b = Ev("b#1", "shelling", "2016-12-08", kLat, kLon);
  EXPECT_FALSE(Compatible(a, b));
  b.date->basis = "document";  // no tolerance: it would chain a city's daily events
  EXPECT_FALSE(Compatible(a, b));
  // Month precision is coarse: it is fused with other coarse reports, never with a day.
  auto m = Ev("m#1", "shelling", "2016-12", kLat, kLon),
       n = Ev("n#1", "shelling", "2016-12", kLat, kLonNear);
  EXPECT_FALSE(Compatible(a, m));
  EXPECT_TRUE(Compatible(m, n));
  auto undated = a;
  undated.date.reset();
  EXPECT_FALSE(Compatible(undated, a));
}

TEST(FuseCompatibleTest, PlacesByPrecisionAndPart) {
  auto a = Ev("a#1", "shelling", "2016-12-07", kLat, kLon, "neighbourhood");
  auto b = Ev("b#1", "shelling", "2016-12-07", kLat, kLon + 0.1, "neighbourhood");  // ~9 km
  EXPECT_FALSE(Compatible(a, b));
  b.location->precision = "city";  // 25 km for a city
  EXPECT_TRUE(Compatible(a, b));
  EXPECT_FALSE(Compatible(a, Ev("c#1", "shelling", "2016-12-07", kIdlibLat, kIdlibLon)));
  a.location->part = "east", b.location->part = "west";
  EXPECT_FALSE(Compatible(a, b));
  b.location->part = "";
  EXPECT_TRUE(Compatible(a, b));
  // Regions: same country and first-level region.
  auto r1 = Ev("r#1", "shelling", "2016-12-07", 36, 37, "region"),
       r2 = Ev("r#2", "shelling", "2016-12-07", 35, 36, "region");
  EXPECT_TRUE(Compatible(r1, r2));
  r2.location->admin1 = "Hama";
  EXPECT_FALSE(Compatible(r1, r2));
}

TEST(FuseCompatibleTest, ActorsMustShareAPartyWhenBothGiveTwo) {
  auto a = Ev("a#1", "armed_clash", "2016-12-07", kLat, kLon), b = a;
  b.event_id = "b#1";
  a.actor1 = Actor("state_forces"), a.actor2 = Actor("armed_opposition");
  b.actor1 = Actor("jihadist_group", "Islamic State"), b.actor2 = Actor("militia");
  EXPECT_FALSE(Compatible(a, b));
  b.actor2 = Actor("state_forces");  // reversed roles still share the parties
  EXPECT_TRUE(Compatible(a, b));
  b.actor2.reset();
  b.actor1 = Actor("militia");
  EXPECT_TRUE(Compatible(a, b));  // one actor given: no ground to split
}

// The blocked clustering equals connected components of the brute-force pair relation.
TEST(FuseClustererTest, BlockingMatchesBruteForce) {
  auto records = testing::Generate(400, 7);
  // Crowd some into one block and near cell and bucket edges.
  for (size_t i = 0; i < records.size(); i += 7) {
    records[i].location->lat = 35.999 + (i % 3) * 0.001;
    records[i].location->lon = 36.999 + (i % 5) * 0.001;
  }
  Clusterer c;
  c.Add(records);
  std::vector<size_t> parent(records.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  std::function<size_t(size_t)> find = [&](size_t x) {
    return parent[x] == x ? x : parent[x] = find(parent[x]);
  };
  for (size_t i = 0; i < records.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (Compatible(records[i], records[j])) parent[find(i)] = find(j);
  std::map<size_t, std::vector<size_t>> oracle;
  for (size_t i = 0; i < records.size(); ++i) oracle[find(i)].push_back(i);
  std::set<std::vector<size_t>> want, got;
  for (auto& [root, g] : oracle) want.insert(g);
  for (auto& g : c.Groups()) got.insert(g);
  EXPECT_EQ(got, want);
  EXPECT_LT(c.comparisons(), records.size() * records.size() / 20) << "blocking compares too much";
  int multi = 0;
  for (const auto& g : want) multi += g.size() > 1;
  EXPECT_GT(multi, 100);
}

std::set<std::set<std::string>> IdGroups(const Clusterer& c,
                                         const std::vector<EventRecord>& records) {
  std::set<std::set<std::string>> out;
  for (const auto& g : c.Groups()) {
    std::set<std::string> ids;
    for (size_t i : g) ids.insert(records[i].event_id);
    out.insert(ids);
  }
  return out;
}

TEST(FuseClustererTest, OrderIndependentAndIncremental) {
  auto records = testing::Generate(800, 11);
  Clusterer all;
  all.Add(records);
  auto want = IdGroups(all, records);

  auto shuffled = records;
  std::mt19937 rng(3);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  Clusterer other;
  other.Add(shuffled);
  EXPECT_EQ(IdGroups(other, shuffled), want);

  // In three batches; Add reports exactly the records whose group changed.
  Clusterer inc;
  std::vector<EventRecord> so_far;
  for (size_t start = 0; start < shuffled.size(); start += 300) {
    std::vector<EventRecord> batch(shuffled.begin() + start,
                                   shuffled.begin() + std::min(shuffled.size(), start + 300));
    std::vector<std::vector<size_t>> old_groups(so_far.size());
    for (size_t i = 0; i < so_far.size(); ++i) old_groups[i] = inc.GroupOf(i);
    auto changed = inc.Add(batch);
    so_far.insert(so_far.end(), batch.begin(), batch.end());
    std::set<size_t> changed_set(changed.begin(), changed.end());
    for (size_t i = 0; i < old_groups.size(); ++i) {
      bool same = inc.GroupOf(i) == old_groups[i];
      EXPECT_EQ(same, !changed_set.count(i)) << "record " << i;
    }
    for (size_t i = old_groups.size(); i < so_far.size(); ++i) EXPECT_TRUE(changed_set.count(i));
  }
  EXPECT_EQ(IdGroups(inc, so_far), want);
}

TEST(FuseClusterIdTest, SmallestMemberDecides) {
  EXPECT_EQ(ClusterId({"b#1", "a#2", "c#1"}), ClusterId({"a#2"}));
  EXPECT_NE(ClusterId({"a#2"}), ClusterId({"a#3"}));
  EXPECT_EQ(ClusterId({"a#2"}).size(), 17u);
}

store::ClusterSource Source(const std::string& event_id, const std::string& modality = "") {
  store::ClusterSource s;
  s.event_id = event_id;
  s.doc_id = event_id.substr(0, event_id.find('#'));
  s.modality = modality;
  return s;
}

store::Cluster SummariseAll(std::vector<FuseRecord> records) {
  Prepare(&records, {});
  std::vector<size_t> all(records.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  return Summarise(records, all);
}

std::vector<std::string> Kinds(const store::Cluster& c) {
  std::vector<std::string> k;
  for (const auto& x : c.contradictions) k.push_back(x.kind + ":" + x.subject);
  return k;
}

TEST(FuseSummaryTest, QuantitiesBeyondRounding) {
  auto a = Ev("a#1", "territory_change", "2016-12-07", kLat, kLon), b = a, c = a;
  b.event_id = "b#1", b.doc_id = "b", c.event_id = "c#1", c.doc_id = "c";
  a.quantities = {Q("places", 50, "exact", "neighbourhood")};
  b.quantities = {Q("places", 40, "exact", "neighbourhood")};
  c.quantities = {
      Q("places", 50, "about",
        "neighbourhood")};  // "une cinquantaine": agrees with 50, not with 40? 40 is 20% below
  auto k = SummariseAll({Rec(a, "Agence A"), Rec(b, "NGO B")});
  ASSERT_EQ(Kinds(k), std::vector<std::string>{"quantity:places"});
  EXPECT_EQ(k.contradictions[0].event_ids, (std::vector<std::string>{"a#1", "b#1"}));
  EXPECT_TRUE(Kinds(SummariseAll({Rec(a, "Agence A"), Rec(c, "Wire C")})).empty());

  auto d = a, e = b;
  d.quantities = {Q("displaced", 1200, "more_than")};
  e.quantities = {Q("displaced", 800, "about")};
  EXPECT_EQ(Kinds(SummariseAll({Rec(d, "A"), Rec(e, "B")})),
            std::vector<std::string>{"quantity:displaced"});
  e.quantities = {Q("displaced", 1300)};  // above "more than 1,200": no contradiction
  EXPECT_EQ(Kinds(SummariseAll({Rec(d, "A"), Rec(e, "B")})), std::vector<std::string>{});
  d.quantities = {Q("displaced", 1200)};  // 1,200 stands for 1,150 to 1,250: 1,300 is beyond
  EXPECT_EQ(Kinds(SummariseAll({Rec(d, "A"), Rec(e, "B")})),
            std::vector<std::string>{"quantity:displaced"});
  e.quantities = {Q("displaced", 1230)};
  EXPECT_TRUE(Kinds(SummariseAll({Rec(d, "A"), Rec(e, "B")})).empty());
  // Different units are not compared.
  a.quantities = {Q("places", 3, "exact", "village")};
  EXPECT_TRUE(Kinds(SummariseAll({Rec(a, "A"), Rec(b, "B")})).empty());
}

TEST(FuseSummaryTest, RolesPerpetratorAndDenial) {
  auto a = Ev("a#1", "territory_change", "2016-12-07", kLat, kLon), b = a;
  b.event_id = "b#1", b.doc_id = "b";
  a.actor1 = Actor("state_forces", "Syrian Arab Army"), a.actor2 = Actor("armed_opposition");
  b.actor1 = Actor("armed_opposition"), b.actor2 = Actor("state_forces");
  auto k = SummariseAll({Rec(a, "State"), Rec(b, "NGO")});
  EXPECT_EQ(Kinds(k), std::vector<std::string>{"actor_roles:actors"});
  ASSERT_TRUE(k.actor1 && k.actor2);
  EXPECT_NE(k.actor1->cls, k.actor2->cls);

  b.actor1 = Actor("jihadist_group", "Islamic State"), b.actor2 = Actor("civilians");
  a.actor2 = Actor("civilians");
  EXPECT_EQ(Kinds(SummariseAll({Rec(a, "State"), Rec(b, "NGO")})),
            std::vector<std::string>{"perpetrator:actors"});
  b.actor1 = Actor("state_forces");  // the army, unnamed: the same party
  EXPECT_TRUE(Kinds(SummariseAll({Rec(a, "State"), Rec(b, "NGO")})).empty());

  b.modality = "denied";
  k = SummariseAll({Rec(a, "State"), Rec(b, "NGO")});
  EXPECT_EQ(Kinds(k), std::vector<std::string>{"denial:territory_change"});
  EXPECT_EQ(k.contradictions[0].detail, "denied by NGO; reported by State");
}

TEST(FuseSummaryTest, CountsAndSyndicatedCopies) {
  auto a = Ev("wire#1", "shelling", "2016-12-07", kLat, kLon), copy = a, b = a, c = a;
  copy.event_id = "paper#1", copy.doc_id = "paper";
  b.event_id = "ngo#1", b.doc_id = "ngo";
  c.event_id = "state#1", c.doc_id = "state";
  a.claimant = Actor("igo_ngo", "Syrian Observatory for Human Rights");
  copy.claimant = a.claimant;
  a.quantities = copy.quantities = {Q("killed", 12)};
  b.quantities = {Q("killed", 30)};
  c.claimant = Actor("state_agency");
  std::vector<FuseRecord> records = {Rec(a, "Wire"), Rec(copy, "Paper", "wire"), Rec(b, "NGO"),
                                     Rec(c, "State TV")};
  Prepare(&records, {{"wire", "Wire"}});
  auto k = Summarise(records, {0, 1, 2, 3});
  EXPECT_EQ(k.events, 4);
  EXPECT_EQ(k.documents, 4);
  EXPECT_EQ(k.outlets, 3);    // the copy counts with the wire
  EXPECT_EQ(k.claimants, 3);  // the Observatory, the NGO's own voice, the state agency
  EXPECT_EQ(k.outlet_names, (std::vector<std::string>{"NGO", "Paper", "State TV", "Wire"}));
  EXPECT_EQ(k.quantities.size(), 2u);  // the copy's figure is the wire's
  ASSERT_EQ(k.contradictions.size(), 1u);
  EXPECT_EQ(k.contradictions[0].event_ids, (std::vector<std::string>{"ngo#1", "wire#1"}));
  EXPECT_EQ(k.cluster_id, ClusterId({"ngo#1"}));
  ASSERT_EQ(k.sources.size(), 4u);
  EXPECT_EQ(k.sources[1].copy_of, "wire");  // sorted by event id: ngo, paper, state, wire
}

TEST(FuseSummaryTest, MostPreciseDateAndPlace) {
  auto a = Ev("a#1", "shelling", "2016-12", kLat, kLon, "city"),
       b = Ev("b#1", "shelling", "2016-12-07", kLat, kLon, "neighbourhood");
  auto c = Ev("c#1", "shelling", "2016-12-07", kLat, kLon, "city");
  c.location->part = "east";
  b.location->name = "Sheikh Said";
  auto k = SummariseAll({Rec(a, "A"), Rec(b, "B"), Rec(c, "C")});
  ASSERT_TRUE(k.date && k.location);
  EXPECT_EQ(k.date->start, "2016-12-07");
  EXPECT_EQ(k.location->name, "Sheikh Said");
  EXPECT_EQ(k.location->precision, "neighbourhood");
}

TEST(FuseNearDupTest, CopiesAndOthers) {
  std::string wire =
      "Syrian government forces retook 12 villages in the south of Idlib on Monday, the Syrian "
      "Observatory for Human "
      "Rights said. More than 1,200 civilians fled over the past 24 hours, the monitoring group "
      "said, and aid workers "
      "said the camps near the border were already full.";
  auto a = Sign(wire), b = Sign(wire + " Reporting by Example Wire; editing by the world desk.");
  auto c = Sign(
      "Rebel fighters shelled the western districts of Aleppo on Tuesday, killing four people and "
      "wounding a "
      "dozen, state television said, while the monitoring group reported heavy clashes on the "
      "southern front "
      "lines near the airport.");
  ASSERT_EQ(a.minhash.size(), static_cast<size_t>(kMinHashes));
  EXPECT_EQ(a.bands, Bands(a.minhash));
  EXPECT_GE(EstimateJaccard(a.minhash, b.minhash), kCopyJaccard);
  EXPECT_LT(EstimateJaccard(a.minhash, c.minhash), 0.2);
  EXPECT_TRUE(Sign("Too short to compare.").minhash.empty());
  // Case and accents do not make a different text.
  EXPECT_EQ(Sign("ÉTAT " + wire).minhash, Sign("etat " + wire).minhash);
}

TEST(FuseTimelineTest, RangesAndTallies) {
  store::Cluster taken;
  taken.type = "territory_change", taken.subtype = "taken";
  taken.actor1 = Actor("state_forces", "Syrian Arab Army");
  taken.quantities = {{Q("places", 50, "exact", "neighbourhood"), "a#1", "A", ""},
                      {Q("places", 40, "exact", "neighbourhood"), "b#1", "B", ""}};
  taken.sources = {Source("a#1"), Source("b#1")};
  store::Cluster fled;
  fled.type = "displacement";
  fled.quantities = {{Q("displaced", 1200, "more_than"), "c#1", "C", ""},
                     {Q("displaced", 800, "about"), "d#1", "D", ""},
                     {Q("displaced", 5000), "e#1", "E", ""}};
  fled.sources = {Source("c#1"), Source("d#1"),
                  Source("e#1", "denied")};  // a denied figure is not a claim
  auto ranges = FigureRanges(fled);
  ASSERT_EQ(ranges.count("displaced"), 1u);
  EXPECT_EQ(ranges["displaced"].lo, 800);
  EXPECT_EQ(ranges["displaced"].hi, 1200);
  EXPECT_TRUE(ranges["displaced"].open_above);
  auto t = Tallies({taken, fled, fled});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].what, "displaced");
  EXPECT_EQ(t[0].clusters, 2);
  EXPECT_EQ(t[0].lo, 1600);
  EXPECT_EQ(t[0].hi, 2400);
  EXPECT_EQ(t[1].what, "taken");
  EXPECT_EQ(t[1].who, "Syrian Arab Army");
  EXPECT_EQ(t[1].unit, "neighbourhood");
  EXPECT_EQ(t[1].lo, 40);
  EXPECT_EQ(t[1].hi, 50);
}

}  // namespace
}  // namespace vigie::fuse

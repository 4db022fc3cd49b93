// The multi-outlet article set tests/data/fuse/idlib_2020_{a,b}.jsonl (written for this
// project: an agency, a newspaper republishing the agency's story, a state outlet and an
// NGO, in French and English, disagreeing on figures and on who did what, with a denial),
// ingested through the real pipeline in two runs: the clusters, corroboration counts and
// contradiction flags are exactly the expected ones, and equal those of a single run.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "../unit/store_testing.h"
#include "fuse/update.h"
#include "geo/gazetteer.h"
#include "pipeline/pipeline.h"
#include "store/extraction.h"
#include "store/ingest_driver.h"
#include "store/store.h"

namespace vigie::fuse {
namespace {

using store::testing::TempDir;

struct Expected {
  std::string what;  // type/subtype date place
  int64_t outlets, claimants, events;
  std::vector<std::string> members;
  std::vector<std::string> flags;  // kind:subject=event ids
};

const std::vector<Expected> kExpected = {
    // The agency's 12 villages (and its syndicated copy) against the state outlet's 25.
    {"territory_change/taken 2020-02-10 Idlib/south",
     2,
     2,
     3,
     {"daily-idlib-0212#1", "etat-idlib-0210#1", "wire-idlib-0211#1"},
     {"quantity:places=etat-idlib-0210#1,wire-idlib-0211#1"}},
    // "More than 1,200" (the Observatory, through the agency) against "environ 800" (the ministry).
    {"displacement/flight 2020-02-09 Idlib/",
     2,
     2,
     3,
     {"daily-idlib-0212#2", "etat-idlib-0210#2", "wire-idlib-0211#2"},
     {"quantity:displaced=etat-idlib-0210#2,wire-idlib-0211#2"}},
    // Who shelled Saraqib: government forces (the NGO) or terrorist groups (the state outlet).
    {"shelling/artillery 2020-02-11 Sarāqib/",
     2,
     2,
     2,
     {"etat-saraqib-0211#1", "ngo-saraqib-0212#1"},
     {"perpetrator:actors=etat-saraqib-0211#1,ngo-saraqib-0212#1"}},
    // The hospital strike reported by the NGO, denied by the Russian ministry (per the agency).
    {"air_strike/air 2020-02-11 Sarāqib/",
     2,
     2,
     2,
     {"ngo-hospital-0212#1", "wire-hospital-0212#1"},
     {"denial:air_strike=ngo-hospital-0212#1,wire-hospital-0212#1"}},
    // A lone report.
    {"displacement/flight 2020-02-12 Sarāqib/", 1, 1, 1, {"ngo-saraqib-0212#2"}, {}},
    // Who took Saraqib from whom: the army from the terrorists, or the rebels from the army.
    {"territory_change/taken 2020-02-13 Sarāqib/",
     2,
     2,
     2,
     {"etat-saraqib-0213#1", "ngo-saraqib-0214#1"},
     {"actor_roles:actors=etat-saraqib-0213#1,ngo-saraqib-0214#1"}},
};

const pipeline::Pipeline* Pipe() {
  static auto* pipe = [] {
    pipeline::Options o;
    o.require_gazetteer = true;
    auto p = pipeline::Pipeline::Create(o);
    return p.ok() ? std::move(p).value().release() : nullptr;
  }();
  return pipe;
}

void Ingest(store::Store& s, const std::vector<std::string>& files) {
  store::IngestOptions o;
  for (const auto& f : files)
    o.paths.push_back(std::string(VIGIE_SOURCE_DIR) + "/tests/data/fuse/" + f);
  o.pipeline_version = "test";
  o.extract = store::PipelineExtraction;
  o.workers = 2;
  auto r = store::RunIngest(s, *Pipe(), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->errors, 0u);
  auto f = UpdateClusters(s, {});
  ASSERT_TRUE(f.ok()) << f.status().ToString();
}

std::string What(const store::Cluster& c) {
  std::string place = c.location ? c.location->name + "/" + c.location->part : "-";
  return c.type + "/" + c.subtype + " " + (c.date ? c.date->start : "-") + " " + place;
}

TEST(FuseArticlesTest, ClustersCountsAndContradictions) {
  if (!Pipe())
    GTEST_SKIP() << "no gazetteer at " << geo::DefaultGazetteerPath()
                 << " (scripts/setup.sh builds it)";
  TempDir dir("fuse-articles");
  auto two = store::Store::OpenSqlite(dir / "two.db", {});
  ASSERT_TRUE(two.ok());
  Ingest(**two, {"idlib_2020_a.jsonl"});
  Ingest(**two, {"idlib_2020_b.jsonl"});

  store::ClusterFilter f;
  f.with_sources = true;
  auto clusters = (*two)->QueryClusters(f);
  ASSERT_TRUE(clusters.ok()) << clusters.status().ToString();
  std::map<std::string, const store::Cluster*> by_what;
  for (const auto& c : *clusters) by_what[What(c)] = &c;
  for (const auto& want : kExpected) {
    SCOPED_TRACE(want.what);
    ASSERT_TRUE(by_what.count(want.what)) << "no such cluster";
    const store::Cluster& c = *by_what[want.what];
    EXPECT_EQ(c.outlets, want.outlets);
    EXPECT_EQ(c.claimants, want.claimants);
    EXPECT_EQ(c.events, want.events);
    std::vector<std::string> members, flags;
    for (const auto& s : c.sources) members.push_back(s.event_id);
    for (const auto& x : c.contradictions) {
      std::string ids;
      for (const auto& id : x.event_ids) ids += (ids.empty() ? "" : ",") + id;
      flags.push_back(x.kind + ":" + x.subject + "=" + ids);
    }
    EXPECT_EQ(members, want.members);
    EXPECT_EQ(flags, want.flags);
  }
  // Any other cluster is a lone reading of background sentences: one outlet, no flag.
  for (const auto& c : *clusters) {
    bool expected = false;
    for (const auto& want : kExpected) expected |= want.what == What(c);
    if (expected) continue;
    EXPECT_EQ(c.outlets, 1) << What(c);
    EXPECT_TRUE(c.contradictions.empty()) << What(c);
  }
  // The newspaper's copy of the agency story is recognised as such.
  auto copies = (*two)->DocumentCopies("daily-idlib-0212");
  ASSERT_TRUE(copies.ok());
  ASSERT_EQ(copies->size(), 1u);
  EXPECT_EQ((*copies)[0].original_id, "wire-idlib-0211");

  // One run over both files gives the same clusters.
  auto one = store::Store::OpenSqlite(dir / "one.db", {});
  ASSERT_TRUE(one.ok());
  Ingest(**one, {"idlib_2020_a.jsonl", "idlib_2020_b.jsonl"});
  auto d1 = (*one)->ClusterDigest(), d2 = (*two)->ClusterDigest();
  ASSERT_TRUE(d1.ok() && d2.ok());
  EXPECT_EQ(*d1, *d2);
}

}  // namespace
}  // namespace vigie::fuse

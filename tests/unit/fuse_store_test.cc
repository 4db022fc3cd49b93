// Fusion over the SQLite store: cluster tables written and queried (filters, sources,
// copies), incremental updates equal to a full recompute (new documents, replaced
// documents), migration of a version-1 file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include "core/hash.h"
#include "fuse/update.h"
#include "fuse_testing.h"
#include "store/store.h"
#include "store_testing.h"

namespace vigie::fuse {
namespace {

using store::testing::TempDir;

// Distinct news-like text per document (long enough to be signed), or the text of `copy`.
std::string TextFor(const std::string& doc) {
  static const char* const kWords[] = {
      "forces", "town",    "said",   "killed", "civilians", "shelling", "monitor", "army",
      "rebels", "village", "attack", "night",  "district",  "hospital", "convoy",  "aid"};
  std::string s;
  uint64_t h = core::Hash64(doc);
  for (int i = 0; i < 40; ++i) {
    h = core::Hash64(std::to_string(h));
    s += kWords[h % 16];
    s += i % 9 == 8 ? ". " : " ";
  }
  return s;
}

store::DocumentEntry Doc(const std::string& id, std::vector<EventRecord> events,
                         const std::string& text = "") {
  store::DocumentEntry e;
  e.doc.id = id;
  e.doc.url = "https://news.example/" + id;
  e.doc.outlet = "Outlet " + std::to_string(core::Hash64(id) % 5);
  e.doc.title = "Report " + id;
  e.doc.date = events.empty() || !events[0].date ? "2020-01-01" : events[0].date->start;
  e.doc.raw = e.clean_text = text.empty() ? TextFor(id) : text;
  e.pipeline_version = "test";
  e.language = "en";
  e.events = std::move(events);
  return e;
}

// Generated records grouped into documents (one event each).
std::vector<store::DocumentEntry> Docs(int64_t happenings, uint64_t seed, int64_t first_doc) {
  std::vector<store::DocumentEntry> out;
  for (auto& e : testing::Generate(happenings, seed, first_doc)) {
    std::string doc = e.doc_id;
    out.push_back(Doc(doc, {std::move(e)}));
  }
  return out;
}

std::unique_ptr<store::Store> Open(const std::string& path, bool read_only = false) {
  auto s = store::Store::OpenSqlite(path, {read_only});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

void Put(store::Store& s, std::vector<store::DocumentEntry> docs) {
  store::DocumentBatch b;
  b.docs = std::move(docs);
  ASSERT_TRUE(s.Put(b).ok());
}

std::string Digest(store::Store& s) {
  auto d = s.ClusterDigest();
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? *d : "";
}

TEST(FuseStoreTest, IncrementalEqualsFullRecompute) {
  TempDir dir("fuse-incremental");
  auto batch1 = Docs(300, 1, 0), batch2 = Docs(300, 2, 10000), batch3 = Docs(100, 1, 20000);
  // batch3 repeats batch1's happenings under new documents: they join existing clusters.
  auto inc = Open(dir / "inc.db");
  Put(*inc, batch1);
  auto s1 = UpdateClusters(*inc, {});
  ASSERT_TRUE(s1.ok()) << s1.status().ToString();
  EXPECT_EQ(s1->new_events, static_cast<int64_t>(batch1.size()));
  Put(*inc, batch2);
  ASSERT_TRUE(UpdateClusters(*inc, {}).ok());
  Put(*inc, batch3);
  auto s3 = UpdateClusters(*inc, {});
  ASSERT_TRUE(s3.ok());
  EXPECT_GT(s3->clusters_removed, 0);  // some old clusters gained members
  EXPECT_LT(s3->events_regrouped,
            static_cast<int64_t>(batch1.size() + batch2.size()));  // not everything
  // A document replaced by other content: its old events leave their clusters.
  auto replaced = batch1[0];
  replaced.events[0].type = "protest";
  replaced.events[0].event_id = replaced.doc.id + "#1";
  replaced.doc.raw += " Updated.";
  Put(*inc, {replaced});
  auto pending = inc->PendingFusion();
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->event_ids, std::vector<std::string>{replaced.events[0].event_id});
  ASSERT_TRUE(UpdateClusters(*inc, {}).ok());
  // Nothing left to do: a second update is a no-op.
  auto idle = UpdateClusters(*inc, {});
  ASSERT_TRUE(idle.ok());
  EXPECT_EQ(idle->clusters_written, 0);

  auto full = Open(dir / "full.db");
  std::vector<store::DocumentEntry> all = batch1;
  all[0] = replaced;
  all.insert(all.end(), batch2.begin(), batch2.end());
  all.insert(all.end(), batch3.begin(), batch3.end());
  Put(*full, all);
  ASSERT_TRUE(UpdateClusters(*full, {}).ok());
  EXPECT_EQ(Digest(*inc), Digest(*full));
  auto counts = full->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_GT(counts->clusters, 0);
  EXPECT_LT(counts->clusters, counts->events);

  UpdateOptions rebuild;
  rebuild.rebuild = true;
  ASSERT_TRUE(UpdateClusters(*inc, rebuild).ok());
  EXPECT_EQ(Digest(*inc), Digest(*full));
}

TEST(FuseStoreTest, QueriesSourcesAndCopies) {
  TempDir dir("fuse-query");
  auto s = Open(dir / "q.db");
  using testing::Actor;
  using testing::Ev;
  using testing::Q;
  auto a = Ev("wire#1", "territory_change", "2016-12-07", 36.2, 37.16);
  a.subtype = "taken";
  a.actor1 = Actor("state_forces", "Syrian Arab Army");
  a.quantities = {Q("places", 50, "exact", "neighbourhood")};
  auto b = a, copy = a;
  b.event_id = "ngo#1", b.doc_id = "ngo";
  b.quantities = {Q("places", 40, "exact", "neighbourhood")};
  b.claimant = Actor("igo_ngo", "Syrian Observatory for Human Rights");
  copy.event_id = "paper#1", copy.doc_id = "paper";
  auto far = Ev("far#1", "shelling", "2017-03-01", 33.5, 36.3);
  std::string wire_text = TextFor("wire");
  auto wire = Doc("wire", {a}, wire_text),
       paper = Doc("paper", {copy}, wire_text + " Reporting by the wire.");
  wire.doc.outlet = "Wire", paper.doc.outlet = "Paper";
  wire.doc.date = "2016-12-07", paper.doc.date = "2016-12-08";
  auto ngo = Doc("ngo", {b});
  ngo.doc.outlet = "NGO";
  Put(*s, {wire, paper, ngo, Doc("far", {far})});
  auto stats = UpdateClusters(*s, {});
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->copies, 1);

  auto all = s->QueryClusters(store::ClusterFilter{});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  const store::Cluster& c = (*all)[0];  // by date: 2016 first
  EXPECT_EQ(c.cluster_id, ClusterId({"ngo#1"}));
  EXPECT_EQ(c.events, 3);
  EXPECT_EQ(c.outlets, 2);
  EXPECT_EQ(c.claimants, 2);
  ASSERT_EQ(c.contradictions.size(), 1u);
  EXPECT_EQ(c.contradictions[0].kind, "quantity");
  EXPECT_TRUE(c.sources.empty());  // only with with_sources

  store::ClusterFilter f;
  f.near = store::Near{36.2, 37.16, 10};
  f.with_sources = true;
  auto near = s->QueryClusters(f);
  ASSERT_TRUE(near.ok());
  ASSERT_EQ(near->size(), 1u);
  ASSERT_EQ((*near)[0].sources.size(), 3u);
  EXPECT_EQ((*near)[0].sources[1].event_id, "paper#1");
  EXPECT_EQ((*near)[0].sources[1].copy_of, "wire");
  EXPECT_EQ((*near)[0].sources[1].outlet, "Paper");

  auto count = [&](store::ClusterFilter g) {
    auto r = s->QueryClusters(g);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->size() : 0u;
  };
  store::ClusterFilter g;
  g.type = "shelling";
  EXPECT_EQ(count(g), 1u);
  g = {};
  g.from = "2017-01";
  EXPECT_EQ(count(g), 1u);
  g = {};
  g.min_outlets = 2;
  EXPECT_EQ(count(g), 1u);
  g = {};
  g.contradicted = true;
  EXPECT_EQ(count(g), 1u);
  g = {};
  g.claimant = "igo_ngo";
  EXPECT_EQ(count(g), 1u);
  g = {};
  g.outlet = "paper";
  EXPECT_EQ(count(g), 1u);
  g = {};
  g.actor = "Syrian Arab Army";
  g.type = "shelling";
  EXPECT_EQ(count(g), 0u);
  g = {};
  g.limit = 1;
  g.offset = 1;
  auto page = s->QueryClusters(g);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].type, "shelling");

  auto one = s->GetCluster(c.cluster_id);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->sources.size(), 3u);
  EXPECT_EQ(one->quantities.size(), 2u);
  EXPECT_EQ(s->GetCluster("c0000000000000000").status().code(), StatusCode::kNotFound);
  auto of = s->ClusterOfEvent("paper#1");
  ASSERT_TRUE(of.ok());
  EXPECT_EQ(*of, c.cluster_id);
  auto copies = s->DocumentCopies("wire");
  ASSERT_TRUE(copies.ok());
  ASSERT_EQ(copies->size(), 1u);
  EXPECT_EQ((*copies)[0].doc_id, "paper");
  EXPECT_GE((*copies)[0].similarity, 0.6);
}

TEST(FuseStoreTest, VersionOneFileMigrates) {
  if (std::system("sqlite3 -version > /dev/null 2>&1") != 0) GTEST_SKIP() << "no sqlite3 command";
  TempDir dir("fuse-migrate");
  const std::string path = dir / "old.db";
  {
    auto s = Open(path);
    Put(*s, Docs(20, 5, 0));
  }
  // Make it what version 1 wrote: no cluster tables.
  const char* drop =
      "DROP TRIGGER events_fusion_delete; DROP TRIGGER documents_fusion_delete; DROP TABLE clusters_rtree; "
      "DROP TABLE clusters; DROP TABLE cluster_members; DROP TABLE cluster_flags; DROP TABLE "
      "document_copies; "
      "DROP TABLE document_signatures; DROP TABLE document_bands; DROP TABLE fusion_dirty; DROP "
      "TABLE fusion_new_event_keys; "
      "DROP TABLE fusion_unsigned_doc_keys; PRAGMA user_version=1;";
  ASSERT_EQ(std::system(("sqlite3 '" + path + "' '" + drop + "'").c_str()), 0);
  {
    // Opening it, even to read, upgrades the schema: no clusters yet, but no error.
    auto ro = Open(path, true);
    ASSERT_NE(ro, nullptr);
    auto q = ro->QueryClusters(store::ClusterFilter{});
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    EXPECT_TRUE(q->empty());
    auto n = ro->Count();
    ASSERT_TRUE(n.ok());
    EXPECT_GT(n->events, 0);
    EXPECT_EQ(n->clusters, 0);
  }
  auto s = Open(path);
  auto stats = UpdateClusters(*s, {});
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->new_events,
            static_cast<int64_t>(testing::Generate(20, 5, 0).size()));  // every stored event
  auto q = s->QueryClusters(store::ClusterFilter{});
  ASSERT_TRUE(q.ok());
  EXPECT_FALSE(q->empty());
}

}  // namespace
}  // namespace vigie::fuse

// The store's read queries for the API: event counts and pages, one event, the events of
// one document, timeline aggregates, outlets with their framing labels, document lists.
#include <gtest/gtest.h>

#include "serve_testing.h"
#include "store/store.h"

namespace vigie::store {
namespace {

class StoreReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    serve::testing::WriteFixture(dir_ / "read.db");
    auto s = Store::OpenSqlite(dir_ / "read.db", {.read_only = true});
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
  }
  std::vector<std::string> Ids(const EventFilter& f) {
    std::vector<std::string> out;
    auto rows = store_->QueryEvents(f);
    EXPECT_TRUE(rows.ok());
    for (const auto& r : *rows) out.push_back(r.json.substr(r.json.find("\"event_id\":\"") + 12, 7));
    return out;
  }
  testing::TempDir dir_{"vigie-store-read"};
  std::unique_ptr<Store> store_;
};

using V = std::vector<std::string>;

TEST_F(StoreReadTest, CountAndPages) {
  EventFilter f;
  EXPECT_EQ(*store_->CountEvents(f), 3);
  f.type = "shelling";
  EXPECT_EQ(*store_->CountEvents(f), 2);
  f.limit = 5;  // ignored by the count
  f.offset = 1;
  EXPECT_EQ(*store_->CountEvents(f), 2);
  EXPECT_EQ(Ids(f), V{"doc-b#1"});
  EventFilter all;
  all.offset = 2;  // an offset without a limit
  EXPECT_EQ(Ids(all), V{"doc-c#1"});
  EventFilter bad;
  bad.text = "\"open";
  EXPECT_EQ(store_->CountEvents(bad).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(StoreReadTest, OneEventAndOneDocument) {
  EventFilter f;
  f.event_id = "doc-b#1";
  EXPECT_EQ(Ids(f), V{"doc-b#1"});
  EventFilter d;
  d.doc_id = "doc-c";
  EXPECT_EQ(Ids(d), V{"doc-c#1"});
  d.doc_id = "none";
  EXPECT_EQ(Ids(d), V{});
}

TEST_F(StoreReadTest, Timeline) {
  EventFilter f;
  auto t = store_->QueryTimeline(f);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->buckets.size(), 2u);
  EXPECT_EQ(t->buckets[0].day, "2016-12-07");
  EXPECT_EQ(t->buckets[0].type, "shelling");
  EXPECT_EQ(t->buckets[0].count, 2);
  EXPECT_EQ(t->buckets[1].day, "2024-03-02");
  EXPECT_EQ(t->undated, 0);
  f.lang = "en";
  EXPECT_EQ(store_->QueryTimeline(f)->buckets.size(), 1u);
}

TEST_F(StoreReadTest, OutletsWithLabels) {
  auto outlets = store_->ListOutlets();
  ASSERT_TRUE(outlets.ok());
  ASSERT_EQ(outlets->size(), 2u);
  const OutletSummary& a = (*outlets)[0];
  EXPECT_EQ(a.outlet, "Agence Test");
  EXPECT_EQ(a.documents, 2);
  EXPECT_EQ(a.events, 2);
  ASSERT_EQ(a.labels.size(), 2u);  // actor1 "terroristes" (doc-a), actor2 "des rebelles" (doc-c)
  EXPECT_EQ(a.labels[0].actor_class, "armed_opposition");
  EXPECT_EQ(a.labels[0].label, "rebel");
  EXPECT_EQ(a.labels[0].texts, V{"des rebelles"});
  EXPECT_EQ(a.labels[1].label, "terrorist");
  EXPECT_EQ(a.labels[1].texts, V{"Les terroristes"});
  const OutletSummary& b = (*outlets)[1];
  EXPECT_EQ(b.outlet, "Wire Sample");
  ASSERT_EQ(b.labels.size(), 1u);
  EXPECT_EQ(b.labels[0].label, "rebel");
  EXPECT_EQ(b.labels[0].count, 1);
}

TEST_F(StoreReadTest, DocumentList) {
  DocumentQuery q;
  auto docs = store_->ListDocuments(q);
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 3u);
  EXPECT_EQ((*docs)[0].id, "doc-a");  // by date, then id
  EXPECT_EQ((*docs)[0].event_count, 1);
  EXPECT_EQ((*docs)[2].id, "doc-c");
  q.outlet = "agence test";
  q.limit = 1;
  q.offset = 1;
  docs = store_->ListDocuments(q);
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].id, "doc-c");
  q = DocumentQuery{};
  q.lang = "en";
  EXPECT_EQ(store_->ListDocuments(q)->size(), 1u);
}

}  // namespace
}  // namespace vigie::store

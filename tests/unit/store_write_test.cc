// The store's write path since schema 5: mentions packed per document, full-text rows
// written last in a batch, no insert triggers; and the upgrade of a schema 4 file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "store/store.h"
#include "store/store_internal.h"
#include "store_testing.h"

namespace vigie::store {
namespace {

using testing::MakeEvent;
using testing::TempDir;

DocumentEntry Doc(const std::string& id, const std::string& text, int events) {
  DocumentEntry e;
  e.doc.id = id;
  e.doc.outlet = "Agence A";
  e.doc.title = "Titre " + id;
  e.doc.date = "2016-12-08";
  e.doc.raw = e.clean_text = text;
  e.pipeline_version = "test-1";
  e.language = "fr";
  for (int i = 0; i < events; ++i) e.events.push_back(MakeEvent(id, i));
  e.mentions.push_back({"place", "Alep", 30, 34, "{\"geonameid\":170063}"});
  e.mentions.push_back({"date", "jeudi", 0, 5, "{\"start\":\"2016-12-08\"}"});
  return e;
}

std::unique_ptr<Store> Open(const std::string& path, bool read_only = false) {
  auto s = Store::OpenSqlite(path, {read_only});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

std::vector<std::string> TextMatches(Store& s, const std::string& query) {
  EventFilter f;
  f.text = query;
  std::vector<std::string> docs;
  auto rows = s.QueryEvents(f);
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (rows.ok())
    for (const auto& r : *rows) docs.push_back(r.json.substr(r.json.find("\"doc_id\":\"") + 10, 2));
  return docs;
}

TEST(StoreWriteTest, PackedMentionsRoundTripAnyBytes) {
  std::vector<Mention> in = {
      {"place", std::string("A\0B\xff\xfe", 5), 1, 2, "{\"x\":1}"},
      {"", "", 0, 0, ""},
      {"quantity", std::string(100000, 'q'), 4000000000u, 4000000001u, "null"}};
  std::string packed = internal::PackMentions(in);
  std::vector<Mention> out;
  ASSERT_TRUE(internal::UnpackMentions(packed, &out));
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    EXPECT_EQ(out[i].kind, in[i].kind);
    EXPECT_EQ(out[i].text, in[i].text);
    EXPECT_EQ(out[i].value_json, in[i].value_json);
    EXPECT_EQ(out[i].start, in[i].start);
    EXPECT_EQ(out[i].end, in[i].end);
  }
  for (size_t cut = 1; cut < 30; ++cut) {  // truncated: refused, never read past the end
    std::vector<Mention> part;
    EXPECT_FALSE(
        internal::UnpackMentions(std::string_view(packed).substr(0, packed.size() - cut), &part))
        << cut;
  }
}

TEST(StoreWriteTest, MentionsComeBackInOffsetOrderAndCount) {
  TempDir dir("store-write-mentions");
  auto store = Open(dir / "a.db");
  DocumentBatch b;
  b.docs.push_back(Doc("d1", "jeudi, les forces sont entrées dans Alep.", 1));
  b.docs[0].mentions.push_back({"hashtag", "'; DROP TABLE documents; --", 30, 34, "{}"});
  ASSERT_TRUE(store->Put(b).ok());
  auto m = store->GetMentions("d1");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->size(), 3u);
  EXPECT_EQ((*m)[0].kind, "date");
  EXPECT_EQ((*m)[1].kind, "place");  // same offsets as the hashtag: given order kept
  EXPECT_EQ((*m)[2].text, "'; DROP TABLE documents; --");
  EXPECT_EQ(store->Count()->mentions, 3);
  EXPECT_TRUE(store->GetMentions("absent")->empty());
  b.docs[0].mentions.clear();  // replaced with none
  b.docs[0].doc.raw += " ";
  ASSERT_TRUE(store->Put(b).ok());
  EXPECT_TRUE(store->GetMentions("d1")->empty());
  EXPECT_EQ(store->Count()->mentions, 0);
}

TEST(StoreWriteTest, FullTextFollowsReplacementsAcrossBatches) {
  TempDir dir("store-write-fts");
  auto store = Open(dir / "a.db");
  for (int batch = 0; batch < 3; ++batch) {
    DocumentBatch b;
    for (int i = 0; i < 4; ++i) {
      std::string id = "d" + std::to_string(batch * 4 + i);
      b.docs.push_back(
          Doc(id, "Bombardements sur Alep, quartier " + std::to_string(batch * 4 + i) + ".", 1));
    }
    ASSERT_TRUE(store->Put(b).ok());
  }
  EXPECT_EQ(TextMatches(*store, "bombardements").size(), 12u);
  // d1 replaced by a text without the word, d2 given twice in one batch: the last wins.
  DocumentBatch b;
  b.docs.push_back(Doc("d1", "Des pourparlers ont repris à Genève.", 1));
  b.docs.push_back(Doc("d2", "Première version, Genève.", 1));
  b.docs.push_back(Doc("d2", "Seconde version, Genève.", 2));
  ASSERT_TRUE(store->Put(b).ok());
  EXPECT_EQ(TextMatches(*store, "bombardements").size(), 10u);
  EXPECT_EQ(TextMatches(*store, "geneve").size(), 3u);  // d1's event, d2's two events
  EXPECT_EQ(TextMatches(*store, "seconde").size(), 2u);
  EXPECT_TRUE(TextMatches(*store, "premiere").empty());
  auto d2 = store->GetDocument("d2");
  ASSERT_TRUE(d2.ok());
  EXPECT_EQ(d2->event_count, 2);
  EXPECT_EQ(store->Count()->documents, 12);
  auto pending = store->PendingFusion();
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->event_ids.size(), 13u);  // every stored event, once
  EXPECT_EQ(pending->unsigned_docs.size(), 12u);
}

TEST(StoreWriteTest, SchemaFourFileUpgrades) {
  if (std::system("sqlite3 -version > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "sqlite3 shell not installed";
  TempDir dir("store-write-v4");
  const std::string path = dir / "a.db";
  std::string digest;
  {
    auto store = Open(path);
    DocumentBatch b;
    b.docs.push_back(Doc("d1", "jeudi, les forces sont entrées dans Alep.", 2));
    ASSERT_TRUE(store->Put(b).ok());
    digest = *store->Digest();
  }
  // What schema 4 had: one row per mention, and insert triggers.
  const std::string v4 =
      "CREATE TABLE mentions(doc_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, text "
      "TEXT, "
      "start INTEGER, end INTEGER, value TEXT, PRIMARY KEY(doc_id, seq)) WITHOUT ROWID;"
      "INSERT INTO mentions VALUES ('d1', 0, 'place', 'Alep', 30, 34, '{\"geonameid\":170063}');"
      "INSERT INTO mentions VALUES ('d1', 1, 'date', 'jeudi', 0, 5, '{\"start\":\"2016-12-08\"}');"
      "DROP TABLE document_mentions;"
      "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN INSERT INTO "
      "documents_fts(rowid, "
      "title, clean) VALUES (new.doc_key, new.title, new.clean); END;"
      "CREATE TRIGGER events_fusion_insert AFTER INSERT ON events BEGIN INSERT OR IGNORE INTO "
      "fusion_new_events "
      "VALUES (new.event_id); END;"
      "PRAGMA user_version=4;";
  const std::string script = dir / "v4.sql";
  std::ofstream(script) << v4;
  ASSERT_EQ(std::system(("sqlite3 '" + path + "' < '" + script + "'").c_str()), 0);
  {
    auto ro = Open(path, true);  // upgraded on opening, even to read
    ASSERT_NE(ro, nullptr);
    auto m = ro->GetMentions("d1");
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    ASSERT_EQ(m->size(), 2u);
    EXPECT_EQ((*m)[0].text, "jeudi");
    EXPECT_EQ((*m)[1].value_json, "{\"geonameid\":170063}");
    EXPECT_EQ(ro->Count()->mentions, 2);
    EXPECT_EQ(*ro->Digest(), digest);  // same content, same digest across the upgrade
  }
  auto rw = Open(path);
  DocumentBatch b;
  b.docs.push_back(Doc("d2", "Bombardements sur Alep.", 1));
  ASSERT_TRUE(rw->Put(b).ok());
  EXPECT_EQ(TextMatches(*rw, "bombardements").size(), 1u);
  EXPECT_EQ(rw->PendingFusion()->event_ids.size(), 3u);
  const std::string out = dir / "triggers.txt";
  ASSERT_EQ(std::system(("sqlite3 '" + path +
                         "' \"SELECT group_concat(name) FROM sqlite_schema WHERE type = " +
                         "'trigger' AND name IN ('documents_fts_insert', 'events_fusion_insert', " +
                         "'documents_fusion_insert', 'spots_rtree_insert')\" > '" + out + "'")
                            .c_str()),
            0);
  std::string triggers;
  std::getline(std::ifstream(out), triggers);
  EXPECT_EQ(triggers, "");  // the insert triggers are gone
}

}  // namespace
}  // namespace vigie::store

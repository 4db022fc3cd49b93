// The store's write path since schema 5: mentions packed per document, full-text rows
// written last in a batch, no insert triggers; the upgrade of a schema 4 file; schema 6's
// integer day keys and the upgrade of a schema 5 file; schema 7's fusion queues keyed by
// row keys and the upgrade of a schema 6 file.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "core/event_json.h"
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

TEST(StoreWriteTest, DayKeysOrderAsTheIsoText) {
  using internal::DayKey;
  EXPECT_EQ(DayKey("2016-12-31"), 20161231);
  EXPECT_EQ(DayKey("0001-01-01"), 10101);
  EXPECT_EQ(DayKey("2016-02-31"), 20160231);  // DateHi's month end: kept as written
  EXPECT_EQ(DayKey("2016-12"), -1);
  EXPECT_EQ(DayKey("2016-1x-01"), -1);
  EXPECT_EQ(DayKey("2016/12/01"), -1);
  EXPECT_EQ(DayKey(""), -1);
  EXPECT_EQ(DayKey("2016-12-011"), -1);
  // Oracle: the order of the keys is the order of the text, on generated days.
  std::vector<std::string> days;
  for (int y : {999, 1999, 2016}) {
    for (int m : {1, 9, 10, 12}) {
      for (int d : {1, 9, 10, 31}) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        days.push_back(buf);
      }
    }
  }
  for (const auto& a : days)
    for (const auto& b : days) EXPECT_EQ(a < b, DayKey(a) < DayKey(b)) << a << " " << b;
}

// Events with coarse and odd dates: month and year precision, an end before the start,
// no date, a start that is not an ISO date.
DocumentEntry OddDates() {
  DocumentEntry e = Doc("d9", "Des combats ont eu lieu.", 5);
  e.events[0].date = EventDate{"2016-12", "2016-12", "month", "explicit", "en décembre"};
  e.events[1].date = EventDate{"2015", "", "year", "explicit", "en 2015"};
  e.events[2].date.reset();
  e.events[3].date = EventDate{"2016-W50", "", "week", "explicit", "semaine 50"};
  e.events[4].date = EventDate{"2017-03-02", "2017-03-05", "day", "explicit", "du 2 au 5 mars"};
  return e;
}

std::set<std::string> Ids(Store& s, const EventFilter& f) {
  std::set<std::string> ids;
  auto rows = s.QueryEvents(f);
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (rows.ok())
    for (const auto& r : *rows) ids.insert(core::EventFromJson(r.json)->event_id);
  return ids;
}

TEST(StoreWriteTest, TimeFiltersUseDayKeys) {
  TempDir dir("store-write-days");
  auto store = Open(dir / "a.db");
  DocumentBatch b;
  b.docs.push_back(OddDates());
  ASSERT_TRUE(store->Put(b).ok());
  EventFilter f;
  f.from = "2016-12-15", f.to = "2016-12-20";
  EXPECT_EQ(Ids(*store, f), (std::set<std::string>{"d9#1"}));  // December 2016 overlaps
  f.from = "2015-06", f.to = "2015-06";
  EXPECT_EQ(Ids(*store, f), (std::set<std::string>{"d9#2"}));  // the year 2015 overlaps
  f.from = "2017-03-04", f.to = "2017";
  EXPECT_EQ(Ids(*store, f), (std::set<std::string>{"d9#5"}));
  f.from = "", f.to = "2016";
  EXPECT_EQ(Ids(*store, f), (std::set<std::string>{"d9#1", "d9#2"}));  // no key: no match
  f = {};
  EXPECT_EQ(Ids(*store, f).size(), 5u);  // no time filter: every event
}

TEST(StoreWriteTest, SchemaFiveFileUpgrades) {
  if (std::system("sqlite3 -version > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "sqlite3 shell not installed";
  TempDir dir("store-write-v5");
  const std::string path = dir / "a.db";
  std::string digest;
  std::vector<EventFilter> filters(5);
  filters[0].from = "2016-12-15", filters[0].to = "2016-12-20";
  filters[1].from = "2012", filters[1].to = "2018-06";
  filters[2].to = "2016";
  filters[3].from = "2014", filters[3].bbox = BBox{-180, -90, 180, 90};
  filters[4].starts_from = "2016-12-01";
  std::vector<std::set<std::string>> before;
  {
    auto store = Open(path);
    DocumentBatch b;
    b.docs.push_back(OddDates());
    for (int i = 0; i < 8; ++i) b.docs.push_back(Doc("e" + std::to_string(i), "Combats à Alep.", 6));
    ASSERT_TRUE(store->Put(b).ok());
    digest = *store->Digest();
    for (const auto& f : filters) before.push_back(Ids(*store, f));
  }
  // What schema 5 had: text day bounds in the three time indexes, no day keys.
  const std::string v5 =
      "DROP INDEX events_days; DROP INDEX events_type_days; DROP INDEX events_spot_days_type;"
      "ALTER TABLE events DROP COLUMN day_lo; ALTER TABLE events DROP COLUMN day_hi;"
      "CREATE INDEX events_date ON events(date_lo, date_hi);"
      "CREATE INDEX events_type_date ON events(type, date_lo);"
      "CREATE INDEX events_spot_time_type ON events(spot_key, date_lo, date_hi, type);"
      "PRAGMA user_version=5;";
  const std::string script = dir / "v5.sql";
  std::ofstream(script) << v5;
  ASSERT_EQ(std::system(("sqlite3 '" + path + "' < '" + script + "'").c_str()), 0);
  {
    auto ro = Open(path, true);  // upgraded on opening, even to read
    ASSERT_NE(ro, nullptr);
    EXPECT_EQ(*ro->Digest(), digest);
    for (size_t i = 0; i < filters.size(); ++i) EXPECT_EQ(Ids(*ro, filters[i]), before[i]) << "filter " << i;
  }
  const std::string out = dir / "schema.txt";
  ASSERT_EQ(std::system(("sqlite3 '" + path +
                         "' \"PRAGMA user_version; SELECT group_concat(name, ',') FROM (SELECT name FROM "
                         "sqlite_schema WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY "
                         "name); SELECT count(*) FROM events WHERE day_lo IS NOT replace(date_lo, '-', '') + 0 "
                         "AND date_lo GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'\" > '" +
                         out + "'")
                            .c_str()),
            0);
  std::ifstream in(out);
  std::string version, indexes, wrong;
  std::getline(in, version);
  std::getline(in, indexes);
  std::getline(in, wrong);
  EXPECT_EQ(version, "8");  // the current schema
  EXPECT_EQ(indexes, "events_days,events_doc,events_spot_days_type,events_type_days");
  EXPECT_EQ(wrong, "0");
  // Written after the upgrade: found by the same filters.
  auto rw = Open(path);
  DocumentBatch b;
  b.docs.push_back(Doc("f1", "Bombardements sur Alep.", 3));
  ASSERT_TRUE(rw->Put(b).ok());
  EventFilter all;
  all.from = "1900", all.to = "2100";
  EXPECT_EQ(Ids(*rw, all).size(), 8u * 6 + 3 + 3);  // every event with an ISO day (d9: 3 of 5)
}

// Schema 7 keys what fusion has yet to see by row keys: a schema 6 file's text-keyed
// queues are converted (what was pending stays pending, what was not stays out), and
// replacements and new documents keep them right afterwards.
TEST(StoreWriteTest, SchemaSixFileUpgrades) {
  if (std::system("sqlite3 -version > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "sqlite3 shell not installed";
  TempDir dir("store-write-v6");
  const std::string path = dir / "a.db";
  std::string digest;
  {
    auto store = Open(path);
    DocumentBatch b;
    for (int i = 0; i < 6; ++i) b.docs.push_back(Doc("e" + std::to_string(i), "Combats à Alep.", 4));
    ASSERT_TRUE(store->Put(b).ok());
    digest = *store->Digest();
    auto p = store->PendingFusion();
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    EXPECT_EQ(p->event_ids.size(), 24u);
    EXPECT_EQ(p->unsigned_docs.size(), 6u);
  }
  // What schema 6 had: queues keyed by text ids, emptied by triggers. e1's events and
  // document e2 are left out, as if fusion had seen them.
  const std::string v6 =
      "CREATE TABLE fusion_new_events(event_id TEXT PRIMARY KEY) WITHOUT ROWID;"
      "CREATE TABLE fusion_unsigned_docs(doc_id TEXT PRIMARY KEY) WITHOUT ROWID;"
      "INSERT INTO fusion_new_events SELECT e.event_id FROM fusion_new_event_keys f JOIN events e "
      "  ON e.event_key = f.event_key WHERE e.doc_id <> 'e1';"
      "INSERT INTO fusion_unsigned_docs SELECT d.id FROM fusion_unsigned_doc_keys u JOIN documents d "
      "  ON d.doc_key = u.doc_key WHERE d.id <> 'e2';"
      "DROP TRIGGER events_fusion_delete; DROP TRIGGER documents_fusion_delete;"
      "CREATE TRIGGER events_fusion_delete AFTER DELETE ON events BEGIN "
      "  INSERT OR IGNORE INTO fusion_dirty SELECT cluster_id FROM cluster_members WHERE event_id = old.event_id;"
      "  DELETE FROM cluster_members WHERE event_id = old.event_id;"
      "  DELETE FROM fusion_new_events WHERE event_id = old.event_id; END;"
      "CREATE TRIGGER documents_fusion_delete AFTER DELETE ON documents BEGIN "
      "  DELETE FROM document_signatures WHERE doc_id = old.id;"
      "  DELETE FROM document_bands WHERE doc_id = old.id;"
      "  DELETE FROM document_copies WHERE doc_id = old.id OR original_id = old.id;"
      "  DELETE FROM fusion_unsigned_docs WHERE doc_id = old.id; END;"
      "DROP TABLE fusion_new_event_keys; DROP TABLE fusion_unsigned_doc_keys;"
      "PRAGMA user_version=6;";
  const std::string script = dir / "v6.sql";
  std::ofstream(script) << v6;
  ASSERT_EQ(std::system(("sqlite3 '" + path + "' < '" + script + "'").c_str()), 0);
  auto docs_of = [](const std::vector<std::string>& event_ids) {
    std::multiset<std::string> docs;
    for (const auto& id : event_ids) docs.insert(id.substr(0, id.find('#')));
    return docs;
  };
  {
    auto ro = Open(path, true);  // upgraded on opening, even to read
    ASSERT_NE(ro, nullptr);
    EXPECT_EQ(*ro->Digest(), digest);
    auto p = ro->PendingFusion();
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    EXPECT_EQ(p->event_ids.size(), 20u);
    EXPECT_EQ(docs_of(p->event_ids).count("e1"), 0u);
    EXPECT_EQ(p->unsigned_docs, (std::vector<std::string>{"e0", "e1", "e3", "e4", "e5"}));
  }
  const std::string out = dir / "schema.txt";
  ASSERT_EQ(std::system(("sqlite3 '" + path +
                         "' \"PRAGMA user_version; SELECT group_concat(name, ',') FROM (SELECT name FROM "
                         "sqlite_schema WHERE name LIKE 'fusion_%' ORDER BY name)\" > '" + out + "'")
                            .c_str()),
            0);
  std::ifstream in(out);
  std::string version, tables;
  std::getline(in, version);
  std::getline(in, tables);
  EXPECT_EQ(version, "8");  // the current schema
  EXPECT_EQ(tables, "fusion_dirty,fusion_new_event_keys,fusion_unsigned_doc_keys");
  // After the upgrade: a replaced document's old events leave the queue and its new ones
  // enter it (e1 had been seen, e3 had not); a new document enters both queues.
  auto rw = Open(path);
  DocumentBatch b;
  b.docs.push_back(Doc("e1", "Combats à Alep, bilan revu.", 2));
  b.docs.push_back(Doc("e3", "Combats à Alep, bilan revu.", 1));
  b.docs.push_back(Doc("f1", "Bombardements sur Alep.", 3));
  ASSERT_TRUE(rw->Put(b).ok());
  auto p = rw->PendingFusion();
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  const auto docs = docs_of(p->event_ids);
  EXPECT_EQ(docs.count("e0"), 4u);
  EXPECT_EQ(docs.count("e1"), 2u);
  EXPECT_EQ(docs.count("e2"), 4u);
  EXPECT_EQ(docs.count("e3"), 1u);
  EXPECT_EQ(docs.count("f1"), 3u);
  EXPECT_EQ(p->event_ids.size(), 4u * 4 + 2 + 1 + 3);
  EXPECT_EQ(p->unsigned_docs, (std::vector<std::string>{"e0", "e1", "e3", "e4", "e5", "f1"}));
}

}  // namespace
}  // namespace vigie::store

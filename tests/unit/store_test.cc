// The SQLite store: schema, round trips, replacement, filters, hostile values, damaged
// files, concurrent readers.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

#include "core/event_json.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "store_testing.h"

namespace vigie::store {
namespace {

using testing::MakeEvent;
using testing::TempDir;

DocumentEntry MakeDoc(const std::string& id, int events, const std::string& text = "Les forces ont repris Alep-Est.") {
  DocumentEntry e;
  e.doc.id = id;
  e.doc.url = "https://example.org/" + id;
  e.doc.outlet = id.size() % 2 ? "Agence A" : "Wire B";
  e.doc.title = "Titre " + id;
  e.doc.date = "2016-12-08";
  e.doc.raw = text;
  e.doc.origin = {"corpus.jsonl", 7};
  e.pipeline_version = "test-1";
  e.clean_text = text;
  e.language = "fr";
  e.language_confidence = 0.9;
  for (int i = 0; i < events; ++i) e.events.push_back(MakeEvent(id, i));
  e.mentions.push_back({"place", "Alep-Est", 22, 30, "{\"geonameid\":170063}"});
  return e;
}

std::unique_ptr<Store> Open(const std::string& path, bool read_only = false) {
  auto s = Store::OpenSqlite(path, {read_only});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

TEST(StoreTest, RoundTripKeepsJsonVerbatim) {
  TempDir dir("store-roundtrip");
  auto store = Open(dir / "a.db");
  DocumentBatch batch;
  batch.docs.push_back(MakeDoc("d1", 3));
  batch.errors.push_back({"bad.jsonl", 4, "error", "malformed JSON", ""});
  ASSERT_TRUE(store->Put(batch).ok());
  auto counts = store->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 1);
  EXPECT_EQ(counts->events, 3);
  EXPECT_EQ(counts->mentions, 1);
  EXPECT_EQ(counts->errors, 1);
  auto rows = store->QueryEvents(EventFilter{});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  std::set<std::string> want;
  for (const auto& e : batch.docs[0].events) want.insert(core::EventToJson(e));
  for (const auto& r : *rows) {
    EXPECT_TRUE(want.count(r.json)) << r.json;
    EXPECT_EQ(r.doc_url, "https://example.org/d1");
  }
  auto doc = store->GetDocument("d1");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->raw, batch.docs[0].doc.raw);
  EXPECT_EQ(doc->content_hash, ContentHash(batch.docs[0].doc));
  EXPECT_EQ(doc->origin_file, "corpus.jsonl");
  EXPECT_EQ(doc->origin_record, 7u);
  EXPECT_EQ(doc->event_count, 3);
  auto mentions = store->GetMentions("d1");
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 1u);
  EXPECT_EQ((*mentions)[0].value_json, "{\"geonameid\":170063}");
  auto errors = store->ListErrors(-1);
  ASSERT_TRUE(errors.ok());
  ASSERT_EQ(errors->size(), 1u);
  EXPECT_EQ((*errors)[0].file, "bad.jsonl");
  EXPECT_EQ((*errors)[0].record, 4u);
  EXPECT_FALSE((*errors)[0].run_time.empty());
}

TEST(StoreTest, SchemaVersionWalAndReopen) {
  TempDir dir("store-schema");
  std::string path = dir / "a.db";
  {
    auto store = Open(path);
    DocumentBatch b;
    b.docs.push_back(MakeDoc("d1", 1));
    ASSERT_TRUE(store->Put(b).ok());
  }
  EXPECT_TRUE(std::filesystem::exists(path));
  auto again = Open(path);  // already migrated: opens as is
  EXPECT_EQ(again->Count()->documents, 1);
  auto ro = Open(path, true);
  EXPECT_EQ(ro->Count()->events, 1);
}

TEST(StoreTest, WebPageIsKeptBesideTheExtractedText) {
  TempDir dir("store-page");
  std::string path = dir / "a.db";
  auto store = Open(path);
  DocumentBatch b;
  b.docs.push_back(MakeDoc("web", 1, "Les forces ont repris Alep-Est."));
  std::string page = "<html><body><nav>Accueil</nav><p>Les forces ont repris Alep-Est.</p>";
  for (int i = 0; i < 200; ++i)
    page += "<div class=\"pub\">Publicité " + std::to_string(i) + "</div>";
  page += "</body></html>";
  b.docs[0].doc.page = page;
  b.docs[0].doc.page_content_type = "text/html; charset=windows-1252";
  b.docs.push_back(MakeDoc("plain", 0));
  ASSERT_TRUE(store->Put(b).ok());
  auto web = store->GetDocument("web");
  ASSERT_TRUE(web.ok()) << web.status().ToString();
  EXPECT_EQ(web->raw, "Les forces ont repris Alep-Est.");
  EXPECT_EQ(web->page, page);
  EXPECT_EQ(web->page_content_type, "text/html; charset=windows-1252");
  auto plain = store->GetDocument("plain");
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->page.empty());
  EXPECT_TRUE(plain->page_content_type.empty());
  // Replacing the document replaces its page; a document without one drops the old page.
  b.docs[0].doc.page = "<p>Les forces ont repris Alep-Est.</p>";
  ASSERT_TRUE(store->Put(b).ok());
  EXPECT_EQ(store->GetDocument("web")->page, "<p>Les forces ont repris Alep-Est.</p>");
  b.docs[0].doc.page.clear();
  ASSERT_TRUE(store->Put(b).ok());
  EXPECT_TRUE(store->GetDocument("web")->page.empty());
  if (std::system("sqlite3 -version > /dev/null 2>&1") == 0) {
    // The page is stored compressed, and a damaged one is a clear error, not garbage.
    b.docs[0].doc.page = page;
    ASSERT_TRUE(store->Put(b).ok());
    store.reset();
    std::string out = dir / "size.txt";
    ASSERT_EQ(std::system(("sqlite3 '" + path +
                           "' 'SELECT length(page), bytes, encoding FROM pages' > '" + out + "'")
                              .c_str()),
              0);
    std::ifstream in(out);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line.substr(line.find('|')), "|" + std::to_string(page.size()) + "|gzip") << line;
    EXPECT_LT(std::stoul(line), page.size() / 4) << line;
    ASSERT_EQ(
        std::system(("sqlite3 '" + path + "' \"UPDATE pages SET page = x'1f8b0800'\"").c_str()), 0);
    auto damaged = Open(path)->GetDocument("web");
    ASSERT_FALSE(damaged.ok());
    EXPECT_NE(damaged.status().message().find("stored page of document web"), std::string::npos)
        << damaged.status().message();
  }
}

TEST(StoreTest, OlderFileGainsThePagesTable) {
  if (std::system("sqlite3 -version > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "sqlite3 shell not installed";
  TempDir dir("store-v1");
  std::string path = dir / "a.db";
  {
    auto store = Open(path);
    DocumentBatch b;
    b.docs.push_back(MakeDoc("d1", 1));
    ASSERT_TRUE(store->Put(b).ok());
  }
  // Make it a version 2 file, as written before pages were kept.
  ASSERT_EQ(
      std::system(("sqlite3 '" + path + "' 'DROP TABLE pages; PRAGMA user_version=2'").c_str()), 0);
  {
    auto ro = Open(path, true);  // read-only opening upgrades it first; documents readable
    ASSERT_NE(ro, nullptr);
    auto d = ro->GetDocument("d1");
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_TRUE(d->page.empty());
  }
  auto rw = Open(path);
  DocumentBatch b;
  b.docs.push_back(MakeDoc("d2", 0));
  b.docs[0].doc.page = "<p>Les forces ont repris Alep-Est.</p>";
  ASSERT_TRUE(rw->Put(b).ok());
  EXPECT_EQ(rw->GetDocument("d2")->page, "<p>Les forces ont repris Alep-Est.</p>");
  EXPECT_EQ(rw->Count()->documents, 2);
}

TEST(StoreTest, ReplacingADocumentNeverDuplicates) {
  TempDir dir("store-replace");
  auto store = Open(dir / "a.db");
  DocumentBatch b;
  b.docs.push_back(MakeDoc("d1", 3));
  ASSERT_TRUE(store->Put(b).ok());
  EXPECT_EQ(*store->CheckDocument("d1", ContentHash(b.docs[0].doc), "test-1"), DocState::kCurrent);
  EXPECT_EQ(*store->CheckDocument("d1", ContentHash(b.docs[0].doc), "test-2"), DocState::kOtherVersion);
  EXPECT_EQ(*store->CheckDocument("d1", "other", "test-1"), DocState::kOtherContent);
  EXPECT_EQ(*store->CheckDocument("d2", "x", "test-1"), DocState::kAbsent);
  EXPECT_TRUE(store->HasDocument("d1", ContentHash(b.docs[0].doc), "test-1"));
  b.docs[0] = MakeDoc("d1", 1, "Autre texte, mis à jour.");
  ASSERT_TRUE(store->Put(b).ok());
  ASSERT_TRUE(store->Put(b).ok());
  auto c = store->Count();
  EXPECT_EQ(c->documents, 1);
  EXPECT_EQ(c->events, 1);
  EXPECT_EQ(c->mentions, 1);
  EventFilter f;
  f.text = "texte";
  EXPECT_EQ(store->QueryEvents(f)->size(), 1u);
  f.text = "repris";  // the old text is gone from the full-text index too
  EXPECT_EQ(store->QueryEvents(f)->size(), 0u);
}

TEST(StoreTest, FailedBatchLeavesNothing) {
  TempDir dir("store-atomic");
  auto store = Open(dir / "a.db");
  DocumentBatch b;
  b.docs.push_back(MakeDoc("d1", 2));
  b.docs.push_back(MakeDoc("d2", 2));
  b.docs[1].events[0].event_id = b.docs[0].events[0].event_id;  // duplicate id: constraint fails
  Status st = store->Put(b);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("a.db"), std::string::npos) << st.message();
  EXPECT_EQ(store->Count()->documents, 0);
  EXPECT_EQ(store->Count()->events, 0);
  // The failure does not stick to the store: the next good batch is written whole.
  b.docs[1] = MakeDoc("d2", 2);
  ASSERT_TRUE(store->Put(b).ok());
  EXPECT_EQ(store->Count()->documents, 2);
  EXPECT_EQ(store->Count()->events, 4);
}

TEST(StoreTest, ErrorsAreRecordedOncePerProblem) {
  TempDir dir("store-errors");
  auto store = Open(dir / "a.db");
  DocumentBatch b;
  b.errors.push_back({"x.jsonl", 3, "error", "bad line", "2026-01-01T00:00:00Z"});
  b.errors.push_back({"x.jsonl", 9, "warning", "empty", "2026-01-01T00:00:00Z"});
  ASSERT_TRUE(store->Put(b).ok());
  b.errors[0].run_time = "2026-01-02T00:00:00Z";
  ASSERT_TRUE(store->Put(b).ok());  // the re-run sees the same problems
  auto errors = store->ListErrors(-1);
  ASSERT_EQ(errors->size(), 2u);
  EXPECT_EQ((*errors)[0].run_time, "2026-01-02T00:00:00Z");
  EXPECT_EQ((*errors)[1].severity, "warning");
  EXPECT_EQ(store->ListErrors(1)->size(), 1u);
}

class StoreQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>("store-query");
    store_ = Open(*dir_ / "q.db");
    DocumentBatch b;
    for (int d = 0; d < 40; ++d) b.docs.push_back(MakeDoc("doc" + std::to_string(d), 5));
    b.docs[3].clean_text = "Bombardements sur Alep-Est, selon l'Observatoire.";
    b.docs[3].doc.lang = "fr";
    b.docs[4].language = "en";
    ASSERT_TRUE(store_->Put(b).ok());
    for (const auto& d : b.docs) {
      for (const auto& e : d.events) all_.push_back({e, d});
    }
  }
  // The slow obvious answer: scan every record.
  template <typename Pred>
  std::set<std::string> Oracle(Pred pred) {
    std::set<std::string> ids;
    for (const auto& [e, d] : all_)
      if (pred(e, d)) ids.insert(e.event_id);
    return ids;
  }
  std::set<std::string> Ids(const EventFilter& f) {
    auto rows = store_->QueryEvents(f);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    std::set<std::string> ids;
    if (!rows.ok()) return ids;
    for (const auto& r : *rows) ids.insert(core::EventFromJson(r.json)->event_id);
    return ids;
  }
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<Store> store_;
  std::vector<std::pair<EventRecord, DocumentEntry>> all_;
};

TEST_F(StoreQueryTest, FiltersAgreeWithAScan) {
  EventFilter f;
  EXPECT_EQ(Ids(f).size(), 200u);
  f.from = "2015-03-01";
  f.to = "2019-06";
  EXPECT_EQ(Ids(f), Oracle([](const EventRecord& e, const DocumentEntry&) {
              return e.date->start >= "2015-03-01" && e.date->start <= "2019-06-31";
            }));
  f = {};
  f.bbox = BBox{-20, -10, 60, 45};
  auto in_box = [](const EventRecord& e, const DocumentEntry&) {
    return *e.location->lon >= -20 && *e.location->lon <= 60 && *e.location->lat >= -10 && *e.location->lat <= 45;
  };
  EXPECT_EQ(Ids(f), Oracle(in_box));
  EXPECT_FALSE(Ids(f).empty());
  f.type = "shelling";
  EXPECT_EQ(Ids(f), Oracle([&](const EventRecord& e, const DocumentEntry& d) { return in_box(e, d) && e.type == "shelling"; }));
  f.type.clear();
  f.from = "2014";
  f.to = "2020-02";
  auto in_time = [](const EventRecord& e) { return e.date->start >= "2014-01-01" && e.date->start <= "2020-02-31"; };
  EXPECT_EQ(Ids(f), Oracle([&](const EventRecord& e, const DocumentEntry& d) { return in_box(e, d) && in_time(e); }));
  EXPECT_FALSE(Ids(f).empty());
  f.bbox.reset();
  f.near = Near{20, 10, 3000};
  EXPECT_EQ(Ids(f), Oracle([&](const EventRecord& e, const DocumentEntry&) {
              return in_time(e) && internal::HaversineKm(20, 10, *e.location->lat, *e.location->lon) <= 3000;
            }));
  f = {};
  f.near = Near{20, 10, 1500};
  EXPECT_EQ(Ids(f), Oracle([](const EventRecord& e, const DocumentEntry&) {
              return internal::HaversineKm(20, 10, *e.location->lat, *e.location->lon) <= 1500;
            }));
  f = {};
  f.actor = "syrian arab army";
  EXPECT_EQ(Ids(f), Oracle([](const EventRecord& e, const DocumentEntry&) { return e.actor1->name == "Syrian Arab Army"; }));
  f.actor = "ARMED_OPPOSITION";
  EXPECT_EQ(Ids(f).size(), 200u);
  f = {};
  f.claimant = "state_agency";
  EXPECT_EQ(Ids(f), Oracle([](const EventRecord& e, const DocumentEntry&) { return e.claimant.has_value(); }));
  f = {};
  f.modality = "reported";
  f.outlet = "wire b";
  EXPECT_EQ(Ids(f), Oracle([](const EventRecord& e, const DocumentEntry& d) {
              return e.modality == "reported" && d.doc.outlet == "Wire B";
            }));
  f = {};
  f.lang = "en";
  EXPECT_EQ(Ids(f).size(), 5u);
  f = {};
  f.text = "observatoire";  // accents and case folded
  EXPECT_EQ(Ids(f), Oracle([](const EventRecord& e, const DocumentEntry&) { return e.doc_id == "doc3"; }));
}

TEST_F(StoreQueryTest, SortAndLimit) {
  EventFilter f;
  f.sort = SortBy::kConfidence;
  f.limit = 10;
  auto rows = store_->QueryEvents(f);
  ASSERT_EQ(rows->size(), 10u);
  double last = 2;
  for (const auto& r : *rows) {
    double c = core::EventFromJson(r.json)->confidence;
    EXPECT_LE(c, last);
    last = c;
  }
  f.sort = SortBy::kDate;
  f.limit = -1;
  std::string prev;
  auto sorted = store_->QueryEvents(f);
  ASSERT_TRUE(sorted.ok());
  for (const auto& r : *sorted) {
    std::string d = core::EventFromJson(r.json)->date->start;
    EXPECT_LE(prev, d);
    prev = d;
  }
}

TEST_F(StoreQueryTest, BadFullTextQueryIsAClearError) {
  EventFilter f;
  f.text = "\"unbalanced";
  auto rows = store_->QueryEvents(f);
  EXPECT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("--text"), std::string::npos) << rows.status().message();
}

TEST(StoreTest, HostileValuesAreStoredAndReturnedIntact) {
  TempDir dir("store-hostile");
  auto store = Open(dir / "h.db");
  std::string sql = "x'); DROP TABLE events; -- \" OR 1=1 ";
  std::string huge(6 << 20, 'a');
  for (size_t i = 0; i < huge.size(); i += 997) huge[i] = '\'';
  std::string repaired = "texte \xEF\xBF\xBD r\xC3\xA9par\xC3\xA9 \"guillemets\" 'apostrophes' ,;\n\t";
  std::string with_nul("avant\0apr\xC3\xA8s", 12);
  DocumentBatch b;
  b.docs.push_back(MakeDoc(sql, 1, huge));
  b.docs.push_back(MakeDoc("r", 1, repaired));
  b.docs.push_back(MakeDoc("n", 0, with_nul));
  b.docs[0].doc.title = sql;
  b.docs[0].doc.outlet = sql;
  b.docs[0].events[0].actor1->name = sql;
  b.docs[0].events[0].location->text = repaired;
  b.docs[0].events[0].extra_json = "{\"note\":\"" + std::string(1 << 20, 'z') + "\"}";
  b.docs[1].doc.extra.push_back({"weird key \"", "[1,\"'\"]"});
  b.errors.push_back({sql, 1, "error", repaired, ""});
  ASSERT_TRUE(store->Put(b).ok());
  EXPECT_EQ(store->GetDocument(sql)->raw, huge);
  EXPECT_EQ(store->GetDocument("r")->raw, repaired);
  EXPECT_EQ(store->GetDocument("n")->raw, with_nul);
  EventFilter f;
  f.actor = sql;
  auto rows = store->QueryEvents(f);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].json, core::EventToJson(b.docs[0].events[0]));
  f = {};
  f.outlet = sql;
  EXPECT_EQ(store->QueryEvents(f)->size(), 1u);
  EXPECT_EQ((*store->ListErrors(-1))[0].message, repaired);
  EXPECT_EQ(store->Count()->events, 2);
}

TEST(StoreTest, DamagedOrForeignFilesGiveClearErrors) {
  TempDir dir("store-corrupt");
  {
    std::ofstream(dir / "garbage.db") << std::string(8192, '\x5a');
    auto s = Store::OpenSqlite(dir / "garbage.db", {});
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), StatusCode::kCorruption);
    EXPECT_NE(s.status().message().find("garbage.db"), std::string::npos) << s.status().message();
  }
  {
    // A healthy database whose pages are then overwritten in the middle.
    std::string path = dir / "damaged.db";
    {
      auto store = Open(path);
      DocumentBatch b;
      for (int d = 0; d < 50; ++d) b.docs.push_back(MakeDoc("doc" + std::to_string(d), 4, std::string(3000, 'x')));
      ASSERT_TRUE(store->Put(b).ok());
    }
    auto size = std::filesystem::file_size(path);
    ASSERT_GT(size, 40000u);
    {
      std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(size / 3));
      std::string junk(size / 3, '\x77');
      f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    auto s = Store::OpenSqlite(path, {});
    bool failed = !s.ok();
    if (s.ok()) {
      auto digest = (*s)->Digest();
      auto rows = (*s)->QueryEvents(EventFilter{});
      failed = !digest.ok() || !rows.ok();
      if (!digest.ok()) {
        EXPECT_NE(digest.status().message().find("damaged.db"), std::string::npos);
      }
    }
    EXPECT_TRUE(failed);
  }
  if (std::system("sqlite3 -version > /dev/null 2>&1") == 0) {
    // Some other application's SQLite file, and a Vigie file from a newer version.
    std::string other = dir / "other.db", newer = dir / "newer.db";
    ASSERT_EQ(std::system(("sqlite3 '" + other + "' 'CREATE TABLE t(x)'").c_str()), 0);
    auto s = Store::OpenSqlite(other, {});
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.status().message().find("not a Vigie database"), std::string::npos) << s.status().message();
    Open(newer);
    ASSERT_EQ(std::system(("sqlite3 '" + newer + "' 'PRAGMA user_version=99'").c_str()), 0);
    s = Store::OpenSqlite(newer, {});
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), StatusCode::kUnsupported);
    EXPECT_NE(s.status().message().find("newer Vigie"), std::string::npos) << s.status().message();
  }
  {
    auto s = Store::OpenSqlite(dir / "missing.db", {true});
    EXPECT_FALSE(s.ok());
  }
}

TEST(StoreTest, ConcurrentReadersSeeWholeBatchesOnly) {
  TempDir dir("store-readers");
  std::string path = dir / "c.db";
  auto writer = Open(path);
  std::atomic<bool> done{false};
  std::atomic<int> reads{0}, torn{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      auto reader = Store::OpenSqlite(path, {true});
      if (!reader.ok()) {
        ++torn;
        return;
      }
      while (!done) {
        auto c = (*reader)->Count();
        if (!c.ok() || c->documents % 10 != 0 || c->events != c->documents * 2) ++torn;
        ++reads;
      }
    });
  }
  for (int batch = 0; batch < 30; ++batch) {
    DocumentBatch b;
    for (int d = 0; d < 10; ++d) b.docs.push_back(MakeDoc("b" + std::to_string(batch) + "d" + std::to_string(d), 2));
    ASSERT_TRUE(writer->Put(b).ok());
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(torn, 0);
  EXPECT_GT(reads, 0);
  EXPECT_EQ(writer->Count()->documents, 300);
}

}  // namespace
}  // namespace vigie::store

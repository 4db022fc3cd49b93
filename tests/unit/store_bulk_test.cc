// Bulk loading (Store::BeginBulkLoad, schema 8): a store written with its query indexes
// down holds and answers exactly what an incrementally written one does, before and after
// the build; ids stay unique; readers during a bulk load get whole, right answers and do
// not build the indexes of a live writer; a writer killed with its indexes down leaves a
// file that the next open repairs; a schema 7 file upgrades.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "store/store.h"
#include "store_testing.h"

namespace vigie::store {
namespace {

using testing::MakeEvent;
using testing::TempDir;

DocumentEntry Doc(const std::string& id, const std::string& text, int events) {
  DocumentEntry e;
  e.doc.id = id;
  e.doc.outlet = id.size() % 2 ? "Agence A" : "Wire B";
  e.doc.title = "Titre " + id;
  e.doc.date = "2016-12-08";
  e.doc.raw = e.clean_text = text;
  e.pipeline_version = "test-1";
  e.language = "fr";
  for (int i = 0; i < events; ++i) e.events.push_back(MakeEvent(id, i));
  e.mentions.push_back({"place", "Alep", 0, 4, "{\"geonameid\":170063}"});
  return e;
}

DocumentBatch Batch(int n, int docs, int events) {
  DocumentBatch b;
  for (int d = 0; d < docs; ++d) {
    const std::string id = "b" + std::to_string(n) + "d" + std::to_string(d);
    b.docs.push_back(Doc(id, "Alep: bombardements, quartier " + std::to_string(d) + ".", events));
  }
  return b;
}

std::unique_ptr<Store> Open(const std::string& path, bool read_only = false) {
  auto s = Store::OpenSqlite(path, {read_only});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

// Output of the sqlite3 shell on `sql`, or nothing when the shell is not installed.
std::optional<std::string> Shell(const TempDir& dir, const std::string& db,
                                 const std::string& sql) {
  if (std::system("sqlite3 -version > /dev/null 2>&1") != 0) return std::nullopt;
  const std::string script = dir / "shell.sql", out = dir / "shell.out";
  std::ofstream(script) << sql << "\n";
  if (std::system(("sqlite3 '" + db + "' < '" + script + "' > '" + out + "' 2>&1").c_str()) != 0)
    return std::nullopt;
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
const char kIndexes[] =
    "SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events' "
    "AND sql IS NOT NULL ORDER BY name;";

// What a set of queries answers, as one string (event ids in query order, counts).
std::string Answers(Store& s) {
  std::vector<EventFilter> filters(6);
  filters[0].from = "2014-03", filters[0].to = "2019-06-15", filters[0].type = "shelling";
  filters[1].from = "2010", filters[1].to = "2030";
  filters[2].bbox = BBox{-100, -40, 60, 40}, filters[2].from = "2012", filters[2].to = "2020";
  filters[3].text = "bombardements", filters[3].limit = 7, filters[3].sort = SortBy::kConfidence;
  filters[4].doc_id = "b1d3";
  filters[5].type = "bombing", filters[5].limit = 5, filters[5].offset = 2;
  std::string out;
  for (const EventFilter& f : filters) {
    auto rows = s.QueryEvents(f);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    if (!rows.ok()) continue;
    for (const auto& r : *rows) out += r.json.substr(r.json.find("\"event_id\":\"") + 12, 8) + ",";
    out += "| " + std::to_string(*s.CountEvents(f)) + "\n";
  }
  return out;
}

TEST(StoreBulkTest, BulkLoadStoresAndAnswersWhatIncrementalWritesDo) {
  TempDir dir("store-bulk-same");
  auto plain = Open(dir / "plain.db");
  auto bulk = Open(dir / "bulk.db");
  ASSERT_TRUE(plain && bulk);
  // One batch before the bulk load, then replacements of a document written before it and
  // of one written during it.
  std::vector<DocumentBatch> batches;
  for (int n = 0; n < 5; ++n) batches.push_back(Batch(n, 8, 3));
  DocumentBatch replace;
  replace.docs.push_back(Doc("b0d1", "Pourparlers à Genève.", 2));
  replace.docs.push_back(Doc("b2d5", "Pourparlers à Genève, suite.", 1));
  batches.push_back(replace);
  for (size_t i = 0; i < batches.size(); ++i) {
    ASSERT_TRUE(plain->Put(batches[i]).ok());
    if (i == 1) {
      ASSERT_TRUE(bulk->BeginBulkLoad().ok());
    }
    ASSERT_TRUE(bulk->Put(batches[i]).ok());
  }
  EXPECT_TRUE(*bulk->BulkLoadPending());
  EXPECT_FALSE(*plain->BulkLoadPending());
  const std::string expected = Answers(*plain);
  EXPECT_EQ(Answers(*bulk), expected);  // without its indexes: slower, same answers
  EXPECT_EQ(*bulk->Digest(), *plain->Digest());
  auto during = Shell(dir, dir / "bulk.db", kIndexes);
  EXPECT_TRUE(std::filesystem::exists(dir / "bulk.db-bulk"));  // the live writer's lock

  ASSERT_TRUE(bulk->FinishBulkLoad().ok());
  EXPECT_FALSE(*bulk->BulkLoadPending());
  EXPECT_FALSE(std::filesystem::exists(dir / "bulk.db-bulk"));
  EXPECT_EQ(Answers(*bulk), expected);
  EXPECT_EQ(*bulk->Digest(), *plain->Digest());
  EXPECT_EQ(bulk->PendingFusion()->event_ids, plain->PendingFusion()->event_ids);
  ASSERT_TRUE(bulk->FinishBulkLoad().ok());  // not in bulk mode: nothing to do

  auto plain_indexes = Shell(dir, dir / "plain.db", kIndexes);
  auto bulk_indexes = Shell(dir, dir / "bulk.db", kIndexes);
  if (!plain_indexes) GTEST_SKIP() << "sqlite3 shell not installed: index definitions not compared";
  EXPECT_NE(plain_indexes->find("events_spot_days_type"), std::string::npos);
  EXPECT_EQ(*bulk_indexes, *plain_indexes);  // the same definitions as the schema's
  EXPECT_EQ(during->find("events_days"), std::string::npos) << *during;
  EXPECT_NE(during->find("events_doc"), std::string::npos) << *during;  // kept: replacements use it
}

// Two writing handles: the second does not enter bulk mode, and its finish leaves the
// first one's deferred indexes alone (that one builds them).
TEST(StoreBulkTest, OnlyTheHandleInBulkModeBuildsTheIndexes) {
  TempDir dir("store-bulk-two");
  const std::string path = dir / "t.db";
  auto first = Open(path);
  auto second = Open(path);
  auto a = first->BeginBulkLoad();
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(*a);
  auto b = second->BeginBulkLoad();
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(*b);  // the first holds bulk mode
  ASSERT_TRUE(second->Put(Batch(0, 3, 1)).ok());
  ASSERT_TRUE(second->FinishBulkLoad().ok());
  EXPECT_TRUE(*second->BulkLoadPending());  // still the first one's to build
  ASSERT_TRUE(first->FinishBulkLoad().ok());
  EXPECT_FALSE(*second->BulkLoadPending());
  EXPECT_EQ(second->Count()->documents, 3);
}

TEST(StoreBulkTest, IdsStayUniqueInBulkMode) {
  TempDir dir("store-bulk-unique");
  auto store = Open(dir / "a.db");
  ASSERT_TRUE(store->BeginBulkLoad().ok());
  ASSERT_TRUE(store->Put(Batch(0, 4, 2)).ok());
  // Another document claiming an event id already stored: the batch fails as a whole.
  DocumentBatch clash;
  clash.docs.push_back(Doc("x1", "Texte.", 1));
  DocumentEntry thief = Doc("x2", "Texte.", 0);
  thief.events.push_back(MakeEvent("b0d0", 0));
  clash.docs.push_back(thief);
  EXPECT_FALSE(store->Put(clash).ok());
  // A document given again replaces the stored one.
  ASSERT_TRUE(store->Put(Batch(0, 2, 1)).ok());
  ASSERT_TRUE(store->FinishBulkLoad().ok());
  auto c = store->Count();
  EXPECT_EQ(c->documents, 4);
  EXPECT_EQ(c->events, 2 * 1 + 2 * 2);
  EXPECT_EQ(store->GetDocument("x1").status().code(), StatusCode::kNotFound);
}

// Readers open the file while a live writer has its indexes down: they must not build
// them (the writer holds the bulk lock), and every answer is a whole number of batches.
TEST(StoreBulkTest, ReadersDuringBulkLoadSeeWholeBatchesAndLeaveTheBuildToTheWriter) {
  TempDir dir("store-bulk-readers");
  const std::string path = dir / "c.db";
  auto writer = Open(path);
  ASSERT_TRUE(writer->BeginBulkLoad().ok());
  std::atomic<bool> done{false};
  std::atomic<int> reads{0}, wrong{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      auto reader = Store::OpenSqlite(path, {true});
      if (!reader.ok() || !*(*reader)->BulkLoadPending()) {
        ++wrong;
        return;
      }
      EventFilter time, text;
      time.from = "2000", time.to = "2100";  // every generated event (dated 2010-2024)
      text.text = "bombardements";
      while (!done) {
        auto t = (*reader)->CountEvents(time);
        auto x = (*reader)->CountEvents(text);
        if (!t.ok() || !x.ok() || *t % 20 != 0 || *x % 20 != 0) ++wrong;
        ++reads;
      }
    });
  }
  for (int n = 0; n < 30; ++n) ASSERT_TRUE(writer->Put(Batch(n, 10, 2)).ok());
  // On a loaded machine the readers may start late: let each read at least once.
  for (int spin = 0; spin < 2000 && reads < 2 && wrong == 0; ++spin)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_GT(reads, 0);
  EXPECT_TRUE(*writer->BulkLoadPending());  // no reader built the indexes
  ASSERT_TRUE(writer->FinishBulkLoad().ok());
  auto reader = Open(path, true);
  EXPECT_FALSE(*reader->BulkLoadPending());
  EventFilter all;
  all.from = "2000", all.to = "2100";
  EXPECT_EQ(*reader->CountEvents(all), 600);
}

// A writer killed (SIGKILL) with its indexes down: the file says so, and the next open,
// even to read, builds them before answering.
TEST(StoreBulkTest, KilledBulkWriterIsRepairedByTheNextOpen) {
  TempDir dir("store-bulk-kill");
  const std::string path = dir / "k.db";
  Open(path);  // created before the child writes
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto store = Store::OpenSqlite(path, {});
    if (!store.ok() || !(*store)->BeginBulkLoad().ok()) _exit(3);
    for (int n = 0; n < 3; ++n)
      if (!(*store)->Put(Batch(n, 10, 2)).ok()) _exit(4);
    raise(SIGKILL);
    _exit(5);
  }
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  ASSERT_TRUE(WIFSIGNALED(wstatus)) << "exit " << WEXITSTATUS(wstatus);
  auto before = Shell(dir, path, std::string("SELECT count(*) FROM bulk_load;") + kIndexes);
  if (before) {
    EXPECT_EQ(before->substr(0, 2), "1\n") << *before;
    EXPECT_EQ(before->find("events_days"), std::string::npos) << *before;
  }
  auto reader = Open(path, true);
  ASSERT_NE(reader, nullptr);
  EXPECT_FALSE(*reader->BulkLoadPending());
  EXPECT_FALSE(std::filesystem::exists(path + "-bulk"));
  EXPECT_EQ(reader->Count()->documents, 30);
  EventFilter all;
  all.from = "2000", all.to = "2100";
  EXPECT_EQ(*reader->CountEvents(all), 60);
  auto after = Shell(dir, path, kIndexes);
  if (after) {
    EXPECT_NE(after->find("events_days"), std::string::npos) << *after;
    EXPECT_NE(after->find("events_type_days"), std::string::npos) << *after;
    EXPECT_NE(after->find("events_spot_days_type"), std::string::npos) << *after;
  }
}

// Schema 8 adds the bulk state table; a schema 7 file gets it on opening, even to read.
TEST(StoreBulkTest, SchemaSevenFileUpgrades) {
  TempDir dir("store-bulk-v7");
  const std::string path = dir / "a.db";
  std::string digest;
  {
    auto store = Open(path);
    ASSERT_TRUE(store->Put(Batch(0, 5, 2)).ok());
    digest = *store->Digest();
  }
  if (!Shell(dir, path, "DROP TABLE bulk_load; PRAGMA user_version=7;"))
    GTEST_SKIP() << "sqlite3 shell not installed";
  EXPECT_EQ(*Shell(dir, path, "PRAGMA user_version;"), "7\n");
  {
    auto ro = Open(path, true);
    ASSERT_NE(ro, nullptr);
    EXPECT_EQ(*ro->Digest(), digest);
    EXPECT_FALSE(*ro->BulkLoadPending());
  }
  EXPECT_EQ(*Shell(dir, path, "PRAGMA user_version; SELECT count(*) FROM bulk_load;"), "8\n0\n");
  auto rw = Open(path);
  ASSERT_TRUE(rw->BeginBulkLoad().ok());
  ASSERT_TRUE(rw->Put(Batch(1, 5, 2)).ok());
  ASSERT_TRUE(rw->FinishBulkLoad().ok());
  EXPECT_EQ(rw->Count()->events, 20);
}

}  // namespace
}  // namespace vigie::store

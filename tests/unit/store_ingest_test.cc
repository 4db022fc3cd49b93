// The ingest driver: counts, idempotent re-runs, determinism across thread counts,
// re-extraction on a new pipeline version, bad input recorded, and a kill -9 in the
// middle of an ingest followed by a resume (no duplicate, no loss).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "core/event_json.h"
#include "core/langpack.h"
#include "store/ingest_driver.h"
#include "store_testing.h"

namespace vigie::store {
namespace {

using testing::TempDir;
using testing::TestExtract;

const pipeline::Pipeline& Pipe() {
  static auto* pipe = [] {
    auto p = pipeline::Pipeline::Create({});
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? std::move(p).value().release() : nullptr;
  }();
  return *pipe;
}

// `files` JSON Lines files of `per_file` articles each, plus one malformed line per file,
// one plain-text file and one binary file. Returns the number of good documents.
int WriteCorpus(const std::string& dir, int files, int per_file) {
  std::filesystem::create_directories(dir);
  int n = 0;
  for (int f = 0; f < files; ++f) {
    std::ofstream out(dir + "/part" + std::to_string(f) + ".jsonl");
    for (int i = 0; i < per_file; ++i, ++n) {
      out << "{\"id\":\"a" << n << "\",\"source\":\"Outlet " << n % 7 << "\",\"date\":\"2016-12-0" << 1 + n % 9
          << "\",\"title\":\"Article " << n << "\",\"text\":\"Le " << n
          << " d\\u00e9cembre, les forces ont bombard\\u00e9 le quartier " << n % 13
          << " d'Alep-Est. Selon l'Observatoire, au moins " << n % 40 << " civils ont \\u00e9t\\u00e9 tu\\u00e9s. #Alep\"}\n";
      if (i == per_file / 2) out << "{\"id\": \"broken\", \"text\": \n";
    }
  }
  std::ofstream(dir + "/note.txt") << "Communiqué: the army said it repelled an attack near Homs on Tuesday.\n";
  ++n;
  static const char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\0\0\0";
  std::ofstream(dir + "/image.bin", std::ios::binary) << std::string(kPng, sizeof kPng - 1);
  return n;
}

IngestOptions Options(const std::string& corpus, int workers) {
  IngestOptions o;
  o.paths = {corpus};
  o.pipeline_version = "test-1";
  o.extract = TestExtract;
  o.workers = workers;
  o.batch_documents = 16;
  o.run_time = "2026-01-01T00:00:00Z";
  return o;
}

std::unique_ptr<Store> Open(const std::string& path) {
  auto s = Store::OpenSqlite(path, {});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

TEST(IngestDriverTest, StoresCountsAndSkipsOnRerun) {
  TempDir dir("ingest-basic");
  int docs = WriteCorpus(dir / "corpus", 3, 40);
  auto store = Open(dir / "a.db");
  std::vector<ingest::Problem> problems;
  IngestOptions o = Options(dir / "corpus", 2);
  o.on_problem = [&](const ingest::Problem& p) { problems.push_back(p); };
  int progress_calls = 0;
  o.on_progress = [&](const IngestProgress&) { ++progress_calls; };
  auto p = RunIngest(*store, Pipe(), o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->documents_read, static_cast<uint64_t>(docs));
  EXPECT_EQ(p->documents_stored, static_cast<uint64_t>(docs));
  EXPECT_EQ(p->errors, 4u);  // three malformed lines and the binary file
  EXPECT_EQ(problems.size(), 4u);
  EXPECT_GE(progress_calls, 1);
  // Both halves of the work are accounted for (the store's share is reported from these).
  EXPECT_GT(p->analysis_cpu_seconds, 0);
  EXPECT_GT(p->store_cpu_seconds, 0);
  auto c = store->Count();
  EXPECT_EQ(c->documents, docs);
  EXPECT_EQ(c->events, static_cast<int64_t>(p->events));
  EXPECT_GT(c->events, 0);
  EXPECT_EQ(c->errors, 4);
  auto errors = store->ListErrors(-1);
  bool named = false;
  for (const auto& e : *errors) named |= e.file.find("part1.jsonl") != std::string::npos && e.record == 22;
  EXPECT_TRUE(named);
  auto doc = store->GetDocument("a5");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->lang, "fr");
  EXPECT_NE(doc->clean_text.find("Alep-Est"), std::string::npos);
  EXPECT_EQ(doc->pipeline_version, "test-1");
  bool hashtag = false;
  auto mentions = store->GetMentions("a5");
  ASSERT_TRUE(mentions.ok());
  for (const auto& m : *mentions) hashtag |= m.kind == "hashtag" && m.text == "Alep";
  EXPECT_TRUE(hashtag);
  EXPECT_EQ(*store->GetDocument("a5")->raw.begin(), 'L');

  std::string digest = *store->Digest();
  auto again = RunIngest(*store, Pipe(), o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->documents_stored, 0u);
  EXPECT_EQ(again->documents_skipped, static_cast<uint64_t>(docs));
  EXPECT_EQ(*store->Digest(), digest);
  EXPECT_EQ(store->Count()->errors, 4);  // the same problems, recorded once
}

TEST(IngestDriverTest, SameStoredContentWhateverTheThreadCount) {
  TempDir dir("ingest-determinism");
  WriteCorpus(dir / "corpus", 2, 60);
  auto one = Open(dir / "one.db");
  auto four = Open(dir / "four.db");
  ASSERT_TRUE(RunIngest(*one, Pipe(), Options(dir / "corpus", 1)).ok());
  IngestOptions o = Options(dir / "corpus", 4);
  o.batch_documents = 3;
  ASSERT_TRUE(RunIngest(*four, Pipe(), o).ok());
  EXPECT_EQ(*one->Digest(), *four->Digest());
}

// Bulk loading follows the size of the run next to the store's: a run into an empty store
// defers the indexes and builds them once at the end (or every `bulk_window` documents),
// a small run into a larger store writes incrementally, and the stored content is the
// same as with bulk loading off.
TEST(IngestDriverTest, BulkLoadingFollowsTheRunSize) {
  TempDir dir("ingest-bulk");
  WriteCorpus(dir / "corpus", 3, 40);
  std::filesystem::create_directories(dir / "more");
  {
    std::ofstream more(dir / "more/more.jsonl");
    for (int i = 0; i < 10; ++i)
      more << "{\"id\":\"m" << i << "\",\"date\":\"2016-12-09\",\"text\":\"Le 8 d\\u00e9cembre, des frappes ont vis\\u00e9 "
           << "le quartier " << i << " d'Alep-Est.\"}\n";
  }
  auto bulk = Open(dir / "bulk.db");
  auto plain = Open(dir / "plain.db");
  auto windowed = Open(dir / "windowed.db");
  IngestOptions o = Options(dir / "corpus", 2);
  auto small_run = Open(dir / "small-run.db");
  auto p = RunIngest(*small_run, Pipe(), o);  // 121 documents: under bulk_min_documents
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->index_builds, 0u);
  o.bulk_min_documents = 0;
  p = RunIngest(*bulk, Pipe(), o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->index_builds, 1u);
  EXPECT_GT(p->store_cpu_seconds, p->index_build_cpu_seconds);  // the build counts as store time
  EXPECT_FALSE(*bulk->BulkLoadPending());
  o.bulk_ratio = -1;
  p = RunIngest(*plain, Pipe(), o);
  EXPECT_EQ(p->index_builds, 0u);
  o.bulk_ratio = 0.5, o.bulk_window = 20;  // 16-document batches: a build every 32
  p = RunIngest(*windowed, Pipe(), o);
  // A build once 20 documents wait, then once as many as are indexed wait (32, 64 with full
  // batches), and at the end; a batch cut short by the 5 s timer may shift one.
  EXPECT_GE(p->index_builds, 3u);
  EXPECT_LE(p->index_builds, 4u);
  EXPECT_FALSE(*windowed->BulkLoadPending());
  EXPECT_EQ(*bulk->Digest(), *plain->Digest());
  EXPECT_EQ(*windowed->Digest(), *plain->Digest());
  EXPECT_EQ(*small_run->Digest(), *plain->Digest());
  // 10 documents into a store of 121: incremental.
  IngestOptions more = Options(dir / "more", 2);
  more.bulk_min_documents = 0;
  auto small = RunIngest(*bulk, Pipe(), more);
  ASSERT_TRUE(small.ok()) << small.status().ToString();
  EXPECT_EQ(small->documents_stored, 10u);
  EXPECT_EQ(small->index_builds, 0u);
  EventFilter f;
  f.from = "2010", f.to = "2030";
  EXPECT_EQ(*bulk->CountEvents(f), *plain->CountEvents(f) + static_cast<int64_t>(small->events));
}

TEST(IngestDriverTest, NewPipelineVersionIsSkippedUnlessReprocess) {
  TempDir dir("ingest-reprocess");
  int docs = WriteCorpus(dir / "corpus", 1, 30);
  auto store = Open(dir / "a.db");
  ASSERT_TRUE(RunIngest(*store, Pipe(), Options(dir / "corpus", 2)).ok());
  IngestOptions o = Options(dir / "corpus", 2);
  o.pipeline_version = "test-2";
  o.extract = [](const pipeline::Analysis& a) {
    Extraction x = TestExtract(a);
    x.events.push_back(testing::MakeEvent(a.doc.id, 7));
    return x;
  };
  auto skipped = RunIngest(*store, Pipe(), o);
  EXPECT_EQ(skipped->documents_stored, 0u);
  o.reprocess = true;
  auto redone = RunIngest(*store, Pipe(), o);
  EXPECT_EQ(redone->documents_stored, static_cast<uint64_t>(docs));
  EXPECT_EQ(store->Count()->documents, docs);
  EXPECT_EQ(store->GetDocument("a3")->pipeline_version, "test-2");
  EXPECT_EQ(store->Count()->events, static_cast<int64_t>(redone->events));
}

TEST(IngestDriverTest, UnreadablePathIsReported) {
  TempDir dir("ingest-missing");
  auto store = Open(dir / "a.db");
  IngestOptions o = Options(dir / "nothing-here", 1);
  auto p = RunIngest(*store, Pipe(), o);
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(store->Count()->errors, 1);
}

// Forks a child that ingests slowly, kills it with SIGKILL once some batches are
// committed, then resumes; the result must equal an uninterrupted run.
TEST(IngestDriverTest, KillNineThenResumeLosesAndDuplicatesNothing) {
  TempDir dir("ingest-kill");
  int docs = WriteCorpus(dir / "corpus", 4, 100);
  std::string db = dir / "killed.db";
  {
    auto create = Open(db);  // schema exists before the child starts
  }
  Pipe();  // built before fork, so the child starts at once
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto store = Store::OpenSqlite(db, {});
    if (!store.ok()) _exit(3);
    IngestOptions o = Options(dir / "corpus", 2);
    o.batch_documents = 5;
    o.bulk_min_documents = 0;  // killed with its indexes down (repaired when reopened below)
    o.extract = [](const pipeline::Analysis& a) {
      std::this_thread::sleep_for(std::chrono::milliseconds(4));
      return TestExtract(a);
    };
    auto p = RunIngest(**store, Pipe(), o);
    _exit(p.ok() ? 0 : 4);
  }
  // Wait until some documents are committed, then kill.
  int64_t seen = 0;
  for (int i = 0; i < 2000 && seen < 60; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    auto reader = Store::OpenSqlite(db, {true});
    if (reader.ok()) {
      auto c = (*reader)->Count();
      if (c.ok()) seen = c->documents;
    }
  }
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  ASSERT_TRUE(WIFSIGNALED(wstatus)) << "the child finished before it could be killed";
  auto store = Open(db);
  auto mid = store->Count();
  ASSERT_TRUE(mid.ok());
  EXPECT_GT(mid->documents, 0);
  EXPECT_LT(mid->documents, docs);

  auto resumed = RunIngest(*store, Pipe(), Options(dir / "corpus", 2));
  ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
  EXPECT_EQ(resumed->documents_skipped, static_cast<uint64_t>(mid->documents));
  EXPECT_EQ(resumed->documents_stored + resumed->documents_skipped, static_cast<uint64_t>(docs));

  auto reference = Open(dir / "reference.db");
  ASSERT_TRUE(RunIngest(*reference, Pipe(), Options(dir / "corpus", 2)).ok());
  auto c = store->Count();
  auto r = reference->Count();
  EXPECT_EQ(c->documents, docs);
  EXPECT_EQ(c->documents, r->documents);
  EXPECT_EQ(c->events, r->events);
  EXPECT_EQ(c->mentions, r->mentions);
  EXPECT_EQ(c->errors, r->errors);
  EXPECT_EQ(*store->Digest(), *reference->Digest());
}

// A web page in windows-1252 (declared by <meta charset>): the stored document keeps the
// extracted main text, which every evidence offset points into, and the page itself.
TEST(IngestDriverTest, WebPageKeepsTextPageAndEvidenceOffsets) {
  TempDir dir("ingest-web");
  // Written in UTF-8 here, stored on disk in windows-1252 (é ï -> one byte each).
  const std::string utf8 =
      "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"windows-1252\">"
      "<title>Alep</title><meta property=\"og:site_name\" content=\"Le Veilleur\"></head><body>"
      "<nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a> <a href=\"/abo\">"
      "S'abonner</a></nav><article><h1>Frappes sur Alep</h1><p>Alep, 7 décembre 2016. Des "
      "frappes aériennes ont tué au moins douze civils mercredi dans l'est d'Alep, selon "
      "l'Observatoire syrien des droits de l'homme.</p><p>Les forces gouvernementales ont repris "
      "mardi le quartier de Cheikh Saïd aux rebelles, a annoncé l'armée syrienne.</p>"
      "</article><footer>Mentions légales</footer></body></html>";
  std::string page;
  for (size_t i = 0; i < utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC3 && i + 1 < utf8.size()) {  // é, ï: U+00C0..U+00FF, one byte in windows-1252
      page.push_back(static_cast<char>(0xC0 + (static_cast<unsigned char>(utf8[++i]) - 0x80)));
    } else {
      page.push_back(static_cast<char>(c));
    }
  }
  std::filesystem::create_directories(dir / "corpus");
  std::ofstream(dir / "corpus/alep.html", std::ios::binary) << page;
  auto store = Open(dir / "web.db");
  IngestOptions o = Options(dir / "corpus", 1);
  auto packs = core::PackSet::Load(std::string(VIGIE_SOURCE_DIR) + "/langpacks");
  ASSERT_TRUE(packs.ok());
  o.read.months = std::make_shared<const html::MonthNames>(html::MonthNamesFromPacks(**packs));
  o.extract = [](const pipeline::Analysis& a) {
    Extraction x;
    x.events = a.events;
    return x;
  };
  auto p = RunIngest(*store, Pipe(), o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->documents_stored, 1u);
  auto rows = store->QueryEvents({});
  ASSERT_TRUE(rows.ok());
  ASSERT_FALSE(rows->empty()) << "no event extracted from the page";
  std::vector<EventRecord> events;
  for (const auto& row : *rows) {
    auto e = core::EventFromJson(row.json);
    ASSERT_TRUE(e.ok()) << row.json;
    events.push_back(std::move(e).value());
  }
  auto doc = store->GetDocument(events[0].doc_id);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->raw.rfind("Frappes sur Alep\n\nAlep, 7 décembre 2016. Des frappes", 0), 0u)
      << doc->raw;
  EXPECT_EQ(doc->raw.find("Accueil"), std::string::npos);
  EXPECT_EQ(doc->raw.find("Mentions"), std::string::npos);
  EXPECT_EQ(doc->date, "2016-12-07");
  EXPECT_EQ(doc->outlet, "Le Veilleur");
  // The page, converted to UTF-8, with the charset it came in.
  EXPECT_EQ(doc->page_content_type, "text/html; charset=windows-1252");
  EXPECT_NE(doc->page.find("<footer>Mentions légales</footer>"), std::string::npos);
  EXPECT_EQ(doc->page, utf8);
  for (const EventRecord& e : events) {
    ASSERT_FALSE(e.evidence.empty());
    for (const Span& sp : e.evidence) {
      ASSERT_LE(sp.end, doc->raw.size());
      ASSERT_LT(sp.start, sp.end);
      const std::string quote = doc->raw.substr(sp.start, sp.end - sp.start);
      EXPECT_TRUE(quote.find("rappes") != std::string::npos ||
                  quote.find("repris") != std::string::npos)
          << quote;
    }
  }
}

}  // namespace
}  // namespace vigie::store

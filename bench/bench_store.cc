// Store benchmarks: end-to-end ingest rate (documents/s) on a corpus of generated news
// articles through the real pipeline, the store's share of the CPU time (store overhead),
// the store's own write rate against the analysis it follows, and query latency
// (median, p99) for time + bbox + type filters on a store of generated event records.
// Sizes come from the environment so a full run and a quick run share the code:
//   VIGIE_BENCH_DOCS (default 20000), VIGIE_BENCH_EVENTS (default 1000000),
//   VIGIE_BENCH_DIR (default /tmp; the query store is built once and reused there).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <thread>

#include <time.h>

#include "core/hash.h"
#include "pipeline/pipeline.h"
#include "news_generator.h"
#include "store/extraction.h"
#include "store/ingest_driver.h"
#include "store/store.h"

namespace {

using namespace vigie;

// CPU time of the calling thread in ms: on a loaded machine a query's wall time is
// mostly waiting for a core, so both are reported.
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Median and p99 of `v` (sorted here) as counters named <prefix>median_ms, <prefix>p99_ms.
void Percentiles(benchmark::State& state, const char* prefix, std::vector<double> v) {
  std::sort(v.begin(), v.end());
  state.counters[std::string(prefix) + "median_ms"] = v[v.size() / 2];
  state.counters[std::string(prefix) + "p99_ms"] = v[std::min(v.size() - 1, v.size() * 99 / 100)];
}

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::atoll(v) : fallback;
}
std::string BenchDir() {
  const char* v = std::getenv("VIGIE_BENCH_DIR");
  return v ? v : "/tmp";
}

const pipeline::Pipeline& Pipe() {
  static std::unique_ptr<pipeline::Pipeline> p = std::move(pipeline::Pipeline::Create({})).value();
  return *p;
}

const char* const kTypes[] = {"armed_clash", "territory_change", "air_strike", "shelling", "bombing",
                              "attack_on_civilians", "siege", "displacement", "agreement", "protest"};
EventRecord MakeEvent(const std::string& doc_id, uint64_t n) {
  std::mt19937_64 rng(core::Hash64(doc_id) + n);
  EventRecord e;
  e.doc_id = doc_id;
  e.event_id = doc_id + "#" + std::to_string(n + 1);
  e.type = kTypes[rng() % 10];
  e.subtype = "clash";
  e.status = "occurred";
  e.modality = rng() % 3 ? "asserted" : "reported";
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2010 + static_cast<int>(rng() % 15), 1 + static_cast<int>(rng() % 12),
                1 + static_cast<int>(rng() % 28));
  e.date = EventDate{date, date, "day", "explicit", "hier"};
  EventLocation l;
  l.text = l.name = "Place";
  l.geonameid = static_cast<int64_t>(rng() % 1000000);
  l.lat = -60 + (rng() % 1200000) / 10000.0;
  l.lon = -180 + (rng() % 3600000) / 10000.0;
  l.country = "SY";
  l.precision = "city";
  e.location = l;
  e.actor1 = EventActor{"l'armée", "Syrian Arab Army", "state_forces", "SY", ""};
  e.actor2 = EventActor{"rebelles", "", "armed_opposition", "SY", "rebel"};
  e.quantities.push_back({"killed", static_cast<double>(rng() % 40), std::nullopt, std::nullopt, "at_least", "", "au moins"});
  e.evidence.push_back({0, 100});
  e.confidence = (rng() % 100) / 100.0;
  return e;
}

// A folder of JSON Lines files holding `docs` generated news articles (made once, reused).
std::string CorpusDir(int64_t docs) {
  std::string dir = BenchDir() + "/vigie-bench-news-" + std::to_string(docs);
  if (std::filesystem::exists(dir + ".done")) return dir;
  std::filesystem::create_directories(dir);
  for (int64_t f = 0; f * 5000 < docs; ++f) {
    std::ofstream out(dir + "/part" + std::to_string(f) + ".jsonl");
    for (int64_t i = f * 5000; i < std::min(docs, (f + 1) * 5000); ++i)
      out << bench::NewsArticleJsonl(static_cast<uint64_t>(i)) << "\n";
  }
  std::ofstream(dir + ".done") << "ok\n";
  return dir;
}

Document NewsDocument(uint64_t n) {
  bench::GeneratedArticle g = bench::NewsArticle(n);
  Document d;
  d.id = g.id;
  d.outlet = g.outlet;
  d.lang = g.lang;
  d.date = g.date;
  d.raw = std::move(g.text);
  return d;
}

// End-to-end: reader, analysis workers (one per core), writer into a fresh file.
void BM_IngestCorpus(benchmark::State& state) {
  int64_t docs = EnvInt("VIGIE_BENCH_DOCS", 20000);
  std::string corpus = CorpusDir(docs);
  std::string db = BenchDir() + "/vigie-bench-ingest.db";
  Pipe();
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
    auto store = std::move(store::Store::OpenSqlite(db, {})).value();
    store::IngestOptions o;
    o.paths = {corpus};
    o.pipeline_version = "bench";
    o.extract = state.range(0) ? store::ExtractFn(store::PipelineExtraction) : store::ExtractFn();
    if (EnvInt("VIGIE_BENCH_BULK", 1) == 0) o.bulk_ratio = -1;  // incremental indexes, for comparison
    o.bulk_min_documents = static_cast<uint64_t>(EnvInt("VIGIE_BENCH_BULK_MIN", static_cast<int64_t>(o.bulk_min_documents)));
    state.ResumeTiming();
    auto p = store::RunIngest(*store, Pipe(), o);
    if (p.ok()) {
      double cpu = p->analysis_cpu_seconds + p->store_cpu_seconds;
      state.counters["analysis_cpu_s"] = p->analysis_cpu_seconds;
      state.counters["store_cpu_s"] = p->store_cpu_seconds;
      state.counters["store_share"] = cpu > 0 ? p->store_cpu_seconds / cpu : 0;
      // With the rows the workers prepare for the store counted as store work.
      state.counters["store_prep_cpu_s"] = p->store_prep_cpu_seconds;
      state.counters["store_share_with_prep"] =
          cpu > 0 ? (p->store_cpu_seconds + p->store_prep_cpu_seconds) / (cpu + p->store_prep_cpu_seconds) : 0;
      state.counters["events"] = static_cast<double>(p->events);
      state.counters["index_builds"] = static_cast<double>(p->index_builds);
      state.counters["index_build_cpu_s"] = p->index_build_cpu_seconds;
      state.counters["index_build_s"] = p->index_build_seconds;
    }
    if (!p.ok() || p->documents_stored != static_cast<uint64_t>(docs)) {
      std::fprintf(stderr, "ingest: %s, %llu stored, %llu errors\n", p.status().ToString().c_str(),
                   p.ok() ? static_cast<unsigned long long>(p->documents_stored) : 0ULL,
                   p.ok() ? static_cast<unsigned long long>(p->errors) : 0ULL);
      state.SkipWithError("ingest failed");
    }
  }
  state.SetItemsProcessed(state.iterations() * docs);
  state.counters["docs"] = static_cast<double>(docs);
  state.counters["threads"] = std::thread::hardware_concurrency();
}
BENCHMARK(BM_IngestCorpus)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// The two halves of a document's cost, single-threaded: analysis + extraction...
void BM_AnalyzeDocument(benchmark::State& state) {
  std::vector<Document> docs;
  for (int i = 0; i < 1000; ++i) docs.push_back(NewsDocument(i));
  size_t i = 0;
  for (auto _ : state) {
    auto a = Pipe().Analyze(docs[i++ % docs.size()]);
    benchmark::DoNotOptimize(store::PipelineExtraction(a));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AnalyzeDocument);

// ...and storing it (document, clean text, FTS5, events, R*Tree) in batches of 200.
void BM_StoreDocument(benchmark::State& state) {
  std::string db = BenchDir() + "/vigie-bench-put.db";
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
  auto store = std::move(store::Store::OpenSqlite(db, {})).value();
  std::vector<store::DocumentEntry> entries;
  for (int i = 0; i < 1000; ++i) {
    auto a = Pipe().Analyze(NewsDocument(i));
    store::Extraction x = store::PipelineExtraction(a);
    store::DocumentEntry e;
    e.events = std::move(x.events);
    e.mentions = std::move(x.mentions);
    e.clean_text = a.clean.text;
    e.language = a.language.code;
    e.doc = std::move(a.doc);
    e.pipeline_version = "bench";
    entries.push_back(std::move(e));
  }
  uint64_t round = 0;
  for (auto _ : state) {
    store::DocumentBatch batch;
    for (int i = 0; i < 200; ++i) {
      store::DocumentEntry e = entries[(round * 200 + i) % entries.size()];
      e.doc.id += "-" + std::to_string(round);
      store::AssignEventIds(e.doc.id, &e.events);
      batch.docs.push_back(std::move(e));
    }
    ++round;
    if (!store->Put(batch).ok()) state.SkipWithError("put failed");
  }
  state.SetItemsProcessed(state.iterations() * 200);
}
BENCHMARK(BM_StoreDocument)->Unit(benchmark::kMillisecond);

// A store of `events` generated records (10 per document), built once and reused.
std::string QueryStore(int64_t events) {
  std::string db = BenchDir() + "/vigie-bench-query-" + std::to_string(events) + ".db";
  {
    auto ro = store::Store::OpenSqlite(db, {true});
    if (ro.ok() && (*ro)->Count().ok() && (*ro)->Count()->events == events) return db;
  }
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
  auto store = std::move(store::Store::OpenSqlite(db, {})).value();
  int64_t docs = (events + 9) / 10, made = 0;
  for (int64_t start = 0; start < docs; start += 5000) {
    store::DocumentBatch batch;
    for (int64_t d = start; d < std::min(docs, start + 5000); ++d) {
      store::DocumentEntry e;
      e.doc.id = "q" + std::to_string(d);
      e.doc.outlet = "Outlet " + std::to_string(d % 13);
      e.doc.raw = e.clean_text = "Short generated text " + std::to_string(d);
      e.pipeline_version = "bench";
      for (int i = 0; i < 10 && made < events; ++i, ++made) e.events.push_back(MakeEvent(e.doc.id, i));
      batch.docs.push_back(std::move(e));
    }
    if (!store->Put(batch).ok()) return {};
  }
  return db;
}

// Random one-month window, 10 x 10 degree box, one type; reports median and p99 in ms.
void BM_QueryTimeBboxType(benchmark::State& state) {
  int64_t events = EnvInt("VIGIE_BENCH_EVENTS", 1000000);
  std::string db = QueryStore(events);
  auto store = std::move(store::Store::OpenSqlite(db, {true})).value();
  std::mt19937_64 rng(7);
  std::vector<double> ms, cpu;
  uint64_t rows = 0;
  for (auto _ : state) {
    store::EventFilter f;
    int year = 2010 + static_cast<int>(rng() % 15), month = 1 + static_cast<int>(rng() % 12);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    f.from = f.to = buf;
    double lon = -180 + static_cast<double>(rng() % 350), lat = -60 + static_cast<double>(rng() % 110);
    f.bbox = store::BBox{lon, lat, lon + 10, lat + 10};
    f.type = kTypes[rng() % 10];
    auto t0 = std::chrono::steady_clock::now();
    const double c0 = ThreadCpuMs();
    store->QueryEvents(f, [&](const store::EventRow&) {
      ++rows;
      return true;
    });
    cpu.push_back(ThreadCpuMs() - c0);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  state.counters["events_in_store"] = static_cast<double>(events);
  state.counters["rows_per_query"] = static_cast<double>(rows) / ms.size();
  Percentiles(state, "", ms);
  Percentiles(state, "cpu_", cpu);
}
BENCHMARK(BM_QueryTimeBboxType)->Iterations(2000)->Unit(benchmark::kMillisecond);

// The same with a one-year window and a 40 x 40 degree box (many more candidate rows).
void BM_QueryWideTimeBboxType(benchmark::State& state) {
  int64_t events = EnvInt("VIGIE_BENCH_EVENTS", 1000000);
  std::string db = QueryStore(events);
  auto store = std::move(store::Store::OpenSqlite(db, {true})).value();
  std::mt19937_64 rng(11);
  std::vector<double> ms, cpu;
  uint64_t rows = 0;
  for (auto _ : state) {
    store::EventFilter f;
    std::string year = std::to_string(2010 + rng() % 15);
    f.from = f.to = year;
    double lon = -180 + static_cast<double>(rng() % 320), lat = -60 + static_cast<double>(rng() % 80);
    f.bbox = store::BBox{lon, lat, lon + 40, lat + 40};
    f.type = kTypes[rng() % 10];
    auto t0 = std::chrono::steady_clock::now();
    const double c0 = ThreadCpuMs();
    uint64_t n = 0;
    store->QueryEvents(f, [&](const store::EventRow&) {
      ++n;
      return true;
    });
    rows += n;
    cpu.push_back(ThreadCpuMs() - c0);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  state.counters["rows_per_query"] = static_cast<double>(rows) / ms.size();
  Percentiles(state, "", ms);
  Percentiles(state, "cpu_", cpu);
}
BENCHMARK(BM_QueryWideTimeBboxType)->Iterations(500)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

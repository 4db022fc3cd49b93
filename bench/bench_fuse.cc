// Fusion benchmarks: clustering N generated event records on one core (blocking and
// connected components; 1,000,000 is the target size), an incremental update of 1,000 new
// records against that many (clustering plus the summaries of the clusters they touch),
// and the same update through a SQLite store (UpdateClusters). Sizes from the environment:
//   VIGIE_BENCH_FUSE_RECORDS (default 1000000), VIGIE_BENCH_FUSE_STORE_RECORDS (default 100000).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "../tests/unit/fuse_testing.h"
#include "fuse/fuse.h"
#include "fuse/update.h"
#include "store/store.h"

namespace {

using namespace vigie;

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::atoll(v) : fallback;
}

// About `records` records (happenings have 2.5 reports on average), made in chunks so
// that only the clusterer's own state stays in memory.
constexpr int64_t kChunkHappenings = 40000;

void BM_ClusterRecords(benchmark::State& state) {
  const int64_t happenings = state.range(0) * 2 / 5;
  int64_t records = 0, groups = 0;
  for (auto _ : state) {
    fuse::Clusterer c;
    records = 0;
    for (int64_t h = 0; h < happenings; h += kChunkHappenings) {
      state.PauseTiming();
      auto chunk = fuse::testing::Generate(std::min(kChunkHappenings, happenings - h),
                                           1 + h / kChunkHappenings, records);
      state.ResumeTiming();
      records += static_cast<int64_t>(chunk.size());
      c.Add(chunk);
    }
    groups = static_cast<int64_t>(c.Groups().size());
    state.counters["comparisons"] = static_cast<double>(c.comparisons());
  }
  state.counters["records"] = static_cast<double>(records);
  state.counters["clusters"] = static_cast<double>(groups);
  state.counters["records/s"] = benchmark::Counter(
      static_cast<double>(records) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ClusterRecords)
    ->Arg(100000)
    ->Arg(EnvInt("VIGIE_BENCH_FUSE_RECORDS", 1000000))
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

// 1,000 new records (half of them new reports of known happenings) against a clusterer
// that holds the base set: the pair search, the union and the summaries of the clusters
// that changed.
void BM_IncrementalUpdate(benchmark::State& state) {
  const int64_t base = state.range(0) * 2 / 5;
  static std::unique_ptr<fuse::Clusterer> c;
  static std::vector<fuse::FuseRecord> kept;  // the records summaries need (all of them)
  static int64_t built_for = -1;
  if (built_for != base) {
    c = std::make_unique<fuse::Clusterer>();
    kept.clear();
    for (int64_t h = 0; h < base; h += kChunkHappenings) {
      auto chunk =
          fuse::testing::Generate(std::min(kChunkHappenings, base - h), 1 + h / kChunkHappenings,
                                  static_cast<int64_t>(kept.size()));
      c->Add(chunk);
      for (auto& e : chunk) kept.push_back(fuse::testing::Rec(std::move(e), "Outlet"));
    }
    fuse::Prepare(&kept, {});
    built_for = base;
  }
  int64_t round = 0, touched = 0;
  for (auto _ : state) {
    state.PauseTiming();
    // 200 repeats of known happenings (seed 1) and 200 new ones: about 1,000 records.
    auto fresh = fuse::testing::Generate(200, 1, 50000000 + round * 2000);
    auto more = fuse::testing::Generate(200, 9000 + round, 60000000 + round * 2000);
    fresh.insert(fresh.end(), more.begin(), more.end());
    fresh.resize(std::min<size_t>(fresh.size(), 1000));
    ++round;
    state.ResumeTiming();
    for (const auto& e : fresh) kept.push_back(fuse::testing::Rec(e, "Outlet"));
    fuse::Prepare(&kept, {});
    auto changed = c->Add(fresh);
    std::vector<bool> done(kept.size());
    for (size_t i : changed) {
      if (done[i]) continue;
      auto g = c->GroupOf(i);
      for (size_t k : g) done[k] = true;
      benchmark::DoNotOptimize(fuse::Summarise(kept, g));
    }
    touched = static_cast<int64_t>(changed.size());
  }
  state.counters["base_records"] = static_cast<double>(kept.size());
  state.counters["records_regrouped"] = static_cast<double>(touched);
}
BENCHMARK(BM_IncrementalUpdate)
    ->Arg(EnvInt("VIGIE_BENCH_FUSE_RECORDS", 1000000))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

// News arrives about recent happenings: the new records of the store benchmark are dated
// in the last month of the generated period (December 2023).
std::vector<EventRecord> Recent(std::vector<EventRecord> events) {
  for (auto& e : events) {
    if (!e.date) continue;
    std::string day = e.date->start.size() == 10 ? e.date->start.substr(8) : "";
    e.date->start = e.date->end = day.empty() ? "2023-12" : "2023-12-" + day;
  }
  return events;
}

// The same through SQLite: a store of N records, fused once; then 1,000 new records of the
// last month and UpdateClusters (read the time slice they fall in, regroup, write).
void BM_StoreIncrementalUpdate(benchmark::State& state) {
  const int64_t base = state.range(0) * 2 / 5;
  std::string path = "/tmp/vigie-bench-fuse-" + std::to_string(getpid()) + ".db";
  auto opened = store::Store::OpenSqlite(path, {});
  if (!opened.ok()) {
    state.SkipWithError(opened.status().message().c_str());
    return;
  }
  auto& s = **opened;
  auto put = [&](std::vector<EventRecord> events) {
    store::DocumentBatch b;
    for (auto& e : events) {
      store::DocumentEntry d;
      d.doc.id = e.doc_id;
      d.doc.outlet = "Outlet " + std::to_string(d.doc.id.size() % 7);
      d.doc.date = e.date->start;
      d.doc.raw = d.clean_text = "short";
      d.pipeline_version = "bench";
      d.events.push_back(std::move(e));
      b.docs.push_back(std::move(d));
      if (b.docs.size() == 5000) {
        s.Put(b);
        b.docs.clear();
      }
    }
    if (!b.docs.empty()) s.Put(b);
  };
  for (int64_t h = 0; h < base; h += kChunkHappenings)
    put(fuse::testing::Generate(std::min(kChunkHappenings, base - h), 1 + h / kChunkHappenings,
                                h * 4));
  fuse::UpdateClusters(s, {});
  int64_t round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto fresh = Recent(fuse::testing::Generate(400, 9000 + round, 60000000 + round * 2000));
    fresh.resize(std::min<size_t>(fresh.size(), 1000));
    put(std::move(fresh));
    ++round;
    state.ResumeTiming();
    auto stats = fuse::UpdateClusters(s, {});
    if (!stats.ok())
      state.SkipWithError(stats.status().message().c_str());
    else
      state.counters["events_regrouped"] = static_cast<double>(stats->events_regrouped);
  }
  opened->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}
BENCHMARK(BM_StoreIncrementalUpdate)
    ->Arg(EnvInt("VIGIE_BENCH_FUSE_STORE_RECORDS", 100000))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

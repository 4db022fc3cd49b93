// Benchmarks for the geo stage with the world gazetteer (data/gazetteer.vgz or
// $VIGIE_GAZETTEER): gazetteer open time, resident memory after touching every page, and
// recognition + resolution throughput in bytes per second per core (segmentation done
// beforehand, not counted).
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <string>

#include "bench_corpus.h"
#include "geo/resolver.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace {

using vigie::bench::Corpus;
using vigie::bench::Pipe;

std::shared_ptr<const vigie::geo::Gazetteer> Gaz() {
  static auto g = vigie::geo::Gazetteer::Open(vigie::geo::DefaultGazetteerPath());
  return g.ok() ? *g : nullptr;
}

long ResidentKb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

void BM_GazetteerOpen(benchmark::State& state) {
  std::string path = vigie::geo::DefaultGazetteerPath();
  for (auto _ : state) {
    auto g = vigie::geo::Gazetteer::Open(path);
    if (!g.ok()) {
      state.SkipWithError("world gazetteer not built");
      return;
    }
    benchmark::DoNotOptimize(g);
  }
}
BENCHMARK(BM_GazetteerOpen)->Unit(benchmark::kMillisecond);

void BM_GazetteerResidentMemory(benchmark::State& state) {
  auto g = Gaz();
  if (!g) {
    state.SkipWithError("world gazetteer not built");
    return;
  }
  long before = ResidentKb();
  for (auto _ : state) {
    uint64_t sum = 0;
    for (uint32_t i = 0; i < g->size(); ++i) sum += g->place(i).population;
    for (uint32_t i = 0; i < g->num_keys(); ++i) sum += g->KeyAt(i).place;
    benchmark::DoNotOptimize(sum);
  }
  state.counters["rss_mb"] = double(ResidentKb()) / 1024.0;
  state.counters["rss_growth_mb"] = double(ResidentKb() - before) / 1024.0;
}
BENCHMARK(BM_GazetteerResidentMemory)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_Resolve(benchmark::State& state) {
  auto g = Gaz();
  if (!g) {
    state.SkipWithError("world gazetteer not built");
    return;
  }
  auto res = std::move(vigie::geo::Resolver::Create(g, Pipe().packs())).value();
  vigie::Document d;
  d.raw = Corpus(static_cast<size_t>(state.range(0)));
  auto a = Pipe().Analyze(std::move(d));
  for (auto _ : state) benchmark::DoNotOptimize(res->Resolve(a.clean.text, a.segments, a.language.code));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(a.clean.text.size()));
}
BENCHMARK(BM_Resolve)->Arg(16 << 10)->Arg(256 << 10)->Unit(benchmark::kMillisecond);

void BM_MatchNames(benchmark::State& state) {
  auto g = Gaz();
  if (!g) {
    state.SkipWithError("world gazetteer not built");
    return;
  }
  auto res = std::move(vigie::geo::Resolver::Create(g, Pipe().packs())).value();
  vigie::Document d;
  d.raw = Corpus(static_cast<size_t>(state.range(0)));
  auto a = Pipe().Analyze(std::move(d));
  for (auto _ : state) benchmark::DoNotOptimize(res->MatchNames(a.clean.text, a.segments));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(a.clean.text.size()));
}
BENCHMARK(BM_MatchNames)->Arg(256 << 10)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

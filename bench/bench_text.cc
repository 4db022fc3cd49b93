// Benchmarks for the clean and segment stages, in bytes per second per core, on a corpus
// generated from the bundled example articles at several sizes.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>

#include "bench_corpus.h"
#include "core/langpack.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace {

using vigie::bench::Corpus;
using vigie::bench::Pipe;

void BM_Clean(benchmark::State& state) {
  std::string text = Corpus(static_cast<size_t>(state.range(0)));
  vigie::clean::Cleaner cleaner = std::move(vigie::clean::Cleaner::Create(Pipe().packs())).value();
  for (auto _ : state) benchmark::DoNotOptimize(cleaner.Clean(text));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_Clean)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

void BM_Segment(benchmark::State& state) {
  std::string text = Corpus(static_cast<size_t>(state.range(0)));
  auto cleaned = std::move(vigie::clean::Cleaner::Create(Pipe().packs())).value().Clean(text);
  auto seg = std::move(vigie::segment::Segmenter::Create(Pipe().packs())).value();
  for (auto _ : state) benchmark::DoNotOptimize(seg.Segment(cleaned.text, "fr"));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(cleaned.text.size()));
}
BENCHMARK(BM_Segment)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

void BM_Analyze(benchmark::State& state) {
  std::string text = Corpus(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    vigie::Document d;
    d.raw = text;
    benchmark::DoNotOptimize(Pipe().Analyze(std::move(d)));
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_Analyze)->Arg(64 << 10)->Arg(1 << 20);

}  // namespace

BENCHMARK_MAIN();

// Benchmarks for the clean and segment stages, in bytes per second per core, on a corpus
// generated from the bundled example articles at several sizes.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>

#include "bench_corpus.h"
#include "core/event_json.h"
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

// The JSON Lines writer of `vigie extract`: the event records of 1 MB of the example corpus
// (read as one document), appended to a reused buffer; bytes are those of the JSON written.
void BM_EventJson(benchmark::State& state) {
  vigie::Document d;
  d.raw = Corpus(1 << 20);
  const auto a = Pipe().Analyze(std::move(d));
  std::string out;
  int64_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    for (const auto& e : a.events) {
      vigie::core::AppendEventJson(e, &out);
      out += '\n';
    }
    bytes += static_cast<int64_t>(out.size());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(bytes);
  state.counters["records"] = benchmark::Counter(
      static_cast<double>(a.events.size()) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EventJson);

}  // namespace

BENCHMARK_MAIN();

// Throughput of normalize::Normalizer::Tag (numbers, quantities, times) in bytes of clean
// text per second on one core, on the example corpus repeated to several sizes. The text is
// cleaned and segmented once outside the timed loop.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "bench_corpus.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "pipeline/pipeline.h"

namespace {

using vigie::bench::Corpus;
using vigie::bench::Pipe;

void BM_Tag(benchmark::State& state) {
  vigie::Document d;
  d.raw = Corpus(static_cast<size_t>(state.range(0)));
  d.lang = "fr";
  auto a = Pipe().Analyze(std::move(d));
  auto norm = std::move(vigie::normalize::Normalizer::Create(Pipe().packs())).value();
  vigie::normalize::Reference ref;
  ref.date = vigie::normalize::Date{2016, 12, 7};
  for (auto _ : state) benchmark::DoNotOptimize(norm.Tag(a.clean.text, a.segments, a.language.code, ref));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(a.clean.text.size()));
}
BENCHMARK(BM_Tag)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

void BM_InferDocumentDate(benchmark::State& state) {
  vigie::Document d;
  d.raw = Corpus(static_cast<size_t>(state.range(0)));
  d.lang = "fr";
  auto a = Pipe().Analyze(std::move(d));
  auto norm = std::move(vigie::normalize::Normalizer::Create(Pipe().packs())).value();
  for (auto _ : state) benchmark::DoNotOptimize(norm.InferDocumentDate(a.clean.text, a.segments, a.language.code));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(a.clean.text.size()));
}
BENCHMARK(BM_InferDocumentDate)->Arg(64 << 10);

}  // namespace

BENCHMARK_MAIN();

// Benchmarks for the lexical part of the actors and events stages — actor recognition,
// trigger and cue matching — in bytes per second per core, on the example corpus cleaned
// and segmented once, at several sizes. Folding and hashing the tokens, shared by the
// three in the extractor, are measured apart.
#include <benchmark/benchmark.h>

#include <string>

#include "actors/actors.h"
#include "actors/word_map.h"
#include "bench_corpus.h"
#include "clean/clean.h"
#include "events/attribution.h"
#include "events/triggers.h"

namespace {

using vigie::bench::Corpus;
using vigie::bench::Pipe;

struct Input {
  std::string text;
  vigie::segment::Segmentation seg;
  std::vector<std::string> folded;
  std::vector<size_t> hashes;
};

Input Prepare(size_t bytes) {
  Input in;
  auto cleaned =
      std::move(vigie::clean::Cleaner::Create(Pipe().packs())).value().Clean(Corpus(bytes));
  in.text = std::move(cleaned.text);
  auto seg = std::move(vigie::segment::Segmenter::Create(Pipe().packs())).value();
  in.seg = seg.Segment(in.text, "fr");
  in.folded = vigie::segment::FoldTokens(in.text, in.seg);
  in.hashes = vigie::actors::HashWords(in.folded);
  return in;
}

const vigie::segment::Segmenter& Seg() {
  static auto s = std::move(vigie::segment::Segmenter::Create(Pipe().packs())).value();
  return s;
}

void BM_FoldAndHash(benchmark::State& state) {
  Input in = Prepare(size_t(state.range(0)));
  for (auto _ : state) {
    auto folded = vigie::segment::FoldTokens(in.text, in.seg);
    benchmark::DoNotOptimize(vigie::actors::HashWords(folded));
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.text.size()));
}
BENCHMARK(BM_FoldAndHash)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

void BM_Actors(benchmark::State& state) {
  Input in = Prepare(size_t(state.range(0)));
  auto rec = std::move(vigie::actors::Recognizer::Create(Pipe().packs(), Seg())).value();
  for (auto _ : state)
    benchmark::DoNotOptimize(rec.Find(in.text, in.seg, "fr", &in.folded, &in.hashes));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.text.size()));
}
BENCHMARK(BM_Actors)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

void BM_Triggers(benchmark::State& state) {
  Input in = Prepare(size_t(state.range(0)));
  auto finder = std::move(vigie::events::TriggerFinder::Create(Pipe().packs(), Seg())).value();
  for (auto _ : state)
    benchmark::DoNotOptimize(finder.Find(in.text, in.seg, "fr", &in.folded, &in.hashes));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.text.size()));
}
BENCHMARK(BM_Triggers)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

void BM_Cues(benchmark::State& state) {
  Input in = Prepare(size_t(state.range(0)));
  auto attr = std::move(vigie::events::Attributor::Create(Pipe().packs(), Seg())).value();
  for (auto _ : state)
    benchmark::DoNotOptimize(attr.FindCues(in.text, in.seg, "fr", &in.folded, &in.hashes));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.text.size()));
}
BENCHMARK(BM_Cues)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

}  // namespace

BENCHMARK_MAIN();

// Corpus throughput of the whole pipeline (ingest -> clean -> lang -> segment -> ... ->
// events): generates a corpus from the bundled example articles (sentences reshuffled
// with a fixed seed so documents differ), runs it on N threads, and prints documents and
// MB per second per core (wall clock, and per CPU-second, which stays meaningful when
// other work shares the cores), the peak resident memory, and where the CPU time went:
// each stage's share of the time spent in Pipeline::Analyze (thread CPU time per stage,
// summed over the documents) and its own speed in MB per CPU-second.
//
// Each document is made of paragraphs of one language, as a news article is; --mixed
// draws them from every article regardless of language (the corpus of the first figures).
// --write PREFIX also writes the corpus as PREFIX.jsonl (one document a line) and as
// PREFIX/NNNNN.txt (one document a file), to time the `vigie extract` command on it.
// --undated gives the documents no date (as plain text files have none), so the pipeline
// infers each document's date from its text; the JSON Lines written then carry no date.
//
//   build/bench/throughput [--mb 20] [--threads 1] [--mixed] [--undated] [--write PREFIX]
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "ingest/ingest.h"
#include "lang/lang.h"
#include "pipeline/pipeline.h"

int main(int argc, char** argv) {
  double mb = 20;
  int threads = 1;
  bool mixed = false;
  bool undated = false;
  std::string write;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mixed") == 0) {
      mixed = true;
      continue;
    }
    if (std::strcmp(argv[i], "--undated") == 0) {
      undated = true;
      continue;
    }
    if (i + 1 >= argc) break;
    if (std::strcmp(argv[i], "--mb") == 0)
      mb = std::atof(argv[++i]);
    else if (std::strcmp(argv[i], "--threads") == 0)
      threads = std::max(1, std::atoi(argv[++i]));
    else if (std::strcmp(argv[i], "--write") == 0)
      write = argv[++i];
  }
  auto pipe = vigie::pipeline::Pipeline::Create({});
  if (!pipe.ok()) {
    std::fprintf(stderr, "throughput: %s\n", pipe.status().ToString().c_str());
    return 1;
  }
  // Paragraphs of the example articles, recombined into documents of 6 to 15 paragraphs
  // (2 to 4 KB, the size of a typical news article).
  // Paragraphs by the language of their article (all in one pool with --mixed).
  std::map<std::string, std::vector<std::string>> pools;
  vigie::ingest::ReadPath(
      std::string(VIGIE_SOURCE_DIR) + "/examples/corpus", {},
      [&](vigie::Document&& d) {
        std::string lang = mixed ? "" : vigie::lang::Identify(d.raw, d.lang).code;
        auto& paragraphs = pools[lang];
        size_t pos = 0;
        while (pos < d.raw.size()) {
          size_t e = d.raw.find("\n\n", pos);
          if (e == std::string::npos) e = d.raw.size();
          if (e > pos) paragraphs.push_back(d.raw.substr(pos, e - pos));
          pos = e + 2;
        }
      },
      [](const vigie::ingest::Problem&) {});
  if (pools.empty()) {
    std::fprintf(stderr, "throughput: no example corpus\n");
    return 1;
  }
  std::mt19937 rng(42);
  std::vector<std::string> docs;
  size_t total = 0;
  while (total < mb * 1e6) {
    std::string d;
    const auto& paragraphs = std::next(pools.begin(), long(rng() % pools.size()))->second;
    int n = 6 + int(rng() % 10);
    for (int k = 0; k < n; ++k) d += paragraphs[rng() % paragraphs.size()] + "\n\n";
    total += d.size();
    docs.push_back(std::move(d));
  }
  if (!write.empty()) {
    std::ofstream jsonl(write + ".jsonl", std::ios::binary);
    std::filesystem::create_directories(write);
    for (size_t i = 0; i < docs.size(); ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "%05zu", i);
      nlohmann::json record{{"id", name}, {"date", "2020-01-01"}, {"text", docs[i]}};
      if (undated) record.erase("date");
      jsonl << record.dump() << "\n";
      std::ofstream(write + "/" + name + ".txt", std::ios::binary) << docs[i];
    }
    std::printf("wrote %s.jsonl and %s/ (%zu documents)\n", write.c_str(), write.c_str(),
                docs.size());
  }
  std::atomic<size_t> next{0}, events{0};
  auto cpu_seconds = [] {
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return r.ru_utime.tv_sec + r.ru_stime.tv_sec + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
  };
  double cpu_start = cpu_seconds();
  auto start = std::chrono::steady_clock::now();
  vigie::pipeline::StageTimes stages;
  std::mutex stages_mutex;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      vigie::pipeline::StageTimes mine;
      for (size_t i = next++; i < docs.size(); i = next++) {
        vigie::Document d;
        d.raw = docs[i];
        if (!undated) d.date = "2020-01-01";
        events += (*pipe)->Analyze(std::move(d), &mine).events.size();
      }
      std::lock_guard<std::mutex> lock(stages_mutex);
      stages.Add(mine);
    });
  }
  for (auto& th : pool) th.join();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = cpu_seconds() - cpu_start;
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("documents %zu (%s), %.1f MB, events %zu, %d thread(s), %.2f s\n", docs.size(),
              undated ? "undated" : "dated", total / 1e6, events.load(), threads, secs);
  std::printf("throughput: %.0f documents/s, %.2f MB/s; per core %.2f MB/s\n", docs.size() / secs,
              total / 1e6 / secs, total / 1e6 / secs / threads);
  // CPU time is what the run cost when other work shares the cores (wall time then lies).
  std::printf("cpu time %.2f s: %.2f MB per CPU-second\n", cpu, total / 1e6 / cpu);
  std::printf("peak resident memory: %.0f MB\n", ru.ru_maxrss / 1024.0);
  // Where the time goes: thread CPU time per stage, summed over the documents.
  double analyzed = stages.Total() / 1e9;
  std::printf("stages (%.2f CPU-s in Analyze): share of CPU, MB per CPU-second of the stage\n",
              analyzed);
  for (size_t s = 0; s < vigie::pipeline::kStageCount; ++s) {
    auto stage = static_cast<vigie::pipeline::Stage>(s);
    double secs_in = stages[stage] / 1e9;
    std::printf("  %-10s %5.1f%%  %8.1f MB/s\n", vigie::pipeline::StageName(stage),
                analyzed > 0 ? 100.0 * secs_in / analyzed : 0.0,
                secs_in > 0 ? total / 1e6 / secs_in : 0.0);
  }
  return 0;
}

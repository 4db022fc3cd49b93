// Benchmarks for web input, in bytes of HTML per second per core: ExtractPage (charset,
// gumbo parse, main text, metadata) and the same followed by the clean stage, on the
// trafilatura-eval pages when ../shared/ext is present (else the project's test page);
// and .warc.gz reading (records only, then with extraction) against bare gzip
// decompression of the same file.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "core/gzip.h"
#include "core/langpack.h"
#include "html/html.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& Pages() {
  static std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    std::string dir = std::string(VIGIE_SOURCE_DIR) + "/../shared/ext/trafilatura-eval/html";
    std::vector<fs::path> files;
    std::error_code ec;
    if (fs::is_directory(dir, ec))
      for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto bytes = vigie::core::ReadFile(f.string());
      if (!bytes.ok()) continue;
      auto plain = vigie::core::Gunzip(*bytes, 1 << 30);
      if (plain.ok()) out.push_back(std::move(plain).value());
    }
    if (out.empty()) {
      auto page = vigie::core::ReadFile(std::string(VIGIE_SOURCE_DIR) + "/tests/data/web/alep_fr.html");
      for (int i = 0; i < 200 && page.ok(); ++i) out.push_back(*page);
    }
    return out;
  }();
  return pages;
}

// Month names of the packs, as the readers get them (empty if the packs are missing).
const vigie::html::MonthNames& Months() {
  static const vigie::html::MonthNames months = [] {
    auto packs = vigie::core::PackSet::Load(vigie::core::DefaultPackRoot());
    return packs.ok() ? vigie::html::MonthNamesFromPacks(**packs) : vigie::html::MonthNames();
  }();
  return months;
}

void BM_ExtractPage(benchmark::State& state) {
  const auto& pages = Pages();
  size_t bytes = 0;
  vigie::html::ExtractOptions options;
  options.months = &Months();
  for (auto _ : state) {
    for (const auto& p : pages) {
      benchmark::DoNotOptimize(vigie::html::ExtractPage(p, "", "", options));
      bytes += p.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["pages"] = static_cast<double>(pages.size());
}
BENCHMARK(BM_ExtractPage)->Unit(benchmark::kMillisecond);

void BM_HtmlToCleanText(benchmark::State& state) {
  const auto& pages = Pages();
  auto packs = vigie::core::PackSet::Load(vigie::core::DefaultPackRoot());
  if (!packs.ok()) {
    state.SkipWithError("no language packs");
    return;
  }
  auto cleaner = vigie::clean::Cleaner::Create(**packs);
  size_t bytes = 0;
  vigie::html::ExtractOptions options;
  options.months = &Months();
  for (auto _ : state) {
    for (const auto& p : pages) {
      vigie::html::Page page = vigie::html::ExtractPage(p, "", "", options);
      benchmark::DoNotOptimize(cleaner->Clean(page.text));
      bytes += p.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_HtmlToCleanText)->Unit(benchmark::kMillisecond);

std::string GzipMember(std::string_view in) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, in.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// A .warc.gz of the pages: request + response per page, one gzip member per record. With
// `html` false the responses say application/octet-stream: the reader frames, inflates and
// parses every record but extracts nothing, which isolates WARC reading from extraction.
std::string MakeWarcGz(bool html) {
  std::string out;
  int n = 0;
  for (const auto& p : Pages()) {
    std::string uri = "https://bench.example/" + std::to_string(n++);
    std::string req = "GET / HTTP/1.1\r\n\r\n";
    out += GzipMember("WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: " + uri +
                      "\r\nContent-Type: application/http; msgtype=request\r\nContent-Length: " +
                      std::to_string(req.size()) + "\r\n\r\n" + req + "\r\n\r\n");
    std::string http = std::string("HTTP/1.1 200 OK\r\nContent-Type: ") +
                       (html ? "text/html" : "application/octet-stream") + "\r\n\r\n" + p;
    out += GzipMember("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
                      "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                      std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n");
  }
  return out;
}

const std::string& WarcGz() {
  static const std::string file = MakeWarcGz(true);
  return file;
}

// Uncompressed size of all pages, for MiB/s of HTML.
size_t PageBytes() {
  size_t n = 0;
  for (const auto& p : Pages()) n += p.size();
  return n;
}

const std::string& WarcGzNoHtml() {
  static const std::string file = MakeWarcGz(false);
  return file;
}

void BM_GunzipWarc(benchmark::State& state) {
  const std::string& gz = WarcGz();
  for (auto _ : state) benchmark::DoNotOptimize(vigie::core::Gunzip(gz, uint64_t{1} << 33));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * gz.size()));
}
BENCHMARK(BM_GunzipWarc)->Unit(benchmark::kMillisecond);

// Inflating member by member, as the reader does (no framing, no parsing).
void BM_GunzipWarcMembers(benchmark::State& state) {
  const std::string& gz = WarcGzNoHtml();
  std::string out;
  for (auto _ : state) {
    size_t pos = 0, consumed = 0;
    while (pos < gz.size()) {
      out.clear();
      if (!vigie::core::GunzipMember(std::string_view(gz).substr(pos), uint64_t{1} << 33, &out,
                                     &consumed)
               .ok() ||
          consumed == 0)
        break;
      benchmark::DoNotOptimize(out.data());
      pos += consumed;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * gz.size()));
}
BENCHMARK(BM_GunzipWarcMembers)->Unit(benchmark::kMillisecond);

// WARC reading alone (inflate each member, frame and parse every record, skip the payload):
// compare with BM_GunzipWarc to see that reading is bound by decompression.
void BM_ReadWarcGzRecords(benchmark::State& state) {
  const std::string& gz = WarcGzNoHtml();
  size_t docs = 0;
  for (auto _ : state)
    vigie::ingest::ReadBytes(
        gz, "bench.warc.gz", {}, [&](vigie::Document&&) { ++docs; },
        [](const vigie::ingest::Problem&) {});
  if (docs != 0) state.SkipWithError("non-HTML records became documents");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * gz.size()));
}
BENCHMARK(BM_ReadWarcGzRecords)->Unit(benchmark::kMillisecond);

// Full reading: records plus main-text extraction of every page.
void BM_ReadWarcGz(benchmark::State& state) {
  const std::string& gz = WarcGz();
  size_t docs = 0;
  vigie::ingest::ReadOptions options;
  options.months = std::make_shared<const vigie::html::MonthNames>(Months());
  for (auto _ : state)
    vigie::ingest::ReadBytes(
        gz, "bench.warc.gz", options, [&](vigie::Document&&) { ++docs; },
        [](const vigie::ingest::Problem&) {});
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * gz.size()));
  state.counters["html_MiB/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * PageBytes()) / (1 << 20),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadWarcGz)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

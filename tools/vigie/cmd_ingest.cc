// vigie ingest: reads inputs, runs the pipeline on every core, stores documents and their
// event records in a SQLite file; resumable. vigie errors: lists the recorded problems.
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli_common.h"
#include "fuse/update.h"
#include "commands.h"
#include "pipeline/pipeline.h"
#include "store/extraction.h"
#include "store/ingest_driver.h"
#include "store/store.h"

namespace vigie::cli {

namespace {

// Changes whenever what is extracted from a document changes; documents stored under
// another version are re-extracted by `vigie ingest --reprocess`.
// Bumped whenever extraction changes what it stores; `vigie ingest --reprocess` re-extracts
// documents stored under another version.
constexpr const char* kPipelineVersion = "vigie-0.1.0;events=1";

uint64_t InputBytes(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& p : paths) {
    if (p == "-") continue;
    if (std::filesystem::is_regular_file(p, ec)) {
      total += std::filesystem::file_size(p, ec);
    } else if (std::filesystem::is_directory(p, ec)) {
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
      }
    }
  }
  return total;
}

std::string Clock(double seconds) {
  if (seconds < 0 || seconds > 359999) return "--:--";
  auto s = static_cast<int64_t>(seconds);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60) : fmt::format("{}:{:02}", s / 60, s % 60);
}

// "1234 docs (56 skipped)  12.3/45.6 MB  789 events  3 errors  250 docs/s  ETA 0:12"
std::string ProgressText(const store::IngestProgress& p, uint64_t total_bytes) {
  double mb = p.bytes_read / 1e6, rate = p.elapsed_seconds > 0 ? p.documents_read / p.elapsed_seconds : 0;
  std::string s = fmt::format("{} docs", p.documents_read);
  if (p.documents_skipped) s += fmt::format(" ({} skipped)", p.documents_skipped);
  s += total_bytes ? fmt::format("  {:.1f}/{:.1f} MB", mb, total_bytes / 1e6) : fmt::format("  {:.1f} MB", mb);
  s += fmt::format("  {} events  {} error{}  {:.0f} docs/s", p.events, p.errors, p.errors == 1 ? "" : "s", rate);
  if (total_bytes && p.bytes_read && !p.done) {
    double frac = std::min(0.999, static_cast<double>(p.bytes_read) / total_bytes);
    s += "  ETA " + Clock(p.elapsed_seconds * (1 - frac) / frac);
  }
  return s;
}

}  // namespace

Runner RegisterIngest(CLI::App& app) {
  struct Args : InputArgs {
    std::string db;
    int workers = 0;
    size_t batch = 2000;
    bool reprocess = false, no_progress = false;
    std::string bulk = "auto";
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand(
      "ingest",
      "Read articles (text files, JSON Lines, folders, or - for standard input), analyse them on every core and "
      "store documents and event records in a SQLite file. Re-running skips what is already stored (same content, "
      "same pipeline version), so an interrupted run resumes where it stopped. Bad records are reported with file and "
      "record, kept in the database (vigie errors), and the run goes on.");
  AddInputOptions(sub, args.get());
  sub->add_option("--db", args->db, "SQLite database file (created if missing)")->required();
  sub->add_option("-j,--workers", args->workers, "Analysis threads (default: one per core)");
  sub->add_option("--batch", args->batch, "Documents per transaction (default 2000; a transaction also ends after 5 s)");
  sub->add_flag("--reprocess", args->reprocess, "Re-extract documents stored by another pipeline version");
  sub->add_flag("--no-progress", args->no_progress, "No progress bar or progress lines");
  sub->add_option("--bulk", args->bulk,
                  "Bulk loading: build the time and place indexes once at the end instead of keeping them up to date "
                  "(auto: once the run has written 20,000 documents and half as many as the store held; on: from the "
                  "start; off: never)")
      ->check(CLI::IsMember({"auto", "on", "off"}));
  return [args]() {
    auto pipe = pipeline::Pipeline::Create({args->packs});
    if (!pipe.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", pipe.status().message());
      return 1;
    }
    auto store = store::Store::OpenSqlite(args->db, {});
    if (!store.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", store.status().message());
      return 1;
    }
    const bool tty = isatty(STDERR_FILENO) != 0;
    const uint64_t total_bytes = InputBytes(args->paths);
    bool bar_shown = false;
    store::IngestOptions o;
    o.paths = args->paths;
    o.read = args->Read();
    o.pipeline_version = kPipelineVersion;
    o.extract = store::PipelineExtraction;
    o.workers = args->workers;
    o.batch_documents = std::max<size_t>(1, args->batch);
    o.reprocess = args->reprocess;
    if (args->bulk == "on") o.bulk_min_documents = 0, o.bulk_ratio = 0;
    if (args->bulk == "off") o.bulk_ratio = -1;
    o.progress_seconds = tty ? 0.25 : 10;
    o.on_problem = [&](const ingest::Problem& p) {
      if (args->quiet) return;
      if (bar_shown) fmt::print(stderr, "\r\033[K");
      fmt::print(stderr, "vigie: {}: {}: {}\n", p.severity == ingest::Severity::kError ? "error" : "warning",
                 p.origin.ToString(), p.message);
    };
    o.on_progress = [&](const store::IngestProgress& p) {
      if (args->no_progress || p.done) return;
      std::string text = ProgressText(p, total_bytes);
      if (tty) {
        int filled = total_bytes ? static_cast<int>(20.0 * std::min<uint64_t>(p.bytes_read, total_bytes) / total_bytes) : 0;
        fmt::print(stderr, "\r\033[K[{}{}] {}", std::string(filled, '#'), std::string(20 - filled, '.'), text);
        bar_shown = true;
      } else {
        fmt::print(stderr, "vigie: progress: {}\n", text);
      }
    };
    auto result = store::RunIngest(**store, **pipe, o);
    if (bar_shown) fmt::print(stderr, "\r\033[K");
    if (!result.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", result.status().message());
      return 1;
    }
    const auto& p = *result;
    fmt::print(stderr,
               "vigie: {} documents read ({:.1f} MB) in {:.1f} s: {} stored, {} already stored, {} events, {} error{}, "
               "{} warning{} -> {}\n",
               p.documents_read, p.bytes_read / 1e6, p.elapsed_seconds, p.documents_stored, p.documents_skipped,
               p.events, p.errors, p.errors == 1 ? "" : "s", p.warnings, p.warnings == 1 ? "" : "s", args->db);
    // The store's share two ways: the writer and checks alone, and with the rows the
    // analysis workers prepare for it.
    const double cpu = p.analysis_cpu_seconds + p.store_cpu_seconds + p.store_prep_cpu_seconds;
    if (cpu > 0)
      fmt::print(stderr,
                 "vigie: CPU time: analysis {:.1f} s, store {:.1f} s ({:.0f}% in the store), row preparation on the "
                 "workers {:.1f} s ({:.0f}% with it)\n",
                 p.analysis_cpu_seconds, p.store_cpu_seconds,
                 100 * p.store_cpu_seconds / (p.analysis_cpu_seconds + p.store_cpu_seconds), p.store_prep_cpu_seconds,
                 100 * (p.store_cpu_seconds + p.store_prep_cpu_seconds) / cpu);
    if (p.index_builds > 0)
      fmt::print(stderr, "vigie: bulk loading: indexes built {} time{} in {:.1f} s ({:.1f} s CPU, counted in the store's)\n",
                 p.index_builds, p.index_builds == 1 ? "" : "s", p.index_build_seconds, p.index_build_cpu_seconds);
    if (p.errors > 0) fmt::print(stderr, "vigie: the problems are listed by: vigie errors --db {}\n", args->db);
    // Fusion: the clusters the new events touch are recomputed (docs/fusion.md).
    auto fused = fuse::UpdateClusters(**store, {});
    if (!fused.ok()) {
      fmt::print(stderr, "vigie: error: updating the event clusters: {}\n", fused.status().message());
      return 1;
    }
    if (fused->new_events > 0 || fused->clusters_removed > 0 || fused->documents_signed > 0)
      fmt::print(stderr, "vigie: clusters: {} new events, {} events regrouped into {} clusters ({} replaced), {} copies, "
                 "in {:.2f} s\n",
                 fused->new_events, fused->events_regrouped, fused->clusters_written, fused->clusters_removed,
                 fused->copies, fused->seconds);
    // Non-zero only when nothing could be done.
    return p.documents_stored + p.documents_skipped == 0 && p.errors > 0 ? 1 : 0;
  };
}

Runner RegisterErrors(CLI::App& app) {
  struct Args {
    std::string db, format = "table";
    int64_t limit = -1;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("errors", "List the problems recorded while ingesting: file, record, severity, message.");
  sub->add_option("--db", args->db, "SQLite database file")->required();
  sub->add_option("--limit", args->limit, "At most this many");
  sub->add_option("--format", args->format, "table or jsonl")->check(CLI::IsMember({"table", "jsonl"}));
  return [args]() {
    auto store = store::Store::OpenSqlite(args->db, {true});
    if (!store.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", store.status().message());
      return 1;
    }
    auto errors = (*store)->ListErrors(args->limit);
    if (!errors.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", errors.status().message());
      return 1;
    }
    for (const auto& e : *errors) {
      if (args->format == "jsonl") {
        std::cout << nlohmann::json{{"file", e.file}, {"record", e.record}, {"severity", e.severity},
                                    {"message", e.message}, {"run_time", e.run_time}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
      } else {
        std::cout << e.file << (e.record ? ":" + std::to_string(e.record) : "") << ": " << e.severity << ": "
                  << e.message << "  [" << e.run_time << "]\n";
      }
    }
    fmt::print(stderr, "vigie: {} problem{}\n", errors->size(), errors->size() == 1 ? "" : "s");
    return 0;
  };
}

}  // namespace vigie::cli

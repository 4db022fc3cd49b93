// The ingest driver: reads inputs (one reader thread), analyses and extracts on N worker
// threads, and writes to a Store from one writer thread in batched transactions, in input
// order, so the stored content does not depend on thread timing. Resumable: documents
// already stored with the same content hash and pipeline version are skipped. RunIngest
// is reentrant; the callbacks are called from the driver's threads, never concurrently.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "vigie/event.h"

namespace vigie::store {

// What the extraction stages produced for one document.
struct Extraction {
  std::vector<EventRecord> events;
  std::vector<Mention> mentions;
};
// Must be thread-safe (called from every worker). The driver sets doc_id and
// event_id ("<doc id>#<1-based index>") on the records it returns.
using ExtractFn = std::function<Extraction(const pipeline::Analysis&)>;

struct IngestProgress {
  uint64_t documents_read = 0;    // documents the readers produced
  uint64_t bytes_read = 0;        // their raw bytes
  uint64_t documents_stored = 0;  // written (new, changed or re-extracted)
  uint64_t documents_skipped = 0; // already stored and current, or repeated in the input
  uint64_t events = 0;            // event records written
  uint64_t errors = 0, warnings = 0;
  double elapsed_seconds = 0;
  // CPU time spent analysing and extracting (all workers), and in the store (the writer's
  // transactions and the reader's already-stored checks): the store's share of the work.
  double analysis_cpu_seconds = 0, store_cpu_seconds = 0;
  // CPU time the workers spent preparing rows for the store (the records' JSON), not
  // counted in analysis_cpu_seconds: storage work that runs in parallel.
  double store_prep_cpu_seconds = 0;
  // Bulk loading: how many times the store built its deferred indexes, and the CPU and
  // wall time that took (the CPU time is part of store_cpu_seconds).
  uint64_t index_builds = 0;
  double index_build_cpu_seconds = 0, index_build_seconds = 0;
  bool done = false;
};

struct IngestOptions {
  std::vector<std::string> paths;  // files, folders, "-"
  ingest::ReadOptions read;
  std::string pipeline_version;    // stored with each document; a change means "re-extract"
  ExtractFn extract;               // empty: documents are stored with no events
  int workers = 0;                 // analysis threads; 0: one per core
  size_t batch_documents = 2000;   // a transaction holds at most this many documents...
  double batch_seconds = 5.0;      // ...or what arrived in this long
  bool reprocess = false;          // re-extract documents stored by another pipeline version
  // Bulk loading (Store::BeginBulkLoad). Once the documents this run has written reach
  // both `bulk_min_documents` and `bulk_ratio` times those the store held when the run
  // started (counted before each batch), the store stops maintaining its query indexes and builds them, sorted, when
  // the run ends, and also each time the documents written since the last build reach
  // max(`bulk_window`, documents indexed), so that at most half of a large store waits for
  // its indexes. A run that adds little to a large store writes incrementally, since a
  // build costs in proportion to the whole store; so does the start of any run, since
  // incremental index writes are cheap while the store is small (docs/store.md has the
  // measurements behind these numbers). bulk_ratio < 0: never.
  double bulk_ratio = 0.5;
  uint64_t bulk_min_documents = 20000;
  uint64_t bulk_window = 100000;
  std::string run_time;            // stamped on stored errors; empty: the store's open time
  double progress_seconds = 0.5;
  std::function<void(const IngestProgress&)> on_progress;  // periodic, and once at the end
  std::function<void(const ingest::Problem&)> on_problem;  // each problem as it is found
};

// Runs the whole ingest. Non-OK only when the store fails (the run stops; what was
// committed stays) or when no input path could be read at all.
StatusOr<IngestProgress> RunIngest(Store& store, const pipeline::Pipeline& pipeline, const IngestOptions& options);

// Stamps doc_id and event_id ("<doc id>#<n>") on the records of one document.
void AssignEventIds(const std::string& doc_id, std::vector<EventRecord>* events);

}  // namespace vigie::store

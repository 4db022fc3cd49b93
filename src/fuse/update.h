// Keeping a Store's event clusters up to date: after documents arrive, UpdateClusters signs
// the new documents (near-duplicate detection), then recomputes only the clusters the new
// or removed events touch. The result equals a full recompute (`rebuild`). Not thread-safe
// against another UpdateClusters on the same database (the ingest command runs it once,
// at the end of a run).
#pragma once

#include <cstdint>

#include "store/store.h"
#include "vigie/status.h"

namespace vigie::fuse {

struct UpdateOptions {
  bool rebuild = false;  // drop every cluster, signature and copy relation first
};

struct UpdateStats {
  int64_t new_events = 0;        // events that were in no cluster
  int64_t documents_signed = 0;  // documents given a MinHash signature
  int64_t copies = 0;            // copy relations written
  int64_t events_regrouped = 0;  // events whose cluster was recomputed
  int64_t clusters_removed = 0, clusters_written = 0;
  int64_t bad_events = 0;  // stored records that could not be read (skipped)
  double seconds = 0;
};

StatusOr<UpdateStats> UpdateClusters(store::Store& store, const UpdateOptions& options);

}  // namespace vigie::fuse

// Bulk loading of the SQLite store: the events' time, type and place indexes are dropped
// while a large run writes and built once, sorted, at the end (CREATE INDEX sorts; an
// incremental insert at a random date dirties a page of each index). Queries stay correct
// without them (SQLite plans around a missing index), only slower. The state is a row of
// `bulk_load`, written in the same transaction as the drop, so a writer killed before the
// build leaves a file that says so; whoever opens it next builds the indexes first
// (RepairBulk). A live bulk writer holds an exclusive flock on "<db>-bulk" (removed by its
// holder on release; a dead holder's file stays, unlocked), so that a reader does not take
// it for a dead one. Functions
// take a connection the caller owns; not thread-safe beyond that connection's use.
#pragma once

#include <sqlite3.h>

#include <string>

#include "vigie/status.h"

namespace vigie::store::internal {

// The indexes a bulk load defers, as schema 6 created them (name, CREATE statement).
struct DeferredIndex {
  const char* name;
  const char* create;
};
inline constexpr DeferredIndex kDeferredIndexes[] = {
    {"events_days", "CREATE INDEX IF NOT EXISTS events_days ON events(day_lo, day_hi)"},
    {"events_type_days", "CREATE INDEX IF NOT EXISTS events_type_days ON events(type, day_lo)"},
    {"events_spot_days_type",
     "CREATE INDEX IF NOT EXISTS events_spot_days_type ON events(spot_key, day_lo, day_hi, type)"},
};

// Inside the caller's write transaction: drops the deferred indexes and records the
// bulk state (rerunnable: a store already in bulk mode stays so).
Status EnterBulk(sqlite3* db, const std::string& now);
// Inside the caller's write transaction: builds the deferred indexes and clears the
// state (a no-op on a store not in bulk mode).
Status LeaveBulk(sqlite3* db);
// Whether the file is in bulk mode (false for a schema without the state table).
StatusOr<bool> BulkPending(sqlite3* db);

// The exclusive lock a bulk writer holds on "<db path>-bulk" for as long as its indexes
// are down. Released when the object goes or the process dies (kill -9 included).
class BulkLock {
 public:
  BulkLock() = default;
  ~BulkLock() { Release(); }
  BulkLock(const BulkLock&) = delete;
  BulkLock& operator=(const BulkLock&) = delete;
  // Takes the lock without waiting; false when another process (or handle) holds it, or
  // when the lock file cannot be made (a read-only folder). Release removes the file; a
  // holder killed leaves it, unlocked, for the next holder to take.
  bool TryAcquire(const std::string& db_path);
  bool held() const { return fd_ >= 0; }
  void Release();

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace vigie::store::internal

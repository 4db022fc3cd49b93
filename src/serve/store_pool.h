// serve: a fixed set of read-only connections to one store, shared by the server's
// worker threads. A Lease holds one connection for the length of a request and gives it
// back when destroyed; Acquire waits while all are leased. Thread-safe.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"
#include "vigie/status.h"

namespace vigie::serve {

class StorePool {
 public:
  // Opens `size` read-only connections on the SQLite file at `path`.
  static StatusOr<std::unique_ptr<StorePool>> OpenSqlite(const std::string& path, size_t size);

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease();
    store::Store* operator->() const { return store_.get(); }
    store::Store& operator*() const { return *store_; }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };
  Lease Acquire();

  const std::string& path() const { return path_; }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<store::Store>> free_;
  std::string path_;
};

}  // namespace vigie::serve

#include "serve/store_pool.h"

namespace vigie::serve {

StatusOr<std::unique_ptr<StorePool>> StorePool::OpenSqlite(const std::string& path, size_t size) {
  auto pool = std::make_unique<StorePool>();
  pool->path_ = path;
  for (size_t i = 0; i < std::max<size_t>(size, 1); ++i) {
    auto s = store::Store::OpenSqlite(path, {.read_only = true});
    if (!s.ok()) return s.status();
    pool->free_.push_back(std::move(s).value());
  }
  return pool;
}

StorePool::Lease StorePool::Acquire() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !free_.empty(); });
  auto s = std::move(free_.back());
  free_.pop_back();
  return Lease(this, std::move(s));
}

StorePool::Lease::~Lease() {
  if (!store_) return;
  {
    std::lock_guard lock(pool_->mu_);
    pool_->free_.push_back(std::move(store_));
  }
  pool_->cv_.notify_one();
}

}  // namespace vigie::serve

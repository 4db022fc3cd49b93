#include "store/sqlite_bulk.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/sqlite_util.h"

namespace vigie::store::internal {

Status EnterBulk(sqlite3* db, const std::string& now) {
  for (const DeferredIndex& index : kDeferredIndexes)
    VIGIE_RETURN_IF_ERROR(Exec(db, ("DROP INDEX IF EXISTS " + std::string(index.name)).c_str()));
  Stmt s(db,
         "INSERT INTO bulk_load(id, started_at, documents_at_start) "
         "VALUES (1, ?, (SELECT count(*) FROM documents)) ON CONFLICT(id) DO NOTHING");
  s.Bind(1, now);
  return s.Run();
}

Status LeaveBulk(sqlite3* db) {
  for (const DeferredIndex& index : kDeferredIndexes) VIGIE_RETURN_IF_ERROR(Exec(db, index.create));
  return Exec(db, "DELETE FROM bulk_load");
}

StatusOr<bool> BulkPending(sqlite3* db) {
  Stmt has(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'bulk_load'");
  if (!has.Step())
    return has.status().ok() ? Status::Corruption("empty schema count") : has.status();
  if (has.Int(0) == 0) return false;
  Stmt s(db, "SELECT count(*) FROM bulk_load");
  if (!s.Step()) return s.status().ok() ? Status::Corruption("empty count") : s.status();
  return s.Int(0) > 0;
}

bool BulkLock::TryAcquire(const std::string& db_path) {
  if (fd_ >= 0) return true;
  const std::string lock_path = db_path + "-bulk";
  // The holder removes the file when it lets go: a lock taken on a file that is no longer
  // at the path (removed, or removed and made anew) proves nothing, so try again.
  for (int attempt = 0; attempt < 8; ++attempt) {
    int fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      close(fd);
      return false;
    }
    struct stat held {
    }, named{};
    if (fstat(fd, &held) == 0 && stat(lock_path.c_str(), &named) == 0 &&
        held.st_ino == named.st_ino && held.st_dev == named.st_dev) {
      fd_ = fd;
      path_ = lock_path;
      return true;
    }
    close(fd);
  }
  return false;
}

void BulkLock::Release() {
  if (fd_ < 0) return;
  unlink(path_.c_str());  // while still holding it (see TryAcquire)
  flock(fd_, LOCK_UN);
  close(fd_);
  fd_ = -1;
}

}  // namespace vigie::store::internal

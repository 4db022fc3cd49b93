// Thin RAII helpers over the SQLite C API, for the store only (the one place that
// includes sqlite3.h). A Stmt is a prepared statement bound by position; values are
// always bound, never spliced into SQL. Not thread-safe: the owner serialises use.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vigie/status.h"

namespace vigie::store::internal {

// "SQLITE_CORRUPT: database disk image is malformed" for an error on `db`.
Status SqliteError(sqlite3* db, int rc, std::string_view context);

// Runs one or more SQL statements with no parameters (schema, pragmas).
Status Exec(sqlite3* db, const char* sql);

class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  const Status& status() const { return status_; }
  // Binds parameter i (1-based). Empty text binds as NULL with BindTextOrNull.
  Stmt& Bind(int i, std::string_view text);
  Stmt& BindTextOrNull(int i, std::string_view text);
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::optional<double> v);
  Stmt& Bind(int i, std::optional<int64_t> v);
  Stmt& BindNull(int i);
  // The same without copying the bytes (SQLITE_STATIC), for the writer's hot path: `text`
  // must stay valid until the statement has run, and every later run rebinds the parameter.
  Stmt& BindRef(int i, std::string_view text);
  Stmt& BindRefOrNull(int i, std::string_view text);
  Stmt& BindBlob(int i, std::string_view bytes);

  // Steps once: true with a row, false when done; errors land in status().
  bool Step();
  // Steps to completion; returns the status.
  Status Run();
  // Ready to run again, with no values bound.
  void Reset();
  // Ready to run again, keeping the bound values (the caller rebinds each parameter).
  void Rewind();

  std::string Text(int col) const;
  std::string Blob(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  bool IsNull(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

}  // namespace vigie::store::internal

// The SQLite schema of the store and its migrations, numbered by PRAGMA user_version.
// Migrate() brings a fresh or older file to the current version in one transaction and
// refuses a file written by a newer Vigie. Called once per connection by the opener.
#pragma once

#include <sqlite3.h>

#include <string>

#include "vigie/status.h"

namespace vigie::store::internal {

inline constexpr int kSchemaVersion = 8;
// PRAGMA application_id of a Vigie database ("VIGI").
inline constexpr int kApplicationId = 0x56494749;

Status Migrate(sqlite3* db, const std::string& path);

}  // namespace vigie::store::internal

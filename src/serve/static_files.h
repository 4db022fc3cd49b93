// serve: the dashboard's files, read once from a folder into memory at start-up. Only
// files found under that folder are ever served, so a request path cannot reach anything
// else (no path traversal by construction); symbolic links are not followed. Immutable
// after Load; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "vigie/status.h"

namespace vigie::serve {

struct StaticFile {
  std::string content_type;
  std::string body;
  std::string gzipped;  // the body gzip-compressed once at load; empty when not smaller
};

class StaticFiles {
 public:
  // Reads every regular file below `root` (at most `max_bytes` in all). Files whose
  // extension has no known content type are left out.
  static StatusOr<std::unique_ptr<StaticFiles>> Load(const std::string& root, uint64_t max_bytes = 64u << 20);

  // The file for a URL path ("/" and "/dir/" mean their index.html), or null.
  const StaticFile* Find(std::string_view url_path) const;

  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, StaticFile, std::less<>> files_;  // "/vendor/leaflet.js" -> file
};

// `data` as one gzip member (zlib; level 1 fastest to 9 smallest).
StatusOr<std::string> Gzip(std::string_view data, int level = 9);

// The content type for a file name's extension, or empty when unknown.
std::string_view ContentTypeFor(std::string_view name);

}  // namespace vigie::serve

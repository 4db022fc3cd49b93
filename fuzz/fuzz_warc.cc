// Fuzz target: arbitrary bytes through ingest's WARC and gzip readers (the input is read
// as-is, and also behind a "WARC/1.0" header to reach record parsing quickly).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/utf8.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto check = [](vigie::Document&& d) {
    if (!vigie::core::IsValidUtf8(d.raw) || d.raw.empty() || d.id.empty()) std::abort();
  };
  auto ignore = [](const vigie::ingest::Problem& p) {
    if (p.message.empty()) std::abort();
  };
  vigie::ingest::ReadOptions options;
  options.max_file_bytes = 1 << 24;
  vigie::ingest::ReadBytes(bytes, "fuzz.warc.gz", options, check, ignore);
  if (!bytes.starts_with("WARC/1.")) {
    std::string framed = "WARC/1.0\r\n" + std::string(bytes);
    vigie::ingest::ReadBytes(framed, "fuzz.warc", options, check, ignore);
  }
  return 0;
}

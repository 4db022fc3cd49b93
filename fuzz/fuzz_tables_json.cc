// Fuzz target: language-pack TSV tables and event-record JSON (both read from files a
// user edits or supplies). Parsing must fail cleanly, never crash, and what parses must
// serialise back to JSON that parses again to the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/event_json.h"
#include "core/langpack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = vigie::core::ParseTsv(bytes, "fuzz.tsv");
  if (table.ok()) {
    for (const auto& row : table->rows)
      if (row.size() != table->columns.size()) std::abort();
  }
  auto event = vigie::core::EventFromJson(bytes);
  if (event.ok()) {
    std::string once = vigie::core::EventToJson(*event);
    auto again = vigie::core::EventFromJson(once);
    if (!again.ok() || vigie::core::EventToJson(*again) != once) std::abort();
  }
  return 0;
}

// JSON form of the event record (EVENTS.md): stable key order, nulls written out, so the
// same record always serialises to the same bytes. Reading accepts gold files, where
// optional fields may be absent. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vigie/event.h"
#include "vigie/status.h"

namespace vigie::core {

// One line of JSON, no trailing newline.
std::string EventToJson(const EventRecord& e);
// The same bytes appended to *out (a buffer reused record after record allocates nothing).
void AppendEventJson(const EventRecord& e, std::string* out);
// The same bytes made the slow, obvious way (an nlohmann tree, dumped): the oracle the
// tests check EventToJson against.
std::string EventToJsonTree(const EventRecord& e);
StatusOr<EventRecord> EventFromJson(std::string_view json);
// The same record read the slow, obvious way (an nlohmann tree): the oracle of the tests,
// and what EventFromJson falls back to for input it does not read the same way.
StatusOr<EventRecord> EventFromJsonTree(std::string_view json);

struct GoldDocument {
  std::string id, lang, date, expected_inferred_date, source;
  std::vector<EventRecord> events;
};
// Reads a *.gold.json file: {"doc": {...}, "events": [...]}.
StatusOr<GoldDocument> ReadGoldFile(const std::string& path);

}  // namespace vigie::core

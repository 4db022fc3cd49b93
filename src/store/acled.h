// ACLED-style coding of Vigie event records: our type/subtype to ACLED's event_type and
// sub_event_type, our precisions to ACLED's 1-3 precision codes, a fatality count.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "vigie/event.h"

namespace vigie::store {

struct AcledType {
  std::string event_type, sub_event_type;
};

// Empty when the type has no ACLED counterpart (displacement, aid_delivery, toll,
// ceasefire_violation): such records are left out of ACLED exports.
std::optional<AcledType> AcledTypeOf(const EventRecord& e);

// 1 town or finer, 2 district or a part near it, 3 region or country; 0 unknown.
int AcledGeoPrecision(const EventRecord& e);
// 1 day, 2 week, 3 month or coarser; 0 unknown.
int AcledTimePrecision(const EventRecord& e);
// The lowest reported number killed (ACLED's conservative rule); 0 when none.
int64_t AcledFatalities(const EventRecord& e);

}  // namespace vigie::store

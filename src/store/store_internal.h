// What only the store module uses: date bounds for interval filtering, the event query
// builder (SQL text plus bound parameters, never spliced values), small JSON and geo
// helpers. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/store.h"

namespace vigie::store::internal {

// Earliest and latest day an ISO date of any precision covers: "2016-12" -> 2016-12-01,
// 2016-12-31 ("-31" for every month: used only for ordering). Empty stays empty.
std::string DateLo(std::string_view iso);
std::string DateHi(std::string_view iso);

// A day as an integer key, YYYYMMDD (it orders as the ISO text does), for the events'
// time indexes (schema 6): 2016-12-31 -> 20161231. -1 when `day` is not YYYY-MM-DD; such
// a record keeps a NULL key. The schema's migration applies the same rule in SQL.
int64_t DayKey(std::string_view day);

double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// A JSON string literal for `s` (quotes, escapes).
std::string JsonQuote(std::string_view s);

// The mentions of one document as one value (schema 5 keeps one row per document, not
// per mention): for each mention in order, kind, text and value as a little-endian
// uint32 byte length then the bytes, then start and end as little-endian uint32. Bytes
// are kept as given (no escaping, no UTF-8 check), so any text comes back intact.
std::string PackMentions(const std::vector<Mention>& mentions);
// False when `packed` is not a well-formed mention set.
bool UnpackMentions(std::string_view packed, std::vector<Mention>* out);

struct SqlQuery {
  std::string sql;
  std::vector<std::variant<std::string, double, int64_t>> params;
};
// SELECT json, outlet, url, date, lang for the filter, in the filter's order.
SqlQuery BuildEventQuery(const EventFilter& f);
// " FROM events e LEFT JOIN documents d ... WHERE ..." for the filter, without order,
// limit or offset: the caller puts its own SELECT in front (counts, aggregates).
SqlQuery BuildEventWhere(const EventFilter& f);

}  // namespace vigie::store::internal

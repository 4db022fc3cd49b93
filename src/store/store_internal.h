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

double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// A JSON string literal for `s` (quotes, escapes).
std::string JsonQuote(std::string_view s);

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

// The event record, version 1: the contract between the extractor, the store, the API,
// the exports and the evaluation (../shared/spec/EVENTS.md). Plain value types; an empty
// string or an empty optional stands for JSON null. Offsets are raw-input byte offsets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie {

struct Span {
  uint32_t start = 0, end = 0;
};

struct EventDate {
  std::string start, end;  // ISO: YYYY-MM-DD, YYYY-MM or YYYY
  std::string precision;   // day, week, month, year, interval
  std::string basis;       // explicit, relative, document, inferred
  std::string text;        // as written
};

struct EventLocation {
  std::string text, name, part;
  std::optional<int64_t> geonameid;
  std::optional<double> lat, lon;
  std::string admin1, country;  // country: ISO 3166-1 alpha-2
  std::string precision;        // site, neighbourhood, village, city, district, region, country
};

struct EventActor {
  std::string text, name;
  std::string cls;  // "class" in JSON: state_forces, armed_opposition, ...
  std::string country, label;
};

struct Quantity {
  std::string kind;  // killed, injured, displaced, ..., places, territory_pct, aid, people
  std::optional<double> value, min, max;
  std::string qualifier;  // exact, more_than, at_least, less_than, about, range
  std::string unit, text;
};

struct EventRecord {
  std::string event_id, doc_id;
  std::string type, subtype, status, modality;
  std::optional<EventDate> date;
  std::optional<EventLocation> location;
  std::optional<EventActor> actor1, actor2, claimant;
  std::vector<Quantity> quantities;
  std::vector<Span> evidence;
  double confidence = 0;
  std::string extra_json = "{}";  // the "extra" object, as JSON text
  bool optional = false;          // gold files only: background context, not required
};

}  // namespace vigie

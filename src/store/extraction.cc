#include "store/extraction.h"

#include <nlohmann/json.hpp>

namespace vigie::store {

Extraction PipelineExtraction(const pipeline::Analysis& a) {
  using Json = nlohmann::ordered_json;
  Extraction x;
  x.events = a.events;
  auto add = [&](const char* kind, uint32_t start, uint32_t end, const Json& value) {
    x.mentions.push_back({kind, a.clean.text.substr(start, end - start), a.RawStart(start), a.RawEnd(end),
                          value.dump(-1, ' ', false, Json::error_handler_t::replace)});
  };
  for (const auto& p : a.mentions.places) {
    Json v = {{"name", p.location.name}, {"country", p.location.country},
              {"precision", p.location.precision}, {"part", p.location.part}};
    v["geonameid"] = p.location.geonameid ? Json(*p.location.geonameid) : Json(nullptr);
    add("place", p.start, p.end, v);
  }
  for (const auto& d : a.mentions.dates)
    add("date", d.start, d.end,
        {{"start", d.date.start}, {"end", d.date.end}, {"precision", d.date.precision}, {"basis", d.date.basis}});
  for (const auto& q : a.mentions.quantities)
    add("quantity", q.start, q.end,
        {{"value", q.quantity.value.value_or(0)}, {"qualifier", q.quantity.qualifier}, {"noun", q.noun}});
  return x;
}

}  // namespace vigie::store

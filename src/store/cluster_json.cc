#include "store/cluster_json.h"

#include <nlohmann/json.hpp>

#include "core/event_json.h"

namespace vigie::store {

namespace {

using Json = nlohmann::ordered_json;

Json Str(const std::string& s) { return s.empty() ? Json() : Json(s); }

std::string GetStr(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int64_t GetInt(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

// The event record's own serialiser writes the date, place, actors and quantities, so a
// cluster's fields read exactly like an event's.
Json EventParts(const Cluster& c, const std::vector<Quantity>& quantities) {
  EventRecord e;
  e.type = c.type;
  e.date = c.date;
  e.location = c.location;
  e.actor1 = c.actor1;
  e.actor2 = c.actor2;
  e.quantities = quantities;
  return Json::parse(core::EventToJson(e));
}

}  // namespace

std::string ClusterToJson(const Cluster& c) {
  std::vector<Quantity> qs;
  for (const auto& q : c.quantities) qs.push_back(q.quantity);
  Json parts = EventParts(c, qs);
  Json j;
  j["cluster_id"] = c.cluster_id;
  j["type"] = c.type;
  j["subtype"] = Str(c.subtype);
  j["date"] = parts["date"];
  j["location"] = parts["location"];
  j["actor1"] = parts["actor1"];
  j["actor2"] = parts["actor2"];
  j["events"] = c.events;
  j["documents"] = c.documents;
  j["outlets"] = c.outlets;
  j["claimants"] = c.claimants;
  j["outlet_names"] = c.outlet_names;
  Json quantities = Json::array();
  for (size_t i = 0; i < c.quantities.size(); ++i) {
    Json q = parts["quantities"][i];
    q["event_id"] = c.quantities[i].event_id;
    q["outlet"] = Str(c.quantities[i].outlet);
    q["claimant"] = Str(c.quantities[i].claimant);
    quantities.push_back(std::move(q));
  }
  j["quantities"] = std::move(quantities);
  Json flags = Json::array();
  for (const auto& f : c.contradictions)
    flags.push_back({{"kind", f.kind},
                     {"subject", Str(f.subject)},
                     {"detail", Str(f.detail)},
                     {"event_ids", f.event_ids}});
  j["contradictions"] = std::move(flags);
  if (!c.sources.empty()) {
    Json sources = Json::array();
    for (const auto& s : c.sources) {
      sources.push_back({{"event_id", s.event_id},
                         {"doc_id", s.doc_id},
                         {"outlet", Str(s.outlet)},
                         {"url", Str(s.url)},
                         {"title", Str(s.title)},
                         {"doc_date", Str(s.doc_date)},
                         {"doc_lang", Str(s.doc_lang)},
                         {"claimant", Str(s.claimant)},
                         {"modality", Str(s.modality)},
                         {"copy_of", Str(s.copy_of)}});
    }
    j["sources"] = std::move(sources);
  }
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

StatusOr<Cluster> ClusterFromJson(std::string_view text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("malformed JSON cluster");
  try {
    Cluster c;
    c.cluster_id = GetStr(j, "cluster_id");
    c.type = GetStr(j, "type");
    c.subtype = GetStr(j, "subtype");
    // Back through the event reader for the parts that share its shapes.
    Json parts = {{"type", c.type.empty() ? "unknown" : c.type}};
    for (const char* k : {"date", "location", "actor1", "actor2", "quantities"})
      if (j.contains(k)) parts[k] = j[k];
    auto e = core::EventFromJson(parts.dump());
    if (!e.ok()) return e.status();
    c.date = e->date, c.location = e->location, c.actor1 = e->actor1, c.actor2 = e->actor2;
    c.events = GetInt(j, "events"), c.documents = GetInt(j, "documents");
    c.outlets = GetInt(j, "outlets"), c.claimants = GetInt(j, "claimants");
    if (auto it = j.find("outlet_names"); it != j.end() && it->is_array())
      for (const auto& o : *it)
        if (o.is_string()) c.outlet_names.push_back(o.get<std::string>());
    if (auto it = j.find("quantities"); it != j.end() && it->is_array()) {
      for (size_t i = 0; i < it->size() && i < e->quantities.size(); ++i) {
        const Json& q = (*it)[i];
        c.quantities.push_back(
            {e->quantities[i], GetStr(q, "event_id"), GetStr(q, "outlet"), GetStr(q, "claimant")});
      }
    }
    if (auto it = j.find("contradictions"); it != j.end() && it->is_array()) {
      for (const auto& f : *it) {
        Contradiction x{GetStr(f, "kind"), GetStr(f, "subject"), GetStr(f, "detail"), {}};
        if (auto ids = f.find("event_ids"); ids != f.end() && ids->is_array())
          for (const auto& id : *ids)
            if (id.is_string()) x.event_ids.push_back(id.get<std::string>());
        c.contradictions.push_back(std::move(x));
      }
    }
    if (auto it = j.find("sources"); it != j.end() && it->is_array()) {
      for (const auto& s : *it) {
        c.sources.push_back({GetStr(s, "event_id"), GetStr(s, "doc_id"), GetStr(s, "outlet"),
                             GetStr(s, "url"), GetStr(s, "title"), GetStr(s, "doc_date"),
                             GetStr(s, "doc_lang"), GetStr(s, "claimant"), GetStr(s, "modality"),
                             GetStr(s, "copy_of")});
      }
    }
    return c;
  } catch (const nlohmann::json::exception& x) {
    return Status::InvalidArgument(std::string("bad cluster field: ") + x.what());
  }
}

}  // namespace vigie::store

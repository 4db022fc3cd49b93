#include "core/event_json.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "core/langpack.h"

namespace vigie::core {

namespace {

using Json = nlohmann::ordered_json;

Json Str(const std::string& s) { return s.empty() ? Json() : Json(s); }
Json Num(const std::optional<double>& v) {
  if (!v) return Json();
  double d = *v;
  if (std::floor(d) == d && std::fabs(d) < 9e15) return Json(static_cast<int64_t>(d));
  return Json(d);
}

Json ActorJson(const std::optional<EventActor>& a, bool with_label) {
  if (!a) return Json();
  Json j;
  j["text"] = Str(a->text);
  j["name"] = Str(a->name);
  j["class"] = Str(a->cls);
  j["country"] = Str(a->country);
  if (with_label) j["label"] = Str(a->label);
  return j;
}

std::string GetStr(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::optional<double> GetNum(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::optional<EventActor> ActorFrom(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return std::nullopt;
  return EventActor{GetStr(*it, "text"), GetStr(*it, "name"), GetStr(*it, "class"), GetStr(*it, "country"),
                    GetStr(*it, "label")};
}

StatusOr<EventRecord> FromJson(const Json& j) {
  if (!j.is_object()) return Status::InvalidArgument("an event must be a JSON object");
  EventRecord e;
  e.event_id = GetStr(j, "event_id");
  e.doc_id = GetStr(j, "doc_id");
  e.type = GetStr(j, "type");
  if (e.type.empty()) return Status::InvalidArgument("event has no type");
  e.subtype = GetStr(j, "subtype");
  e.status = GetStr(j, "status");
  e.modality = GetStr(j, "modality");
  if (auto it = j.find("date"); it != j.end() && it->is_object()) {
    e.date = EventDate{GetStr(*it, "start"), GetStr(*it, "end"), GetStr(*it, "precision"), GetStr(*it, "basis"),
                       GetStr(*it, "text")};
  }
  if (auto it = j.find("location"); it != j.end() && it->is_object()) {
    EventLocation l;
    l.text = GetStr(*it, "text");
    l.name = GetStr(*it, "name");
    l.part = GetStr(*it, "part");
    if (auto g = it->find("geonameid"); g != it->end() && g->is_number_integer()) l.geonameid = g->get<int64_t>();
    l.lat = GetNum(*it, "lat");
    l.lon = GetNum(*it, "lon");
    l.admin1 = GetStr(*it, "admin1");
    l.country = GetStr(*it, "country");
    l.precision = GetStr(*it, "precision");
    e.location = l;
  }
  e.actor1 = ActorFrom(j, "actor1");
  e.actor2 = ActorFrom(j, "actor2");
  e.claimant = ActorFrom(j, "claimant");
  if (auto it = j.find("quantities"); it != j.end() && it->is_array()) {
    for (const auto& q : *it) {
      if (!q.is_object()) continue;
      e.quantities.push_back({GetStr(q, "kind"), GetNum(q, "value"), GetNum(q, "min"), GetNum(q, "max"),
                              GetStr(q, "qualifier"), GetStr(q, "unit"), GetStr(q, "text")});
    }
  }
  if (auto it = j.find("evidence"); it != j.end() && it->is_array()) {
    for (const auto& s : *it)
      if (s.is_object()) e.evidence.push_back({s.value("start", 0u), s.value("end", 0u)});
  }
  if (auto c = GetNum(j, "confidence")) e.confidence = *c;
  if (auto it = j.find("extra"); it != j.end() && it->is_object()) e.extra_json = it->dump();
  if (auto it = j.find("optional"); it != j.end() && it->is_boolean()) e.optional = it->get<bool>();
  return e;
}

}  // namespace

std::string EventToJson(const EventRecord& e) {
  Json j;
  j["event_id"] = e.event_id;
  j["doc_id"] = e.doc_id;
  j["type"] = e.type;
  j["subtype"] = Str(e.subtype);
  j["status"] = Str(e.status);
  j["modality"] = Str(e.modality);
  if (e.date) {
    j["date"] = {{"start", Str(e.date->start)}, {"end", Str(e.date->end)}, {"precision", Str(e.date->precision)},
                 {"basis", Str(e.date->basis)}, {"text", Str(e.date->text)}};
  } else {
    j["date"] = nullptr;
  }
  if (e.location) {
    const EventLocation& l = *e.location;
    j["location"] = {{"text", Str(l.text)},
                     {"name", Str(l.name)},
                     {"part", Str(l.part)},
                     {"geonameid", l.geonameid ? Json(*l.geonameid) : Json()},
                     {"lat", Num(l.lat)},
                     {"lon", Num(l.lon)},
                     {"admin1", Str(l.admin1)},
                     {"country", Str(l.country)},
                     {"precision", Str(l.precision)}};
  } else {
    j["location"] = nullptr;
  }
  j["actor1"] = ActorJson(e.actor1, true);
  j["actor2"] = ActorJson(e.actor2, true);
  Json qs = Json::array();
  for (const auto& q : e.quantities) {
    Json jq;
    jq["kind"] = q.kind;
    if (q.min || q.max) {
      jq["min"] = Num(q.min);
      jq["max"] = Num(q.max);
    } else {
      jq["value"] = Num(q.value);
    }
    jq["qualifier"] = Str(q.qualifier);
    if (!q.unit.empty()) jq["unit"] = q.unit;
    jq["text"] = Str(q.text);
    qs.push_back(jq);
  }
  j["quantities"] = qs;
  j["claimant"] = ActorJson(e.claimant, false);
  Json ev = Json::array();
  for (const auto& s : e.evidence) ev.push_back({{"start", s.start}, {"end", s.end}});
  j["evidence"] = ev;
  j["confidence"] = std::round(e.confidence * 1000) / 1000;
  j["extra"] = Json::parse(e.extra_json, nullptr, false).is_object() ? Json::parse(e.extra_json) : Json::object();
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

StatusOr<EventRecord> EventFromJson(std::string_view json) {
  Json j = Json::parse(json, nullptr, false);
  if (j.is_discarded()) return Status::InvalidArgument("malformed JSON event");
  try {
    return FromJson(j);
  } catch (const nlohmann::json::exception& e) {  // a field of the wrong type
    return Status::InvalidArgument(std::string("bad event field: ") + e.what());
  }
}

StatusOr<GoldDocument> ReadGoldFile(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  Json j = Json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption(path + ": not a JSON object");
  GoldDocument g;
  if (auto it = j.find("doc"); it != j.end() && it->is_object()) {
    g.id = GetStr(*it, "id");
    g.lang = GetStr(*it, "lang");
    g.date = GetStr(*it, "date");
    g.expected_inferred_date = GetStr(*it, "expected_inferred_date");
    g.source = GetStr(*it, "source");
  }
  auto ev = j.find("events");
  if (ev == j.end() || !ev->is_array()) return Status::Corruption(path + ": no 'events' array");
  for (size_t i = 0; i < ev->size(); ++i) {
    StatusOr<EventRecord> e = Status::InvalidArgument("unreadable");
    try {
      e = FromJson((*ev)[i]);
    } catch (const nlohmann::json::exception& x) {
      e = Status::InvalidArgument(std::string("bad field: ") + x.what());
    }
    if (!e.ok()) return Status::Corruption(path + ": event " + std::to_string(i + 1) + ": " + e.status().message());
    g.events.push_back(std::move(e).value());
  }
  return g;
}

}  // namespace vigie::core

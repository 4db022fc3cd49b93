#include "core/event_json.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

#include "core/langpack.h"
#include "core/utf8.h"

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

// The record is written directly rather than built as a JSON tree and dumped (the tree
// cost ~220k instructions per event); the bytes are those nlohmann's dump gives for the
// tree (EventToJsonTree in the tests checks it): same key order, compact, UTF-8 kept,
// invalid UTF-8 replaced by U+FFFD, and numbers that are not integers formatted by
// nlohmann itself.
class Writer {
 public:
  explicit Writer(std::string* out) : out_(*out) {}

  // The key of the next value.
  Writer& Key(std::string_view k) {
    Sep();
    out_ += '"';
    out_ += k;  // keys are ASCII identifiers
    out_ += "\":";
    pending_value_ = true;
    return *this;
  }
  void Open(char c) {
    Sep();
    out_ += c;
    first_ = true;
  }
  void Close(char c) {
    out_ += c;
    first_ = false;
  }
  void Null() {
    Sep();
    out_ += "null";
  }
  void String(std::string_view s) {
    Sep();
    bool ascii = true;
    for (unsigned char c : s) ascii &= c < 0x80;
    if (!ascii && !IsValidUtf8(s)) {
      out_ += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    for (unsigned char c : s) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 15];
          } else {
            out_ += static_cast<char>(c);
          }
      }
    }
    out_ += '"';
  }
  // Empty text is written as null (EVENTS.md: unknown fields are null).
  void StrOrNull(const std::string& s) { s.empty() ? Null() : String(s); }
  void Int(int64_t v) {
    Sep();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void UInt(uint64_t v) {
    Sep();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void Double(double d) {
    Sep();
    out_ += Json(d).dump();
  }
  // Num(): integral values as integers, others as doubles, unset as null.
  void Number(const std::optional<double>& v) {
    if (!v) return Null();
    double d = *v;
    if (std::floor(d) == d && std::fabs(d) < 9e15) return Int(static_cast<int64_t>(d));
    Double(d);
  }
  void Raw(std::string_view json) {
    Sep();
    out_ += json;
  }

 private:
  void Sep() {
    if (pending_value_) {
      pending_value_ = false;
    } else if (!first_) {
      out_ += ',';
    }
    first_ = false;
  }

  std::string& out_;
  bool first_ = true;
  bool pending_value_ = false;
};

void WriteActor(Writer& w, const std::optional<EventActor>& a, bool with_label) {
  if (!a) return w.Null();
  w.Open('{');
  w.Key("text").StrOrNull(a->text);
  w.Key("name").StrOrNull(a->name);
  w.Key("class").StrOrNull(a->cls);
  w.Key("country").StrOrNull(a->country);
  if (with_label) w.Key("label").StrOrNull(a->label);
  w.Close('}');
}

}  // namespace

std::string EventToJson(const EventRecord& e) {
  std::string out;
  out.reserve(1024);
  Writer w(&out);
  w.Open('{');
  w.Key("event_id").String(e.event_id);
  w.Key("doc_id").String(e.doc_id);
  w.Key("type").String(e.type);
  w.Key("subtype").StrOrNull(e.subtype);
  w.Key("status").StrOrNull(e.status);
  w.Key("modality").StrOrNull(e.modality);
  w.Key("date");
  if (e.date) {
    w.Open('{');
    w.Key("start").StrOrNull(e.date->start);
    w.Key("end").StrOrNull(e.date->end);
    w.Key("precision").StrOrNull(e.date->precision);
    w.Key("basis").StrOrNull(e.date->basis);
    w.Key("text").StrOrNull(e.date->text);
    w.Close('}');
  } else {
    w.Null();
  }
  w.Key("location");
  if (e.location) {
    const EventLocation& l = *e.location;
    w.Open('{');
    w.Key("text").StrOrNull(l.text);
    w.Key("name").StrOrNull(l.name);
    w.Key("part").StrOrNull(l.part);
    w.Key("geonameid");
    if (l.geonameid) {
      w.Int(*l.geonameid);
    } else {
      w.Null();
    }
    w.Key("lat").Number(l.lat);
    w.Key("lon").Number(l.lon);
    w.Key("admin1").StrOrNull(l.admin1);
    w.Key("country").StrOrNull(l.country);
    w.Key("precision").StrOrNull(l.precision);
    w.Close('}');
  } else {
    w.Null();
  }
  w.Key("actor1"), WriteActor(w, e.actor1, true);
  w.Key("actor2"), WriteActor(w, e.actor2, true);
  w.Key("quantities");
  w.Open('[');
  for (const auto& q : e.quantities) {
    w.Open('{');
    w.Key("kind").String(q.kind);
    if (q.min || q.max) {
      w.Key("min").Number(q.min);
      w.Key("max").Number(q.max);
    } else {
      w.Key("value").Number(q.value);
    }
    w.Key("qualifier").StrOrNull(q.qualifier);
    if (!q.unit.empty()) w.Key("unit").String(q.unit);
    w.Key("text").StrOrNull(q.text);
    w.Close('}');
  }
  w.Close(']');
  w.Key("claimant"), WriteActor(w, e.claimant, false);
  w.Key("evidence");
  w.Open('[');
  for (const auto& s : e.evidence) {
    w.Open('{');
    w.Key("start").UInt(s.start);
    w.Key("end").UInt(s.end);
    w.Close('}');
  }
  w.Close(']');
  w.Key("confidence").Double(std::round(e.confidence * 1000) / 1000);
  w.Key("extra");
  if (e.extra_json == "{}") {
    w.Raw("{}");
  } else {
    Json extra = Json::parse(e.extra_json, nullptr, false);
    w.Raw(extra.is_object() ? extra.dump(-1, ' ', false, Json::error_handler_t::replace) : "{}");
  }
  w.Close('}');
  return out;
}

// The reference form: the tree nlohmann dumps (what EventToJson must equal, byte for byte).
std::string EventToJsonTree(const EventRecord& e) {
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

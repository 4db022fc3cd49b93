#include "core/event_json.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

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

// Bytes a JSON string cannot hold as they are (controls, quote, backslash) or that need
// UTF-8 validation (non-ASCII).
constexpr auto kSpecial = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return t;
}();

// The record is written directly rather than built as a JSON tree and dumped (the tree
// cost ~220k instructions per event); the bytes are those nlohmann's dump gives for the
// tree (EventToJsonTree in the tests checks it): same key order, compact, UTF-8 kept,
// invalid UTF-8 replaced by U+FFFD, and numbers that are not integers formatted by
// nlohmann itself.
class Writer {
 public:
  // Appends to *out, which it sizes ahead and cuts to the bytes written in Finish(): every
  // piece is copied in place (an `append` per piece, out of line in libstdc++, cost more
  // than the copying).
  explicit Writer(std::string* out) : out_(*out), len_(out->size()) { out_.resize(len_ + 1024); }
  void Finish() { out_.resize(len_); }

  // The key of the next value.
  Writer& Key(std::string_view k) {
    Reserve(k.size() + 4);
    char* p = out_.data() + len_;
    if (!pending_value_ && !first_) *p++ = ',';
    first_ = false;
    *p++ = '"';
    std::memcpy(p, k.data(), k.size());  // keys are ASCII identifiers
    p += k.size();
    *p++ = '"';
    *p++ = ':';
    len_ = static_cast<size_t>(p - out_.data());
    pending_value_ = true;
    return *this;
  }
  void Open(char c) {
    Sep();
    PutChar(c);
    first_ = true;
  }
  void Close(char c) {
    PutChar(c);
    first_ = false;
  }
  void Null() {
    Sep();
    Put("null");
  }
  void String(std::string_view s) {
    Sep();
    // Fast path: nothing to escape and nothing to validate (printable ASCII).
    size_t plain = 0;
    while (plain < s.size() && !kSpecial[static_cast<unsigned char>(s[plain])]) ++plain;
    if (plain == s.size()) {
      Reserve(s.size() + 2);
      char* p = out_.data() + len_;
      *p++ = '"';
      if (!s.empty()) std::memcpy(p, s.data(), s.size());
      p[s.size()] = '"';
      len_ += s.size() + 2;
      return;
    }
    bool ascii = true;
    for (unsigned char c : s) ascii &= c < 0x80;
    if (!ascii && !IsValidUtf8(s)) {
      Put(Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace));
      return;
    }
    PutChar('"');
    // Runs of bytes that need no escape are copied in one piece.
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      Put(std::string_view(s.data() + run, i - run));
      run = i + 1;
      switch (c) {
        case '"': Put("\\\""); break;
        case '\\': Put("\\\\"); break;
        case '\b': Put("\\b"); break;
        case '\f': Put("\\f"); break;
        case '\n': Put("\\n"); break;
        case '\r': Put("\\r"); break;
        case '\t': Put("\\t"); break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          Put(std::string_view(u, 6));
        }
      }
    }
    Put(std::string_view(s.data() + run, s.size() - run));
    PutChar('"');
  }
  // Empty text is written as null (EVENTS.md: unknown fields are null).
  void StrOrNull(const std::string& s) { s.empty() ? Null() : String(s); }
  void Int(int64_t v) {
    Sep();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    Put(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
  }
  void UInt(uint64_t v) {
    Sep();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    Put(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
  }
  // A finite double in nlohmann's own format (its serializer calls the same function), so
  // the bytes stay those of the tree's dump without building a tree and a string.
  void Double(double d) {
    Sep();
    if (!std::isfinite(d)) {
      Put("null");
      return;
    }
    char buf[64];
    char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, d);
    Put(std::string_view(buf, static_cast<size_t>(end - buf)));
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
    Put(json);
  }

 private:
  void Sep() {
    if (pending_value_) {
      pending_value_ = false;
    } else if (!first_) {
      PutChar(',');
    }
    first_ = false;
  }
  // Room for n more bytes after the len_ written.
  void Reserve(size_t n) {
    if (len_ + n > out_.size()) out_.resize(std::max(out_.size() * 2, len_ + n));
  }
  void Put(std::string_view s) {
    if (s.empty()) return;
    Reserve(s.size());
    std::memcpy(out_.data() + len_, s.data(), s.size());
    len_ += s.size();
  }
  void PutChar(char c) {
    Reserve(1);
    out_[len_++] = c;
  }

  std::string& out_;
  size_t len_;
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
  w.Finish();
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


namespace {

// The fast reader (simdjson DOM, no tree copied): the same record EventFromJsonTree
// gives, which it falls back to for anything it does not read the same way (a document
// simdjson refuses, evidence offsets that are not numbers). Fields are visited in order
// and a repeated key overwrites, as nlohmann does.
using simdjson::dom::element;
using simdjson::dom::element_type;

std::string Text(element v) {
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS) return {};
  return std::string(s);
}
// Copies, not references into a temporary result. Called only on an element of that
// type (checked by the caller).
simdjson::dom::object Fields(element v) {
  simdjson::dom::object o;
  [[maybe_unused]] auto err = v.get_object().get(o);
  return o;
}
simdjson::dom::array Items(element v) {
  simdjson::dom::array a;
  [[maybe_unused]] auto err = v.get_array().get(a);
  return a;
}
std::optional<double> Number(element v) {
  switch (v.type()) {
    case element_type::INT64: return static_cast<double>(int64_t(v));
    case element_type::UINT64: return static_cast<double>(uint64_t(v));
    case element_type::DOUBLE: return double(v);
    default: return std::nullopt;
  }
}
std::optional<EventActor> ActorOf(element v) {
  if (!v.is_object()) return std::nullopt;
  EventActor a;
  for (auto field : Fields(v)) {
    const std::string_view k = field.key;
    if (k == "text") a.text = Text(field.value);
    else if (k == "name") a.name = Text(field.value);
    else if (k == "class") a.cls = Text(field.value);
    else if (k == "country") a.country = Text(field.value);
    else if (k == "label") a.label = Text(field.value);
  }
  return a;
}
bool ReadOffset(element v, uint32_t* out) {
  switch (v.type()) {
    case element_type::INT64: *out = static_cast<unsigned>(int64_t(v)); return true;
    case element_type::UINT64: *out = static_cast<unsigned>(uint64_t(v)); return true;
    case element_type::DOUBLE: *out = static_cast<unsigned>(double(v)); return true;
    default: return false;
  }
}

// False: read it the slow way.
bool FastFromJson(element root, EventRecord* e, Status* st) {
  if (!root.is_object()) return false;  // the tree reader words the error
  bool has_confidence = false;
  for (auto field : Fields(root)) {
    const std::string_view k = field.key;
    const element v = field.value;
    if (k == "event_id") e->event_id = Text(v);
    else if (k == "doc_id") e->doc_id = Text(v);
    else if (k == "type") e->type = Text(v);
    else if (k == "subtype") e->subtype = Text(v);
    else if (k == "status") e->status = Text(v);
    else if (k == "modality") e->modality = Text(v);
    else if (k == "date") {
      e->date.reset();
      if (!v.is_object()) continue;
      EventDate d;
      for (auto f : Fields(v)) {
        const std::string_view dk = f.key;
        if (dk == "start") d.start = Text(f.value);
        else if (dk == "end") d.end = Text(f.value);
        else if (dk == "precision") d.precision = Text(f.value);
        else if (dk == "basis") d.basis = Text(f.value);
        else if (dk == "text") d.text = Text(f.value);
      }
      e->date = d;
    } else if (k == "location") {
      e->location.reset();
      if (!v.is_object()) continue;
      EventLocation l;
      for (auto f : Fields(v)) {
        const std::string_view lk = f.key;
        if (lk == "text") l.text = Text(f.value);
        else if (lk == "name") l.name = Text(f.value);
        else if (lk == "part") l.part = Text(f.value);
        else if (lk == "geonameid") {
          l.geonameid.reset();
          if (f.value.type() == element_type::INT64) l.geonameid = int64_t(f.value);
          else if (f.value.type() == element_type::UINT64) l.geonameid = static_cast<int64_t>(uint64_t(f.value));
        } else if (lk == "lat") l.lat = Number(f.value);
        else if (lk == "lon") l.lon = Number(f.value);
        else if (lk == "admin1") l.admin1 = Text(f.value);
        else if (lk == "country") l.country = Text(f.value);
        else if (lk == "precision") l.precision = Text(f.value);
      }
      e->location = l;
    } else if (k == "actor1") e->actor1 = ActorOf(v);
    else if (k == "actor2") e->actor2 = ActorOf(v);
    else if (k == "claimant") e->claimant = ActorOf(v);
    else if (k == "quantities") {
      e->quantities.clear();
      if (!v.is_array()) continue;
      for (element q : Items(v)) {
        if (!q.is_object()) continue;
        Quantity x;
        for (auto f : Fields(q)) {
          const std::string_view qk = f.key;
          if (qk == "kind") x.kind = Text(f.value);
          else if (qk == "value") x.value = Number(f.value);
          else if (qk == "min") x.min = Number(f.value);
          else if (qk == "max") x.max = Number(f.value);
          else if (qk == "qualifier") x.qualifier = Text(f.value);
          else if (qk == "unit") x.unit = Text(f.value);
          else if (qk == "text") x.text = Text(f.value);
        }
        e->quantities.push_back(std::move(x));
      }
    } else if (k == "evidence") {
      e->evidence.clear();
      if (!v.is_array()) continue;
      for (element s : Items(v)) {
        if (!s.is_object()) continue;
        Span span;
        for (auto f : Fields(s)) {
          const std::string_view sk = f.key;
          if ((sk == "start" && !ReadOffset(f.value, &span.start)) || (sk == "end" && !ReadOffset(f.value, &span.end)))
            return false;
        }
        e->evidence.push_back(span);
      }
    } else if (k == "confidence") {
      auto c = Number(v);
      has_confidence = c.has_value();
      e->confidence = c.value_or(0);
    } else if (k == "extra") {
      if (!v.is_object()) {
        e->extra_json = "{}";
        continue;
      }
      std::string raw = simdjson::minify(v);
      e->extra_json = raw == "{}" ? raw : Json::parse(raw).dump();
    } else if (k == "optional") {
      e->optional = v.is_bool() ? bool(v) : false;
    }
  }
  if (!has_confidence) e->confidence = 0;
  if (e->type.empty()) *st = Status::InvalidArgument("event has no type");
  return true;
}

}  // namespace

StatusOr<EventRecord> EventFromJson(std::string_view json) {
  static thread_local simdjson::dom::parser parser;
  element root;
  if (parser.parse(json.data(), json.size()).get(root) == simdjson::SUCCESS) {
    EventRecord e;
    Status st;
    if (FastFromJson(root, &e, &st)) {
      if (!st.ok()) return st;
      return e;
    }
  }
  return EventFromJsonTree(json);
}

StatusOr<EventRecord> EventFromJsonTree(std::string_view json) {
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

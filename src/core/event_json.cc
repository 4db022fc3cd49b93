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

// The record is written directly rather than built as a JSON tree and dumped (the tree
// cost ~220k instructions per event); the bytes are those nlohmann's dump gives for the
// tree (EventToJsonTree in the tests checks it): same key order, compact, UTF-8 kept,
// invalid UTF-8 replaced by U+FFFD, and numbers that are not integers formatted by
// nlohmann itself.
//
// The writer first sizes the output for the longest form the record can take (Bound():
// every string six times over, as if each byte were a \u escape), then copies every piece
// in place with no further checks: keys and punctuation are literals, so each is a fixed
// copy the compiler inlines.
class Writer {
 public:
  explicit Writer(char* p) : p_(p) {}
  char* end() const { return p_; }

  // A literal: keys with their quotes, colon and the comma before them.
  template <size_t N>
  void Lit(const char (&s)[N]) {
    std::memcpy(p_, s, N - 1);
    p_ += N - 1;
  }
  void Char(char c) { *p_++ = c; }
  void Null() { Lit("null"); }

  // Copied as it is when nothing needs escaping and the UTF-8 is valid (nearly always):
  // the scan and the copy go together, eight bytes at a time (the output has room for the
  // bound, so whole words are stored, and what lies past the string is written over next).
  void String(std::string_view s) {
    constexpr uint64_t k01 = 0x0101010101010101ULL, k80 = 0x8080808080808080ULL;
    uint64_t esc = 0, high = 0;
    auto add = [&](uint64_t w) {
      const uint64_t q = w ^ (k01 * '"'), b = w ^ (k01 * '\\');
      esc |= ((w - k01 * 0x20) & ~w) | ((q - k01) & ~q) | ((b - k01) & ~b);
      high |= w;
    };
    const char* in = s.data();
    const size_t n = s.size();
    char* out = p_ + 1;
    uint64_t w = k01 * ' ';
    if (n < 8) {
      if (n) std::memcpy(&w, in, n);
      add(w);
      std::memcpy(out, &w, 8);
    } else {
      for (size_t i = 0; i + 8 < n; i += 8) {
        std::memcpy(&w, in + i, 8);
        add(w);
        std::memcpy(out + i, &w, 8);
      }
      std::memcpy(&w, in + n - 8, 8);
      add(w);
      std::memcpy(out + n - 8, &w, 8);
    }
    if ((esc & k80) == 0 && ((high & k80) == 0 || IsValidUtf8(s))) {
      *p_ = '"';
      p_ = out + n;
      *p_++ = '"';
      return;
    }
    Escaped(s);
  }
  // A string with bytes to escape or invalid UTF-8, as nlohmann writes it.
  [[gnu::noinline]] void Escaped(std::string_view s) {
    bool ascii = true;
    for (unsigned char c : s) ascii &= c < 0x80;
    if (!ascii && !IsValidUtf8(s)) {  // nlohmann's own replacement of invalid UTF-8
      Put(Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace));
      return;
    }
    *p_++ = '"';
    for (unsigned char c : s) {
      if (c >= 0x20 && c != '"' && c != '\\') {
        *p_++ = static_cast<char>(c);
        continue;
      }
      switch (c) {
        case '"': Lit("\\\""); break;
        case '\\': Lit("\\\\"); break;
        case '\b': Lit("\\b"); break;
        case '\f': Lit("\\f"); break;
        case '\n': Lit("\\n"); break;
        case '\r': Lit("\\r"); break;
        case '\t': Lit("\\t"); break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          std::memcpy(p_, u, 6);
          p_ += 6;
        }
      }
    }
    *p_++ = '"';
  }
  // Empty text is written as null (EVENTS.md: unknown fields are null).
  void StrOrNull(const std::string& s) { s.empty() ? Null() : String(s); }
  void Int(int64_t v) { p_ = std::to_chars(p_, p_ + 24, v).ptr; }
  void UInt(uint64_t v) { p_ = std::to_chars(p_, p_ + 24, v).ptr; }
  // A finite double in nlohmann's own format (its serializer calls the same function), so
  // the bytes stay those of the tree's dump without building a tree and a string.
  void Double(double d) {
    if (!std::isfinite(d)) return Null();
    p_ = FormatDouble(d, p_);
  }
  // Num(): integral values as integers, others as doubles, unset as null. For |d| < 9e15
  // the cast is exact, so `floor(d) == d` is the cast coming back equal.
  void Number(const std::optional<double>& v) {
    if (!v) return Null();
    const double d = *v;
    if (std::fabs(d) < 9e15) {
      const auto i = static_cast<int64_t>(d);
      if (static_cast<double>(i) == d) return Int(i);
    }
    Double(d);
  }
  void Put(std::string_view s) {
    if (!s.empty()) std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }

  // The most bytes String() writes for s: each byte as a six-byte \u escape, or a three-byte
  // U+FFFD, plus the quotes ("null" when empty).
  static size_t StringBound(std::string_view s) { return 6 * s.size() + 4; }

 private:
  // nlohmann's double format; the last few values formatted are kept per thread (the same
  // coordinates and confidences recur record after record).
  static char* FormatDouble(double d, char* out) {
    struct Slot {
      uint64_t bits = 0;
      uint8_t len = 0;  // 0: empty
      char text[31];
    };
    static thread_local std::array<Slot, 64> cache;
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    Slot& s = cache[(bits ^ bits >> 29 ^ bits >> 47) & 63];
    if (s.len == 0 || s.bits != bits) {
      char buf[64];
      char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, d);
      const auto n = static_cast<size_t>(end - buf);
      if (n > sizeof s.text) {
        std::memcpy(out, buf, n);
        return out + n;
      }
      s.bits = bits;
      s.len = static_cast<uint8_t>(n);
      std::memcpy(s.text, buf, n);
    }
    std::memcpy(out, s.text, s.len);
    return out + s.len;
  }

  char* p_;
};

void WriteActor(Writer& w, const std::optional<EventActor>& a, bool with_label) {
  if (!a) return w.Null();
  w.Lit("{\"text\":"), w.StrOrNull(a->text);
  w.Lit(",\"name\":"), w.StrOrNull(a->name);
  w.Lit(",\"class\":"), w.StrOrNull(a->cls);
  w.Lit(",\"country\":"), w.StrOrNull(a->country);
  if (with_label) w.Lit(",\"label\":"), w.StrOrNull(a->label);
  w.Char('}');
}

size_t ActorBound(const std::optional<EventActor>& a) {
  if (!a) return 0;
  return Writer::StringBound(a->text) + Writer::StringBound(a->name) + Writer::StringBound(a->cls) +
         Writer::StringBound(a->country) + Writer::StringBound(a->label);
}

// The most bytes the record takes, `extra` aside: its strings at their longest, and 64 bytes
// for each key, number and piece of punctuation around them.
size_t Bound(const EventRecord& e) {
  auto sb = [](const std::string& s) { return Writer::StringBound(s); };
  size_t n = 2048 + sb(e.event_id) + sb(e.doc_id) + sb(e.type) + sb(e.subtype) + sb(e.status) + sb(e.modality);
  if (e.date) n += sb(e.date->start) + sb(e.date->end) + sb(e.date->precision) + sb(e.date->basis) + sb(e.date->text);
  if (e.location) {
    const EventLocation& l = *e.location;
    n += sb(l.text) + sb(l.name) + sb(l.part) + sb(l.admin1) + sb(l.country) + sb(l.precision);
  }
  n += ActorBound(e.actor1) + ActorBound(e.actor2) + ActorBound(e.claimant);
  for (const auto& q : e.quantities) n += 256 + sb(q.kind) + sb(q.qualifier) + sb(q.unit) + sb(q.text);
  n += 64 * e.evidence.size();
  return n;
}

}  // namespace

void AppendEventJson(const EventRecord& e, std::string* out) {
  // `extra` is written as nlohmann dumps it; "{}" (nearly every record) as it is.
  std::string extra;
  if (e.extra_json != "{}") {
    Json j = Json::parse(e.extra_json, nullptr, false);
    extra = j.is_object() ? j.dump(-1, ' ', false, Json::error_handler_t::replace) : "{}";
  }
  // Written into a per-thread scratch buffer, then appended: growing *out to the bound first
  // would zero-fill it (std::string::resize), which cost more than the writing.
  static thread_local std::string scratch;
  const size_t need = Bound(e) + extra.size();
  if (scratch.size() < need) scratch.resize(std::max(need, 2 * scratch.size()));
  Writer w(scratch.data());
  w.Lit("{\"event_id\":"), w.String(e.event_id);
  w.Lit(",\"doc_id\":"), w.String(e.doc_id);
  w.Lit(",\"type\":"), w.String(e.type);
  w.Lit(",\"subtype\":"), w.StrOrNull(e.subtype);
  w.Lit(",\"status\":"), w.StrOrNull(e.status);
  w.Lit(",\"modality\":"), w.StrOrNull(e.modality);
  w.Lit(",\"date\":");
  if (e.date) {
    w.Lit("{\"start\":"), w.StrOrNull(e.date->start);
    w.Lit(",\"end\":"), w.StrOrNull(e.date->end);
    w.Lit(",\"precision\":"), w.StrOrNull(e.date->precision);
    w.Lit(",\"basis\":"), w.StrOrNull(e.date->basis);
    w.Lit(",\"text\":"), w.StrOrNull(e.date->text);
    w.Char('}');
  } else {
    w.Null();
  }
  w.Lit(",\"location\":");
  if (e.location) {
    const EventLocation& l = *e.location;
    w.Lit("{\"text\":"), w.StrOrNull(l.text);
    w.Lit(",\"name\":"), w.StrOrNull(l.name);
    w.Lit(",\"part\":"), w.StrOrNull(l.part);
    w.Lit(",\"geonameid\":");
    if (l.geonameid) {
      w.Int(*l.geonameid);
    } else {
      w.Null();
    }
    w.Lit(",\"lat\":"), w.Number(l.lat);
    w.Lit(",\"lon\":"), w.Number(l.lon);
    w.Lit(",\"admin1\":"), w.StrOrNull(l.admin1);
    w.Lit(",\"country\":"), w.StrOrNull(l.country);
    w.Lit(",\"precision\":"), w.StrOrNull(l.precision);
    w.Char('}');
  } else {
    w.Null();
  }
  w.Lit(",\"actor1\":"), WriteActor(w, e.actor1, true);
  w.Lit(",\"actor2\":"), WriteActor(w, e.actor2, true);
  w.Lit(",\"quantities\":[");
  for (size_t i = 0; i < e.quantities.size(); ++i) {
    const Quantity& q = e.quantities[i];
    if (i) w.Char(',');
    w.Lit("{\"kind\":"), w.String(q.kind);
    if (q.min || q.max) {
      w.Lit(",\"min\":"), w.Number(q.min);
      w.Lit(",\"max\":"), w.Number(q.max);
    } else {
      w.Lit(",\"value\":"), w.Number(q.value);
    }
    w.Lit(",\"qualifier\":"), w.StrOrNull(q.qualifier);
    if (!q.unit.empty()) w.Lit(",\"unit\":"), w.String(q.unit);
    w.Lit(",\"text\":"), w.StrOrNull(q.text);
    w.Char('}');
  }
  w.Lit("],\"claimant\":"), WriteActor(w, e.claimant, false);
  w.Lit(",\"evidence\":[");
  for (size_t i = 0; i < e.evidence.size(); ++i) {
    if (i) w.Char(',');
    w.Lit("{\"start\":"), w.UInt(e.evidence[i].start);
    w.Lit(",\"end\":"), w.UInt(e.evidence[i].end);
    w.Char('}');
  }
  w.Lit("],\"confidence\":"), w.Double(std::round(e.confidence * 1000) / 1000);
  w.Lit(",\"extra\":");
  if (extra.empty()) {
    w.Lit("{}");
  } else {
    w.Put(extra);
  }
  w.Char('}');
  out->append(scratch.data(), static_cast<size_t>(w.end() - scratch.data()));
}

std::string EventToJson(const EventRecord& e) {
  std::string out;
  AppendEventJson(e, &out);
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

#include "store/export.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <vector>

#include "core/event_json.h"
#include "store/acled.h"

namespace vigie::store {

namespace {

using Json = nlohmann::ordered_json;

std::string Num(std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return {};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6f", *v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void CsvRow(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    out << CsvField(fields[i]);
  }
  out << "\r\n";
}

// A record parsed back from its stored JSON; a row that does not parse is kept as an
// empty record with only its id so that nothing is silently dropped.
EventRecord Parse(const EventRow& row) {
  auto e = core::EventFromJson(row.json);
  if (e.ok()) return std::move(e).value();
  EventRecord r;
  r.type = "unknown";
  return r;
}

const std::string& Or(const std::string& a, const std::string& b) { return a.empty() ? b : a; }

std::string ActorName(const std::optional<EventActor>& a) {
  if (!a) return {};
  return Or(a->name, Or(a->text, a->cls));
}

class JsonlWriter final : public EventWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void Begin() override {
    Json meta = {{"vigie_export", {{"format", "jsonl"}, {"schema", "vigie event record v1"}, {"attribution", kGeoNamesCredit}}}};
    out_ << meta.dump() << "\n";
  }
  void Add(const EventRow& row) override {
    out_ << row.json << "\n";
    ++written_;
  }
  void End() override {}

 private:
  std::ostream& out_;
};

class CsvWriter final : public EventWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void Begin() override {
    out_ << "# " << kGeoNamesCredit << "\r\n";
    CsvRow(out_, {"event_id", "doc_id", "type", "subtype", "status", "modality", "date_start", "date_end",
                  "date_precision", "location_text", "location_name", "location_part", "geonameid", "latitude",
                  "longitude", "country", "admin1", "location_precision", "actor1_name", "actor1_class", "actor1_label",
                  "actor2_name", "actor2_class", "actor2_label", "claimant_name", "claimant_class", "killed",
                  "confidence", "outlet", "url"});
  }
  void Add(const EventRow& row) override {
    EventRecord e = Parse(row);
    EventDate d = e.date.value_or(EventDate{});
    EventLocation l = e.location.value_or(EventLocation{});
    EventActor a1 = e.actor1.value_or(EventActor{}), a2 = e.actor2.value_or(EventActor{});
    EventActor c = e.claimant.value_or(EventActor{});
    bool any_killed = false;
    for (const auto& q : e.quantities) any_killed |= q.kind == "killed";
    CsvRow(out_, {e.event_id, e.doc_id, e.type, e.subtype, e.status, e.modality, d.start, d.end, d.precision, l.text,
                  l.name, l.part, l.geonameid ? std::to_string(*l.geonameid) : "", Num(l.lat), Num(l.lon), l.country,
                  l.admin1, l.precision, a1.name, a1.cls, a1.label, a2.name, a2.cls, a2.label, c.name, c.cls,
                  any_killed ? std::to_string(AcledFatalities(e)) : "", Num(e.confidence), row.doc_outlet, row.doc_url});
    ++written_;
  }
  void End() override {}

 private:
  std::ostream& out_;
};

class AcledWriter final : public EventWriter {
 public:
  explicit AcledWriter(std::ostream& out) : out_(out) {}
  void Begin() override {
    out_ << "# ACLED-style coding of Vigie event records (machine-coded, not ACLED data). " << kGeoNamesCredit
         << "\r\n";
    CsvRow(out_, {"event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location", "latitude",
                  "longitude", "geo_precision", "time_precision", "fatalities", "source", "notes"});
  }
  void Add(const EventRow& row) override {
    EventRecord e = Parse(row);
    auto type = AcledTypeOf(e);
    if (!type) {
      ++skipped_;
      return;
    }
    EventLocation l = e.location.value_or(EventLocation{});
    std::string notes = "vigie " + e.event_id + ": " + e.type + (e.subtype.empty() ? "" : "/" + e.subtype);
    if (!e.status.empty()) notes += ", " + e.status;
    if (!e.modality.empty()) notes += ", " + e.modality;
    if (e.claimant) notes += ", according to " + Or(e.claimant->name, Or(e.claimant->text, e.claimant->cls));
    if (!l.text.empty()) notes += "; place as written: " + l.text;
    if (e.date && !e.date->text.empty()) notes += "; date as written: " + e.date->text;
    int geo = AcledGeoPrecision(e), time = AcledTimePrecision(e);
    CsvRow(out_, {e.date ? e.date->start : "", type->event_type, type->sub_event_type, ActorName(e.actor1),
                  ActorName(e.actor2), l.admin1, Or(l.name, l.text), Num(l.lat), Num(l.lon),
                  geo ? std::to_string(geo) : "", time ? std::to_string(time) : "",
                  std::to_string(AcledFatalities(e)), Or(row.doc_outlet, row.doc_url), notes});
    ++written_;
  }
  void End() override {}

 private:
  std::ostream& out_;
};

class GeoJsonWriter final : public EventWriter {
 public:
  explicit GeoJsonWriter(std::ostream& out) : out_(out) {}
  void Begin() override {
    out_ << "{\"type\":\"FeatureCollection\",\"attribution\":" << Json(kGeoNamesCredit).dump()
         << ",\"features\":[";
  }
  void Add(const EventRow& row) override {
    Json props = Json::parse(row.json, nullptr, false);
    if (props.is_discarded()) props = Json::object();
    Json geometry;  // null when the event has no point
    auto loc = props.find("location");
    if (loc != props.end() && loc->is_object()) {
      auto lat = loc->find("lat"), lon = loc->find("lon");
      if (lat != loc->end() && lon != loc->end() && lat->is_number() && lon->is_number())
        geometry = {{"type", "Point"}, {"coordinates", {*lon, *lat}}};
    }
    props["source"] = {{"outlet", row.doc_outlet}, {"url", row.doc_url}, {"date", row.doc_date}};
    Json f = {{"type", "Feature"}, {"id", props.value("event_id", "")}, {"geometry", geometry}, {"properties", props}};
    out_ << (written_ ? ",\n" : "\n") << f.dump(-1, ' ', false, Json::error_handler_t::replace);
    ++written_;
  }
  void End() override { out_ << "\n]}\n"; }

 private:
  std::ostream& out_;
};

// Fixed-width columns for a terminal; long values are cut at a character boundary.
class TableWriter final : public EventWriter {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {}
  void Begin() override { Line({"date", "type", "place", "actor1", "actor2", "claimant", "mod.", "conf"}); }
  void Add(const EventRow& row) override {
    EventRecord e = Parse(row);
    std::string place = e.location ? Or(e.location->name, e.location->text) : "";
    if (e.location && !e.location->part.empty()) place += " (" + e.location->part + ")";
    Line({e.date ? e.date->start : "", e.type + (e.subtype.empty() ? "" : "/" + e.subtype), place,
          ActorName(e.actor1), ActorName(e.actor2), ActorName(e.claimant), e.modality, Num(e.confidence)});
    ++written_;
  }
  void End() override { out_ << written_ << " event" << (written_ == 1 ? "" : "s") << ". " << kGeoNamesCredit << "\n"; }

 private:
  void Line(const std::vector<std::string>& cells) {
    static constexpr size_t kWidth[] = {10, 26, 22, 22, 22, 22, 8, 4};
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string c = Cut(cells[i], kWidth[i]);
      out_ << c;
      if (i + 1 < cells.size()) out_ << std::string(kWidth[i] - Chars(c) + 2, ' ');
    }
    out_ << "\n";
  }
  static size_t Chars(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }
  static std::string Cut(const std::string& s, size_t width) {
    std::string out;
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if ((c & 0xC0) != 0x80 && ++n > width) {
        // leave room for the ellipsis
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty()) out.pop_back();
        return out + "\u2026";
      }
      out += static_cast<char>(c);
    }
    return out;
  }
  std::ostream& out_;
};

}  // namespace

StatusOr<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "geojson") return ExportFormat::kGeoJson;
  if (name == "acled") return ExportFormat::kAcled;
  if (name == "table") return ExportFormat::kTable;
  return Status::InvalidArgument("unknown format '" + std::string(name) + "' (jsonl, csv, geojson, acled, table)");
}

std::unique_ptr<EventWriter> EventWriter::Create(ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::kJsonl: return std::make_unique<JsonlWriter>(out);
    case ExportFormat::kCsv: return std::make_unique<CsvWriter>(out);
    case ExportFormat::kGeoJson: return std::make_unique<GeoJsonWriter>(out);
    case ExportFormat::kAcled: return std::make_unique<AcledWriter>(out);
    case ExportFormat::kTable: return std::make_unique<TableWriter>(out);
  }
  return nullptr;
}

Status ExportEvents(Store& store, const EventFilter& filter, EventWriter& writer) {
  writer.Begin();
  Status st = store.QueryEvents(filter, [&](const EventRow& row) {
    writer.Add(row);
    return true;
  });
  writer.End();
  return st;
}

std::string CsvField(std::string_view s) {
  bool quote = !s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '#');
  for (char c : s) quote |= c == ',' || c == '"' || c == '\n' || c == '\r';
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace vigie::store

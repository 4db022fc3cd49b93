#include "serve/api.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

#include "store/cluster_json.h"
#include "store/export.h"

namespace vigie::serve {

namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Response JsonResponse(const Json& j) { return Response{200, "application/json", Dump(j), {}}; }

// A failed store call: the caller's mistake (400, 404) or ours (500, logged, the details
// kept out of the answer).
Response FromStatus(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument: return ErrorResponse(400, st.message());
    case StatusCode::kNotFound: return ErrorResponse(404, st.message());
    default:
      std::fprintf(stderr, "vigie serve: error: %s\n", st.message().c_str());
      return ErrorResponse(500, "internal error reading the store");
  }
}

// A failed event query: a bad full-text query is the caller's mistake, said in API terms.
Response FromQueryStatus(const Status& st, const store::EventFilter& f) {
  if (st.code() == StatusCode::kInvalidArgument && !f.text.empty())
    return ErrorResponse(400, "text: '" + f.text + "' is not a valid full-text query (SQLite FTS5 syntax)");
  return FromStatus(st);
}

Json SourceOf(const store::EventRow& row) {
  return {{"outlet", row.doc_outlet}, {"url", row.doc_url}, {"date", row.doc_date}, {"lang", row.doc_lang}};
}

// The stored record with a "source" member (its document) added: the stored JSON is
// spliced, not re-parsed, so that lists stay cheap.
void AppendEvent(const store::EventRow& row, std::string* out) {
  const std::string& j = row.json;
  constexpr const char* kSpace = " \n\r\t";
  size_t open = j.find_first_not_of(kSpace), end = j.find_last_not_of(kSpace);
  if (open == std::string::npos || j[open] != '{' || j[end] != '}' || open >= end) {
    *out += Dump(Json{{"record_error", "stored record is not a JSON object"}, {"source", SourceOf(row)}});
    return;
  }
  out->append(j, open, end - open);
  if (j.find_first_not_of(kSpace, open + 1) != end) *out += ',';
  *out += "\"source\":";
  *out += Dump(SourceOf(row));
  *out += '}';
}

Json ParsedEvent(const store::EventRow& row) {
  Json j = Json::parse(row.json, nullptr, false);
  if (!j.is_object()) j = Json{{"record_error", "stored record is not a JSON object"}};
  j["source"] = SourceOf(row);
  return j;
}

// "/api/events/ID" -> "ID" for prefix "/api/events/".
bool Tail(const std::string& path, std::string_view prefix, std::string* rest) {
  if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) return false;
  *rest = path.substr(prefix.size());
  return rest->find('/') == std::string::npos;
}

std::vector<std::string_view> With(std::vector<std::string_view> names, std::initializer_list<std::string_view> more) {
  names.insert(names.end(), more);
  return names;
}

}  // namespace

Response ErrorResponse(int status, const std::string& message) {
  return Response{status, "application/json", Dump(Json{{"error", message}, {"status", status}}), {}};
}

Response Api::Get(const Request& req) const {
  const std::string& p = req.path;
  std::string id;
  if (p == "/api/health") return Health(req);
  if (p == "/api/events") return Events(req);
  if (Tail(p, "/api/events/", &id)) return Event(req, id);
  if (p == "/api/documents") return Documents(req);
  if (Tail(p, "/api/documents/", &id)) return Document(req, id);
  if (p == "/api/timeline") return Timeline(req);
  if (p == "/api/outlets") return Outlets(req);
  if (p == "/api/clusters") return Clusters(req);
  if (Tail(p, "/api/clusters/", &id)) return ClusterById(req, id);
  return ErrorResponse(404, "no such endpoint: " + p + " (see docs/api.md)");
}

Response Api::Health(const Request& req) const {
  if (Status st = CheckParams(req.params, {}); !st.ok()) return ErrorResponse(400, st.message());
  auto store = pool_->Acquire();
  auto counts = store->Count();
  if (!counts.ok()) {
    std::fprintf(stderr, "vigie serve: error: %s\n", counts.status().message().c_str());
    return ErrorResponse(503, "the store cannot be read");
  }
  return JsonResponse({{"status", "ok"},
                       {"documents", counts->documents},
                       {"events", counts->events},
                       {"mentions", counts->mentions},
                       {"errors", counts->errors}});
}

Response Api::Events(const Request& req) const {
  if (Status st = CheckParams(req.params, With(EventFilterParams(), {"format"})); !st.ok())
    return ErrorResponse(400, st.message());
  std::string format = Param(req.params, "format");
  if (!format.empty() && format != "json" && format != "geojson")
    return ErrorResponse(400, "format: '" + format + "' is not json or geojson");
  auto filter = ParseEventFilter(req.params, places_);
  if (!filter.ok()) return ErrorResponse(400, filter.status().message());
  auto store = pool_->Acquire();
  // The page first; the total needs a count query only when the page is full (or empty
  // past the end): a short page ends the list, so it tells the total itself.
  auto total_of = [&](int64_t n) -> StatusOr<int64_t> {
    if (n < filter->limit && (n > 0 || filter->offset == 0)) return filter->offset + n;
    return store->CountEvents(*filter);
  };
  Response r;
  if (format == "geojson") {
    std::ostringstream out;
    auto writer = store::EventWriter::Create(store::ExportFormat::kGeoJson, out);
    if (Status st = store::ExportEvents(*store, *filter, *writer); !st.ok()) return FromQueryStatus(st, *filter);
    auto total = total_of(static_cast<int64_t>(writer->written()));
    if (!total.ok()) return FromQueryStatus(total.status(), *filter);
    r.headers.push_back({"X-Total-Count", std::to_string(*total)});
    r.content_type = "application/geo+json";
    r.body = std::move(out).str();
    return r;
  }
  std::string events;
  int64_t n = 0;
  Status st = store->QueryEvents(*filter, [&](const store::EventRow& row) {
    if (n++) events += ",\n";
    AppendEvent(row, &events);
    return true;
  });
  if (!st.ok()) return FromQueryStatus(st, *filter);
  auto total = total_of(n);
  if (!total.ok()) return FromQueryStatus(total.status(), *filter);
  r.headers.push_back({"X-Total-Count", std::to_string(*total)});
  int64_t next = filter->offset + n;
  Json head = {{"total", *total},
               {"offset", filter->offset},
               {"limit", filter->limit},
               {"next_offset", next < *total ? Json(next) : Json(nullptr)},
               {"attribution", store::kGeoNamesCredit}};
  r.body = Dump(head);
  r.body.pop_back();  // the closing brace: the events follow
  r.body += ",\"events\":[\n" + events + "\n]}";
  return r;
}

Response Api::Event(const Request& req, const std::string& id) const {
  if (Status st = CheckParams(req.params, {}); !st.ok()) return ErrorResponse(400, st.message());
  store::EventFilter f;
  f.event_id = id;
  f.limit = 1;
  auto store = pool_->Acquire();
  auto rows = store->QueryEvents(f);
  if (!rows.ok()) return FromStatus(rows.status());
  if (rows->empty()) return ErrorResponse(404, "no event " + id);
  const store::EventRow& row = rows->front();
  Json ev = ParsedEvent(row);
  Json source = SourceOf(row);
  source["doc_id"] = ev.value("doc_id", "");
  if (auto doc = store->GetDocument(source["doc_id"].get<std::string>()); doc.ok()) source["title"] = doc->title;
  source["event_id"] = id;
  source["claimant"] = ev.contains("claimant") ? ev["claimant"] : Json(nullptr);
  source["modality"] = ev.value("modality", "");
  source["evidence"] = ev.contains("evidence") ? ev["evidence"] : Json::array();
  Json out = {{"event", ev}, {"sources", Json::array({source})}, {"cluster", nullptr}};
  // Once fusion has run, the event's cluster: every report of the same happening.
  auto cluster_id = store->ClusterOfEvent(id);
  if (!cluster_id.ok() && cluster_id.status().code() != StatusCode::kNotFound) return FromStatus(cluster_id.status());
  if (cluster_id.ok()) {
    auto cluster = store->GetCluster(*cluster_id);
    if (!cluster.ok()) return FromStatus(cluster.status());
    out["cluster"] = Json::parse(store::ClusterToJson(*cluster));
  }
  return JsonResponse(out);
}

Response Api::Documents(const Request& req) const {
  if (Status st = CheckParams(req.params, {"outlet", "lang", "limit", "offset"}); !st.ok())
    return ErrorResponse(400, st.message());
  store::DocumentQuery q;
  if (Status st = ParsePage(req.params, &q.limit, &q.offset); !st.ok()) return ErrorResponse(400, st.message());
  q.outlet = Param(req.params, "outlet");
  q.lang = Param(req.params, "lang");
  int64_t limit = q.limit;
  q.limit = limit + 1;  // one more tells whether there is a next page
  auto store = pool_->Acquire();
  auto docs = store->ListDocuments(q);
  if (!docs.ok()) return FromStatus(docs.status());
  bool more = static_cast<int64_t>(docs->size()) > limit;
  if (more) docs->pop_back();
  Json list = Json::array();
  for (const auto& d : *docs) {
    list.push_back({{"id", d.id}, {"title", d.title}, {"outlet", d.outlet}, {"url", d.url}, {"date", d.date},
                    {"lang", d.lang}, {"events", d.event_count}});
  }
  return JsonResponse({{"offset", q.offset},
                       {"limit", limit},
                       {"next_offset", more ? Json(q.offset + limit) : Json(nullptr)},
                       {"documents", list}});
}

Response Api::Document(const Request& req, const std::string& id) const {
  if (Status st = CheckParams(req.params, {}); !st.ok()) return ErrorResponse(400, st.message());
  auto store = pool_->Acquire();
  auto doc = store->GetDocument(id);
  if (!doc.ok()) return doc.status().code() == StatusCode::kNotFound ? ErrorResponse(404, "no document " + id)
                                                                    : FromStatus(doc.status());
  auto mentions = store->GetMentions(id);
  if (!mentions.ok()) return FromStatus(mentions.status());
  store::EventFilter f;
  f.doc_id = id;
  auto events = store->QueryEvents(f);
  if (!events.ok()) return FromStatus(events.status());
  Json ms = Json::array();
  for (const auto& m : *mentions) {
    Json value = Json::parse(m.value_json, nullptr, false);
    if (value.is_discarded()) value = nullptr;
    ms.push_back({{"kind", m.kind}, {"text", m.text}, {"start", m.start}, {"end", m.end}, {"value", value}});
  }
  Json evs = Json::array();
  for (const auto& row : *events) evs.push_back(ParsedEvent(row));
  return JsonResponse({{"id", doc->id},
                       {"title", doc->title},
                       {"outlet", doc->outlet},
                       {"url", doc->url},
                       {"date", doc->date},
                       {"lang", doc->lang},
                       {"pipeline_version", doc->pipeline_version},
                       {"offsets", "UTF-8 byte offsets into text"},
                       {"text", doc->raw},
                       {"mentions", ms},
                       {"events", evs}});
}

Response Api::Timeline(const Request& req) const {
  std::vector<std::string_view> names;
  for (auto n : EventFilterParams())
    if (n != "limit" && n != "offset" && n != "sort") names.push_back(n);
  if (Status st = CheckParams(req.params, names); !st.ok()) return ErrorResponse(400, st.message());
  auto filter = ParseEventFilter(req.params, places_);
  if (!filter.ok()) return ErrorResponse(400, filter.status().message());
  auto store = pool_->Acquire();
  auto t = store->QueryTimeline(*filter);
  if (!t.ok()) return FromQueryStatus(t.status(), *filter);
  Json buckets = Json::array();
  for (const auto& b : t->buckets) buckets.push_back({{"day", b.day}, {"type", b.type}, {"count", b.count}});
  return JsonResponse({{"buckets", buckets}, {"undated", t->undated}});
}

Response Api::Outlets(const Request& req) const {
  if (Status st = CheckParams(req.params, {}); !st.ok()) return ErrorResponse(400, st.message());
  auto store = pool_->Acquire();
  auto outlets = store->ListOutlets();
  if (!outlets.ok()) return FromStatus(outlets.status());
  Json list = Json::array();
  for (const auto& o : *outlets) {
    Json labels = Json::array();
    for (const auto& l : o.labels) {
      labels.push_back({{"actor_name", l.actor_name.empty() ? Json(nullptr) : Json(l.actor_name)},
                        {"actor_class", l.actor_class},
                        {"label", l.label},
                        {"count", l.count},
                        {"texts", l.texts}});
    }
    list.push_back({{"outlet", o.outlet.empty() ? Json(nullptr) : Json(o.outlet)},
                    {"documents", o.documents},
                    {"events", o.events},
                    {"labels", labels}});
  }
  return JsonResponse({{"outlets", list}});
}

Response Api::Clusters(const Request& req) const {
  if (Status st = CheckParams(req.params, With(ClusterFilterParams(), {"format"})); !st.ok())
    return ErrorResponse(400, st.message());
  std::string format = Param(req.params, "format");
  if (!format.empty() && format != "json" && format != "geojson")
    return ErrorResponse(400, "format: '" + format + "' is not json or geojson");
  auto filter = ParseClusterFilter(req.params, places_);
  if (!filter.ok()) return ErrorResponse(400, filter.status().message());
  const int64_t limit = filter->limit;
  filter->limit = limit + 1;  // one more tells whether there is a next page
  std::vector<std::string> items;
  auto store = pool_->Acquire();
  Status st = store->QueryClusters(*filter, [&](const store::Cluster& c) {
    if (format == "geojson") {
      Json props = Json::parse(store::ClusterToJson(c));
      Json geometry;
      if (c.location && c.location->lat && c.location->lon)
        geometry = {{"type", "Point"}, {"coordinates", {*c.location->lon, *c.location->lat}}};
      items.push_back(Dump({{"type", "Feature"}, {"id", c.cluster_id}, {"geometry", geometry}, {"properties", props}}));
    } else {
      items.push_back(store::ClusterToJson(c));
    }
    return true;
  });
  if (!st.ok()) {
    store::EventFilter f;
    f.text = filter->text;
    return FromQueryStatus(st, f);
  }
  const bool more = static_cast<int64_t>(items.size()) > limit;
  if (more) items.pop_back();
  std::string list;
  for (size_t i = 0; i < items.size(); ++i) list += (i ? ",\n" : "") + items[i];
  Response r;
  if (format == "geojson") {
    r.content_type = "application/geo+json";
    Json head = {{"type", "FeatureCollection"},
                 {"attribution", store::kGeoNamesCredit},
                 {"next_offset", more ? Json(filter->offset + limit) : Json(nullptr)}};
    r.body = Dump(head);
    r.body.pop_back();
    r.body += ",\"features\":[\n" + list + "\n]}";
    return r;
  }
  Json head = {{"offset", filter->offset},
               {"limit", limit},
               {"next_offset", more ? Json(filter->offset + limit) : Json(nullptr)},
               {"attribution", store::kGeoNamesCredit}};
  r.body = Dump(head);
  r.body.pop_back();
  r.body += ",\"clusters\":[\n" + list + "\n]}";
  return r;
}

Response Api::ClusterById(const Request& req, const std::string& id) const {
  if (Status st = CheckParams(req.params, {}); !st.ok()) return ErrorResponse(400, st.message());
  auto store = pool_->Acquire();
  auto cluster = store->GetCluster(id);
  if (!cluster.ok())
    return cluster.status().code() == StatusCode::kNotFound ? ErrorResponse(404, "no cluster " + id)
                                                             : FromStatus(cluster.status());
  Response r;
  r.body = store::ClusterToJson(*cluster);
  return r;
}

}  // namespace vigie::serve

// serve: the HTTP API as plain functions of a request, without sockets: routes GET
// requests under /api/ to the store and answers JSON (GeoJSON for ?format=geojson on
// /api/events). Every value reaches the store as a bound parameter; bad parameters give
// 400 with {"error": "..."} naming the parameter. The Api holds no state of its own and
// is thread-safe (connections come from the StorePool). Documented in docs/api.md.
#pragma once

#include <string>
#include <vector>

#include "serve/params.h"
#include "serve/store_pool.h"

namespace vigie::serve {

struct Request {
  std::string path;  // decoded, without the query string
  Params params;     // decoded query parameters
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

// {"error": message} with `status`.
Response ErrorResponse(int status, const std::string& message);

class Api {
 public:
  // `places` (may be null) resolves place names given as `near`.
  explicit Api(StorePool* pool, PlaceLookup places = nullptr) : pool_(pool), places_(std::move(places)) {}
  // Answers a GET (or HEAD) on `req.path`; paths that are not API routes give 404.
  Response Get(const Request& req) const;

 private:
  Response Health(const Request& req) const;
  Response Events(const Request& req) const;
  Response Event(const Request& req, const std::string& id) const;
  Response Documents(const Request& req) const;
  Response Document(const Request& req, const std::string& id) const;
  Response Timeline(const Request& req) const;
  Response Outlets(const Request& req) const;
  Response Clusters(const Request& req) const;
  Response ClusterById(const Request& req, const std::string& id) const;

  StorePool* pool_;
  PlaceLookup places_;
};

}  // namespace vigie::serve

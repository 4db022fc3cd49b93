// Fuzz target: the HTTP API's query parameters (anything a client sends). The input is
// read as a query string ("a=1&b=2", no decoding); validation must answer a clean error or
// a filter within the documented bounds, never crash.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "serve/params.h"

namespace {

vigie::serve::Params Split(std::string_view q) {
  vigie::serve::Params out;
  while (!q.empty()) {
    size_t amp = q.find('&');
    std::string_view item = q.substr(0, amp);
    size_t eq = item.find('=');
    out.emplace_back(std::string(item.substr(0, eq)),
                     eq == std::string_view::npos ? std::string() : std::string(item.substr(eq + 1)));
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vigie::serve;
  Params params = Split(std::string_view(reinterpret_cast<const char*>(data), size));
  (void)CheckParams(params, EventFilterParams());
  auto f = ParseEventFilter(params);
  if (f.ok()) {
    if (f->limit < 1 || f->limit > kMaxPageSize || f->offset < 0 || f->offset > kMaxOffset) std::abort();
    if (f->near && (!(f->near->km > 0) || std::fabs(f->near->lat) > 90 || std::fabs(f->near->lon) > 180)) std::abort();
    if (f->bbox && (!(f->bbox->min_lon <= f->bbox->max_lon) || !(f->bbox->min_lat <= f->bbox->max_lat))) std::abort();
    if (!f->type.empty() && !IsEventType(f->type)) std::abort();
    if (!f->modality.empty() && !IsModality(f->modality)) std::abort();
  }
  auto c = ParseClusterFilter(params);
  if (c.ok() && (c->limit < 1 || c->limit > kMaxPageSize || c->min_outlets < 0)) std::abort();
  return 0;
}

// Fuzz target: untrusted gazetteer input. First byte 'G': the rest is a compiled gazetteer
// file (must open cleanly or fail with a Status, and every record read back in bounds);
// otherwise the bytes are a GeoNames dump, compiled and reopened (must always open).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "geo/gazetteer.h"
#include "geo/gazetteer_build.h"
#include "geo/keys.h"

namespace {

void Check(bool cond) {
  if (!cond) std::abort();
}

void Walk(const vigie::geo::Gazetteer& g) {
  uint64_t sum = 0;
  for (uint32_t i = 0; i < g.size(); ++i) {
    auto p = g.place(i);
    sum += p.name.size() + p.admin1.size();
  }
  std::vector<vigie::geo::NameHit> hits;
  for (uint32_t i = 0; i < g.num_keys() && i < 1000; ++i) {
    hits.clear();
    g.Lookup(g.KeyAt(i).hash, &hits);
    Check(!hits.empty());
    for (const auto& h : hits) Check(h.place < g.size());
  }
  (void)sum;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty() && bytes[0] == 'G') {
    auto g = vigie::geo::Gazetteer::FromBytes(bytes.substr(1), "fuzz");
    if (g.ok()) Walk(**g);
    return 0;
  }
  vigie::geo::GazetteerBuilder b;
  (void)b.AddGeoNamesText(bytes, "fuzz");
  auto g = vigie::geo::Gazetteer::FromBytes(b.Serialize(), "fuzz");
  Check(g.ok());
  Walk(**g);
  return 0;
}

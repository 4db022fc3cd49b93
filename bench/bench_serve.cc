// The HTTP API's request handling without sockets (serve::Api over a generated store):
// event pages as JSON and GeoJSON, timeline aggregates, outlets. Reports time per request
// and bytes answered per second. The store (VIGIE_BENCH_EVENTS events, default 100,000)
// is built once under $TMPDIR and reused.
//
//   build/bench/bench_serve
//   VIGIE_BENCH_EVENTS=1000000 build/bench/bench_serve --benchmark_filter=Events
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "serve/api.h"
#include "store/store.h"

namespace vigie {
namespace {

constexpr const char* kTypes[] = {"armed_clash", "territory_change", "air_strike", "shelling", "bombing",
                                  "attack_on_civilians", "siege", "displacement", "agreement", "protest"};
constexpr const char* kLabels[] = {"terrorist", "rebel", "insurgent", "opposition", ""};

int64_t Events() {
  const char* v = std::getenv("VIGIE_BENCH_EVENTS");
  return v != nullptr ? std::max<int64_t>(1000, std::atoll(v)) : 100000;
}

// A plausible record drawn from `rng`: ten types, 2010-2024, Syria-sized places.
EventRecord Generated(std::mt19937_64& rng, const std::string& doc_id, int n) {
  EventRecord e;
  e.doc_id = doc_id, e.event_id = doc_id + "#" + std::to_string(n + 1);
  e.type = kTypes[rng() % 10];
  e.status = "occurred";
  e.modality = rng() % 3 ? "reported" : "asserted";
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2010 + static_cast<int>(rng() % 15),
                1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
  e.date = EventDate{date, date, "day", "explicit", "le jour"};
  EventLocation l;
  l.text = l.name = "Place " + std::to_string(rng() % 500);
  l.geonameid = static_cast<int64_t>(rng() % 100000);
  l.lat = 32.0 + static_cast<double>(rng() % 500) / 100.0;
  l.lon = 35.5 + static_cast<double>(rng() % 700) / 100.0;
  l.country = "SY", l.precision = "city";
  e.location = l;
  e.actor1 = EventActor{"l'armée", "Syrian Arab Army", "state_forces", "SY", ""};
  e.actor2 = EventActor{"les combattants", "", "armed_opposition", "SY", kLabels[rng() % 5]};
  if (e.modality == "reported") e.claimant = EventActor{"le ministère", "Ministry of Defence", "state_agency", "RU", ""};
  e.quantities.push_back({"killed", static_cast<double>(rng() % 50), std::nullopt, std::nullopt, "at_least", "", ""});
  e.evidence.push_back({0, 40});
  e.confidence = static_cast<double>(rng() % 100) / 100.0;
  return e;
}

std::string Store(int64_t events) {
  std::string db = (std::filesystem::temp_directory_path() / ("vigie-bench-serve-" + std::to_string(events) + ".db")).string();
  {
    auto ro = store::Store::OpenSqlite(db, {.read_only = true});
    if (ro.ok() && (*ro)->Count().ok() && (*ro)->Count()->events == events) return db;
  }
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
  auto store = std::move(store::Store::OpenSqlite(db, {})).value();
  std::mt19937_64 rng(11);
  int64_t made = 0;
  for (int64_t d = 0; made < events;) {
    store::DocumentBatch batch;
    for (int k = 0; k < 5000 && made < events; ++k, ++d) {
      store::DocumentEntry e;
      e.doc.id = "s" + std::to_string(d);
      e.doc.outlet = "Outlet " + std::to_string(d % 13);
      e.doc.date = "2016-12-07";
      e.doc.raw = e.clean_text = "Des combats ont opposé l'armée aux combattants près de la ville, selon le ministère.";
      e.pipeline_version = "bench";
      for (int i = 0; i < 10 && made < events; ++i, ++made) e.events.push_back(Generated(rng, e.doc.id, i));
      batch.docs.push_back(std::move(e));
    }
    if (!store->Put(batch).ok()) return {};
  }
  return db;
}

struct Fixture {
  std::unique_ptr<serve::StorePool> pool;
  std::unique_ptr<serve::Api> api;
};
Fixture& Shared() {
  static Fixture f = [] {
    Fixture x;
    x.pool = std::move(serve::StorePool::OpenSqlite(Store(Events()), 1)).value();
    x.api = std::make_unique<serve::Api>(x.pool.get());
    return x;
  }();
  return f;
}

void Run(benchmark::State& state, const std::function<serve::Request(std::mt19937_64&)>& make) {
  Fixture& f = Shared();
  std::mt19937_64 rng(5);
  int64_t bytes = 0;
  for (auto _ : state) {
    serve::Response r = f.api->Get(make(rng));
    if (r.status != 200) state.SkipWithError(r.body.c_str());
    bytes += static_cast<int64_t>(r.body.size());
  }
  state.SetBytesProcessed(bytes);
  state.counters["events_in_store"] = static_cast<double>(Events());
}

std::string Month(std::mt19937_64& rng) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", 2010 + static_cast<int>(rng() % 15), 1 + static_cast<int>(rng() % 12));
  return buf;
}

// A page of 100 events of one type in one month (the dashboard's list).
void BM_EventsPage(benchmark::State& state) {
  Run(state, [](std::mt19937_64& rng) {
    std::string m = Month(rng);
    return serve::Request{"/api/events", {{"type", kTypes[rng() % 10]}, {"from", m}, {"to", m}}};
  });
}
BENCHMARK(BM_EventsPage)->Unit(benchmark::kMillisecond);

// The first 1000 events of a year as GeoJSON (the dashboard's map).
void BM_EventsGeoJson(benchmark::State& state) {
  Run(state, [](std::mt19937_64& rng) {
    std::string y = std::to_string(2010 + rng() % 15);
    return serve::Request{"/api/events", {{"from", y}, {"to", y}, {"format", "geojson"}, {"limit", "1000"}}};
  });
}
BENCHMARK(BM_EventsGeoJson)->Unit(benchmark::kMillisecond);

// Day-by-type counts of one type over the whole store (the dashboard's timeline).
void BM_Timeline(benchmark::State& state) {
  Run(state, [](std::mt19937_64& rng) { return serve::Request{"/api/timeline", {{"type", kTypes[rng() % 10]}}}; });
}
BENCHMARK(BM_Timeline)->Unit(benchmark::kMillisecond);

void BM_Outlets(benchmark::State& state) {
  Run(state, [](std::mt19937_64&) { return serve::Request{"/api/outlets", {}}; });
}
BENCHMARK(BM_Outlets)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vigie

BENCHMARK_MAIN();

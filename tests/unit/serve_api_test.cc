// The HTTP API over real sockets: a server on a free loopback port, a database written by
// the test (serve_testing.h), and an HTTP client checking statuses, JSON, GeoJSON, the
// 400s for bad parameters, the limits, path traversal and the security headers.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <fstream>
#include <thread>

#include "core/gzip.h"
#include "serve/server.h"
#include "serve_testing.h"

namespace vigie::serve {
namespace {

using Json = nlohmann::json;
using store::testing::TempDir;

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("vigie-serve-api");
    testing::WriteFixture(*dir_ / "api.db");
    // The dashboard folder, and a file beside it that must never be served.
    std::filesystem::create_directories(dir_->path / "web" / "js");
    std::ofstream(*dir_ / "web/index.html") << "<!doctype html><title>dash</title>";
    std::ofstream(*dir_ / "web/js/app.js") << "console.log('dash');";
    std::ofstream(*dir_ / "secret.txt") << "TOP-SECRET";
    std::filesystem::create_symlink(dir_->path / "secret.txt", dir_->path / "web" / "link.txt");

    auto pool = StorePool::OpenSqlite(*dir_ / "api.db", 4);
    ASSERT_TRUE(pool.ok()) << pool.status().message();
    auto web = StaticFiles::Load(*dir_ / "web");
    ASSERT_TRUE(web.ok()) << web.status().message();
    ServerOptions options;
    options.port = 0;
    options.threads = 4;
    auto server = Server::Create(std::move(pool).value(), std::move(web).value(), options);
    ASSERT_TRUE(server.ok()) << server.status().message();
    server_ = std::move(server).value().release();
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().message();
    port_ = *port;
    thread_ = new std::thread([] { ASSERT_TRUE(server_->Run().ok()); });
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete dir_;
  }

  httplib::Result Get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(path.c_str());
  }
  // GET, expecting `status` and a JSON body.
  Json GetJson(const std::string& path, int status = 200) {
    auto res = Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return Json();
    EXPECT_EQ(res->status, status) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("application/", 0), 0u) << path;
    Json j = Json::parse(res->body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path << ": " << res->body;
    return j;
  }
  // A 400 whose message names `what`.
  void ExpectBad(const std::string& path, const std::string& what) {
    Json j = GetJson(path, 400);
    ASSERT_TRUE(j.contains("error")) << path;
    EXPECT_NE(j["error"].get<std::string>().find(what), std::string::npos) << path << ": " << j["error"];
  }

  static TempDir* dir_;
  static Server* server_;
  static std::thread* thread_;
  static int port_;
};

TempDir* ServeApiTest::dir_ = nullptr;
Server* ServeApiTest::server_ = nullptr;
std::thread* ServeApiTest::thread_ = nullptr;
int ServeApiTest::port_ = 0;

TEST_F(ServeApiTest, Health) {
  Json j = GetJson("/api/health");
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["documents"], 3);
  EXPECT_EQ(j["events"], 3);
}

TEST_F(ServeApiTest, EventsListWithSourcesAndPaging) {
  Json j = GetJson("/api/events");
  EXPECT_EQ(j["total"], 3);
  ASSERT_EQ(j["events"].size(), 3u);
  EXPECT_EQ(j["events"][0]["event_id"], "doc-a#1");  // by date, then id
  EXPECT_EQ(j["events"][0]["source"]["outlet"], "Agence Test");
  EXPECT_EQ(j["events"][2]["type"], "armed_clash");
  EXPECT_TRUE(j["next_offset"].is_null());
  EXPECT_NE(j["attribution"].get<std::string>().find("GeoNames"), std::string::npos);

  Json page = GetJson("/api/events?limit=2");
  EXPECT_EQ(page["events"].size(), 2u);
  EXPECT_EQ(page["next_offset"], 2);
  Json rest = GetJson("/api/events?limit=2&offset=2");
  ASSERT_EQ(rest["events"].size(), 1u);
  EXPECT_EQ(rest["events"][0]["event_id"], "doc-c#1");
  EXPECT_TRUE(rest["next_offset"].is_null());
  Json past = GetJson("/api/events?offset=10");
  EXPECT_EQ(past["events"].size(), 0u);
  EXPECT_EQ(past["total"], 3);  // counted: an empty page past the end does not tell
  EXPECT_EQ(GetJson("/api/events?type=shelling")["total"], 2);  // a short page tells
  auto res = Get("/api/events?limit=1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("X-Total-Count"), "3");
}

TEST_F(ServeApiTest, EventFilters) {
  auto ids = [&](const std::string& query) {
    std::vector<std::string> out;
    Json j = GetJson("/api/events?" + query);
    for (const auto& e : j["events"]) out.push_back(e["event_id"]);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids("type=armed_clash"), V{"doc-c#1"});
  EXPECT_EQ(ids("type=shelling&outlet=wire%20sample"), V{"doc-b#1"});
  EXPECT_EQ(ids("from=2017&to=2025"), V{"doc-c#1"});
  EXPECT_EQ(ids("to=2016-12"), (V{"doc-a#1", "doc-b#1"}));
  EXPECT_EQ(ids("bbox=36.5,34.5,37,35"), V{"doc-c#1"});
  EXPECT_EQ(ids("near=36.2,37.16&km=10"), (V{"doc-a#1", "doc-b#1"}));
  EXPECT_EQ(ids("actor=Syrian%20Arab%20Army"), V{"doc-c#1"});
  EXPECT_EQ(ids("actor=civilians"), (V{"doc-a#1", "doc-b#1"}));
  EXPECT_EQ(ids("claimant=Syrian%20Observatory%20for%20Human%20Rights"), V{"doc-c#1"});
  EXPECT_EQ(ids("modality=reported&lang=en"), V{"doc-b#1"});
  EXPECT_EQ(ids("text=Salaheddine"), (V{"doc-a#1", "doc-b#1"}));
  EXPECT_EQ(ids("text=combats"), V{"doc-c#1"});
  EXPECT_EQ(ids("sort=confidence&limit=1"), V{"doc-a#1"});
  EXPECT_EQ(ids("modality=denied"), V{});
}

TEST_F(ServeApiTest, EventsAsGeoJson) {
  auto res = Get("/api/events?format=geojson&type=armed_clash");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/geo+json");
  Json j = Json::parse(res->body);
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 1u);
  const Json& f = j["features"][0];
  EXPECT_EQ(f["geometry"]["type"], "Point");
  EXPECT_DOUBLE_EQ(f["geometry"]["coordinates"][0].get<double>(), 36.72339);  // lon first
  EXPECT_DOUBLE_EQ(f["geometry"]["coordinates"][1].get<double>(), 34.72682);
  EXPECT_EQ(f["properties"]["event_id"], "doc-c#1");
}

TEST_F(ServeApiTest, OneEventWithItsClusterAndSources) {
  Json j = GetJson("/api/events/doc-a%231");  // '#' travels encoded
  EXPECT_EQ(j["event"]["event_id"], "doc-a#1");
  ASSERT_EQ(j["sources"].size(), 1u);
  EXPECT_EQ(j["sources"][0]["title"], "Alep : des obus sur Salaheddine");
  EXPECT_EQ(j["sources"][0]["claimant"]["text"], "les secouristes");
  ASSERT_TRUE(j["cluster"].is_object()) << j.dump();
  // Both reports of the Aleppo shelling are one cluster, with both outlets as sources.
  EXPECT_EQ(j["cluster"]["outlets"], 2);
  std::set<std::string> members;
  for (const auto& s : j["cluster"]["sources"]) members.insert(s["event_id"]);
  EXPECT_EQ(members, (std::set<std::string>{"doc-a#1", "doc-b#1"}));
  EXPECT_FALSE(j["cluster"]["contradictions"].empty()) << "12 vs 9 killed";

  Json missing = GetJson("/api/events/nope%231", 404);
  EXPECT_NE(missing["error"].get<std::string>().find("nope#1"), std::string::npos);
}

TEST_F(ServeApiTest, DocumentWithTextMentionsAndEvidenceOffsets) {
  Json list = GetJson("/api/documents?limit=2");
  EXPECT_EQ(list["documents"].size(), 2u);
  EXPECT_EQ(list["next_offset"], 2);
  EXPECT_EQ(GetJson("/api/documents?outlet=Wire%20Sample")["documents"][0]["id"], "doc-b");

  Json d = GetJson("/api/documents/doc-a");
  const std::string text = d["text"];
  EXPECT_EQ(text, testing::kDocA);
  ASSERT_EQ(d["events"].size(), 1u);
  const Json& ev = d["events"][0]["evidence"][0];
  std::string evidence = text.substr(ev["start"].get<size_t>(), ev["end"].get<size_t>() - ev["start"].get<size_t>());
  EXPECT_EQ(evidence.rfind("Des tirs d'artillerie", 0), 0u) << evidence;
  ASSERT_EQ(d["mentions"].size(), 2u);
  for (const auto& m : d["mentions"]) {
    EXPECT_EQ(text.substr(m["start"].get<size_t>(), m["end"].get<size_t>() - m["start"].get<size_t>()), m["text"]);
  }
  GetJson("/api/documents/none", 404);
}

TEST_F(ServeApiTest, Timeline) {
  Json j = GetJson("/api/timeline");
  ASSERT_EQ(j["buckets"].size(), 2u);
  EXPECT_EQ(j["buckets"][0], (Json{{"day", "2016-12-07"}, {"type", "shelling"}, {"count", 2}}));
  EXPECT_EQ(j["buckets"][1]["day"], "2024-03-02");
  EXPECT_EQ(j["undated"], 0);
  EXPECT_EQ(GetJson("/api/timeline?outlet=Wire%20Sample")["buckets"][0]["count"], 1);
  ExpectBad("/api/timeline?limit=3", "unknown parameter 'limit'");
}

TEST_F(ServeApiTest, OutletsAndTheirFramingLabels) {
  Json j = GetJson("/api/outlets");
  ASSERT_EQ(j["outlets"].size(), 2u);
  const Json& agence = j["outlets"][0];
  EXPECT_EQ(agence["outlet"], "Agence Test");
  EXPECT_EQ(agence["documents"], 2);
  EXPECT_EQ(agence["events"], 2);
  // The same shooters: "terroristes" for one outlet, "rebels" for the other.
  bool terrorist = false, rebel_b = false;
  for (const auto& l : agence["labels"])
    if (l["label"] == "terrorist" && l["texts"] == Json{"Les terroristes"} && l["actor_class"] == "armed_opposition")
      terrorist = true;
  for (const auto& l : j["outlets"][1]["labels"])
    if (l["label"] == "rebel" && l["texts"] == Json{"Rebels"}) rebel_b = true;
  EXPECT_TRUE(terrorist) << agence.dump();
  EXPECT_TRUE(rebel_b) << j["outlets"][1].dump();
}

TEST_F(ServeApiTest, Clusters) {
  Json j = GetJson("/api/clusters?sources=true");
  ASSERT_EQ(j["clusters"].size(), 2u) << j.dump();
  EXPECT_EQ(j["clusters"][0]["type"], "shelling");
  EXPECT_EQ(j["clusters"][0]["outlets"], 2);
  EXPECT_EQ(j["clusters"][0]["sources"].size(), 2u);
  EXPECT_EQ(GetJson("/api/clusters?min_outlets=2")["clusters"].size(), 1u);
  EXPECT_EQ(GetJson("/api/clusters?contradicted=true")["clusters"].size(), 1u);
  EXPECT_EQ(GetJson("/api/clusters?type=armed_clash")["clusters"].size(), 1u);
  Json page = GetJson("/api/clusters?limit=1");
  EXPECT_EQ(page["clusters"].size(), 1u);
  EXPECT_EQ(page["next_offset"], 1);
  Json geo = GetJson("/api/clusters?format=geojson");
  EXPECT_EQ(geo["type"], "FeatureCollection");
  EXPECT_EQ(geo["features"].size(), 2u);

  std::string id = j["clusters"][0]["cluster_id"];
  Json one = GetJson("/api/clusters/" + id);
  EXPECT_EQ(one["cluster_id"], id);
  EXPECT_EQ(one["sources"].size(), 2u);
  GetJson("/api/clusters/c0000000000000000", 404);
  ExpectBad("/api/clusters?modality=reported", "unknown parameter 'modality'");
  ExpectBad("/api/clusters?contradicted=maybe", "contradicted");
  ExpectBad("/api/clusters?sort=confidence", "sort");
}

TEST_F(ServeApiTest, BadParametersAre400WithTheParameterNamed) {
  ExpectBad("/api/events?type=bogus", "type");
  ExpectBad("/api/events?limit=5000", "limit");
  ExpectBad("/api/events?limit=0", "limit");
  ExpectBad("/api/events?limit=ten", "limit");
  ExpectBad("/api/events?offset=-1", "offset");
  ExpectBad("/api/events?from=2016-13-01", "from");
  ExpectBad("/api/events?from=2017&to=2016", "after");
  ExpectBad("/api/events?bbox=1,2,3", "bbox");
  ExpectBad("/api/events?bbox=10,0,0,10", "bbox");
  ExpectBad("/api/events?near=95,10", "near");
  ExpectBad("/api/events?near=36,37&km=-1", "km");
  ExpectBad("/api/events?km=5", "km");
  ExpectBad("/api/events?modality=rumoured", "modality");
  ExpectBad("/api/events?sort=random", "sort");
  ExpectBad("/api/events?format=xml", "format");
  ExpectBad("/api/events?tpye=shelling", "unknown parameter 'tpye'");
  ExpectBad("/api/events?type=shelling&type=siege", "more than once");
  ExpectBad("/api/events?text=%22unbalanced", "text");
  ExpectBad("/api/events?actor=" + std::string(600, 'x'), "actor");
  ExpectBad("/api/events?actor=%FF%FE", "UTF-8");
  ExpectBad("/api/health?x=1", "unknown parameter");
  GetJson("/api/nothing-here", 404);
}

TEST_F(ServeApiTest, ReadOnlyAndBoundedRequests) {
  httplib::Client client("127.0.0.1", port_);
  auto post = client.Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto del = client.Delete("/api/events/doc-a%231");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto big = client.Post("/api/events", std::string(64 * 1024, 'x'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  auto long_uri = client.Get(("/api/events?text=" + std::string(10000, 'a')).c_str());
  ASSERT_TRUE(long_uri);
  EXPECT_EQ(long_uri->status, 414);
  auto head = client.Head("/api/health");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
}

TEST_F(ServeApiTest, StaticFilesWithoutPathTraversal) {
  auto index = Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  auto js = Get("/js/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/js/../../secret.txt", "/js/..%2f..%2fsecret.txt",
                           "/link.txt", "//secret.txt", "/..\\secret.txt", "/js/%2e%2e%2f%2e%2e%2fsecret.txt",
                           "/index.html%00.txt"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->status, 200) << path;
    EXPECT_EQ(res->body.find("TOP-SECRET"), std::string::npos) << path;
  }
}

TEST_F(ServeApiTest, GzipOnlyAndOnlyOnce) {
  httplib::Client client("127.0.0.1", port_);
  client.set_decompress(false);
  // A browser offers brotli too: the answer is our gzip, never compressed a second time.
  httplib::Headers browser = {{"Accept-Encoding", "gzip, deflate, br"}};
  auto events = client.Get("/api/events", browser);
  ASSERT_TRUE(events);
  EXPECT_EQ(events->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(events->get_header_value_count("Content-Encoding"), 1u);
  auto plain = core::Gunzip(events->body, 1 << 24);
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  EXPECT_EQ(Json::parse(*plain)["total"], 3);
  auto br_only = client.Get("/api/events", httplib::Headers{{"Accept-Encoding", "br"}});
  ASSERT_TRUE(br_only);
  EXPECT_EQ(br_only->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(Json::parse(br_only->body)["total"], 3);
  auto refused = client.Get("/api/events", httplib::Headers{{"Accept-Encoding", "gzip;q=0"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->get_header_value("Content-Encoding"), "");
  auto small = client.Get("/api/health", browser);  // too short to be worth it
  ASSERT_TRUE(small);
  EXPECT_EQ(small->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(Json::parse(small->body)["status"], "ok");
}

TEST_F(ServeApiTest, SecurityHeadersOnEveryAnswer) {
  for (const char* path : {"/api/health", "/", "/api/events?type=bogus", "/missing.js"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << path;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << path;
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos) << path;
  }
  EXPECT_EQ(Get("/api/health")->get_header_value("Cache-Control"), "no-store");
}

TEST_F(ServeApiTest, ConcurrentClients) {
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&] {
      httplib::Client client("127.0.0.1", port_);
      for (int i = 0; i < 25; ++i) {
        auto res = client.Get(i % 2 ? "/api/events?type=shelling" : "/api/timeline");
        if (res && res->status == 200) ++ok;
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(ok.load(), 200);
}

}  // namespace
}  // namespace vigie::serve

// The API's parameter validation and static file table, without sockets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/gzip.h"
#include "serve/params.h"
#include "serve/static_files.h"

namespace vigie::serve {
namespace {

TEST(ServeParams, FilterFromParameters) {
  auto f = ParseEventFilter({{"from", "2016-12"}, {"to", "2017"}, {"bbox", "36,35,38.5,37"}, {"type", "shelling"},
                             {"actor", "Syrian Arab Army"}, {"claimant", "igo_ngo"}, {"outlet", "Wire"},
                             {"lang", "fr"}, {"modality", "reported"}, {"text", "Alep"}, {"sort", "confidence"},
                             {"limit", "50"}, {"offset", "100"}});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->from, "2016-12");
  EXPECT_EQ(f->to, "2017");
  ASSERT_TRUE(f->bbox);
  EXPECT_DOUBLE_EQ(f->bbox->max_lon, 38.5);
  EXPECT_EQ(f->type, "shelling");
  EXPECT_EQ(f->actor, "Syrian Arab Army");
  EXPECT_EQ(f->sort, store::SortBy::kConfidence);
  EXPECT_EQ(f->limit, 50);
  EXPECT_EQ(f->offset, 100);
}

TEST(ServeParams, DefaultsAndNear) {
  auto f = ParseEventFilter({{"near", "36.2,37.16"}});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->limit, kDefaultPageSize);
  EXPECT_EQ(f->offset, 0);
  ASSERT_TRUE(f->near);
  EXPECT_DOUBLE_EQ(f->near->km, 25);
  auto g = ParseEventFilter({{"near", "-33.9,18.4"}, {"km", "2.5"}});
  ASSERT_TRUE(g.ok());
  EXPECT_DOUBLE_EQ(g->near->lat, -33.9);
  EXPECT_DOUBLE_EQ(g->near->km, 2.5);
}

TEST(ServeParams, NearByPlaceNameWhenTheServerHasAGazetteer) {
  // A stand-in for the gazetteer lookup the server is given (cmd_serve builds the real one).
  PlaceLookup places = [](const std::string& name) -> StatusOr<std::pair<double, double>> {
    if (name == "Alep") return std::make_pair(36.20124, 37.16117);
    return Status::NotFound("no place");
  };
  auto f = ParseEventFilter({{"near", "Alep"}, {"km", "30"}}, places);
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_DOUBLE_EQ(f->near->lat, 36.20124);
  EXPECT_DOUBLE_EQ(f->near->km, 30);
  auto missing = ParseEventFilter({{"near", "Nowhere"}}, places);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message().rfind("near:", 0), 0u);
  auto no_gazetteer = ParseEventFilter({{"near", "Alep"}});
  ASSERT_FALSE(no_gazetteer.ok());
  EXPECT_NE(no_gazetteer.status().message().find("gazetteer"), std::string::npos);
  auto cluster = ParseClusterFilter({{"near", "Alep"}}, places);
  ASSERT_TRUE(cluster.ok());
  EXPECT_DOUBLE_EQ(cluster->near->lon, 37.16117);
}

TEST(ServeParams, BadValuesNameTheParameter) {
  const std::vector<std::pair<Params, std::string>> cases = {
      {{{"from", "07/12/2016"}}, "from:"},
      {{{"to", "2016-02-30x"}}, "to:"},
      {{{"from", "2016-00"}}, "from:"},
      {{{"bbox", "a,b,c,d"}}, "bbox:"},
      {{{"bbox", "0,0,200,10"}}, "bbox:"},
      {{{"bbox", "nan,0,1,1"}}, "bbox:"},
      {{{"near", "36"}}, "near:"},
      {{{"near", "36,37"}, {"km", "0"}}, "km:"},
      {{{"near", "36,37"}, {"km", "inf"}}, "km:"},
      {{{"type", "SHELLING"}}, "type:"},
      {{{"modality", ""}, {"sort", "x"}}, "sort:"},
      {{{"limit", "1001"}}, "limit:"},
      {{{"limit", "1e3"}}, "limit:"},
      {{{"offset", "99999999999999999999"}}, "offset:"},
  };
  for (const auto& [params, want] : cases) {
    auto f = ParseEventFilter(params);
    ASSERT_FALSE(f.ok()) << want;
    EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(f.status().message().rfind(want, 0), 0u) << f.status().message();
  }
}

TEST(ServeParams, CheckParamsRejectsUnknownRepeatedLongAndInvalid) {
  EXPECT_TRUE(CheckParams({{"type", "siege"}}, EventFilterParams()).ok());
  EXPECT_FALSE(CheckParams({{"typo", "siege"}}, EventFilterParams()).ok());
  EXPECT_FALSE(CheckParams({{"type", "siege"}, {"type", "riot"}}, EventFilterParams()).ok());
  EXPECT_FALSE(CheckParams({{"text", std::string(kMaxValueBytes + 1, 'a')}}, EventFilterParams()).ok());
  EXPECT_FALSE(CheckParams({{"text", "\xC3"}}, EventFilterParams()).ok());
  EXPECT_FALSE(CheckParams({{"x", ""}}, {}).ok());
}

TEST(ServeParams, ClusterFilter) {
  auto f = ParseClusterFilter({{"type", "siege"}, {"min_outlets", "2"}, {"contradicted", "true"}, {"sources", "1"},
                               {"sort", "outlets"}, {"limit", "10"}});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->type, "siege");
  EXPECT_EQ(f->min_outlets, 2);
  EXPECT_TRUE(f->contradicted);
  EXPECT_TRUE(f->with_sources);
  EXPECT_EQ(f->sort, store::ClusterSortBy::kOutlets);
  EXPECT_EQ(f->limit, 10);
  EXPECT_FALSE(ParseClusterFilter({{"min_outlets", "-1"}}).ok());
  EXPECT_FALSE(ParseClusterFilter({{"sort", "confidence"}}).ok());
}

TEST(ServeStaticFiles, OnlyFilesFoundAtLoadAreServed) {
  auto root = std::filesystem::temp_directory_path() / ("vigie-static-" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "web" / "css");
  std::ofstream(root / "web" / "index.html") << "<p>hi</p>";
  std::ofstream(root / "web" / "css" / "a.css") << "p{}";
  std::ofstream(root / "web" / "notes.bin") << "binary";
  std::ofstream(root / "outside.txt") << "no";
  auto files = StaticFiles::Load((root / "web").string());
  ASSERT_TRUE(files.ok()) << files.status().message();
  EXPECT_EQ((*files)->size(), 2u);  // the .bin has no content type
  ASSERT_NE((*files)->Find("/"), nullptr);
  EXPECT_EQ((*files)->Find("/")->body, "<p>hi</p>");
  ASSERT_NE((*files)->Find("/css/a.css"), nullptr);
  EXPECT_EQ((*files)->Find("/css/a.css")->content_type, "text/css; charset=utf-8");
  EXPECT_EQ((*files)->Find("/css/"), nullptr);
  EXPECT_EQ((*files)->Find("/../outside.txt"), nullptr);
  EXPECT_EQ((*files)->Find("/css/../index.html"), nullptr);  // not normalised: not a key
  EXPECT_EQ((*files)->Find("/notes.bin"), nullptr);
  EXPECT_FALSE(StaticFiles::Load((root / "missing").string()).ok());
  std::filesystem::remove_all(root);
}

TEST(ServeStaticFiles, LargeFilesAreGzippedOnceAtLoad) {
  auto root = std::filesystem::temp_directory_path() / ("vigie-static-gz-" + std::to_string(::getpid()));
  std::filesystem::create_directories(root);
  std::string big;
  for (int i = 0; i < 2000; ++i) big += "{\"type\":\"Feature\",\"id\":" + std::to_string(i) + "},";
  std::ofstream(root / "big.json") << big;
  std::ofstream(root / "tiny.css") << "p{}";
  auto files = StaticFiles::Load(root.string());
  ASSERT_TRUE(files.ok());
  const StaticFile* f = (*files)->Find("/big.json");
  ASSERT_NE(f, nullptr);
  ASSERT_FALSE(f->gzipped.empty());
  EXPECT_LT(f->gzipped.size(), f->body.size() / 4);
  auto back = core::Gunzip(f->gzipped, 1 << 24);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, big);
  EXPECT_TRUE((*files)->Find("/tiny.css")->gzipped.empty());  // no smaller: sent as it is
  std::filesystem::remove_all(root);
}

TEST(ServeStaticFiles, ContentTypes) {
  EXPECT_EQ(ContentTypeFor("a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("world.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("icon.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("js"), "");
  EXPECT_EQ(ContentTypeFor("a.exe"), "");
}

}  // namespace
}  // namespace vigie::serve

// LGL and GeoVirus (../shared/ext/geoparsing): span F1 and accuracy at 161 km of the geo
// stage with the world gazetteer. Floors sit just below the figures reached (regression guard).
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "geo/eval.h"
#include "geo/resolver.h"
#include "pipeline/pipeline.h"

namespace vigie::geo {
namespace {

GeoparsingScores RunSuite(const std::string& file) {
  std::string path = std::string(VIGIE_SOURCE_DIR) + "/../shared/ext/geoparsing/" + file;
  auto articles = ReadGeoparsingXml(path);
  EXPECT_TRUE(articles.ok()) << articles.status().ToString();
  auto gaz = Gazetteer::Open(DefaultGazetteerPath());
  auto pipe = pipeline::Pipeline::Create({});
  auto res = Resolver::Create(*gaz, (*pipe)->packs());
  return ScoreGeoparsing(*articles, [&](const std::string& text) {
    Document d;
    d.raw = text;
    d.lang = "en";
    auto a = (*pipe)->Analyze(std::move(d));
    std::vector<PredictedToponym> out;
    for (const auto& m : (*res)->Resolve(a.clean.text, a.segments, "en"))
      if (m.named) out.push_back({a.RawStart(m.name_start), a.RawEnd(m.name_end), m.has_coordinates, m.lat, m.lon});
    return out;
  });
}

class GeoparsingEval : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(std::string(VIGIE_SOURCE_DIR) + "/../shared/ext/geoparsing"))
      GTEST_SKIP() << "../shared/ext/geoparsing not found";
    if (!Gazetteer::Open(DefaultGazetteerPath()).ok())
      GTEST_SKIP() << "world gazetteer not built (run scripts/setup.sh or vigie gazetteer build)";
  }
};

TEST_F(GeoparsingEval, GeoVirus) {
  auto sc = RunSuite("GeoVirus.xml");
  std::cout << "GeoVirus: span P " << sc.precision << " R " << sc.recall << " F1 " << sc.f1 << ", accuracy@161km "
            << sc.accuracy_161km << " (" << sc.located << " located), mean error " << sc.mean_error_km << " km\n";
  EXPECT_GE(sc.f1, 0.825);             // reached 0.836
  EXPECT_GE(sc.accuracy_161km, 0.825);  // reached 0.834
}

TEST_F(GeoparsingEval, Lgl) {
  auto sc = RunSuite("lgl.xml");
  std::cout << "LGL: span P " << sc.precision << " R " << sc.recall << " F1 " << sc.f1 << ", accuracy@161km "
            << sc.accuracy_161km << " (" << sc.located << " located), mean error " << sc.mean_error_km << " km\n";
  EXPECT_GE(sc.f1, 0.645);             // reached 0.655
  EXPECT_GE(sc.accuracy_161km, 0.675);  // reached 0.683
}

}  // namespace
}  // namespace vigie::geo

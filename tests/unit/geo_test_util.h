// Test helper: the small gazetteer compiled from tests/data/geo (written by the project).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "geo/gazetteer.h"
#include "geo/gazetteer_build.h"

namespace vigie::geo::testing {

inline std::string TestDataDir() { return std::string(VIGIE_SOURCE_DIR) + "/tests/data/geo"; }

inline std::string BuildTestGazetteerBytes() {
  GazetteerBuilder b;
  EXPECT_TRUE(b.SetTransliteration(std::string(VIGIE_SOURCE_DIR) + "/gazetteer/transliteration.tsv").ok());
  EXPECT_TRUE(b.AddGeoNamesDump(TestDataDir() + "/XX.txt").ok());
  EXPECT_TRUE(b.AddCountries(TestDataDir() + "/countries", {"en", "fr"}).ok());
  EXPECT_TRUE(b.AddRegionTable(std::string(VIGIE_SOURCE_DIR) + "/gazetteer/regions.tsv").ok());
  return b.Serialize();
}

inline std::shared_ptr<const Gazetteer> TestGazetteer() {
  auto g = Gazetteer::FromBytes(BuildTestGazetteerBytes(), "test");
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return g.ok() ? *g : nullptr;
}

}  // namespace vigie::geo::testing

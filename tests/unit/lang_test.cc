#include <gtest/gtest.h>

#include "lang/lang.h"

namespace vigie::lang {
namespace {

TEST(LangTest, FrenchAndEnglish) {
  auto fr = Detect("L'armée syrienne a repris le contrôle de cinquante quartiers de la ville, selon le "
                   "Centre russe pour la réconciliation, qui a fait état de la fuite de civils.");
  EXPECT_EQ(fr.code, "fr");
  EXPECT_GT(fr.confidence, 0.5);
  auto en = Detect("Government forces recaptured the town on Tuesday after days of heavy fighting, "
                   "according to a monitoring group, which said dozens of civilians had fled.");
  EXPECT_EQ(en.code, "en");
}

TEST(LangTest, GivenOverridesAndEmptyIsUnknown) {
  auto g = Identify("Government forces recaptured the town.", "fr");
  EXPECT_EQ(g.code, "fr");
  EXPECT_EQ(g.source, "given");
  EXPECT_EQ(Detect("").code, "und");
}

}  // namespace
}  // namespace vigie::lang

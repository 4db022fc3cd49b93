// Regression guard: main-text extraction and dates on trafilatura's evaluation set
// (../shared/ext/trafilatura-eval, read at test time, never committed). Floors sit just
// below the figures measured when they were set; raise them when extraction improves.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/langpack.h"
#include "html/eval.h"

namespace vigie::html {
namespace {

const std::string kDir = std::string(VIGIE_SOURCE_DIR) + "/../shared/ext/trafilatura-eval";

TEST(TrafilaturaEvalTest, BoilerplateAndDatesAboveFloor) {
  if (!std::filesystem::exists(kDir + "/evaldata.json"))
    GTEST_SKIP() << "trafilatura-eval not found at " << kDir << " (external suite, optional)";
  auto packs = core::PackSet::Load(std::string(VIGIE_SOURCE_DIR) + "/langpacks");
  ASSERT_TRUE(packs.ok()) << packs.status().message();
  const MonthNames months = MonthNamesFromPacks(**packs);
  auto report = EvaluateTrafilatura(kDir, false, &months);
  ASSERT_TRUE(report.ok()) << report.status().message();
  const SegmentScore& s = report->segments;
  EXPECT_EQ(s.pages, 990u);
  std::printf("boilerplate: P %.3f R %.3f F1 %.4f accuracy %.3f (%.1fs)\n", s.Precision(),
              s.Recall(), s.F1(), s.Accuracy(), report->seconds);
  EXPECT_GE(s.F1(), 0.929);
  EXPECT_GE(s.Accuracy(), 0.929);
  const DateScore& d = report->dates;
  std::printf("dates: %lu gold, %lu found, %lu correct\n", (unsigned long)d.gold,
              (unsigned long)d.found, (unsigned long)d.correct);
  EXPECT_GE(d.Recall(), 0.815);
  EXPECT_GE(d.Precision(), 0.875);
}

}  // namespace
}  // namespace vigie::html

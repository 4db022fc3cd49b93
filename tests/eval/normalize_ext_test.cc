// External suites: Duckling (FR/EN Time, Numeral, Ordinal, Duration) and TempEval-3 AQUAINT
// TIMEX3 values. Floors sit just under the figures reached: a regression guard.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "normalize/time_eval.h"
#include "../unit/normalize_test_env.h"

namespace vigie::normalize {
namespace {

namespace fs = std::filesystem;

using test_env::E;

void Print(const EvalReport& r) {
  for (const auto& [g, c] : r.groups)
    std::printf("  %-26s %5d / %5d  %5.1f%%\n", g.c_str(), c.first, c.second, 100.0 * r.Accuracy(g));
}

TEST(NormalizeExternal, Duckling) {
  const std::string path = VIGIE_SOURCE_DIR "/../shared/ext/duckling/duckling_fr_en.tsv";
  if (!fs::exists(path)) GTEST_SKIP() << "Duckling corpus not found at " << path;
  auto r = EvalDuckling(*E().norm, *E().seg, path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  Print(*r);
  const std::map<std::string, double> floors = {
      {"FR Time", 0.84}, {"FR Numeral", 0.92}, {"FR Ordinal", 0.99}, {"FR Duration", 0.74},
      {"EN Time", 0.58}, {"EN Numeral", 0.90}, {"EN Ordinal", 0.99}, {"EN Duration", 0.90}};
  for (const auto& [g, f] : floors) EXPECT_GE(r->Accuracy(g), f) << g;
}

TEST(NormalizeExternal, TempEvalAquaint) {
  const std::string path = VIGIE_SOURCE_DIR "/../shared/ext/tempeval3-aquaint/timex3.tsv";
  if (!fs::exists(path)) GTEST_SKIP() << "TempEval-3 AQUAINT not found at " << path;
  auto r = EvalTimex(*E().norm, *E().seg, path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  Print(*r);
  EXPECT_GE(r->Accuracy("EN DATE"), 0.795);
  EXPECT_GE(r->Accuracy("EN DURATION"), 0.84);
}

}  // namespace
}  // namespace vigie::normalize

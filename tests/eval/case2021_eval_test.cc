// CASE 2021 task 2 (fine-grained event classification) through the whole pipeline, as
// `vigie eval case2021` does: real English snippets nobody here wrote, labelled with
// ACLED-based sub-types. Fails under floors set just below the measured accuracy (a
// regression guard). Skips without ../shared.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "core/langpack.h"
#include "evaluate/case_map.h"
#include "pipeline/pipeline.h"

namespace vigie {
namespace {

TEST(Case2021Eval, DevSnippets) {
  const std::string path = VIGIE_SOURCE_DIR "/../shared/ext/case2021/dev.tsv";
  if (!std::filesystem::exists(path))
    GTEST_SKIP() << "../shared/ext/case2021/dev.tsv not present: skipped";
  auto pipe = pipeline::Pipeline::Create({});
  ASSERT_TRUE(pipe.ok()) << pipe.status().ToString();
  auto raw = core::ReadFile(path);
  ASSERT_TRUE(raw.ok());
  std::vector<std::string> problems;
  auto rows = evaluate::ParseCaseTsv(*raw, path, &problems);
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(problems.empty());
  evaluate::CaseScorer scorer;
  for (const auto& row : *rows) {
    Document d;
    d.id = row.id;
    d.raw = row.text;
    d.lang = "en";
    scorer.Add(row.gold, evaluate::CaseLabel((*pipe)->Analyze(std::move(d)).events));
  }
  const auto& r = scorer.report();
  ASSERT_GT(r.total, 200u);
  const double all = double(r.correct) / double(r.total),
               covered = double(r.covered_correct) / double(r.covered);
  std::printf("case2021 dev: accuracy %.3f over %zu snippets, %.3f over the %zu Vigie covers\n",
              all, r.total, covered, r.covered);
  // Measured: 0.842 over the 183 covered, 0.620 over all 250 (0.863 / 0.636 before the
  // review narrowed the weapon, road-block, firecracker, handover and rubber-bullet rules).
  EXPECT_GE(covered, 0.83);
  EXPECT_GE(all, 0.61);
}

}  // namespace
}  // namespace vigie

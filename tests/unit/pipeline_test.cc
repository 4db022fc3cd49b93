// Pipeline glue: stage timing leaves the analysis unchanged and charges every stage.
#include <gtest/gtest.h>

#include "core/event_json.h"
#include "core/langpack.h"
#include "pipeline/pipeline.h"

namespace vigie::pipeline {
namespace {

std::vector<std::string> EventsJson(const Analysis& a) {
  std::vector<std::string> out;
  for (const auto& e : a.events) out.push_back(core::EventToJson(e));
  return out;
}

TEST(StageTimesTest, TimedAnalysisIsTheSameAndEveryStageIsCharged) {
  auto raw = core::ReadFile(VIGIE_SOURCE_DIR "/examples/corpus/fr-homs-2024-03-02.txt");
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  auto pipe = Pipeline::Create({});
  ASSERT_TRUE(pipe.ok()) << pipe.status().ToString();
  Document d;
  d.raw = *raw;
  d.date = "2024-03-02";
  Document copy = d;
  Analysis plain = (*pipe)->Analyze(std::move(d));
  StageTimes times;
  Analysis timed = (*pipe)->Analyze(std::move(copy), &times);
  ASSERT_FALSE(plain.events.empty());
  EXPECT_EQ(EventsJson(timed), EventsJson(plain));
  EXPECT_EQ(timed.segments.folded, plain.segments.folded);
  for (size_t s = 0; s < kStageCount; ++s)
    EXPECT_GE(times.ns[s], 0) << StageName(static_cast<Stage>(s));
  EXPECT_GT(times.Total(), 0);
  StageTimes twice = times;
  twice.Add(times);
  EXPECT_EQ(twice.Total(), 2 * times.Total());
  EXPECT_STREQ(StageName(Stage::kEvents), "events");
}

}  // namespace
}  // namespace vigie::pipeline

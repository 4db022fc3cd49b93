// Event extraction against the dev gold (EVENTS.md scoring), as `vigie eval events` does:
// no metadata is given, language and document date come from the text. Fails under floors
// set just below the measured figures (a regression guard). Skips without ../shared.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "core/event_json.h"
#include "evaluate/event_score.h"
#include "pipeline/pipeline.h"

namespace vigie {
namespace {

TEST(EventsDevEval, DevSetAndSeed) {
  std::filesystem::path dir = VIGIE_SOURCE_DIR "/../shared/eval/dev";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "../shared/eval/dev not present: skipped";
  auto pipe = pipeline::Pipeline::Create({});
  ASSERT_TRUE(pipe.ok()) << pipe.status().ToString();
  if (!(*pipe)->warning().empty()) GTEST_SKIP() << (*pipe)->warning();
  std::vector<std::filesystem::path> golds;
  for (const auto& f : std::filesystem::directory_iterator(dir))
    if (f.path().string().ends_with(".gold.json")) golds.push_back(f.path());
  std::sort(golds.begin(), golds.end());
  evaluate::EventScorer all, seed;
  for (const auto& g : golds) {
    auto gold = core::ReadGoldFile(g.string());
    ASSERT_TRUE(gold.ok());
    std::string txt = g.string();
    txt.replace(txt.size() - 10, 10, ".txt");
    Document d;
    d.raw = std::move(core::ReadFile(txt)).value();
    d.id = gold->id;
    auto a = (*pipe)->Analyze(std::move(d));
    all.Add(gold->id, gold->lang, gold->events, a.events);
    if (gold->id == "fr-seed") seed.Add(gold->id, gold->lang, gold->events, a.events);
  }
  const auto& r = all.report();
  std::printf("events on dev gold: P %.3f R %.3f F1 %.3f; fr F1 %.3f, en F1 %.3f\n",
              r.overall.Precision(), r.overall.Recall(), r.overall.F1(), r.by_lang.at("fr").F1(),
              r.by_lang.at("en").F1());
  for (const auto& f : evaluate::FieldNames())
    if (r.fields.count(f)) std::printf("  %-14s %.3f\n", f.c_str(), r.fields.at(f).Accuracy());
  // Measured (session 6, places): F1 0.908 (fr 0.928, en 0.884); date 0.961, geonameid
  // 1.000, quantities 0.875, claimant 0.938, subtype 0.914, modality 0.969, part 0.977.
  EXPECT_GE(r.overall.F1(), 0.90);
  EXPECT_GE(r.by_lang.at("fr").F1(), 0.92);
  EXPECT_GE(r.by_lang.at("en").F1(), 0.875);
  EXPECT_GE(r.fields.at("date_start").Accuracy(), 0.94);
  EXPECT_GE(r.fields.at("geonameid").Accuracy(), 0.98);
  EXPECT_GE(r.fields.at("quantities").Accuracy(), 0.85);
  EXPECT_GE(r.fields.at("claimant").Accuracy(), 0.92);
  EXPECT_GE(r.fields.at("subtype").Accuracy(), 0.87);
  EXPECT_GE(r.fields.at("modality").Accuracy(), 0.94);
  EXPECT_GE(r.fields.at("part").Accuracy(), 0.95);
  // The seed article: its six required events are all found (type, date and place), each
  // with the right place part, quantities and claimant.
  EXPECT_EQ(seed.report().overall.tp, 6u);
  EXPECT_EQ(seed.report().overall.fn, 0u);
  for (const char* f : {"date_start", "geonameid", "part", "quantities", "claimant"}) {
    ASSERT_TRUE(seed.report().fields.count(f)) << f;
    EXPECT_EQ(seed.report().fields.at(f).correct, 6u) << "seed article, field " << f;
  }
}

}  // namespace
}  // namespace vigie

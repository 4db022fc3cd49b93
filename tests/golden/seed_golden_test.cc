// Golden test on the seed article (../shared/seeds): language, boilerplate, hashtags and
// every sentence boundary. Skips when ../shared is absent (a user's clone).
#include <gtest/gtest.h>

#include <filesystem>

#include "core/langpack.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace vigie {
namespace {

const char* kSeed = VIGIE_SOURCE_DIR "/../shared/seeds/000_01933d292ac84297.txt";

TEST(SeedGolden, LanguageBoilerplateHashtagsSentences) {
  if (!std::filesystem::exists(kSeed)) GTEST_SKIP() << "../shared/seeds not present: seed golden test skipped";
  auto raw = core::ReadFile(kSeed);
  ASSERT_TRUE(raw.ok());
  auto pipe = pipeline::Pipeline::Create({});
  ASSERT_TRUE(pipe.ok()) << pipe.status().ToString();
  Document d;
  d.raw = *raw;
  auto a = (*pipe)->Analyze(std::move(d));
  EXPECT_EQ(a.language.code, "fr");
  ASSERT_EQ(a.clean.removed.size(), 3u);
  for (const auto& r : a.clean.removed) EXPECT_EQ(r.text, "Publicité");
  ASSERT_EQ(a.clean.hashtags.size(), 3u);
  EXPECT_EQ(a.clean.hashtags[0].tag, "Alep-Est");
  EXPECT_EQ(a.clean.hashtags[1].tag, "Syrie");
  EXPECT_EQ(a.clean.hashtags[2].tag, "Terrorisme");
  EXPECT_TRUE(a.clean.hashtags[2].removed);
  EXPECT_NE(a.clean.text.find("d'Alep-Est, l'armée"), std::string::npos);
  EXPECT_EQ(a.clean.text.find('#'), std::string::npos);
  EXPECT_EQ(a.clean.text.find("Publicité"), std::string::npos);

  std::vector<std::string> starts;
  for (const auto& s : a.segments.sentences) starts.push_back(a.clean.text.substr(s.start, 48));
  std::vector<std::string> expected = {
      "Avec la reprise de 50 qu", "Cette réussite, annoncé", "Par la suite, d'autres i",
      "Le Centre, chargé d'éval", "Plus tôt dans la journée", "Enfin, ce bref communiq",
      "Où en est le siège d'Al", "En proie aux conflits de", "Divisée entre flanc oue",
      "Le 6 décembre, des terr", "Depuis début 2016, l'ar"};
  ASSERT_EQ(starts.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(starts[i].substr(0, expected[i].size()), expected[i]) << "sentence " << i;
  // Sentence ends fall on final punctuation, and raw offsets point at the same words.
  for (const auto& s : a.segments.sentences) {
    std::string_view sent(a.clean.text.data() + s.start, s.end - s.start);
    char last = sent.back();
    EXPECT_TRUE(last == '.' || last == '?' || last == '"') << sent;
    uint32_t rs = a.RawStart(s.start);
    EXPECT_EQ(a.doc.raw.substr(rs, 10), std::string(sent.substr(0, 10)));
  }
}

}  // namespace
}  // namespace vigie

#include <gtest/gtest.h>

#include "core/hash.h"
#include "core/langpack.h"
#include "core/text.h"
#include "segment/segment.h"

namespace vigie::segment {
namespace {

const Segmenter& Seg() {
  static Segmenter s = [] {
    auto packs = core::PackSet::Load(core::DefaultPackRoot());
    EXPECT_TRUE(packs.ok());
    return std::move(Segmenter::Create(**packs)).value();
  }();
  return s;
}

std::vector<std::string> Tokens(std::string_view text, std::string_view lang) {
  Segmentation s = Seg().Segment(text, lang);
  std::vector<std::string> out;
  for (const auto& t : s.tokens) out.emplace_back(text.substr(t.start, t.end - t.start));
  return out;
}

std::vector<std::string> Sentences(std::string_view text, std::string_view lang) {
  Segmentation s = Seg().Segment(text, lang);
  std::vector<std::string> out;
  for (const auto& x : s.sentences) out.emplace_back(text.substr(x.start, x.end - x.start));
  return out;
}

using V = std::vector<std::string>;

TEST(TokenTest, FrenchElision) {
  EXPECT_EQ(Tokens("l'armée d'Alep qu'il jusqu'à aujourd'hui", "fr"),
            (V{"l'", "armée", "d'", "Alep", "qu'", "il", "jusqu'", "à", "aujourd'hui"}));
  EXPECT_EQ(Tokens("l’armée", "fr"), (V{"l’", "armée"}));
}

TEST(TokenTest, EnglishClitic) {
  EXPECT_EQ(Tokens("Assad's forces and O'Brien", "en"), (V{"Assad", "'s", "forces", "and", "O'Brien"}));
}

TEST(TokenTest, HyphenatedNames) {
  EXPECT_EQ(Tokens("Alep-Est, Al-Assad et soixante-six.", "fr"),
            (V{"Alep-Est", ",", "Al-Assad", "et", "soixante-six", "."}));
}

TEST(TokenTest, Numbers) {
  EXPECT_EQ(Tokens("1 200 civils, 1.200 morts, 1,200 dead, 2,5 millions, 70% et 70 %", "fr"),
            (V{"1 200", "civils", ",", "1.200", "morts", ",", "1,200", "dead", ",", "2,5", "millions", ",",
               "70%", "et", "70 %"}));
  EXPECT_EQ(Tokens("1,234,567 and 3.5 and 10K and 2e and 1990s", "en"),
            (V{"1,234,567", "and", "3.5", "and", "10K", "and", "2e", "and", "1990s"}));
  // A year followed by a count is two numbers.
  EXPECT_EQ(Tokens("en 2016 200 civils", "fr"), (V{"en", "2016", "200", "civils"}));
  EXPECT_EQ(Tokens("en 2016, 200 civils", "fr"), (V{"en", "2016", ",", "200", "civils"}));
}

TEST(TokenTest, Dates) {
  EXPECT_EQ(Tokens("le 7/12/2016 et le 2016-12-07", "fr"), (V{"le", "7/12/2016", "et", "le", "2016-12-07"}));
}

TEST(TokenTest, AbbreviationsAndAcronyms) {
  EXPECT_EQ(Tokens("M. Lavrov et les U.S. forces, 50 av. J.-C.", "fr"),
            (V{"M.", "Lavrov", "et", "les", "U.S.", "forces", ",", "50", "av.", "J.-C."}));
}

TEST(SentenceTest, SplitsOnFinalPunctuation) {
  EXPECT_EQ(Sentences("L'armée avance. Les rebelles reculent ! Et après ? Rien.", "fr"),
            (V{"L'armée avance.", "Les rebelles reculent !", "Et après ?", "Rien."}));
}

TEST(SentenceTest, KeepsAbbreviationsAndInitialsInside) {
  EXPECT_EQ(Sentences("Mr. Smith met Gen. Jones in the U.S. embassy. George W. Bush spoke.", "en"),
            (V{"Mr. Smith met Gen. Jones in the U.S. embassy.", "George W. Bush spoke."}));
  EXPECT_EQ(Sentences("M. Lavrov a parlé. Il a tort.", "fr"), (V{"M. Lavrov a parlé.", "Il a tort."}));
}

TEST(SentenceTest, ClosingQuotesStayWithTheSentence) {
  EXPECT_EQ(Sentences("Il a dit « nous avons gagné. » Puis il est parti.", "fr"),
            (V{"Il a dit « nous avons gagné. »", "Puis il est parti."}));
  EXPECT_EQ(Sentences("\"We won.\" He left.", "en"), (V{"\"We won.\"", "He left."}));
}

TEST(SentenceTest, LowerCaseAfterDotDoesNotSplit) {
  EXPECT_EQ(Sentences("Il y a 1.5 mln. de personnes ici.", "fr").size(), 1u);
}

TEST(SentenceTest, ParagraphsAndHeadlines) {
  EXPECT_EQ(Sentences("Aleppo latest\nThe army advanced.\n\nRebels fled", "en"),
            (V{"Aleppo latest", "The army advanced.", "Rebels fled"}));
}

TEST(SentenceTest, HardWrappedText) {
  std::string text =
      "The army said on\nTuesday that it had taken the\ntown after two days of\nfighting with rebels.\nIt "
      "gave no toll.";
  Segmentation s = Seg().Segment(text, "en");
  EXPECT_TRUE(s.hard_wrapped);
  EXPECT_EQ(Sentences(text, "en").size(), 2u);
}

TEST(TokenTest, UrlsAndOffsets) {
  std::string text = "Voir https://example.org/a?b=1. Fin";
  Segmentation s = Seg().Segment(text, "fr");
  ASSERT_GE(s.tokens.size(), 2u);
  EXPECT_EQ(s.tokens[1].kind, TokenKind::kUrl);
  EXPECT_EQ(text.substr(s.tokens[1].start, s.tokens[1].end - s.tokens[1].start), "https://example.org/a?b=1");
}

TEST(FoldedTest, OneFoldedFormPerTokenLikeFoldForMatch) {
  const std::string text =
      "Les forces pro-gouvernementales ont repris Alep-Est le 7/12/2016, selon l’OSDH. "
      "ÉTAT ISLAMIQUE : 1 200 déplacés (70 %). Ḥalab, حلب. U.S.-led strikes hit Raqqa's outskirts.";
  for (std::string_view lang : {"fr", "en", ""}) {
    Segmentation s = Seg().Segment(text, lang);
    ASSERT_EQ(s.folded.size(), s.tokens.size());
    for (size_t i = 0; i < s.tokens.size(); ++i)
      EXPECT_EQ(s.folded[i], core::FoldForMatch(std::string_view(text).substr(
                                 s.tokens[i].start, s.tokens[i].end - s.tokens[i].start)));
    EXPECT_EQ(FoldTokens(text, s), s.folded);
    // A segmentation built without the folded layer is folded on demand, the same way.
    Segmentation bare = s;
    bare.folded.clear();
    EXPECT_EQ(FoldTokens(text, bare), s.folded);
  }
}

// Short ASCII tokens are lowered by the segmenter itself, a word (or two overlapping
// words) at a time: every length from 1 to 20, upper case at every position, and a
// non-ASCII letter at every position must fold as core::FoldForMatch does.
TEST(FoldedTest, ShortTokensOfEveryLengthFoldLikeFoldForMatch) {
  std::string text;
  for (size_t len = 1; len <= 20; ++len) {
    for (size_t at = 0; at < len; ++at) {
      std::string upper(len, 'q'), accented(len, 'Q');
      upper[at] = 'Z';
      text += upper + " ";
      accented.replace(at, 1, "Ã");  // É
      text += accented + " ";
    }
  }
  Segmentation s = Seg().Segment(text, "fr");
  ASSERT_EQ(s.folded.size(), s.tokens.size());
  ASSERT_GT(s.tokens.size(), 400u);
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    std::string_view w = std::string_view(text).substr(s.tokens[i].start, s.tokens[i].end - s.tokens[i].start);
    EXPECT_EQ(s.folded[i], core::FoldForMatch(w)) << w;
    EXPECT_EQ(s.hashes[i], core::Hash64(s.folded[i])) << w;
  }
}

}  // namespace
}  // namespace vigie::segment

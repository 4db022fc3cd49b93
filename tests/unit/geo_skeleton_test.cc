// geo::Skeleton with the project's rule table (gazetteer/transliteration.tsv): spellings of
// one Arabic-origin name meet, unrelated words do not, and bad tables are refused.
#include <gtest/gtest.h>

#include "core/langpack.h"
#include "geo/skeleton.h"

namespace vigie::geo {
namespace {

Skeleton ProjectRules() {
  std::string path = std::string(VIGIE_SOURCE_DIR) + "/gazetteer/transliteration.tsv";
  auto text = core::ReadFile(path);
  EXPECT_TRUE(text.ok());
  auto sk = Skeleton::Parse(text.ok() ? *text : "", path);
  EXPECT_TRUE(sk.ok()) << sk.status().ToString();
  return sk.ok() ? std::move(*sk) : Skeleton();
}

TEST(Skeleton, SpellingsOfOneNameMeet) {
  Skeleton sk = ProjectRules();
  EXPECT_EQ(sk.Name("Taëz"), sk.Name("Ta'izz"));
  EXPECT_EQ(sk.Name("Taiz"), sk.Name("Ta‘izz"));
  EXPECT_EQ(sk.Name("Hodeïda"), sk.Name("Al Hudaydah"));
  EXPECT_EQ(sk.Name("Hodeidah"), sk.Name("El-Hodeidah"));
  EXPECT_EQ(sk.Name("Maaret al-Noomane"), sk.Name("Ma'arrat al-Nu'man"));
  EXPECT_EQ(sk.Name("Deir ez-Zor"), sk.Name("Dayr az Zawr"));
  EXPECT_EQ(sk.Name("Idleb"), sk.Name("Idlib"));
  EXPECT_EQ(sk.Name("Kupiansk"), sk.Name("Kupyansk"));
  EXPECT_EQ(sk.Name("Qamishli"), sk.Name("Kamishli"));
  EXPECT_EQ(sk.Name("Ma'arrat al-Nu'man"), "m_r_t n_m_n");
}

TEST(Skeleton, UnrelatedWordsStayApart) {
  Skeleton sk = ProjectRules();
  EXPECT_NE(sk.Name("McCoy"), sk.Name("Medina"));
  EXPECT_NE(sk.Name("Kelleyland"), sk.Name("Cleveland"));
  EXPECT_NE(sk.Name("Sheila"), sk.Name("Hilo"));
  EXPECT_NE(sk.Name("Homs"), sk.Name("Al Khums"));
}

TEST(Skeleton, ShortAndNonLatinNamesHaveNone) {
  Skeleton sk = ProjectRules();
  EXPECT_EQ(sk.Name("Ay"), "");
  EXPECT_EQ(sk.Name("Aia"), "");
  EXPECT_EQ(sk.Name("حلب"), "");
  EXPECT_EQ(sk.Name("Алеппо"), "");
  EXPECT_EQ(sk.Name("al"), "");
}

TEST(Skeleton, RulesTableErrorsNameTheLine) {
  auto bad = Skeleton::Parse("kind\tfrom\tto\nvowel\tab\ta\n", "t.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t.tsv:2"), std::string::npos) << bad.status().message();
  auto unknown = Skeleton::Parse("kind\tfrom\tto\nswap\ta\tb\n", "t.tsv");
  ASSERT_FALSE(unknown.ok());
  auto cols = Skeleton::Parse("a\tb\n", "t.tsv");
  EXPECT_FALSE(cols.ok());
  auto country = Skeleton::Parse("kind\tfrom\tto\ncountry\tSYR\t\n", "t.tsv");
  EXPECT_FALSE(country.ok());
}

TEST(Skeleton, CountriesLimitWhichPlacesGetKeys) {
  Skeleton sk = ProjectRules();
  EXPECT_TRUE(sk.CoversCountry("SY"));
  EXPECT_TRUE(sk.CoversCountry("YE"));
  EXPECT_FALSE(sk.CoversCountry("US"));
  auto all = Skeleton::Parse("kind\tfrom\tto\nvowel\ta\ta\n", "t.tsv");
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->CoversCountry("US"));
}

}  // namespace
}  // namespace vigie::geo

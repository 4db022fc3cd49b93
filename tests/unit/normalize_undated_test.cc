// Oracle test for Normalizer::TagUndated: on every text, the one-pass version (the tokens of
// the whole document built once; each sentence read once without a date, and again against
// the inferred date only where that reading read the reference) must give exactly what the
// obvious two calls give, InferDocumentDate then Tag against the inferred date, whatever the
// other fields of the reference (bias, time of day): the re-reading must cover every read.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/langpack.h"
#include "normalize_test_env.h"

namespace vigie::normalize {
namespace {

using test_env::E;

// Every field of the tags, one line per item.
std::string Dump(const Tags& t) {
  std::ostringstream o;
  o.precision(17);
  for (const TimeExpr& x : t.times)
    o << "T " << x.start << '-' << x.end << ' ' << TimeKindName(x.kind) << ' ' << x.begin.Iso()
      << '/' << x.finish.Iso() << ' ' << PrecisionName(x.precision) << ' ' << BasisName(x.basis)
      << ' ' << x.open_end << int(x.open) << ' ' << x.daypart << ' ' << x.clock.hour << ':'
      << x.clock.minute << ':' << x.clock.second << '-' << x.clock_end.hour << ':'
      << x.clock_end.minute << ':' << x.clock_end.second << ' ' << x.clock_only << x.present << ' '
      << x.DurationIso() << '\n';
  auto num = [&](const Number& n) {
    o << n.start << '-' << n.end << ' ' << n.value << ' ' << n.min << ' ' << n.max << ' '
      << QualifierName(n.qualifier) << ' ' << n.ordinal << n.percent << n.vague;
  };
  for (const Number& n : t.numbers) {
    o << "N ";
    num(n);
    o << '\n';
  }
  for (const Quantity& q : t.quantities) {
    o << "Q " << q.start << '-' << q.end << ' ' << q.noun_start << '-' << q.noun_end << ' '
      << q.lemma << ' ';
    num(q.number);
    o << '\n';
  }
  return o.str();
}

std::string DumpDate(const std::optional<DocumentDate>& d) {
  if (!d) return "none";
  std::ostringstream o;
  o << IsoDate(d->date) << ' ' << BasisName(d->basis) << ' ' << d->confidence << ' ' << d->start
    << '-' << d->end;
  return o.str();
}

// Checks one text in one language, against the pipeline's reference and two others (a
// future bias; a time of day); returns whether it named a date.
bool Check(const std::string& text, std::string_view lang, const std::string& what) {
  segment::Segmentation s = E().seg->Segment(text, lang);
  const auto want_date = E().norm->InferDocumentDate(text, s, lang);
  for (int variant = 0; variant < 3; ++variant) {
    Reference ref;
    ref.future_bias = variant == 1;
    if (variant == 2) ref.time = Clock{15, 30, 0, Unit::kMinute};
    ref.date = want_date ? std::optional<Date>(want_date->date) : std::nullopt;
    const std::string want = Dump(E().norm->Tag(text, s, lang, ref));
    std::optional<DocumentDate> got_date;
    ref.date.reset();
    const std::string got = Dump(E().norm->TagUndated(text, s, lang, ref, &got_date));
    const std::string where = what + " (" + std::string(lang) + ", reference " + std::to_string(variant) + ")";
    EXPECT_EQ(DumpDate(got_date), DumpDate(want_date)) << where;
    EXPECT_EQ(got, want) << where;
  }
  return want_date.has_value();
}

std::vector<std::string> ReadTexts(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  if (!std::filesystem::exists(dir)) return out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files)
    if (auto b = core::ReadFile(f.string()); b.ok()) out.push_back(*b);
  return out;
}

TEST(TagUndatedTest, SameAsInferThenTagOnWrittenCases) {
  const char* cases[] = {
      // A sentence ending in an elided or possessive token: the next sentence's first token
      // joins as at the start of a text.
      "The ministers' . Le 7 décembre 2016, 50 quartiers ont été repris.\nAujourd'hui, l'armée "
      "avance.",
      "Ils l' ont dit. Mi-octobre, trois villages ont été bombardés. Le lendemain à 8h, un convoi "
      "est arrivé.",
      "MOSUL, Iraq, Jan. 19, 2017 - Troops advanced on Jan. 21. Two days ago, at 3 pm, 12 people "
      "were killed.",
      "Depuis février 2022, la ville est bloquée.\nCe jeudi 6 octobre, un convoi est arrivé vers "
      "15h30.",
      "Rien à signaler.",
      "Forty-two people fled on Tuesday; about a dozen more left the next morning.",
      // Datelines: found on the first line before the rest is read; an expression that
      // begins on the first line and ends on the next; a first line with no full date.
      "BAMAKO, 8 septembre 2023 - Des tirs ont visé le camp le 2 septembre 2023 vers 6h du matin.",
      "Published on Monday 3\nMarch 2014, updated on 5 March 2014 at 10 am.",
      "GOMA, July 2022 (Wire) - Clashes resumed on 27 July.\nOn 28 July 2022, 3,000 people fled.",
      "Le 7 décembre 2016 à 8h\nLe lendemain, les combats ont repris.",
      // Expressions read against the reference, the bias or the time of day, between and
      // after expressions that read none: only those are read again.
      "On 4 March 2019 the army entered the town. On Tuesday, two days ago, 40 people fled; "
      "since then the roads are closed. The next day at 3 pm a convoy left. Talks resume next "
      "quarter, this summer or in the last 2 days of June, said the envoy on 7/12.",
      "Le 4 mars 2019, l'armée est entrée dans la ville. Mardi, il y a deux jours, 40 personnes "
      "ont fui ; depuis, les routes sont coupées. Le lendemain à 15h, un convoi est parti. Les "
      "pourparlers reprendront le trimestre prochain, cet été, ou le 20 du mois prochain.",
      "Fighting resumed at 8 pm. In the past 48 hours, 12 people died. On 3 May, and again "
      "on Friday 5, shells fell. Hier, la ville était calme.",
  };
  for (const char* c : cases) {
    Check(c, "fr", c);
    Check(c, "en", c);
  }
}

TEST(TagUndatedTest, SameAsInferThenTagOnArticles) {
  std::vector<std::string> texts = ReadTexts(VIGIE_SOURCE_DIR "/examples/corpus");
  ASSERT_FALSE(texts.empty());
  // Documents recombined from the articles' paragraphs (fixed seed), as the throughput
  // benchmark makes them: datelines and dates land anywhere.
  std::vector<std::string> paragraphs;
  for (const std::string& t : texts) {
    size_t pos = 0;
    while (pos < t.size()) {
      size_t e = t.find("\n\n", pos);
      if (e == std::string::npos) e = t.size();
      if (e > pos) paragraphs.push_back(t.substr(pos, e - pos));
      pos = e + 2;
    }
  }
  std::mt19937 rng(7);
  const size_t n = texts.size();
  for (int d = 0; d < 60; ++d) {
    std::string doc;
    for (int k = 0, m = 3 + int(rng() % 8); k < m; ++k)
      doc += paragraphs[rng() % paragraphs.size()] + "\n\n";
    texts.push_back(std::move(doc));
  }
  int dated = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string what =
        i < n ? "example article " + std::to_string(i) : "generated " + std::to_string(i - n);
    dated += Check(texts[i], "fr", what);
    dated += Check(texts[i], "en", what);
  }
  EXPECT_GT(dated, 0);  // the comparison covers inferred dates, not only their absence
}

TEST(TagUndatedTest, SameAsInferThenTagOnDevSet) {
  const std::vector<std::string> texts = ReadTexts(VIGIE_SOURCE_DIR "/../shared/eval/dev");
  if (texts.empty()) GTEST_SKIP() << "../shared/eval/dev not present: skipped";
  for (size_t i = 0; i < texts.size(); ++i) {
    Check(texts[i], "fr", "dev text " + std::to_string(i));
    Check(texts[i], "en", "dev text " + std::to_string(i));
  }
}

}  // namespace
}  // namespace vigie::normalize

// Dev gold check: every date and quantity text the gold events cite must be found by the
// tagger with the gold value; the document date of undated articles must be inferred.
// Reads ../shared/eval/dev at test time; skips when it is absent.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "normalize/normalize.h"
#include "pipeline/pipeline.h"

namespace vigie::normalize {
namespace {

namespace fs = std::filesystem;
const char* kDevDir = VIGIE_SOURCE_DIR "/../shared/eval/dev";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Score {
  int found = 0, total = 0;
  double Share() const { return total ? double(found) / total : 0; }
};

TEST(NormalizeDevGold, DatesQuantitiesAndDocumentDates) {
  if (!fs::exists(kDevDir)) GTEST_SKIP() << "dev gold set not found at " << kDevDir;
  auto pipe = pipeline::Pipeline::Create({VIGIE_SOURCE_DIR "/langpacks"});
  ASSERT_TRUE(pipe.ok());
  auto norm = Normalizer::Create((*pipe)->packs());
  ASSERT_TRUE(norm.ok());
  Score dates, quantities, docdates;
  std::vector<fs::path> golds;
  for (const auto& e : fs::directory_iterator(kDevDir))
    if (e.path().string().ends_with(".gold.json")) golds.push_back(e.path());
  std::sort(golds.begin(), golds.end());
  for (const fs::path& gp : golds) {
    std::string id = gp.filename().string();
    id = id.substr(0, id.size() - std::string(".gold.json").size());
    nlohmann::json g = nlohmann::json::parse(Slurp(gp), nullptr, false);
    ASSERT_FALSE(g.is_discarded()) << gp;
    Document doc;
    doc.id = id;
    doc.raw = Slurp(fs::path(kDevDir) / (id + ".txt"));
    const auto& gd = g["doc"];
    doc.lang = gd.value("lang", "");
    pipeline::Analysis a = (*pipe)->Analyze(std::move(doc));
    const std::string& text = a.clean.text;
    std::string ref_iso = gd["date"].is_string() ? gd["date"].get<std::string>() : "";
    if (gd.contains("expected_inferred_date") && gd["expected_inferred_date"].is_string()) {
      std::string want = gd["expected_inferred_date"];
      auto got = norm->InferDocumentDate(text, a.segments, a.language.code);
      ++docdates.total;
      if (got && IsoDate(got->date) == want) ++docdates.found;
      else std::cout << "  [docdate] " << id << " want " << want << " got " << (got ? IsoDate(got->date) : "none") << "\n";
      if (ref_iso.empty()) ref_iso = want;
    }
    Reference ref;
    ref.date = ParseIsoDate(ref_iso);
    Tags tags = norm->Tag(text, a.segments, a.language.code, ref);
    for (const auto& ev : g["events"]) {
      if (!ev.is_object()) continue;
      const auto& d = ev.contains("date") ? ev["date"] : nlohmann::json();
      if (d.is_object() && d.contains("text") && d["text"].is_string() && d.contains("start")) {
        std::string t = d["text"];
        size_t at = text.find(t);
        if (at != std::string::npos) {
          ++dates.total;
          std::string want = d["start"].is_string() ? d["start"].get<std::string>() : "";
          // The gold names the text, not where it is: any occurrence of it may hold the date
          // ("Depuis février 2022" … "Depuis, aucun convoi").
          bool ok = false;
          for (size_t p = at; p != std::string::npos && !ok; p = text.find(t, p + 1))
            for (const auto& x : tags.times)
              if (x.start < p + t.size() && x.end > p && x.kind != TimeKind::kDuration && x.Start() == want) ok = true;
          if (ok) ++dates.found;
          else std::cout << "  [date] " << id << " \"" << t << "\" want " << want << "\n";
        }
      }
      if (!ev.contains("quantities") || !ev["quantities"].is_array()) continue;
      for (const auto& q : ev["quantities"]) {
        if (!q.is_object() || !q.contains("text") || !q["text"].is_string()) continue;
        std::string t = q["text"];
        size_t at = text.find(t);
        if (at == std::string::npos) continue;
        ++quantities.total;
        std::string qual = q.value("qualifier", "exact");
        bool ok = false;
        for (const auto& n : tags.numbers) {
          if (!(n.start < at + t.size() && n.end > at)) continue;
          bool value_ok = qual == "range" ? (q.value("min", -1.0) == n.min && q.value("max", -1.0) == n.max)
                                          : (q.value("value", -1.0) == n.value);
          if (value_ok && qual == QualifierName(n.qualifier)) ok = true;
        }
        if (ok) ++quantities.found;
        else std::cout << "  [quantity] " << id << " \"" << t << "\" want " << q.value("value", 0.0) << " " << qual << "\n";
      }
    }
  }
  std::printf("dev gold: dates %d/%d (%.1f%%), quantities %d/%d (%.1f%%), inferred document dates %d/%d\n",
              dates.found, dates.total, 100 * dates.Share(), quantities.found, quantities.total,
              100 * quantities.Share(), docdates.found, docdates.total);
  // Regression floors, just under the figures reached (see the normalize report).
  EXPECT_GE(dates.Share(), 0.97);
  EXPECT_GE(quantities.Share(), 0.95);
  EXPECT_GE(docdates.found, 7);
}

}  // namespace
}  // namespace vigie::normalize

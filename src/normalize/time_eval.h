// Scoring the normaliser against external suites read at run time: the Duckling corpus
// (Time, Numeral, Ordinal, Duration rows) and TempEval-3 AQUAINT TIMEX3 values.
// Pure functions of their inputs; thread-safe. Nothing from the suites is stored.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "segment/segment.h"
#include "vigie/status.h"

namespace vigie::normalize {

struct EvalCase {
  std::string group;     // "EN Time", "FR Numeral", "EN Time (latent)"
  std::string phrase;
  std::string expected;  // as the suite writes it
  std::string got;       // ours, in the suite's terms
  bool ok = false;
};

struct EvalReport {
  std::map<std::string, std::pair<int, int>> groups;  // group -> (correct, total)
  std::vector<EvalCase> failures;
  double Accuracy(const std::string& group) const;
};

// duckling_fr_en.tsv: future bias, the row's reference time; rows with a note are grouped
// apart ("EN Time (latent)").
StatusOr<EvalReport> EvalDuckling(const Normalizer& norm, const segment::Segmenter& seg,
                                  const std::string& tsv_path);

// timex3.tsv: DATE and DURATION values of each TIMEX3 text, anchored on the document's dct.
StatusOr<EvalReport> EvalTimex(const Normalizer& norm, const segment::Segmenter& seg,
                               const std::string& tsv_path);

}  // namespace vigie::normalize

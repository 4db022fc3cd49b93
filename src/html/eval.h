// Scores main-text extraction and publication dates against trafilatura's evaluation set
// (evaldata.json + html/*.html.gz): per page, every `with` segment found in the extracted
// text is a true positive (else a false negative), every `without` segment found is a false
// positive (else a true negative). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "html/html.h"
#include "vigie/status.h"

namespace vigie::html {

struct SegmentScore {
  uint64_t tp = 0, fp = 0, tn = 0, fn = 0;
  uint64_t pages = 0, missing_pages = 0;
  double Precision() const { return tp + fp == 0 ? 0 : double(tp) / double(tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0 : double(tp) / double(tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
  double Accuracy() const {
    uint64_t all = tp + fp + tn + fn;
    return all == 0 ? 0 : double(tp + tn) / double(all);
  }
};

struct DateScore {
  uint64_t gold = 0;      // pages whose gold has a date
  uint64_t found = 0;     // of those, pages where a date was extracted
  uint64_t correct = 0;   // extracted date equals the gold day
  uint64_t spurious = 0;  // a date extracted where the gold has none
  uint64_t no_gold = 0;   // pages without a gold date
  double Precision() const { return found == 0 ? 0 : double(correct) / double(found); }
  double Recall() const { return gold == 0 ? 0 : double(correct) / double(gold); }
};

struct EvalReport {
  SegmentScore segments;
  DateScore dates;
  double seconds = 0;            // extraction time (decompression excluded)
  uint64_t html_bytes = 0;       // uncompressed page bytes
  std::vector<std::string> worst;  // per-page lines "url\tfp\tfn", filled if asked
  std::vector<std::string> segments_wrong;  // "FN|FP\tfile\tsegment", filled if asked
};

// `dir` is the trafilatura-eval folder. With `details`, report.worst lists pages with errors.
// `months` (may be null) reads dates written with month names.
StatusOr<EvalReport> EvaluateTrafilatura(const std::string& dir, bool details = false,
                                         const MonthNames* months = nullptr);

// Collapses runs of white space to one space (applied to text and segments before matching).
std::string CollapseSpace(const std::string& s);

}  // namespace vigie::html

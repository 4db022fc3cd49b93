// case_map: maps Vigie's event type and subtype (EVENTS.md) to the event sub-types of the
// CASE 2021 shared task 2 (fine-grained event classification, ACLED-based), and scores a
// run over its snippets. The mapping is between two schemas, not words of a language, so it
// lives here. Pure functions and a plain accumulator; not thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "vigie/event.h"
#include "vigie/status.h"

namespace vigie::evaluate {

// The CASE 2021 sub-type of one Vigie record ("ARMED_CLASH", "SUIC_BOMB", ...), or "OTHER"
// for what the CASE scheme has no class for (displacement, aid, tolls, sieges).
std::string CaseSubtype(const EventRecord& e);

// The label of a snippet: the sub-type of its first event that has a CASE class, else the
// first event's, else "NONE" (no event found).
std::string CaseLabel(const std::vector<EventRecord>& events);

// Whether Vigie has a class that can produce this CASE sub-type.
bool CaseCovered(const std::string& gold);

struct CaseReport {
  size_t total = 0, correct = 0;            // every snippet
  size_t covered = 0, covered_correct = 0;  // snippets whose gold class Vigie covers
  size_t no_event = 0;                      // snippets with no event found
  std::map<std::string, std::pair<size_t, size_t>> by_gold;  // gold -> (correct, total)
  std::map<std::pair<std::string, std::string>, size_t>
      confusion;  // (gold, predicted) -> n, errors only
};

// One row of the CASE 2021 task 2 TSV (header: id, EventSnippet, SubType).
struct CaseSnippet {
  std::string id, text, gold;
};
// Rows of the TSV text; a row without exactly three tab-separated fields is skipped and
// described in `problems` ("path:line: ..."). Only an empty input is an error.
StatusOr<std::vector<CaseSnippet>> ParseCaseTsv(std::string_view tsv, const std::string& path,
                                                std::vector<std::string>* problems);

class CaseScorer {
 public:
  void Add(const std::string& gold, const std::string& predicted);
  const CaseReport& report() const { return report_; }

 private:
  CaseReport report_;
};

}  // namespace vigie::evaluate

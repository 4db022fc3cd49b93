// Scores predicted event records against gold ones, as EVENTS.md ("Evaluation against
// gold") says: a pair matches when the types are equal, the dates overlap within one day
// and the locations agree; matching is one-to-one and deterministic. Optional gold events
// are neither required nor penalised. Not thread-safe (an EventScorer accumulates).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "vigie/event.h"

namespace vigie::evaluate {

bool DatesOverlap(const std::optional<EventDate>& gold, const std::optional<EventDate>& pred,
                  int slack_days = 1);
bool LocationsAgree(const std::optional<EventLocation>& gold,
                    const std::optional<EventLocation>& pred, double km = 25.0);
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

struct Pair {
  size_t gold = 0, pred = 0;
};
// One-to-one matches; required gold events are served before optional ones, then pairs
// that agree on more fields, then input order.
std::vector<Pair> MatchEvents(const std::vector<EventRecord>& gold,
                              const std::vector<EventRecord>& pred);

struct Tally {
  size_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 0 : double(tp) / double(tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0 : double(tp) / double(tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct FieldTally {
  size_t correct = 0, total = 0;
  double Accuracy() const { return total == 0 ? 0 : double(correct) / double(total); }
};

struct Failure {
  std::string doc, kind;   // kind: missed, spurious, field:<name>
  std::string gold, pred;  // short descriptions
  std::string detail;      // field failures: the two values, "gold value | pred value"
};

struct Report {
  Tally overall;
  std::map<std::string, Tally> by_lang, by_type;
  std::map<std::string, FieldTally> fields;  // subtype, date_start, geonameid, part, ...
  std::vector<Failure> failures;
};

class EventScorer {
 public:
  void Add(const std::string& doc, const std::string& lang, const std::vector<EventRecord>& gold,
           const std::vector<EventRecord>& pred);
  const Report& report() const { return report_; }

 private:
  Report report_;
};

// Names of the per-field comparisons, in report order.
const std::vector<std::string>& FieldNames();
// Whether gold and pred agree on one named field.
bool FieldAgrees(const std::string& field, const EventRecord& gold, const EventRecord& pred);
// The value of one named field as the comparison sees it, for failure listings.
std::string FieldValue(const std::string& field, const EventRecord& e);

}  // namespace vigie::evaluate

// normalize: numbers, quantities (number + counted noun) and temporal expressions in French
// and English, with values resolved against an injected reference (document) date.
// A Normalizer is built once from the language packs, is immutable and thread-safe; Tag()
// keeps its scratch in locals. Offsets are clean-text bytes (map them with clean::OffsetMap).
//
//   auto norm = normalize::Normalizer::Create(packs);          // StatusOr<Normalizer>
//   normalize::Reference ref; ref.date = normalize::Date{2016, 12, 7};
//   normalize::Tags tags = norm->Tag(clean_text, segmentation, "fr", ref);
//   for (const auto& t : tags.times) ... t.start, t.end, t.value.Start(), t.precision ...
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/langpack.h"
#include "normalize/date.h"
#include "segment/segment.h"
#include "vigie/status.h"

namespace vigie::normalize {

enum class Qualifier : uint8_t { kExact, kMoreThan, kAtLeast, kLessThan, kAbout, kRange };
const char* QualifierName(Qualifier q);

struct Number {
  uint32_t start = 0, end = 0;  // clean-text bytes, qualifier words included
  double value = 0;             // for a range: the lower bound
  double min = 0, max = 0;      // range bounds (equal to value otherwise)
  Qualifier qualifier = Qualifier::kExact;
  bool ordinal = false;
  bool percent = false;
  bool vague = false;           // "une cinquantaine", "dozens": conventional value
};

struct Quantity {
  uint32_t start = 0, end = 0;  // number through noun
  Number number;
  uint32_t noun_start = 0, noun_end = 0;
  std::string lemma;            // singular, lower case ("quartier", "civilian")
};

enum class Precision : uint8_t { kDay, kWeek, kMonth, kYear, kInterval };
enum class Basis : uint8_t { kExplicit, kRelative, kDocument, kInferred };
enum class TimeKind : uint8_t { kDate, kInterval, kDuration };
const char* PrecisionName(Precision p);
const char* BasisName(Basis b);
const char* TimeKindName(TimeKind k);

// A time of day known to a grain (hour, minute or second); hour < 0: none.
struct Clock {
  int hour = -1, minute = 0, second = 0;
  Unit grain = Unit::kHour;
  bool Set() const { return hour >= 0; }
  int Seconds() const { return hour * 3600 + minute * 60 + second; }
  std::string Iso() const;  // "15:30" (hour and minute grains), "15:30:05"
};

// The time of day of an ISO date-time ("2013-02-12T04:30:00-02:00" gives 04:30:00, at
// second grain; "2016-12-07T08:15" at minute grain); unset when the text has none.
Clock ParseIsoClock(std::string_view iso);

struct TimeExpr {
  uint32_t start = 0, end = 0;  // clean-text bytes
  TimeKind kind = TimeKind::kDate;
  Point begin, finish;          // the interval (finish == begin for a single date)
  Precision precision = Precision::kDay;
  Basis basis = Basis::kExplicit;
  bool open_end = false;        // "depuis juillet 2012": runs up to the reference date
  // An open interval bounded by the time: 1 from it on ("after 5 pm", "à partir du 8 mars",
  // "since 2014"), -1 up to it ("before noon", "until Friday"); 0 for a plain time.
  int8_t open = 0;
  std::string daypart;          // "MO", "AF", "EV", "NI" for "mardi soir", "Sunday night"
  // Time of day of `begin` and of `finish` (inclusive, at clock.grain): "à 8h", "from 3 to
  // 5 pm", "tomorrow evening" (18:00 to 23:00 at hour grain). Unset for whole days.
  Clock clock, clock_end;
  bool clock_only = false;      // a time of day with no day named: its day is the reference's
  bool present = false;         // "now", "en ce moment": the moment of writing
  // A season or quarter ("last summer", "Q3 2019"): its TimeML code ("SU", "FA", "Q3") and
  // its first and last days. The dates above keep the grain news records use: the season's
  // year, the quarter's months.
  std::string year_part;
  Date part_first, part_last;
  // Durations, and the length of "the past 48 hours" / "two days ago": amount and unit
  // ("P3D" in ISO 8601 via DurationIso()); amount NaN for "years", "weeks".
  double amount = 0;
  Unit unit = Unit::kDay;
  std::string DurationIso() const;
  std::string Start() const { return begin.Iso(); }
  std::string End() const { return finish.Iso(); }
};

// What relative expressions resolve against.
struct Reference {
  std::optional<Date> date;     // document date; none: relative expressions are skipped
  Clock time;                   // time of day of the reference, when known ("--ref" with a time)
  bool future_bias = false;     // dates without a year / bare weekdays: after the reference
  // 7/12/2016: true 7 December, false July 12; unset: the language pack's date_order.
  std::optional<bool> day_first;
  bool numbers_only = false;    // skip temporal expressions (reading a bare number)
};

struct Tags {
  std::vector<Number> numbers;      // numbers outside temporal expressions, in text order
  std::vector<Quantity> quantities;
  std::vector<TimeExpr> times;
};

struct DocumentDate {
  Date date;
  Basis basis = Basis::kInferred;
  double confidence = 0;
  uint32_t start = 0, end = 0;  // the expression it came from
};

class Normalizer {
 public:
  static StatusOr<Normalizer> Create(const core::PackSet& packs);
  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;
  ~Normalizer();

  Tags Tag(std::string_view text, const segment::Segmentation& seg, std::string_view lang,
           const Reference& ref) const;

  // The document date read from the text: a dateline on the first line, else the latest
  // fully specified date, day-month mentions taking the year of their context. None when
  // the text names no usable date. The text is read sentence by sentence, as Tag() reads it.
  std::optional<DocumentDate> InferDocumentDate(std::string_view text,
                                                const segment::Segmentation& seg,
                                                std::string_view lang) const;

  // Tag() for a document without a date: the date InferDocumentDate reads from the text
  // (into *inferred) becomes `ref.date`, and the two share one reading of the tokens: only
  // the expressions whose reading read the reference are read again with the date.
  // Same result as InferDocumentDate then Tag with that date.
  Tags TagUndated(std::string_view text, const segment::Segmentation& seg, std::string_view lang,
                  Reference ref, std::optional<DocumentDate>* inferred) const;

  struct Lexicon;  // normalize_internal.h

 private:
  explicit Normalizer(std::vector<Lexicon> lex);
  const Lexicon& For(std::string_view lang) const;
  std::vector<Lexicon> lex_;
};

}  // namespace vigie::normalize

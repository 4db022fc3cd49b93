// Shared by the normalize unit tests: the packs, segmenter and normalizer loaded once, and
// TagText, which tags a sentence against a reference date or date-time ("2016-12-07",
// "2016-12-07T15:00").
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/langpack.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

namespace vigie::normalize::test_env {

struct Env {
  std::shared_ptr<const core::PackSet> packs;
  std::optional<segment::Segmenter> seg;
  std::optional<Normalizer> norm;
};

inline const Env& E() {
  static Env env = [] {
    Env e;
    auto packs = core::PackSet::Load(core::DefaultPackRoot());
    EXPECT_TRUE(packs.ok());
    e.packs = *packs;
    e.seg.emplace(std::move(segment::Segmenter::Create(*e.packs)).value());
    e.norm.emplace(std::move(Normalizer::Create(*e.packs)).value());
    return e;
  }();
  return env;
}

inline Tags TagText(std::string_view text, std::string_view lang,
                    std::string_view ref = "2016-12-07", bool future = false) {
  Reference r;
  if (!ref.empty()) {
    r.date = ParseIsoDate(ref);
    r.time = ParseIsoClock(ref);
  }
  r.future_bias = future;
  segment::Segmentation s = E().seg->Segment(text, lang);
  return E().norm->Tag(text, s, lang, r);
}

// The time expressions of `t` as "text|start[/end][ hh:mm][...]", separated by "; ", or
// "none". With `clock_range`: the end of a time range ("-hh:mm") and " *" for a time of day
// whose day is the reference's; with `open`: " >" open after, " <" open before.
struct TimeFormat {
  bool clock_range = false;
  bool open = false;
};
inline std::string FormatTimes(std::string_view text, const Tags& t, TimeFormat f) {
  std::string out;
  for (const TimeExpr& x : t.times) {
    if (!out.empty()) out += "; ";
    out += std::string(text.substr(x.start, x.end - x.start)) + "|";
    if (x.kind == TimeKind::kDuration) {
      out += x.DurationIso();
      continue;
    }
    out += x.Start();
    if (x.End() != x.Start()) out += "/" + x.End();
    if (x.clock.Set()) out += " " + x.clock.Iso();
    if (f.clock_range && x.clock_end.Set()) out += "-" + x.clock_end.Iso();
    if (f.clock_range && x.clock_only) out += " *";
    if (f.open && x.open > 0) out += " >";
    if (f.open && x.open < 0) out += " <";
  }
  return out.empty() ? "none" : out;
}

// The time expressions of `text` tagged against `ref`, formatted with open ends
// (FormatTimes with {.open = true}): what the grammar tests compare.
inline std::string TimesAt(std::string_view text, std::string_view lang,
                           std::string_view ref = "2016-12-07", bool future = false) {
  return FormatTimes(text, TagText(text, lang, ref, future), {.open = true});
}

}  // namespace vigie::normalize::test_env

// Shared by the normalize unit tests: the packs, segmenter and normalizer loaded once, and
// TagText, which tags a sentence against a reference date or date-time ("2016-12-07",
// "2016-12-07T15:00").
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
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

inline Tags TagText(std::string_view text, std::string_view lang, std::string_view ref = "2016-12-07",
                    bool future = false) {
  Reference r;
  if (!ref.empty()) {
    r.date = ParseIsoDate(ref);
    r.time = ParseIsoClock(ref);
  }
  r.future_bias = future;
  segment::Segmentation s = E().seg->Segment(text, lang);
  return E().norm->Tag(text, s, lang, r);
}

}  // namespace vigie::normalize::test_env

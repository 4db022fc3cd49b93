// Fuzz target: arbitrary bytes through ingest (format detection, JSON Lines, UTF-8
// repair), clean and segment, checking the invariants every later stage relies on.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace {

const vigie::pipeline::Pipeline& Pipe() {
  static std::unique_ptr<vigie::pipeline::Pipeline> p = [] {
    auto made = vigie::pipeline::Pipeline::Create({});
    if (!made.ok()) std::abort();
    return std::move(made).value();
  }();
  return *p;
}

void Check(bool cond) {
  if (!cond) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vigie::ingest::ReadBytes(
      bytes, "fuzz", {},
      [](vigie::Document&& doc) {
        auto a = Pipe().Analyze(std::move(doc));
        const auto& map = a.clean.map;
        Check(map.clean_size() == a.clean.text.size());
        uint32_t prev = 0;
        for (uint32_t i = 0; i <= a.clean.text.size(); ++i) {
          uint32_t r = map.ToRaw(i);
          Check(r >= prev && r <= a.doc.raw.size());
          prev = r;
        }
        for (const auto& t : a.segments.tokens) {
          Check(t.start < t.end && t.end <= a.clean.text.size());
          Check(a.RawStart(t.start) <= a.RawEnd(t.end));
        }
        for (const auto& s : a.segments.sentences) Check(s.start <= s.end && s.first_token < s.end_token);
      },
      [](const vigie::ingest::Problem&) {});
  return 0;
}

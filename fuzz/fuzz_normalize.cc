// Fuzz target: arbitrary text through segment and the normaliser (fr, en; past and future
// bias; with and without a reference date), checking spans stay inside the text, are
// ordered, and that the output is deterministic.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "normalize/normalize.h"
#include "pipeline/pipeline.h"

namespace {

struct Env {
  std::unique_ptr<vigie::pipeline::Pipeline> pipe;
  std::optional<vigie::normalize::Normalizer> norm;
};

const Env& E() {
  static Env env = [] {
    Env e;
    auto made = vigie::pipeline::Pipeline::Create({});
    if (!made.ok()) std::abort();
    e.pipe = std::move(made).value();
    auto n = vigie::normalize::Normalizer::Create(e.pipe->packs());
    if (!n.ok()) std::abort();
    e.norm.emplace(std::move(n).value());
    return e;
  }();
  return env;
}

void Check(bool cond) {
  if (!cond) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  vigie::Document doc;
  doc.raw.assign(reinterpret_cast<const char*>(data), size);
  auto a = E().pipe->Analyze(std::move(doc));
  const std::string& text = a.clean.text;
  for (const char* lang : {"fr", "en"}) {
    for (int variant = 0; variant < 3; ++variant) {
      vigie::normalize::Reference ref;
      if (variant > 0) ref.date = vigie::normalize::Date{2016, 12, 7};
      ref.future_bias = variant == 2;
      auto tags = E().norm->Tag(text, a.segments, lang, ref);
      for (const auto& x : tags.times) Check(x.start < x.end && x.end <= text.size());
      for (const auto& n : tags.numbers) Check(n.start < n.end && n.end <= text.size());
      for (const auto& q : tags.quantities) Check(q.start < q.end && q.end <= text.size() && !q.lemma.empty());
      auto again = E().norm->Tag(text, a.segments, lang, ref);
      Check(again.times.size() == tags.times.size() && again.numbers.size() == tags.numbers.size());
    }
    E().norm->InferDocumentDate(text, a.segments, lang);
  }
  return 0;
}

#include "pipeline/pipeline.h"

namespace vigie::pipeline {

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(const Options& options) {
  std::string root = options.packs_dir.empty() ? core::DefaultPackRoot() : options.packs_dir;
  auto packs = core::PackSet::Load(root);
  if (!packs.ok()) return packs.status();
  auto cleaner = clean::Cleaner::Create(**packs);
  if (!cleaner.ok()) return cleaner.status();
  auto seg = segment::Segmenter::Create(**packs);
  if (!seg.ok()) return seg.status();
  return std::unique_ptr<Pipeline>(
      new Pipeline(*packs, std::move(cleaner).value(), std::move(seg).value()));
}

Analysis Pipeline::Analyze(Document doc) const {
  Analysis a;
  a.doc = std::move(doc);
  a.clean = cleaner_.Clean(a.doc.raw);
  a.language = lang::Identify(a.clean.text, a.doc.lang);
  a.segments = segmenter_.Segment(a.clean.text, a.language.code);
  return a;
}

}  // namespace vigie::pipeline

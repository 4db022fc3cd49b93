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
  std::unique_ptr<Pipeline> p(new Pipeline(*packs, std::move(cleaner).value(), std::move(seg).value()));
  auto extractor = events::Extractor::Create(p->packs(), p->segmenter_);
  if (!extractor.ok()) return extractor.status();
  p->extractor_ = std::make_unique<events::Extractor>(std::move(extractor).value());
  return p;
}

void Pipeline::BuildMentions(Analysis* a) const {
  events::Mentions& m = a->mentions;
  if (!a->doc.date.empty()) {
    std::string day = a->doc.date.substr(0, 10);
    m.document_date = {day, day, "day", "document", ""};
  }
}

Analysis Pipeline::Analyze(Document doc) const {
  Analysis a;
  a.doc = std::move(doc);
  a.clean = cleaner_.Clean(a.doc.raw);
  a.language = lang::Identify(a.clean.text, a.doc.lang);
  a.segments = segmenter_.Segment(a.clean.text, a.language.code);
  BuildMentions(&a);
  events::ExtractInput in{a.doc.id,
                          a.language.code,
                          a.clean.text,
                          &a.segments,
                          &a.mentions,
                          [&a](uint32_t c) { return a.RawStart(c); },
                          [&a](uint32_t c) { return a.RawEnd(c); }};
  a.events = extractor_->Extract(in);
  return a;
}

}  // namespace vigie::pipeline

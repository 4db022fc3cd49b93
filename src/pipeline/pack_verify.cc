#include "pipeline/pack_verify.h"

#include "actors/actors.h"

namespace vigie::pipeline {

namespace {

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? " | " : "") + parts[i];
  return out;
}

}  // namespace

std::vector<SelfTestResult> RunSelfTests(const Pipeline& pipe) {
  std::vector<SelfTestResult> out;
  const core::PackSet& packs = pipe.packs();
  auto seg = segment::Segmenter::Create(packs);
  auto actors = seg.ok() ? actors::Recognizer::Create(packs, *seg) : StatusOr<actors::Recognizer>(seg.status());
  for (const std::string& lang : packs.Languages()) {
    const core::TsvTable* t = packs.Get(lang)->Table("selftest");
    if (t == nullptr) continue;
    int sc = t->Column("stage"), ic = t->Column("input"), ec = t->Column("expect");
    if (sc < 0 || ic < 0 || ec < 0) {
      out.push_back({lang, t->path, "", "", "", "needs columns stage, input, expect", false});
      continue;
    }
    for (size_t r = 0; r < t->rows.size(); ++r) {
      const auto& row = t->rows[r];
      SelfTestResult res{lang, t->path + ":" + std::to_string(t->lines[r]), row[size_t(sc)], row[size_t(ic)],
                         row[size_t(ec)], "", false};
      Document d;
      d.raw = res.input;
      d.lang = lang;
      Analysis a = pipe.Analyze(std::move(d));
      const std::string& text = a.clean.text;
      if (res.stage == "tokens") {
        std::vector<std::string> toks;
        for (const auto& tk : a.segments.tokens) toks.push_back(text.substr(tk.start, tk.end - tk.start));
        res.got = Join(toks);
      } else if (res.stage == "sentences") {
        res.got = std::to_string(a.segments.sentences.size());
      } else if (res.stage == "boilerplate") {
        res.got = a.clean.removed.empty() ? "kept" : "removed";
      } else if (res.stage == "actor" && actors.ok()) {
        auto found = actors->Find(text, a.segments, lang);
        res.got = found.empty() ? "(none)" : found[0].cls + "/" + found[0].label + "/" + found[0].country;
      } else if (res.stage == "event") {
        std::vector<std::string> types;
        for (const auto& e : a.events) types.push_back(e.type + (e.subtype.empty() ? "" : "/" + e.subtype));
        res.got = types.empty() ? "(none)" : Join(types);
      } else {
        res.got = "unknown stage '" + res.stage + "'";
      }
      res.ok = res.got == res.expect;
      out.push_back(std::move(res));
    }
  }
  return out;
}

}  // namespace vigie::pipeline

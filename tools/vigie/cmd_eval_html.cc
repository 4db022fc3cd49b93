// vigie eval boilerplate|dates: main-text extraction and publication dates scored on
// trafilatura's evaluation set (evaldata.json + html/*.html.gz).
#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "core/langpack.h"
#include "html/eval.h"

namespace vigie::cli {

namespace {

// Month names of the language packs (for dates written in words); empty if none load.
html::MonthNames PackMonths(const std::string& root) {
  auto packs = core::PackSet::Load(root.empty() ? core::DefaultPackRoot() : root);
  if (!packs.ok()) {
    std::cerr << "vigie: warning: " << packs.status().message() << " (numeric dates only)\n";
    return {};
  }
  return html::MonthNamesFromPacks(**packs);
}

}  // namespace

void RegisterEvalHtml(CLI::App& eval_parent, EvalRunners& runners) {
  struct Args {
    std::string dir, packs;
    bool details = false;
    bool segments = false;
  };
  auto bp = std::make_shared<Args>();
  CLI::App* boiler = eval_parent.add_subcommand(
      "boilerplate",
      "Score main-text extraction on trafilatura's evaluation set: each `with` segment found in "
      "the extracted text is a true positive (else a false negative), each `without` segment "
      "found is a false positive (else a true negative); white space is collapsed before "
      "matching. Prints precision, recall, accuracy and F1.");
  boiler->add_option("dir", bp->dir, "The trafilatura-eval folder (evaldata.json, html/)")->required();
  boiler->add_option("--packs", bp->packs,
                     "Language pack folder (default: $VIGIE_PACKS or the installed packs)");
  boiler->add_flag("--details", bp->details, "List the pages with errors (url, file, fp, fn)");
  boiler->add_flag(
      "--segments", bp->segments,
      "List every wrong segment: FN (text missed) or FP (boilerplate kept), file, segment");
  runners[boiler] = [bp]() {
    const html::MonthNames months = PackMonths(bp->packs);
    auto r = html::EvaluateTrafilatura(bp->dir, bp->details || bp->segments, &months);
    if (!r.ok()) {
      std::cerr << "vigie: error: " << r.status().message() << "\n";
      return 1;
    }
    if (bp->details)
      for (const auto& line : r->worst)
        if (!line.starts_with("DATE ")) fmt::print("{}\n", line);
    if (bp->segments)
      for (const auto& line : r->segments_wrong) fmt::print("{}\n", line);
    const html::SegmentScore& s = r->segments;
    fmt::print("trafilatura-eval: {} pages ({} missing), {} text and {} boilerplate segments\n",
               s.pages, s.missing_pages, s.tp + s.fn, s.tn + s.fp);
    fmt::print("tp {}  fp {}  tn {}  fn {}\n", s.tp, s.fp, s.tn, s.fn);
    fmt::print("precision {:.3f}  recall {:.3f}  accuracy {:.3f}  F1 {:.3f}\n", s.Precision(),
               s.Recall(), s.Accuracy(), s.F1());
    fmt::print("extraction: {:.1f} MB of HTML in {:.2f} s ({:.1f} MB/s, one core)\n",
               r->html_bytes / 1e6, r->seconds, r->seconds > 0 ? r->html_bytes / 1e6 / r->seconds : 0.0);
    return 0;
  };

  auto dt = std::make_shared<Args>();
  CLI::App* dates = eval_parent.add_subcommand(
      "dates",
      "Score publication dates on trafilatura's evaluation set, on the pages whose gold has a "
      "date: a date is correct when its day equals the gold day.");
  dates->add_option("dir", dt->dir, "The trafilatura-eval folder (evaldata.json, html/)")->required();
  dates->add_option("--packs", dt->packs,
                    "Language pack folder (default: $VIGIE_PACKS or the installed packs)");
  dates->add_flag("--details", dt->details, "List the wrong and missing dates");
  runners[dates] = [dt]() {
    const html::MonthNames months = PackMonths(dt->packs);
    auto r = html::EvaluateTrafilatura(dt->dir, dt->details, &months);
    if (!r.ok()) {
      std::cerr << "vigie: error: " << r.status().message() << "\n";
      return 1;
    }
    if (dt->details)
      for (const auto& line : r->worst)
        if (line.starts_with("DATE ")) fmt::print("{}\n", line.substr(5));
    const html::DateScore& d = r->dates;
    fmt::print("trafilatura-eval dates: {} pages with a gold date, {} with a date found, {} correct\n",
               d.gold, d.found, d.correct);
    fmt::print("precision {:.3f}  recall {:.3f}  F1 {:.3f}\n", d.Precision(), d.Recall(),
               d.Precision() + d.Recall() > 0
                   ? 2 * d.Precision() * d.Recall() / (d.Precision() + d.Recall())
                   : 0.0);
    fmt::print("pages without a gold date: {}, of which {} got a date\n", d.no_gold, d.spurious);
    return 0;
  };
}

}  // namespace vigie::cli

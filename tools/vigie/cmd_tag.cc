// vigie tag: numbers, quantities and temporal expressions of each document, as JSON lines
// with raw byte offsets and normalised values.
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "cli_common.h"
#include "commands.h"
#include "normalize/normalize.h"
#include "pipeline/pipeline.h"

namespace vigie::cli {

namespace {

using Json = nlohmann::ordered_json;

Json NumberJson(const normalize::Number& n) {
  Json j;
  if (n.qualifier == normalize::Qualifier::kRange) {
    j["min"] = n.min;
    j["max"] = n.max;
  } else {
    j["value"] = n.value;
  }
  j["qualifier"] = normalize::QualifierName(n.qualifier);
  if (n.percent) j["percent"] = true;
  if (n.ordinal) j["ordinal"] = true;
  if (n.vague) j["vague"] = true;
  return j;
}

}  // namespace

Runner RegisterTag(CLI::App& app) {
  struct Args {
    std::vector<std::string> paths;
    std::string lang, ref, bias = "past", packs;
    bool month_first = false, quiet = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand(
      "tag",
      "Print every number, quantity and temporal expression Vigie recognises, one JSON object "
      "per line, with raw byte offsets and the normalised value. Relative dates resolve against "
      "--ref, else the document's date, else the date inferred from the text.");
  sub->add_option("inputs", args->paths, "Files, folders, or - for standard input")->required();
  sub->add_option("--lang", args->lang, "Language of inputs that do not state one (default: detect)");
  sub->add_option("--ref", args->ref, "Reference date (ISO 8601 date or date-time)");
  sub->add_option("--date-bias", args->bias, "Dates without a year and bare weekdays: past|future")
      ->check(CLI::IsMember({"past", "future"}));
  sub->add_flag("--month-first", args->month_first, "Read 7/12/2016 as July 12 whatever the language (the pack's date_order decides otherwise: July 12 in English, 7 December in French)");
  sub->add_option("--packs", args->packs, "Language pack folder (default: $VIGIE_PACKS or the installed packs)");
  sub->add_flag("-q,--quiet", args->quiet, "Do not print per-record problems, only the summary");
  return [args]() {
    auto pipe = pipeline::Pipeline::Create({args->packs});
    if (!pipe.ok()) {
      std::cerr << "vigie: error: " << pipe.status().message() << "\n";
      return 1;
    }
    auto norm = normalize::Normalizer::Create((*pipe)->packs());
    if (!norm.ok()) {
      std::cerr << "vigie: error: " << norm.status().message() << "\n";
      return 1;
    }
    std::optional<normalize::Date> ref_date;
    normalize::Clock ref_time;
    if (!args->ref.empty()) {
      ref_time = normalize::ParseIsoClock(args->ref);
      ref_date = normalize::ParseIsoDate(args->ref);
      if (!ref_date) {
        std::cerr << "vigie: error: --ref: not an ISO 8601 date: " << args->ref << "\n";
        return 2;
      }
    }
    ingest::ReadOptions ro{args->lang, "", ""};
    ProblemReporter reporter;
    reporter.quiet = args->quiet;
    uint64_t docs = 0;
    bool ok = ReadAll(args->paths, ro, [&](Document&& d) {
      auto a = (*pipe)->Analyze(std::move(d));
      const std::string& text = a.clean.text;
      const std::string& lang = a.language.code;
      normalize::Reference ref;
      ref.future_bias = args->bias == "future";
      if (args->month_first) ref.day_first = false;  // else the pack's date_order
      std::string basis = "given";
      ref.date = ref_date;
      ref.time = ref_time;
      if (!ref.date && !a.doc.date.empty()) ref.date = normalize::ParseIsoDate(a.doc.date), basis = "document";
      std::optional<normalize::DocumentDate> inferred;
      if (!ref.date) {
        inferred = norm->InferDocumentDate(text, a.segments, lang);
        if (inferred) ref.date = inferred->date, basis = "inferred";
      }
      auto span = [&](Json& j, uint32_t s, uint32_t e) {
        j["start"] = a.RawStart(s);
        j["end"] = a.RawEnd(e);
        j["text"] = text.substr(s, e - s);
      };
      auto out = [&](const Json& j) {
        std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
      };
      Json head;
      head["type"] = "document";
      head["id"] = a.doc.id;
      head["lang"] = lang;
      head["ref"] = ref.date ? Json(normalize::IsoDate(*ref.date)) : Json();
      head["ref_basis"] = ref.date ? Json(basis) : Json();
      if (inferred) head["ref_confidence"] = inferred->confidence;
      out(head);
      normalize::Tags tags = norm->Tag(text, a.segments, lang, ref);
      for (const auto& x : tags.times) {
        Json j;
        j["type"] = "time";
        span(j, x.start, x.end);
        j["kind"] = normalize::TimeKindName(x.kind);
        if (x.kind == normalize::TimeKind::kDuration) {
          j["duration"] = x.DurationIso();
        } else {
          j["start_value"] = x.Start();
          j["end_value"] = x.End();
          j["precision"] = normalize::PrecisionName(x.precision);
          j["basis"] = normalize::BasisName(x.basis);
          if (!x.daypart.empty()) j["daypart"] = x.daypart;
          if (x.clock.Set()) j["start_time"] = x.clock.Iso();
          if (x.clock_end.Set()) j["end_time"] = x.clock_end.Iso();
          if (x.clock_only) j["day_from_reference"] = true;
          if (x.open != 0) j["open"] = x.open > 0 ? "after" : "before";
        }
        out(j);
      }
      for (const auto& n : tags.numbers) {
        Json j;
        j["type"] = "number";
        span(j, n.start, n.end);
        j.update(NumberJson(n));
        out(j);
      }
      for (const auto& q : tags.quantities) {
        Json j;
        j["type"] = "quantity";
        span(j, q.start, q.end);
        j.update(NumberJson(q.number));
        j["noun"] = q.lemma;
        out(j);
      }
      ++docs;
    }, &reporter);
    reporter.Summary(docs);
    return ok ? 0 : 1;
  };
}

}  // namespace vigie::cli

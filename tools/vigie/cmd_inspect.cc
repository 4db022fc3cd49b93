// vigie inspect: what the early stages make of each document, as JSON.
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "pipeline/pipeline.h"

namespace vigie::cli {

namespace {

using Json = nlohmann::ordered_json;

Json InspectJson(const pipeline::Analysis& a, bool tokens) {
  const std::string& raw = a.doc.raw;
  Json j;
  j["id"] = a.doc.id;
  j["origin"] = a.doc.origin.ToString();
  if (!a.doc.url.empty()) j["url"] = a.doc.url;
  if (!a.doc.outlet.empty()) j["outlet"] = a.doc.outlet;
  if (!a.doc.title.empty()) j["title"] = a.doc.title;
  j["date"] = a.doc.date.empty() ? Json() : Json(a.doc.date);
  if (!a.doc.author.empty()) j["author"] = a.doc.author;
  if (!a.doc.lang_hint.empty()) j["lang_hint"] = a.doc.lang_hint;
  if (!a.doc.page.empty()) {
    j["page_bytes"] = a.doc.page.size();
    j["page_content_type"] = a.doc.page_content_type;
  }
  j["lang"] = {{"code", a.language.code},
               {"confidence", std::round(a.language.confidence * 1000) / 1000},
               {"reliable", a.language.reliable},
               {"source", a.language.source}};
  j["raw_bytes"] = raw.size();
  if (a.doc.invalid_utf8 > 0) j["invalid_utf8"] = a.doc.invalid_utf8;
  if (!a.doc.extra.empty()) {
    Json extra = Json::object();
    for (const auto& [k, v] : a.doc.extra) extra[k] = Json::parse(v, nullptr, false);
    j["extra"] = extra;
  }
  j["text"] = a.clean.text;
  Json removed = Json::array();
  for (const auto& r : a.clean.removed)
    removed.push_back({{"text", r.text}, {"kind", r.kind}, {"lang", r.lang}, {"start", r.raw_start}, {"end", r.raw_end}});
  j["removed"] = removed;
  Json tags = Json::array();
  for (const auto& h : a.clean.hashtags)
    tags.push_back({{"tag", h.tag}, {"start", h.raw_start}, {"end", h.raw_end}, {"removed", h.removed}});
  j["hashtags"] = tags;
  if (a.clean.dropped_chars > 0) j["dropped_chars"] = a.clean.dropped_chars;
  Json sents = Json::array();
  const auto& toks = a.segments.tokens;
  for (const auto& s : a.segments.sentences) {
    uint32_t rs = a.RawStart(s.start), re = a.RawEnd(s.end);
    Json js = {{"start", rs}, {"end", re}, {"text", a.clean.text.substr(s.start, s.end - s.start)}};
    if (tokens) {
      Json jt = Json::array();
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        const auto& tk = toks[t];
        jt.push_back({{"text", a.clean.text.substr(tk.start, tk.end - tk.start)},
                      {"kind", segment::TokenKindName(tk.kind)},
                      {"start", a.RawStart(tk.start)},
                      {"end", a.RawEnd(tk.end)}});
      }
      js["tokens"] = jt;
    }
    sents.push_back(js);
  }
  j["sentences"] = sents;
  return j;
}

}  // namespace

Runner RegisterInspect(CLI::App& app) {
  struct Args : InputArgs {
    bool pretty = false, no_tokens = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand(
      "inspect",
      "Print, as JSON (one object per document), what Vigie reads in each input: id, language and "
      "confidence, date, clean text, removed boilerplate lines, hashtags, sentences and tokens with raw "
      "byte offsets. Inputs: text files, JSON Lines, folders (recursive), or - for standard input.");
  AddInputOptions(sub, args.get());
  sub->add_flag("--pretty", args->pretty, "Indent the JSON");
  sub->add_flag("--no-tokens", args->no_tokens, "Leave tokens out");
  return [args]() {
    auto pipe = pipeline::Pipeline::Create({args->packs});
    if (!pipe.ok()) {
      std::cerr << "vigie: error: " << pipe.status().message() << "\n";
      return 1;
    }
    ingest::ReadOptions ro = args->Read();
    ProblemReporter reporter;
    reporter.quiet = args->quiet;
    uint64_t docs = 0;
    bool ok = ReadAll(args->paths, ro, [&](Document&& d) {
      auto a = (*pipe)->Analyze(std::move(d));
      std::cout << InspectJson(a, !args->no_tokens).dump(args->pretty ? 2 : -1, ' ', false,
                                                         Json::error_handler_t::replace)
                << "\n";
      ++docs;
    }, &reporter);
    reporter.Summary(docs);
    return ok ? 0 : 1;
  };
}

}  // namespace vigie::cli

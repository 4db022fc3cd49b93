// JSON Lines reader: {"id","url","source","date","title","text","lang", ...} per line;
// a record with "html" instead of "text" goes through main-text extraction.
#include <simdjson.h>

#include "ingest/ingest_internal.h"

namespace vigie::ingest::internal {

namespace {

// Returns false if `key` is a known field whose value has the wrong type.
bool TakeString(simdjson::dom::element v, std::string* out) {
  if (v.is_null()) return true;
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS) return false;
  out->assign(s);
  return true;
}

}  // namespace

void ReadJsonLines(std::string_view bytes, const std::string& name, const ReadOptions& options,
                   const DocumentFn& on_document, const ProblemFn& on_problem) {
  simdjson::dom::parser parser;
  uint64_t lineno = 0;
  size_t pos = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    Origin origin{name, lineno};
    simdjson::dom::element root;
    if (auto err = parser.parse(line.data(), line.size()).get(root); err) {
      on_problem({origin, Severity::kError,
                  std::string("malformed JSON: ") + simdjson::error_message(err)});
      continue;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj) != simdjson::SUCCESS) {
      on_problem({origin, Severity::kError, "a JSON Lines record must be an object"});
      continue;
    }
    Document doc;
    doc.origin = origin;
    bool have_text = false;
    std::string html_page;
    bool have_html = false;
    std::string bad_field;
    for (auto field : obj) {
      std::string_view key = field.key;
      std::string* target = nullptr;
      if (key == "id") target = &doc.id;
      else if (key == "url") target = &doc.url;
      else if (key == "source") target = &doc.outlet;
      else if (key == "date") target = &doc.date;
      else if (key == "title") target = &doc.title;
      else if (key == "lang") target = &doc.lang;
      else if (key == "text") { target = &doc.raw; have_text = true; }
      else if (key == "html") { target = &html_page; have_html = true; }
      if (target != nullptr) {
        if (key == "id" && field.value.is_int64()) {
          doc.id = std::to_string(int64_t(field.value));
          continue;
        }
        if (!TakeString(field.value, target)) bad_field = std::string(key);
        continue;
      }
      doc.extra.emplace_back(std::string(key), simdjson::minify(field.value));
    }
    if (!bad_field.empty()) {
      on_problem({origin, Severity::kError, "field '" + bad_field + "' must be a string"});
      continue;
    }
    if (!have_text && have_html) {
      // A web page: the main text becomes the document text; given fields win.
      if (!FillFromPage(html_page, "", options, &doc, on_problem)) continue;
      have_text = true;
    }
    if (!have_text) {
      on_problem({origin, Severity::kError, "record has no 'text' (or 'html') field"});
      continue;
    }
    if (FinishDocument(&doc, options, on_problem)) on_document(std::move(doc));
  }
}

}  // namespace vigie::ingest::internal

// Web pages: HTML files and pages carried by WARC or JSON Lines become Documents whose raw
// text is the extracted main text; the page itself is kept in Document::page.
#include "html/html.h"
#include "ingest/ingest_internal.h"

namespace vigie::ingest::internal {

bool FillFromPage(std::string_view bytes, std::string_view content_type, const ReadOptions& options,
                  Document* doc, const ProblemFn& on_problem) {
  html::ExtractOptions eo;
  eo.months = options.months.get();
  html::Page page = html::ExtractPage(bytes, content_type, doc->url, eo);
  if (page.invalid_bytes > 0)
    on_problem({doc->origin, Severity::kWarning,
                std::to_string(page.invalid_bytes) + " byte(s) not decodable as " + page.charset +
                    ", replaced by U+FFFD"});
  if (doc->title.empty()) doc->title = std::move(page.meta.title);
  if (doc->date.empty()) doc->date = std::move(page.meta.date);
  if (doc->outlet.empty()) doc->outlet = std::move(page.meta.site_name);
  if (doc->author.empty()) doc->author = std::move(page.meta.author);
  if (doc->lang_hint.empty()) doc->lang_hint = std::move(page.meta.lang);
  if (doc->url.empty()) doc->url = std::move(page.meta.canonical_url);
  doc->raw = std::move(page.text);
  doc->page = std::move(page.html);
  doc->page_content_type = "text/html; charset=" + page.charset;
  if (doc->raw.empty()) {
    on_problem({doc->origin, Severity::kError, "no main text found in the page, skipped"});
    return false;
  }
  return true;
}

void ReadHtml(std::string_view bytes, const std::string& name, const ReadOptions& options,
              const DocumentFn& on_document, const ProblemFn& on_problem) {
  Document doc;
  doc.origin = {name, 0};
  if (!FillFromPage(bytes, "", options, &doc, on_problem)) return;
  if (FinishDocument(&doc, options, on_problem)) on_document(std::move(doc));
}

}  // namespace vigie::ingest::internal

// Per-format readers behind ReadBytes. Only src/ingest uses these.
#pragma once

#include "ingest/ingest.h"

namespace vigie::ingest::internal {

// Builds a Document from raw text: repairs UTF-8, fills defaults, assigns the content id.
// Returns false (after reporting) when the document is empty.
// Reports an error about a whole input (record 0).
void ReportError(const ProblemFn& on_problem, const std::string& file, const std::string& message);

bool FinishDocument(Document* doc, const ReadOptions& options, const ProblemFn& on_problem);

void ReadText(std::string_view bytes, const std::string& name, const ReadOptions& options,
              const DocumentFn& on_document, const ProblemFn& on_problem);

void ReadJsonLines(std::string_view bytes, const std::string& name, const ReadOptions& options,
                   const DocumentFn& on_document, const ProblemFn& on_problem);

// Extracts main text and metadata from a web page into `doc` (fields already set win).
// `doc->origin` and `doc->url` should be set. Returns false (after reporting) when the page
// has no main text. `options.months` reads dates written with month names.
bool FillFromPage(std::string_view bytes, std::string_view content_type, const ReadOptions& options,
                  Document* doc, const ProblemFn& on_problem);

// A whole HTML file.
void ReadHtml(std::string_view bytes, const std::string& name, const ReadOptions& options,
              const DocumentFn& on_document, const ProblemFn& on_problem);

// WARC (uncompressed), response records with HTML payloads.
void ReadWarc(std::string_view bytes, const std::string& name, const ReadOptions& options,
              const DocumentFn& on_document, const ProblemFn& on_problem);

// Gzip input: a .warc.gz (member per record) is read member by member; anything else is
// inflated whole and read by its inner format.
void ReadGzip(std::string_view bytes, const std::string& name, const ReadOptions& options,
              const DocumentFn& on_document, const ProblemFn& on_problem);

}  // namespace vigie::ingest::internal

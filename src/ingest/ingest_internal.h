// Per-format readers behind ReadBytes. Only src/ingest uses these.
#pragma once

#include "ingest/ingest.h"

namespace vigie::ingest::internal {

// Builds a Document from raw text: repairs UTF-8, fills defaults, assigns the content id.
// Returns false (after reporting) when the document is empty.
bool FinishDocument(Document* doc, const ReadOptions& options, const ProblemFn& on_problem);

void ReadText(std::string_view bytes, const std::string& name, const ReadOptions& options,
              const DocumentFn& on_document, const ProblemFn& on_problem);

void ReadJsonLines(std::string_view bytes, const std::string& name, const ReadOptions& options,
                   const DocumentFn& on_document, const ProblemFn& on_problem);

}  // namespace vigie::ingest::internal

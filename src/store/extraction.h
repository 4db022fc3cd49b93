// What `vigie ingest` stores of a document's analysis: its event records, and its place,
// date and quantity mentions with raw byte offsets and their resolved values as JSON.
#pragma once

#include "pipeline/pipeline.h"
#include "store/ingest_driver.h"

namespace vigie::store {

// Thread-safe; usable as IngestOptions::extract.
Extraction PipelineExtraction(const pipeline::Analysis& a);

}  // namespace vigie::store

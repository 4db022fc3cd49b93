// Shared by the stage benchmarks: one pipeline per process, and a corpus of the bundled
// example articles repeated to a given size. Not thread-safe on first use.
#pragma once

#include <cstddef>
#include <string>

#include "pipeline/pipeline.h"

namespace vigie::bench {

// The pipeline built from the default packs and gazetteer, created on first use.
const pipeline::Pipeline& Pipe();
// The example corpus (examples/corpus) concatenated and repeated up to `bytes`, cut at a
// UTF-8 character boundary.
std::string Corpus(size_t bytes);

}  // namespace vigie::bench

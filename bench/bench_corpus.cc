#include "bench_corpus.h"

#include <memory>

#include "ingest/ingest.h"

namespace vigie::bench {

const pipeline::Pipeline& Pipe() {
  static std::unique_ptr<pipeline::Pipeline> p = std::move(pipeline::Pipeline::Create({})).value();
  return *p;
}

std::string Corpus(size_t bytes) {
  static const std::string base = [] {
    std::string all;
    ingest::ReadPath(std::string(VIGIE_SOURCE_DIR) + "/examples/corpus", {},
                     [&](Document&& d) { all += d.raw + "\n\n"; }, [](const ingest::Problem&) {});
    return all;
  }();
  std::string out;
  while (out.size() < bytes) out += base;
  out.resize(bytes);
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  return out;
}

}  // namespace vigie::bench

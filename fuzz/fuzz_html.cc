// Fuzz target: arbitrary bytes as a web page through charset sniffing, ICU conversion,
// gumbo parsing, main-text extraction and metadata; checks the output invariants.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/utf8.h"
#include "html/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first line, if short, doubles as the Content-Type to exercise header charsets.
  std::string_view type;
  size_t nl = bytes.find('\n');
  if (nl != std::string_view::npos && nl < 80) type = bytes.substr(0, nl);
  vigie::html::Page p = vigie::html::ExtractPage(bytes, type, "https://fuzz.example/2016/12/07/x");
  if (!vigie::core::IsValidUtf8(p.text) || !vigie::core::IsValidUtf8(p.html)) std::abort();
  if (p.text.find("\n\n\n") != std::string::npos) std::abort();
  if (!p.meta.date.empty() && p.meta.date.size() != 10) std::abort();
  return 0;
}

// Fuzz target: arbitrary bytes as a web page through charset sniffing, ICU conversion,
// gumbo parsing, main-text extraction and metadata (dates in words too, with month names
// like the packs give); checks the output invariants.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/utf8.h"
#include "html/html.h"

namespace {

// A fixed table in the packs' folded form, so that the target needs no pack files.
const vigie::html::MonthNames& Months() {
  static const vigie::html::MonthNames m = {
      {"january", 1},  {"jan", 1},       {"fevrier", 2}, {"feb", 2},      {"mars", 3}, {"april", 4},
      {"mai", 5},      {"may", 5},       {"juin", 6},    {"july", 7},     {"aout", 8}, {"sept", 9},
      {"october", 10}, {"novembre", 11}, {"dec", 12},    {"decembre", 12}};
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first line, if short, doubles as the Content-Type to exercise header charsets.
  std::string_view type;
  size_t nl = bytes.find('\n');
  if (nl != std::string_view::npos && nl < 80) type = bytes.substr(0, nl);
  vigie::html::ExtractOptions options;
  if (size % 2 == 0) options.months = &Months();
  vigie::html::Page p =
      vigie::html::ExtractPage(bytes, type, "https://fuzz.example/2016/12/07/x", options);
  if (!vigie::core::IsValidUtf8(p.text) || !vigie::core::IsValidUtf8(p.html)) std::abort();
  if (p.text.find("\n\n\n") != std::string::npos) std::abort();
  if (!p.meta.date.empty() && p.meta.date.size() != 10) std::abort();
  return 0;
}

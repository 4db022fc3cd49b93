// Document: one article or communiqué as received, plus what the early stages add.
// A Document owns its raw bytes; every offset elsewhere is a byte offset into `raw`.
// Plain value type; not synchronised.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vigie {

// Where a record came from, for error messages and provenance: "dir/a.jsonl:17".
struct Origin {
  std::string file;   // path, or "-" for standard input
  uint64_t record = 0;  // 1-based line for JSON Lines, 0 for whole-file records
  std::string ToString() const;
};

struct Document {
  std::string id;      // given by the source, else a stable content hash (16 hex digits)
  std::string url;
  std::string outlet;  // publisher ("source" in JSON Lines)
  std::string title;
  std::string lang;    // ISO 639-1 if the source states it, else empty
  std::string date;    // publication date as given (ISO 8601), else empty
  std::string raw;     // the text exactly as received (after UTF-8 repair, see below);
                       // for web pages, the extracted main text (blocks separated by "\n\n")
  std::string author;     // byline from page metadata, else empty
  std::string lang_hint;  // language the page declares (<html lang>), unverified; else empty
  // For web pages (HTML, WARC, JSON Lines "html"): the original page as received, and its
  // media type with charset as found ("text/html; charset=windows-1252"). Empty otherwise.
  std::string page;
  std::string page_content_type;
  Origin origin;
  // Unknown JSON Lines fields, kept verbatim as (key, JSON value text), in input order.
  std::vector<std::pair<std::string, std::string>> extra;
  // Number of invalid UTF-8 sequences found in the input; each was replaced by U+FFFD
  // in `raw`, so offsets refer to the repaired bytes.
  uint32_t invalid_utf8 = 0;
};

}  // namespace vigie

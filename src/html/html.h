// html: turns a web page (bytes in any declared charset) into its main text plus metadata
// (title, publication date, author, outlet, declared language). Main-text extraction uses
// structure and text statistics (text and link density, tag and class/id hints), no
// per-site rules. Pure functions over their arguments; thread-safe.
//
//   html::Page p = html::ExtractPage(bytes, "text/html; charset=utf-8", "https://x.org/a");
//   p.text  -> "Headline\n\nFirst paragraph…\n\nSecond paragraph…"
//   p.meta.date -> "2016-12-07"
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace vigie::core {
class PackSet;
}

namespace vigie::html {

// Month names for dates written in words, folded (core::FoldForMatch) -> 1..12.
using MonthNames = std::map<std::string, int, std::less<>>;
// The months.tsv tables of every loaded pack.
MonthNames MonthNamesFromPacks(const core::PackSet& packs);

struct PageMeta {
  std::string title;
  std::string date;       // publication date, ISO "YYYY-MM-DD", else empty
  std::string date_source;  // where the date came from: "json-ld", "meta", "time", "url", "text"
  std::string author;
  std::string site_name;  // og:site_name / JSON-LD publisher, else the URL's host
  std::string lang;       // <html lang> / content-language, lower-case primary subtag
  std::string canonical_url;
};

struct Page {
  std::string text;      // main text: blocks in order, separated by "\n\n", valid UTF-8
  PageMeta meta;
  std::string html;      // the whole page converted to UTF-8
  std::string charset;   // charset the bytes were decoded from ("utf-8", "windows-1252", …)
  uint32_t invalid_bytes = 0;  // undecodable bytes replaced by U+FFFD
};

struct ExtractOptions {
  // Pages longer than this are cut before parsing (a warning is the caller's business).
  size_t max_page_bytes = size_t{64} << 20;
  // Month names for visible datelines ("7 décembre 2016"); numeric dates only when null.
  const MonthNames* months = nullptr;
};

// `content_type` is the HTTP Content-Type when known (may be empty); `url` helps with the
// date and the outlet (may be empty).
Page ExtractPage(std::string_view bytes, std::string_view content_type, std::string_view url,
                 const ExtractOptions& options = {});

// True if the first bytes look like an HTML document (doctype, <html>, <head>, <body>, or an
// XML prolog followed by <html), ignoring a BOM and leading white space and comments.
bool LooksLikeHtml(std::string_view bytes);

}  // namespace vigie::html

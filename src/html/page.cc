#include <gumbo.h>

#include <memory>

#include "html/charset.h"
#include "html/html.h"
#include "html/html_internal.h"

namespace vigie::html {

namespace {

bool StartsNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

bool LooksLikeHtml(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  for (int guard = 0; guard < 64; ++guard) {
    size_t i = s.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos) return false;
    s.remove_prefix(i);
    if (s.starts_with("<!--")) {
      size_t end = s.find("-->");
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + 3);
      continue;
    }
    if (s.starts_with("<?xml")) {
      size_t end = s.find("?>");
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + 2);
      continue;
    }
    return StartsNoCase(s, "<!doctype html") || StartsNoCase(s, "<html") ||
           StartsNoCase(s, "<head") || StartsNoCase(s, "<body") || StartsNoCase(s, "<meta");
  }
  return false;
}

Page ExtractPage(std::string_view bytes, std::string_view content_type, std::string_view url,
                 const ExtractOptions& options) {
  Page page;
  if (bytes.size() > options.max_page_bytes) bytes = bytes.substr(0, options.max_page_bytes);
  page.charset = internal::SniffCharset(bytes, content_type);
  page.html = internal::ToUtf8(bytes, page.charset, &page.invalid_bytes);
  const std::string& utf8 = page.html;
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.max_errors = 0;
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&gopts, utf8.data(), utf8.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (out == nullptr) return page;
  page.meta = internal::ExtractMeta(out->root, url);
  page.text = internal::ExtractMainText(out->root);
  return page;
}

}  // namespace vigie::html

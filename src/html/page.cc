#include <gumbo.h>

#include <cctype>
#include <cstring>
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

// True if `s` at `i` opens (or, with `close`, closes) element `name`: "<name" or "</name"
// followed by white space, '/' or '>'.
bool TagAt(std::string_view s, size_t i, std::string_view name, bool close) {
  size_t p = i + (close ? 2 : 1);
  if (p + name.size() >= s.size()) return false;
  if (close && s[i + 1] != '/') return false;
  if (!StartsNoCase(s.substr(p), name)) return false;
  char c = s[p + name.size()];
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Speed: comments and the bodies of <script> (except JSON-LD), <noscript>, <style> and <svg> hold a third or more of a
// typical news page and never any article text; dropping them before gumbo parses the page
// nearly halves its work. Tags are kept, so the tree keeps its shape.
std::string DropRawTextBodies(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t copied = 0, i = 0;
  while (true) {
    const void* lt = std::memchr(s.data() + i, '<', s.size() - i);
    if (lt == nullptr) break;
    i = static_cast<size_t>(static_cast<const char*>(lt) - s.data());
    if (s.substr(i).starts_with("<!--")) {  // comments go whole
      size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      out.append(s.substr(copied, i - copied));
      copied = end + 3;
      i = end + 3;
      continue;
    }
    std::string_view name;
    if (TagAt(s, i, "script", false)) name = "script";
    else if (TagAt(s, i, "noscript", false)) name = "noscript";
    else if (TagAt(s, i, "style", false)) name = "style";
    else if (TagAt(s, i, "svg", false)) name = "svg";
    if (name.empty()) {
      ++i;
      continue;
    }
    size_t open_end = s.find('>', i);
    if (open_end == std::string_view::npos) break;
    if (name == "script") {
      std::string_view open = s.substr(i, open_end - i);
      bool json_ld = false;
      for (size_t k = 0; k + 7 <= open.size() && !json_ld; ++k) json_ld = StartsNoCase(open.substr(k), "ld+json");
      if (json_ld) {
        i = open_end + 1;
        continue;
      }
    }
    // Find the closing tag.
    size_t j = open_end + 1, close = std::string_view::npos;
    while (true) {
      const void* c = std::memchr(s.data() + j, '<', s.size() - j);
      if (c == nullptr) break;
      j = static_cast<size_t>(static_cast<const char*>(c) - s.data());
      if (TagAt(s, j, name, true)) {
        close = j;
        break;
      }
      ++j;
    }
    if (close == std::string_view::npos) break;  // unclosed: let gumbo handle the rest
    out.append(s.substr(copied, open_end + 1 - copied));
    copied = close;
    i = close + 2;
  }
  out.append(s.substr(copied));
  return out;
}

// gumbo's tree building is quadratic in the depth of unclosed elements (a million nested
// <div> takes minutes). Pages are cut where the running count of start tags minus end tags
// (void and implicitly closed elements aside) exceeds kMaxOpen; real pages stay far below.
constexpr int kMaxOpen = 5000;

bool SelfClosing(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "base", "col",
      "embed", "param", "track", "p", "li", "td", "th", "tr", "option", "dt", "dd", "!", "?"};
  for (std::string_view n : kNames)
    if (name == n) return true;
  return false;
}

void CapNesting(std::string* s) {
  int open = 0;
  size_t i = 0;
  const size_t n = s->size();
  std::string name;
  while (true) {
    const void* lt = std::memchr(s->data() + i, '<', n - i);
    if (lt == nullptr) return;
    i = static_cast<size_t>(static_cast<const char*>(lt) - s->data()) + 1;
    if (i >= n) return;
    char c = (*s)[i];
    if (c == '/') {
      if (open > 0) --open;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '!' && c != '?') continue;
    name.clear();
    for (size_t k = i; k < n && name.size() < 10; ++k) {
      char d = (*s)[k];
      if (!std::isalnum(static_cast<unsigned char>(d)) && d != '!' && d != '?') break;
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(d))));
      if (d == '!' || d == '?') break;
    }
    if (SelfClosing(name)) continue;
    if (++open > kMaxOpen) {
      s->resize(i - 1);
      return;
    }
  }
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
  std::string utf8 = DropRawTextBodies(page.html);
  CapNesting(&utf8);
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.max_errors = 0;
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&gopts, utf8.data(), utf8.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (out == nullptr) return page;
  page.meta = internal::ExtractMeta(out->root, url, options.months);
  std::string dateline;
  page.text = internal::ExtractMainText(out->root, &dateline, options.months);
  if (page.meta.date.empty() && !dateline.empty()) {
    page.meta.date = dateline;
    page.meta.date_source = "text";
  }
  return page;
}

}  // namespace vigie::html

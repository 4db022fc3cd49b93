#include "html/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <memory>

#include "core/utf8.h"

namespace vigie::html::internal {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Reads the value after "charset=" at `pos` (quotes optional).
std::string ValueAt(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < s.size() && s[end] != '"' && s[end] != '\'' && s[end] != ';' && s[end] != ' ' &&
         s[end] != '>' && s[end] != '/' && s[end] != '\t' && s[end] != '\n' && s[end] != '\r')
    ++end;
  return LowerCopy(s.substr(pos, std::min<size_t>(end - pos, 40)));
}

// WHATWG maps these labels to windows-1252; ICU's latin-1 would lose the C1 range.
std::string Canonical(std::string cs) {
  if (cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1" || cs == "us-ascii" ||
      cs == "ascii" || cs == "iso8859-1" || cs == "l1" || cs == "cp1252")
    return "windows-1252";
  if (cs == "utf8" || cs == "unicode-1-1-utf-8") return "utf-8";
  return cs;
}

bool HasMultiByteUtf8(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; });
}

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  std::string lower = LowerCopy(content_type);
  size_t p = lower.find("charset=");
  if (p == std::string::npos) return "";
  return ValueAt(lower, p + 8);
}

std::string SniffCharset(std::string_view bytes, std::string_view content_type) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return "utf-8";
  if (bytes.starts_with("\xFF\xFE")) return "utf-16le";
  if (bytes.starts_with("\xFE\xFF")) return "utf-16be";
  std::string declared = CharsetFromContentType(content_type);
  if (declared.empty()) {
    std::string head = LowerCopy(bytes.substr(0, 16384));
    size_t p = 0;
    while ((p = head.find("<meta", p)) != std::string::npos) {
      size_t end = head.find('>', p);
      if (end == std::string::npos) break;
      size_t c = head.find("charset", p);
      if (c != std::string::npos && c < end) {
        size_t eq = c + 7;
        while (eq < end && head[eq] == ' ') ++eq;
        if (eq < end && head[eq] == '=') {
          declared = ValueAt(head, eq + 1);
          if (!declared.empty()) break;
        }
      }
      p = end;
    }
  }
  declared = Canonical(declared);
  const bool valid_utf8 = core::IsValidUtf8(bytes);
  if (!declared.empty() && declared != "utf-8" && !declared.starts_with("utf-16")) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(declared.c_str(), &err);
    if (U_FAILURE(err) || conv == nullptr) {
      declared.clear();  // unknown label: decide from the bytes
    } else {
      ucnv_close(conv);
      if (valid_utf8 && HasMultiByteUtf8(bytes)) return "utf-8";
      return declared;
    }
  }
  if (declared.starts_with("utf-16")) declared = "utf-8";  // a declaration in ASCII can't be UTF-16
  if (valid_utf8 || declared == "utf-8") return "utf-8";
  return "windows-1252";
}

std::string ToUtf8(std::string_view bytes, const std::string& charset, uint32_t* invalid) {
  *invalid = 0;
  std::string out;
  if (charset == "utf-8") {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (core::IsValidUtf8(bytes)) return std::string(bytes);
    *invalid = core::RepairUtf8(bytes, &out);
    return out;
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* raw = ucnv_open(charset.c_str(), &err);
  if (U_FAILURE(err) || raw == nullptr) {
    err = U_ZERO_ERROR;
    raw = ucnv_open("windows-1252", &err);
    if (U_FAILURE(err) || raw == nullptr) {
      *invalid = core::RepairUtf8(bytes, &out);
      return out;
    }
  }
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(raw, ucnv_close);
  // Count substitutions: ICU substitutes U+FFFD for unmappable/illegal input by default.
  std::u16string u16(bytes.size() + 1, u'\0');
  err = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv.get(), u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    u16.assign(static_cast<size_t>(n) + 1, u'\0');
    err = U_ZERO_ERROR;
    n = ucnv_toUChars(conv.get(), u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                      static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) {
    *invalid = core::RepairUtf8(bytes, &out);
    return out;
  }
  u16.resize(static_cast<size_t>(n));
  size_t i = 0;
  if (!u16.empty() && u16[0] == 0xFEFF) i = 1;
  out.reserve(u16.size() + u16.size() / 4);
  for (; i < u16.size(); ++i) {
    char32_t cp = u16[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < u16.size() && u16[i + 1] >= 0xDC00 &&
        u16[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (u16[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp == 0xFFFD || cp == 0x1A) ++*invalid;
    if (cp == 0x1A) cp = 0xFFFD;
    core::AppendUtf8(cp, &out);
  }
  return out;
}

}  // namespace vigie::html::internal

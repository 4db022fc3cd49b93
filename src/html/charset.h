// Charset sniffing (BOM, HTTP Content-Type, <meta charset>) and conversion to UTF-8 with
// ICU converters. Internal to src/html. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::html::internal {

// Canonical lower-case charset name for the page: BOM first, then the HTTP header, then a
// <meta> declaration in the first bytes, else "utf-8" if the bytes are valid UTF-8, else
// "windows-1252". A declared single-byte charset on bytes that are valid multi-byte UTF-8
// yields "utf-8" (a frequent mislabel).
std::string SniffCharset(std::string_view bytes, std::string_view content_type);

// Converts to UTF-8 (dropping a BOM). Unknown charsets fall back to windows-1252.
// Undecodable bytes become U+FFFD and are counted in *invalid.
std::string ToUtf8(std::string_view bytes, const std::string& charset, uint32_t* invalid);

// Charset named in a Content-Type value ("text/html; charset=ISO-8859-1"), lower-case, or "".
std::string CharsetFromContentType(std::string_view content_type);

}  // namespace vigie::html::internal

// UTF-8 helpers over ICU's macros: validation with repair, code point iteration.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::core {

// Copies `in` to `out`, replacing each invalid UTF-8 sequence by U+FFFD.
// Returns the number of replacements. `out` is cleared first.
uint32_t RepairUtf8(std::string_view in, std::string* out);

// True if `in` is valid UTF-8.
bool IsValidUtf8(std::string_view in);

// Decodes the code point at `s[i]`, advancing `i`. Invalid bytes yield U+FFFD.
char32_t NextCodePoint(std::string_view s, size_t* i);

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(char32_t cp, std::string* out);

// Heuristic: the bytes look like a binary file (NUL bytes or many control bytes in the
// first 8 KiB), not text in any encoding.
bool LooksBinary(std::string_view bytes);

}  // namespace vigie::core

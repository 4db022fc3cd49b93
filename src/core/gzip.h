// Gzip (RFC 1952) over zlib: decompression member by member, so that a file made of many
// members (.warc.gz: one per record) can be read past a broken member; compression of one
// member (stored web pages).
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vigie/status.h"

namespace vigie::core {

// True if `bytes` starts with the gzip magic number and deflate method.
bool LooksGzip(std::string_view bytes);

// Inflates the gzip member at the start of `in`, appending at most `max_out` bytes to `out`.
// On success `*consumed` is the member's compressed size. On failure (corrupt data, member
// truncated by the end of input, output over the limit) returns the reason; `*out` may hold
// part of the member and `*consumed` is how far zlib read.
Status GunzipMember(std::string_view in, uint64_t max_out, std::string* out, size_t* consumed);

// Inflates every member of `in` in order (concatenated output). Fails on the first bad member.
StatusOr<std::string> Gunzip(std::string_view in, uint64_t max_out);

// One gzip member holding `in` (zlib level 1..9). Deterministic: same input, same bytes.
std::string Gzip(std::string_view in, int level = 6);

}  // namespace vigie::core

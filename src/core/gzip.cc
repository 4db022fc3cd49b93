#include "core/gzip.h"

#include <zlib.h>

#include <algorithm>

namespace vigie::core {

bool LooksGzip(std::string_view bytes) {
  return bytes.size() >= 3 && bytes[0] == '\x1f' && bytes[1] == '\x8b' && bytes[2] == '\x08';
}

Status GunzipMember(std::string_view in, uint64_t max_out, std::string* out, size_t* consumed) {
  *consumed = 0;
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::IoError("zlib init failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  size_t fed = 0;
  const size_t kMaxChunk = size_t{1} << 30;  // avail_in is 32-bit
  const size_t start = out->size();
  char buf[64 * 1024];
  int rc = Z_OK;
  while (true) {
    if (zs.avail_in == 0 && fed < in.size()) {
      size_t n = std::min(kMaxChunk, in.size() - fed);
      zs.avail_in = static_cast<uInt>(n);
      fed += n;
    }
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof(buf) - zs.avail_out);
    if (out->size() - start > max_out) {
      *consumed = fed - zs.avail_in;
      inflateEnd(&zs);
      return Status::InvalidArgument("gzip member inflates beyond the size limit");
    }
    if (rc == Z_STREAM_END) break;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && fed == in.size()) {
      *consumed = fed;
      inflateEnd(&zs);
      return Status::Corruption("truncated gzip member");
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      std::string msg = zs.msg != nullptr ? zs.msg : "inflate error";
      *consumed = fed - zs.avail_in;
      inflateEnd(&zs);
      return Status::Corruption("corrupt gzip data: " + msg);
    }
    if (rc == Z_BUF_ERROR && zs.avail_out != 0 && zs.avail_in == 0 && fed == in.size()) break;
  }
  *consumed = fed - zs.avail_in;
  inflateEnd(&zs);
  return Status::Ok();
}

StatusOr<std::string> Gunzip(std::string_view in, uint64_t max_out) {
  std::string out;
  size_t pos = 0;
  while (pos < in.size()) {
    size_t consumed = 0;
    Status st = GunzipMember(in.substr(pos), max_out - std::min<uint64_t>(max_out, out.size()),
                             &out, &consumed);
    if (!st.ok()) return st;
    pos += consumed;
    // Trailing zero padding after the last member is tolerated.
    if (pos < in.size() && !LooksGzip(in.substr(pos))) {
      if (in.substr(pos).find_first_not_of('\0') == std::string_view::npos) break;
      return Status::InvalidArgument("garbage after gzip member at byte " + std::to_string(pos));
    }
  }
  return out;
}

std::string Gzip(std::string_view in, int level) {
  z_stream zs{};
  // 31: gzip wrapper; zlib writes no time stamp or file name, so the output is deterministic.
  if (deflateInit2(&zs, std::clamp(level, 1, 9), Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  const size_t kMaxChunk = size_t{1} << 30;  // avail_in and avail_out are 32-bit
  std::string out;
  size_t fed = 0;
  int rc = Z_OK;
  while (rc == Z_OK) {
    if (zs.avail_in == 0 && fed < in.size()) {
      const size_t n = std::min(kMaxChunk, in.size() - fed);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
      zs.avail_in = static_cast<uInt>(n);
      fed += n;
    }
    const size_t have = out.size();
    const size_t room = std::min(kMaxChunk, std::max<size_t>(in.size() / 4, 4096));
    out.resize(have + room);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + have);
    zs.avail_out = static_cast<uInt>(room);
    rc = deflate(&zs, fed == in.size() ? Z_FINISH : Z_NO_FLUSH);
    out.resize(have + room - zs.avail_out);
    if (rc == Z_BUF_ERROR) rc = Z_OK;  // no progress possible without more room: loop
  }
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return {};
  return out;
}

}  // namespace vigie::core

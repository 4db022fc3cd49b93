#include "serve/static_files.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigie::serve {

namespace fs = std::filesystem;

std::string_view ContentTypeFor(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"}, {".map", "application/json"}};
  for (auto [ext, type] : kTypes)
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) return type;
  return {};
}

StatusOr<std::string> Gzip(std::string_view data, int level) {
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    return Status::IoError("zlib: cannot start compressing");
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return Status::IoError("zlib: compression failed");
  return out;
}

StatusOr<std::unique_ptr<StaticFiles>> StaticFiles::Load(const std::string& root, uint64_t max_bytes) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Status::NotFound(root + ": no dashboard folder here");
  auto files = std::make_unique<StaticFiles>();
  uint64_t total = 0;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::none, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue;
    std::string rel = fs::relative(it->path(), root, ec).generic_string();
    if (ec) return Status::IoError(it->path().string() + ": " + ec.message());
    std::string_view type = ContentTypeFor(rel);
    if (type.empty()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) return Status::IoError(it->path().string() + ": cannot read");
    total += body.str().size();
    if (total > max_bytes)
      return Status::InvalidArgument(root + ": more than " + std::to_string(max_bytes >> 20) + " MB of files");
    StaticFile file{std::string(type), std::move(body).str(), {}};
    // Compressed once here rather than for every answer (see Server).
    auto gz = Gzip(file.body);
    if (!gz.ok()) return gz.status();
    if (gz->size() + 64 < file.body.size()) file.gzipped = std::move(gz).value();
    files->files_["/" + rel] = std::move(file);
  }
  if (ec) return Status::IoError(root + ": " + ec.message());
  return files;
}

const StaticFile* StaticFiles::Find(std::string_view url_path) const {
  std::string key(url_path);
  if (key.empty() || key.back() == '/') key += "index.html";
  auto it = files_.find(key);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace vigie::serve

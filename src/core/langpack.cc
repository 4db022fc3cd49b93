#include "core/langpack.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/utf8.h"

namespace vigie::core {

namespace fs = std::filesystem;

int TsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> TsvTable::Values(std::string_view column) const {
  std::vector<std::string> out;
  int c = Column(column);
  if (c < 0) return out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(r[static_cast<size_t>(c)]);
  return out;
}

namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.emplace_back(line.substr(start));
      break;
    }
    out.emplace_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  return out;
}

}  // namespace

StatusOr<TsvTable> ParseTsv(std::string_view text, std::string path) {
  if (!IsValidUtf8(text)) return Status::Corruption(path + ": not valid UTF-8");
  TsvTable t;
  t.path = std::move(path);
  uint32_t lineno = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto cells = SplitTabs(line);
    if (t.columns.empty()) {
      t.columns = std::move(cells);
      continue;
    }
    if (cells.size() > t.columns.size())
      return Status::Corruption(t.path + ":" + std::to_string(lineno) + ": " +
                                std::to_string(cells.size()) + " fields, header has " +
                                std::to_string(t.columns.size()));
    cells.resize(t.columns.size());
    t.rows.push_back(std::move(cells));
    t.lines.push_back(lineno);
  }
  if (t.columns.empty()) return Status::Corruption(t.path + ": no header line");
  return t;
}

StatusOr<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound("no such file: " + path);
  if (fs::is_directory(path, ec)) return Status::InvalidArgument(path + " is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  return ss.str();
}

StatusOr<TsvTable> ReadTsv(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseTsv(*text, path);
}

StatusOr<LangPack> LangPack::Load(const std::string& dir) {
  LangPack pack;
  pack.dir_ = dir;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".tsv") files.push_back(e.path());
  if (ec) return Status::IoError("cannot list " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto t = ReadTsv(f.string());
    if (!t.ok()) return t.status();
    pack.tables_.emplace(f.stem().string(), std::move(t).value());
  }
  const TsvTable* m = pack.Table("manifest");
  if (m == nullptr) return Status::NotFound(dir + ": no manifest.tsv");
  int k = m->Column("key"), v = m->Column("value");
  if (k < 0 || v < 0) return Status::Corruption(m->path + ": needs columns key and value");
  for (const auto& r : m->rows) pack.manifest_[r[size_t(k)]] = r[size_t(v)];
  pack.lang_ = pack.Manifest("lang");
  if (pack.lang_.empty()) return Status::Corruption(m->path + ": no 'lang' entry");
  return pack;
}

std::string LangPack::Manifest(std::string_view key) const {
  auto it = manifest_.find(key);
  return it == manifest_.end() ? std::string() : it->second;
}

const TsvTable* LangPack::Table(std::string_view name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

StatusOr<std::shared_ptr<const PackSet>> PackSet::Load(const std::string& root) {
  auto set = std::make_shared<PackSet>();
  set->root_ = root;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Status::NotFound("language pack folder not found: " + root);
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root, ec))
    if (e.is_directory() && fs::exists(e.path() / "manifest.tsv")) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& d : dirs) {
    auto p = LangPack::Load(d.string());
    if (!p.ok()) return p.status();
    std::string lang = p->lang();
    set->packs_.emplace(lang, std::move(p).value());
  }
  if (set->packs_.empty()) return Status::NotFound("no language pack in " + root);
  return std::shared_ptr<const PackSet>(std::move(set));
}

const LangPack* PackSet::Get(std::string_view lang) const {
  auto it = packs_.find(lang);
  return it == packs_.end() ? nullptr : &it->second;
}

std::vector<std::string> PackSet::Languages() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : packs_) out.push_back(k);
  return out;
}

std::string DefaultPackRoot() {
  if (const char* env = std::getenv("VIGIE_PACKS"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "vigie" / "langpacks";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
#ifdef VIGIE_SOURCE_DIR
  return std::string(VIGIE_SOURCE_DIR) + "/langpacks";
#else
  return "langpacks";
#endif
}

}  // namespace vigie::core

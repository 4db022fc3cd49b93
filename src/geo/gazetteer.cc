#include "geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/hash.h"
#include "geo/gazetteer_format.h"

namespace vigie::geo {

namespace f = format;

StatusOr<std::shared_ptr<const Gazetteer>> Gazetteer::FromBytes(std::string bytes, std::string label) {
  std::shared_ptr<Gazetteer> g(new Gazetteer());
  g->path_ = std::move(label);
  g->owned_ = std::move(bytes);
  g->data_ = reinterpret_cast<const uint8_t*>(g->owned_.data());
  g->size_ = g->owned_.size();
  VIGIE_RETURN_IF_ERROR(g->Validate());
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

StatusOr<std::shared_ptr<const Gazetteer>> Gazetteer::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Status::NotFound("cannot open gazetteer " + path +
                            " (build it with `vigie gazetteer build`, or set VIGIE_GAZETTEER)");
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Status::IoError("cannot stat gazetteer " + path);
  }
  std::shared_ptr<Gazetteer> g(new Gazetteer());
  g->path_ = path;
  size_t n = static_cast<size_t>(st.st_size);
  if (n > 0) {
    void* m = ::mmap(nullptr, n, PROT_READ, MAP_SHARED, fd, 0);
    if (m == MAP_FAILED) {
      ::close(fd);
      return Status::IoError("cannot map gazetteer " + path);
    }
    g->map_ = m;
    g->map_size_ = n;
    g->data_ = static_cast<const uint8_t*>(m);
  }
  ::close(fd);
  g->size_ = n;
  VIGIE_RETURN_IF_ERROR(g->Validate());
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

Gazetteer::~Gazetteer() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
}

Status Gazetteer::Validate() {
  auto bad = [&](const std::string& why) { return Status::Corruption("gazetteer " + path_ + ": " + why); };
  if (size_ < f::kHeaderSize) return bad("file too short for a header");
  if (std::memcmp(data_, f::kMagic, 8) != 0) return bad("not a Vigie gazetteer (bad magic number)");
  uint16_t major = f::Get16(data_ + 8);
  if (major > f::kMajor)
    return Status::Unsupported("gazetteer " + path_ + " has format version " + std::to_string(major) +
                               ", this Vigie reads version " + std::to_string(f::kMajor) +
                               ": upgrade Vigie or rebuild the gazetteer");
  if (major < 1) return bad("format version 0");
  uint32_t nsec = f::Get32(data_ + 12);
  if (f::Get64(data_ + 16) != size_) return bad("size field disagrees with the file size (truncated?)");
  if (nsec > 1024 || f::kHeaderSize + size_t(nsec) * f::kSectionEntrySize > size_)
    return bad("section table outside the file");
  const uint8_t* table = data_ + f::kHeaderSize;
  size_t table_size = size_t(nsec) * f::kSectionEntrySize;
  if (core::Hash64(std::string_view(reinterpret_cast<const char*>(table), table_size)) != f::Get64(data_ + 24))
    return bad("section table checksum mismatch");
  bool have_strs = false, have_plcs = false, have_keys = false, have_pfxs = false;
  const uint8_t* skeys = nullptr;
  uint32_t num_skeys = 0;
  const uint8_t* spfx = nullptr;
  uint32_t num_spfx = 0;
  std::string_view xlit, adm1;
  for (uint32_t i = 0; i < nsec; ++i) {
    const uint8_t* e = table + size_t(i) * f::kSectionEntrySize;
    uint32_t id = f::Get32(e);
    uint64_t off = f::Get64(e + 8), len = f::Get64(e + 16);
    if (id != f::kStrs && id != f::kPlcs && id != f::kKeys && id != f::kPfxs && id != f::kMeta &&
        id != f::kXlit && id != f::kSkey && id != f::kSpfx && id != f::kAdm1)
      continue;  // unknown section: skipped
    if (off > size_ || len > size_ - off) return bad("section outside the file");
    const uint8_t* p = data_ + off;
    if (core::Hash64(std::string_view(reinterpret_cast<const char*>(p), len)) != f::Get64(e + 24))
      return bad("section checksum mismatch");
    if (id == f::kStrs) {
      if (len == 0 || p[len - 1] != 0) return bad("string section does not end with NUL");
      strs_ = p, strs_size_ = len, have_strs = true;
    } else if (id == f::kPlcs) {
      if (len % f::kPlaceSize != 0 || len / f::kPlaceSize > 0xffffffffu) return bad("bad place section size");
      places_ = p, num_places_ = uint32_t(len / f::kPlaceSize), have_plcs = true;
    } else if (id == f::kKeys) {
      if (len % f::kKeySize != 0 || len / f::kKeySize > 0xffffffffu) return bad("bad key section size");
      keys_ = p, num_keys_ = uint32_t(len / f::kKeySize), have_keys = true;
    } else if (id == f::kPfxs) {
      if (len % 8 != 0 || len / 8 > 0xffffffffu) return bad("bad prefix section size");
      prefixes_ = p, num_prefixes_ = uint32_t(len / 8), have_pfxs = true;
    } else if (id == f::kMeta) {
      meta_ = std::string_view(reinterpret_cast<const char*>(p), len);
    } else if (id == f::kXlit) {
      xlit = std::string_view(reinterpret_cast<const char*>(p), len);
    } else if (id == f::kAdm1) {
      adm1 = std::string_view(reinterpret_cast<const char*>(p), len);
    } else if (id == f::kSkey) {
      if (len % f::kKeySize != 0 || len / f::kKeySize > 0xffffffffu) return bad("bad skeleton key section size");
      skeys = p, num_skeys = uint32_t(len / f::kKeySize);
    } else if (id == f::kSpfx) {
      if (len % 8 != 0 || len / 8 > 0xffffffffu) return bad("bad skeleton prefix section size");
      spfx = p, num_spfx = uint32_t(len / 8);
    }
  }
  if (!have_strs || !have_plcs || !have_keys || !have_pfxs) return bad("a required section is missing");
  for (uint32_t i = 0; i < num_places_; ++i) {
    const uint8_t* r = places_ + size_t(i) * f::kPlaceSize;
    if (f::Get32(r + 16) >= strs_size_ || f::Get32(r + 20) >= strs_size_) return bad("place name outside strings");
    if (r[27] > 2) return bad("unknown place kind");
  }
  for (uint32_t i = 0; i < num_keys_; ++i) {
    const uint8_t* r = keys_ + size_t(i) * f::kKeySize;
    if (f::Get32(r + 8) >= num_places_) return bad("name refers to a missing place");
    if (i > 0 && f::Get64(r) < f::Get64(r - f::kKeySize)) return bad("name index not sorted");
  }
  for (uint32_t i = 1; i < num_prefixes_; ++i)
    if (f::Get64(prefixes_ + 8 * size_t(i)) <= f::Get64(prefixes_ + 8 * size_t(i - 1)))
      return bad("prefix index not sorted");
  // Skeleton keys (format 1.1) are used only when the rules, keys and prefixes are all there.
  if (!xlit.empty() && skeys != nullptr && spfx != nullptr) {
    auto sk = Skeleton::Parse(xlit, path_ + " (XLIT section)");
    if (!sk.ok()) return bad(sk.status().message());
    for (uint32_t i = 0; i < num_skeys; ++i) {
      const uint8_t* r = skeys + size_t(i) * f::kKeySize;
      if (f::Get32(r + 8) >= num_places_) return bad("skeleton key refers to a missing place");
      if (i > 0 && f::Get64(r) < f::Get64(r - f::kKeySize)) return bad("skeleton key index not sorted");
    }
    for (uint32_t i = 1; i < num_spfx; ++i)
      if (f::Get64(spfx + 8 * size_t(i)) <= f::Get64(spfx + 8 * size_t(i - 1)))
        return bad("skeleton prefix index not sorted");
    skeleton_ = std::move(*sk);
    skel_ = HashTable{skeys, num_skeys, f::kKeySize, {}, 64};
    skel_pfx_ = HashTable{spfx, num_spfx, 8, {}, 64};
    skel_.Index();
    skel_pfx_.Index();
  }
  // Admin1 names (format 1.2): lines "country TAB code TAB name".
  for (size_t i = 0; i < adm1.size();) {
    size_t j = adm1.find('\n', i);
    if (j == std::string_view::npos) return bad("admin1 name table does not end with a newline");
    std::string_view line = adm1.substr(i, j - i);
    size_t t1 = line.find('\t'), t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t1 != 2 || t2 == std::string_view::npos || t2 == t1 + 1 || t2 + 1 >= line.size() ||
        line.find('\t', t2 + 1) != std::string_view::npos)
      return bad("admin1 name table: bad line " + std::to_string(admin1_names_.size() + 1));
    admin1_names_[{std::string(line.substr(0, 2)), std::string(line.substr(3, t2 - 3))}] =
        std::string(line.substr(t2 + 1));
    i = j + 1;
  }
  key_table_ = HashTable{keys_, num_keys_, f::kKeySize, {}, 64};
  pfx_table_ = HashTable{prefixes_, num_prefixes_, 8, {}, 64};
  key_table_.Index();
  pfx_table_.Index();
  return Status::Ok();
}

void Gazetteer::HashTable::Index() {
  int bits = 1;
  while (bits < 20 && (uint64_t(1) << bits) * 4 < n) ++bits;
  shift = 64 - bits;
  size_t nb = size_t(1) << bits;
  bucket.assign(nb + 1, n);
  size_t b = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t top = f::Get64(data + size_t(i) * stride) >> shift;
    while (b <= top) bucket[b++] = i;
  }
}

uint32_t Gazetteer::HashTable::LowerBound(uint64_t hash) const {
  if (n == 0) return 0;
  uint64_t b = hash >> shift;
  uint32_t lo = bucket[b], hi = bucket[b + 1];
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (f::Get64(data + size_t(mid) * stride) < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

Place Gazetteer::Read(uint32_t index, bool names) const {
  Place p;
  if (index >= num_places_) return p;
  const uint8_t* r = places_ + size_t(index) * f::kPlaceSize;
  auto str = [&](uint32_t off) {
    const char* s = reinterpret_cast<const char*>(strs_ + off);
    return std::string_view(s, std::strlen(s));  // bounded: STRS ends with NUL
  };
  p.index = index;
  p.geonameid = f::Get32(r);
  p.lat = int32_t(f::Get32(r + 4)) / 100000.0;
  p.lon = int32_t(f::Get32(r + 8)) / 100000.0;
  p.population = f::Get32(r + 12);
  if (names) {
    p.name = str(f::Get32(r + 16));
    p.admin1 = str(f::Get32(r + 20));
  }
  const char* cc = reinterpret_cast<const char*>(r + 24);
  p.country = std::string_view(cc, cc[0] == 0 ? 0 : cc[1] == 0 ? 1 : 2);
  p.feature_class = char(r[26]);
  p.kind = static_cast<PlaceKind>(r[27]);
  const char* fc = reinterpret_cast<const char*>(r + 28);
  size_t fn = 0;
  while (fn < 8 && fc[fn] != 0) ++fn;
  p.feature_code = std::string_view(fc, fn);
  return p;
}

void Gazetteer::Lookup(uint64_t hash, std::vector<NameHit>* out) const {
  for (uint32_t i = key_table_.LowerBound(hash); i < num_keys_; ++i) {
    const uint8_t* r = keys_ + size_t(i) * f::kKeySize;
    if (f::Get64(r) != hash) break;
    out->push_back(NameHit{f::Get32(r + 8), r[12], (r[13] & 1) != 0});
  }
}

void Gazetteer::LookupSkeleton(uint64_t hash, std::vector<NameHit>* out) const {
  for (uint32_t i = skel_.LowerBound(hash); i < skel_.n; ++i) {
    const uint8_t* r = skel_.data + size_t(i) * f::kKeySize;
    if (f::Get64(r) != hash) break;
    out->push_back(NameHit{f::Get32(r + 8), r[12], (r[13] & 1) != 0});
  }
}

bool Gazetteer::IsSkeletonPrefix(uint64_t hash) const {
  uint32_t i = skel_pfx_.LowerBound(hash);
  return i < skel_pfx_.n && f::Get64(skel_pfx_.data + 8 * size_t(i)) == hash;
}

Gazetteer::KeyRecord Gazetteer::SkeletonKeyAt(uint32_t i) const {
  const uint8_t* r = skel_.data + size_t(i) * f::kKeySize;
  return KeyRecord{f::Get64(r), f::Get32(r + 8), r[12], r[13]};
}

uint64_t Gazetteer::SkeletonPrefixAt(uint32_t i) const { return f::Get64(skel_pfx_.data + 8 * size_t(i)); }

Gazetteer::KeyRecord Gazetteer::KeyAt(uint32_t i) const {
  const uint8_t* r = keys_ + size_t(i) * f::kKeySize;
  return KeyRecord{f::Get64(r), f::Get32(r + 8), r[12], r[13]};
}

uint64_t Gazetteer::PrefixAt(uint32_t i) const { return f::Get64(prefixes_ + 8 * size_t(i)); }

bool Gazetteer::IsPrefix(uint64_t hash) const {
  uint32_t i = pfx_table_.LowerBound(hash);
  return i < num_prefixes_ && f::Get64(prefixes_ + 8 * size_t(i)) == hash;
}

int64_t Gazetteer::FindGeonameId(uint32_t geonameid) const {
  // Places are sorted by kind then id; named places (kind 0) come first.
  uint32_t lo = 0, hi = num_places_;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    const uint8_t* r = places_ + size_t(mid) * f::kPlaceSize;
    uint64_t k = uint64_t(r[27]) << 32 | f::Get32(r);
    if (k < geonameid) lo = mid + 1;
    else hi = mid;
  }
  if (lo < num_places_) {
    const uint8_t* r = places_ + size_t(lo) * f::kPlaceSize;
    if (r[27] == 0 && f::Get32(r) == geonameid) return lo;
  }
  return -1;
}

std::string Gazetteer::Meta(std::string_view key) const {
  size_t i = 0;
  while (i < meta_.size()) {
    size_t j = meta_.find('\n', i);
    if (j == std::string_view::npos) j = meta_.size();
    std::string_view line = meta_.substr(i, j - i);
    if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == '=')
      return std::string(line.substr(key.size() + 1));
    i = j + 1;
  }
  return {};
}

std::string DefaultGazetteerPath() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("VIGIE_GAZETTEER"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "vigie" / "gazetteer.vgz";
    if (fs::exists(installed, ec)) return installed.string();
  }
#ifdef VIGIE_SOURCE_DIR
  return std::string(VIGIE_SOURCE_DIR) + "/data/gazetteer.vgz";
#else
  return "data/gazetteer.vgz";
#endif
}

}  // namespace vigie::geo

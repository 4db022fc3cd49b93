// Clustering by blocking and connected components (docs/fusion.md, "Blocking").
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/hash.h"
#include "fuse/compat_internal.h"
#include "fuse/fuse.h"

namespace vigie::fuse {

namespace {

using internal::Key;

constexpr int32_t kBucketDays = 8;
constexpr double kCellDegrees = 1.0;
constexpr double kMaxToleranceKm = 50;  // the widest place tolerance (district)
constexpr int32_t kMaxSpanDays = 366;   // longer spans are context, not a happening to fuse

int32_t FloorDiv(int32_t a, int32_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
int32_t Bucket(int32_t day) { return FloorDiv(day, kBucketDays); }
int32_t Row(double lat) { return static_cast<int32_t>(std::floor(lat / kCellDegrees)); }
int32_t Col(double lon) {
  int32_t c = static_cast<int32_t>(std::floor(lon / kCellDegrees));
  return ((c + 180) % 360 + 360) % 360 - 180;
}

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
uint64_t BlockKey(bool fine, uint32_t type, int64_t a, int64_t b, int32_t bucket) {
  uint64_t h = Mix((static_cast<uint64_t>(type) << 1) | (fine ? 1 : 0));
  h = Mix(h ^ static_cast<uint64_t>(a));
  h = Mix(h ^ static_cast<uint64_t>(b));
  return Mix(h ^ static_cast<uint64_t>(static_cast<int64_t>(bucket)));
}

// Columns either side to look at between two rows of cells: enough for the widest
// tolerance at the higher of the two latitudes (the same for both rows, so the
// neighbourhood is symmetric).
int32_t ColumnReach(int32_t row_a, int32_t row_b) {
  double lat = 0;
  for (int32_t r : {row_a, row_a + 1, row_b, row_b + 1})
    lat = std::max(lat, std::fabs(r * kCellDegrees));
  lat = std::min(lat, 89.9);
  double km_per_col = 111.32 * kCellDegrees * std::cos(lat * M_PI / 180.0);
  return std::min<int32_t>(180, static_cast<int32_t>(std::ceil(kMaxToleranceKm / km_per_col)));
}

}  // namespace

struct Clusterer::Impl {
  internal::Interner interner;
  std::vector<Key> keys;
  std::vector<std::string> ids;
  std::vector<bool> indexed;
  std::vector<uint32_t> parent;
  std::vector<std::vector<uint32_t>> members;  // per root
  std::unordered_map<uint64_t, std::vector<uint32_t>> blocks;
  uint64_t comparisons = 0;

  uint32_t Find(uint32_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a), b = Find(b);
    if (a == b) return;
    if (members[a].size() < members[b].size()) std::swap(a, b);
    parent[b] = a;
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    std::vector<uint32_t>().swap(members[b]);
  }

  template <typename Fn>
  void ForEachBlock(uint32_t r, Fn&& fn) const {
    const Key& k = keys[r];
    for (int32_t b = Bucket(k.lo); b <= Bucket(k.hi); ++b) {
      if (k.fine) {
        fn(BlockKey(true, k.type, Row(k.lat), Col(k.lon), b), b);
      } else {
        fn(BlockKey(false, k.type, k.country, 0, b), b);
      }
    }
  }

  void Index(uint32_t r) {
    ForEachBlock(r, [&](uint64_t key, int32_t) { blocks[key].push_back(r); });
  }

  void Check(uint32_t r, const std::vector<uint32_t>& list, int32_t bucket) {
    const Key& k = keys[r];
    for (uint32_t s : list) {
      if (s >= r) continue;  // each pair once: from its later record
      // ...and in the first bucket both span.
      if (bucket != std::max(Bucket(k.lo), Bucket(keys[s].lo))) continue;
      ++comparisons;
      if (internal::Compatible(k, keys[s])) Union(r, s);
    }
  }

  void Probe(uint32_t r) {
    const Key& k = keys[r];
    for (int32_t b = Bucket(k.lo); b <= Bucket(k.hi); ++b) {
      if (!k.fine) {
        auto it = blocks.find(BlockKey(false, k.type, k.country, 0, b));
        if (it != blocks.end()) Check(r, it->second, b);
        continue;
      }
      const int32_t row = Row(k.lat), col = Col(k.lon);
      for (int32_t dr = -1; dr <= 1; ++dr) {
        const int32_t reach = ColumnReach(row, row + dr);
        const int32_t first = reach >= 180 ? -180 : col - reach,
                      last = reach >= 180 ? 179 : col + reach;
        for (int32_t c = first; c <= last; ++c) {
          auto it = blocks.find(BlockKey(true, k.type, row + dr, Col(c + 0.5), b));
          if (it != blocks.end()) Check(r, it->second, b);
        }
      }
    }
  }
};

Clusterer::Clusterer() : impl_(new Impl) {}
Clusterer::~Clusterer() { delete impl_; }
size_t Clusterer::size() const { return impl_->keys.size(); }
uint64_t Clusterer::comparisons() const { return impl_->comparisons; }

std::vector<size_t> Clusterer::Add(const std::vector<EventRecord>& records) {
  std::vector<const EventRecord*> ptrs;
  ptrs.reserve(records.size());
  for (const auto& e : records) ptrs.push_back(&e);
  return Add(ptrs);
}

std::vector<size_t> Clusterer::Add(const std::vector<const EventRecord*>& records) {
  Impl& m = *impl_;
  const auto first = static_cast<uint32_t>(m.keys.size());
  for (const EventRecord* ep : records) {
    const EventRecord& e = *ep;
    Key k = internal::MakeKey(e, m.interner);
    if (k.dated && k.hi - k.lo > kMaxSpanDays) k.dated = false;
    auto r = static_cast<uint32_t>(m.keys.size());
    m.keys.push_back(k);
    m.ids.push_back(e.event_id);
    m.indexed.push_back(k.dated && k.placed);
    m.parent.push_back(r);
    m.members.push_back({r});
  }
  const auto end = static_cast<uint32_t>(m.keys.size());
  for (uint32_t r = first; r < end; ++r)
    if (m.indexed[r]) m.Index(r);
  for (uint32_t r = first; r < end; ++r)
    if (m.indexed[r]) m.Probe(r);
  std::vector<uint32_t> roots;
  for (uint32_t r = first; r < end; ++r) roots.push_back(m.Find(r));
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  std::vector<size_t> out;
  for (uint32_t root : roots) out.insert(out.end(), m.members[root].begin(), m.members[root].end());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<size_t> Clusterer::GroupOf(size_t index) const {
  const auto& list = impl_->members[impl_->Find(static_cast<uint32_t>(index))];
  std::vector<size_t> out(list.begin(), list.end());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::vector<size_t>> Clusterer::Groups() const {
  Impl& m = *impl_;
  std::vector<std::pair<const std::string*, uint32_t>> roots;  // smallest member id, root
  for (uint32_t r = 0; r < m.keys.size(); ++r) {
    if (m.Find(r) != r) continue;
    const std::string* smallest = nullptr;
    for (uint32_t x : m.members[r])
      if (!smallest || m.ids[x] < *smallest) smallest = &m.ids[x];
    roots.emplace_back(smallest, r);
  }
  std::sort(roots.begin(), roots.end(),
            [](const auto& a, const auto& b) { return *a.first < *b.first; });
  std::vector<std::vector<size_t>> out;
  out.reserve(roots.size());
  for (const auto& [id, r] : roots) {
    std::vector<size_t> g(m.members[r].begin(), m.members[r].end());
    std::sort(g.begin(), g.end());
    out.push_back(std::move(g));
  }
  return out;
}

std::string ClusterId(const std::vector<std::string>& member_event_ids) {
  if (member_event_ids.empty()) return {};
  return "c" + core::HashHex(*std::min_element(member_event_ids.begin(), member_event_ids.end()));
}

}  // namespace vigie::fuse

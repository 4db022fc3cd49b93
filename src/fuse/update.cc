// Incremental fusion over a Store (docs/fusion.md, "Incremental updates").
#include "fuse/update.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <unordered_map>

#include "core/civil_date.h"
#include "core/event_json.h"
#include "fuse/fuse.h"
#include "fuse/near_dup.h"

namespace vigie::fuse {

namespace {

// Loaded event records by id (sorted, so runs are reproducible), with document facts.
class RecordSet {
 public:
  RecordSet(store::Store& store, UpdateStats* stats) : store_(store), stats_(stats) {}

  Status Load(const std::vector<std::string>& ids) {
    std::vector<std::string> missing;
    for (const auto& id : ids)
      if (!records_.count(id)) missing.push_back(id);
    if (missing.empty()) return Status::Ok();
    return store_.GetEvents(missing, [&](const store::EventRow& row) {
      Add(row);
      return true;
    });
  }
  const FuseRecord* Add(const store::EventRow& row) {
    auto e = core::EventFromJson(row.json);
    if (!e.ok() ||
        e->event_id.empty()) {  // a stored record that no longer reads: left out, counted
      ++stats_->bad_events;
      return nullptr;
    }
    auto it = records_.find(e->event_id);
    if (it != records_.end()) return &it->second;
    FuseRecord r;
    r.event = std::move(e).value();
    r.outlet = row.doc_outlet, r.doc_date = row.doc_date, r.url = row.doc_url,
    r.doc_lang = row.doc_lang;
    std::string id = r.event.event_id;
    return &records_.emplace(std::move(id), std::move(r)).first->second;
  }
  const FuseRecord* Find(const std::string& id) const {
    auto it = records_.find(id);
    return it == records_.end() ? nullptr : &it->second;
  }
  // Moves a record out (the set forgets it): the last use of a record, without a copy.
  bool Take(const std::string& id, FuseRecord* out) {
    auto it = records_.find(id);
    if (it == records_.end()) return false;
    *out = std::move(it->second);
    records_.erase(it);
    return true;
  }

 private:
  store::Store& store_;
  UpdateStats* stats_;
  std::map<std::string, FuseRecord> records_;
};

// "2016-12-07" for a day number (days since 1970-01-01).
std::string IsoDay(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", std::clamp(y, 0L, 9999L), m, d);
  return buf;
}

// Near-duplicate detection for new documents. A document's original is the earliest
// (by date, then id) of itself and the documents whose text it nearly shares; the
// relation is recomputed for every stored document a new one resembles.
struct CopyResult {
  std::map<std::string, std::string> copy_of;  // new or changed relations
  std::set<std::string> old_docs_changed;      // stored documents whose relation changed
};

StatusOr<CopyResult> FindCopies(store::Store& store, const std::vector<std::string>& new_docs,
                                store::ClusterUpdate* update, UpdateStats* stats) {
  CopyResult out;
  std::map<std::string, std::vector<uint32_t>> sigs;
  std::map<std::string, std::string> dates;
  std::map<std::string, std::set<std::string>> similar;
  std::map<int64_t, std::vector<std::string>> new_bands;
  std::set<std::string> fresh(new_docs.begin(), new_docs.end());
  for (const auto& id : new_docs) {
    auto doc = store.GetDocument(id);
    if (!doc.ok()) return doc.status();
    Signature s = Sign(doc->clean_text);
    update->signatures.push_back({id, s.minhash, s.bands});
    ++stats->documents_signed;
    dates[id] = doc->date;
    if (s.minhash.empty()) continue;
    sigs[id] = s.minhash;
    for (int64_t b : s.bands) new_bands[b].push_back(id);
  }
  std::set<std::string> affected;
  auto link = [&](const std::string& a, const std::string& b) {
    similar[a].insert(b);
    similar[b].insert(a);
  };
  for (const auto& [id, minhash] : sigs) {
    if (!fresh.count(id)) continue;
    affected.insert(id);
    Status st =
        store.DocumentsSharingBands(Bands(minhash), [&](const store::DocumentSignature& other) {
          if (other.doc_id != id && EstimateJaccard(minhash, other.minhash) >= kCopyJaccard) {
            link(id, other.doc_id);
            sigs.emplace(other.doc_id, other.minhash);
            affected.insert(other.doc_id);
          }
          return true;
        });
    VIGIE_RETURN_IF_ERROR(st);
    for (int64_t b : Bands(minhash))
      for (const auto& other : new_bands[b])
        if (other != id && EstimateJaccard(minhash, sigs[other]) >= kCopyJaccard) link(id, other);
  }
  // A stored document a new one resembles: its other resemblances, from the store.
  for (const auto& id : affected) {
    if (fresh.count(id)) continue;
    const auto minhash = sigs[id];
    Status st =
        store.DocumentsSharingBands(Bands(minhash), [&](const store::DocumentSignature& other) {
          if (other.doc_id != id && EstimateJaccard(minhash, other.minhash) >= kCopyJaccard) {
            link(id, other.doc_id);
            sigs.emplace(other.doc_id, other.minhash);
          }
          return true;
        });
    VIGIE_RETURN_IF_ERROR(st);
  }
  for (const auto& [id, others] : similar) {
    for (const auto& x : others) {
      if (dates.count(x)) continue;
      auto doc = store.GetDocument(x);
      if (!doc.ok()) return doc.status();
      dates[x] = doc->date;
    }
  }
  auto before = [&](const std::string& a, const std::string& b) {
    const std::string &da = dates[a], &db = dates[b];
    return std::make_tuple(da.empty(), da, a) < std::make_tuple(db.empty(), db, b);
  };
  for (const auto& id : affected) {
    std::string best = id;
    for (const auto& x : similar[id])
      if (before(x, best)) best = x;
    if (best == id) continue;
    update->copies.push_back({id, best, EstimateJaccard(sigs[id], sigs[best])});
    out.copy_of[id] = best;
    if (!fresh.count(id)) out.old_docs_changed.insert(id);
  }
  stats->copies = static_cast<int64_t>(update->copies.size());
  return out;
}

}  // namespace

StatusOr<UpdateStats> UpdateClusters(store::Store& store, const UpdateOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  UpdateStats stats;
  if (options.rebuild) {
    store::ClusterUpdate clear;
    clear.clear_all = true;
    VIGIE_RETURN_IF_ERROR(store.PutClusters(clear));
  }
  auto pending = store.PendingFusion();
  if (!pending.ok()) return pending.status();
  stats.new_events = static_cast<int64_t>(pending->event_ids.size());
  if (pending->event_ids.empty() && pending->cluster_ids.empty() && pending->unsigned_docs.empty())
    return stats;

  store::ClusterUpdate update;
  auto copies = FindCopies(store, pending->unsigned_docs, &update, &stats);
  if (!copies.ok()) return copies.status();

  RecordSet records(store, &stats);
  VIGIE_RETURN_IF_ERROR(records.Load(pending->event_ids));
  std::vector<const FuseRecord*> fresh;
  for (const auto& id : pending->event_ids)
    if (const FuseRecord* r = records.Find(id)) fresh.push_back(r);

  // The slice of stored events a new one could join: its type, its days +- the widest
  // date tolerance (merged per type into a few intervals).
  std::map<std::string, std::vector<std::pair<long, long>>> spans;
  for (const FuseRecord* r : fresh) {
    const auto& d = r->event.date;
    long lo = 0, hi = 0, lo2 = 0, hi2 = 0;
    if (!d || !core::DayRange(d->start, &lo, &hi)) continue;
    if (!core::DayRange(d->end.empty() ? d->start : d->end, &lo2, &hi2)) continue;
    spans[r->event.type].emplace_back(lo - 3, std::max(hi, hi2) + 3);
  }
  std::set<std::string> fresh_ids(pending->event_ids.begin(), pending->event_ids.end());
  std::vector<const EventRecord*> slice;
  for (auto& [type, list] : spans) {
    std::sort(list.begin(), list.end());
    std::vector<std::pair<long, long>> merged;
    for (const auto& s : list) {
      if (!merged.empty() && s.first <= merged.back().second + 16)
        merged.back().second = std::max(merged.back().second, s.second);
      else
        merged.push_back(s);
    }
    for (const auto& [lo, hi] : merged) {
      store::EventFilter f;
      f.type = type, f.from = IsoDay(lo), f.to = IsoDay(hi);
      // Records spanning more than a year are not fused, so a partner starts at most that
      // long before: a bounded index range instead of everything before `to`.
      f.starts_from = IsoDay(lo - 370);
      Status st = store.QueryEvents(f, [&](const store::EventRow& row) {
        const FuseRecord* r = records.Add(row);
        if (r && !fresh_ids.count(r->event.event_id)) slice.push_back(&r->event);
        return true;
      });
      VIGIE_RETURN_IF_ERROR(st);
    }
  }
  // Stored events that a new one joins (directly or through other new ones).
  std::vector<std::string> touched;
  if (!slice.empty()) {
    Clusterer probe;
    probe.Add(slice);
    std::vector<const EventRecord*> added;
    for (const FuseRecord* r : fresh) added.push_back(&r->event);
    for (size_t i : probe.Add(added))
      if (i < slice.size()) touched.push_back(slice[i]->event_id);
  }
  slice.clear();
  for (const auto& doc : copies->old_docs_changed) {
    store::EventFilter f;
    f.doc_id = doc;
    Status st = store.QueryEvents(f, [&](const store::EventRow& row) {
      if (const FuseRecord* r = records.Add(row)) touched.push_back(r->event.event_id);
      return true;
    });
    VIGIE_RETURN_IF_ERROR(st);
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  auto of = store.ClustersOfEvents(touched);
  if (!of.ok()) return of.status();
  std::set<std::string> old_clusters(pending->cluster_ids.begin(), pending->cluster_ids.end());
  for (const auto& c : *of)
    if (!c.empty()) old_clusters.insert(c);

  // Everything to regroup: the new events and every member of the clusters they touch.
  std::set<std::string> gathered(fresh_ids.begin(), fresh_ids.end());
  std::vector<std::string> old_list(old_clusters.begin(), old_clusters.end());
  auto members = store.ClusterMembers(old_list);
  if (!members.ok()) return members.status();
  for (const auto& list : *members) gathered.insert(list.begin(), list.end());
  std::vector<std::string> gathered_list(gathered.begin(), gathered.end());
  VIGIE_RETURN_IF_ERROR(records.Load(gathered_list));

  std::vector<FuseRecord> group_input;
  group_input.reserve(gathered_list.size());
  fresh.clear();
  for (const auto& id : gathered_list) {
    FuseRecord r;
    if (records.Take(id, &r)) group_input.push_back(std::move(r));
  }
  std::vector<std::string> docs;
  for (const auto& r : group_input) docs.push_back(r.event.doc_id);
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  auto stored_copies = store.CopiesOf(docs);
  if (!stored_copies.ok()) return stored_copies.status();
  std::map<std::string, std::string> copy_of;
  for (const auto& c : *stored_copies) copy_of[c.doc_id] = c.original_id;
  for (const auto& [doc, original] : copies->copy_of) copy_of[doc] = original;
  std::unordered_map<std::string, std::string> outlet_of_doc;
  for (const auto& r : group_input) outlet_of_doc[r.event.doc_id] = r.outlet;
  for (auto& r : group_input) {
    auto it = copy_of.find(r.event.doc_id);
    if (it == copy_of.end()) continue;
    r.copy_of = it->second;
    if (!outlet_of_doc.count(r.copy_of)) {
      auto doc = store.GetDocument(r.copy_of);
      outlet_of_doc[r.copy_of] = doc.ok() ? doc->outlet : std::string();
    }
  }
  Prepare(&group_input, outlet_of_doc);

  Clusterer clusterer;
  std::vector<const EventRecord*> events;
  events.reserve(group_input.size());
  for (const auto& r : group_input) events.push_back(&r.event);
  clusterer.Add(events);
  for (const auto& group : clusterer.Groups()) update.put.push_back(Summarise(group_input, group));
  update.remove = old_list;
  stats.events_regrouped = static_cast<int64_t>(group_input.size());
  stats.clusters_removed = static_cast<int64_t>(old_list.size());
  stats.clusters_written = static_cast<int64_t>(update.put.size());
  VIGIE_RETURN_IF_ERROR(store.PutClusters(update));
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace vigie::fuse

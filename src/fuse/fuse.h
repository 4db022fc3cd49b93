// fuse: groups event records from many documents into event clusters (one real-world
// happening, many reports), counts corroborating outlets and claimants, and flags
// contradictions. The pure part works on records in memory (Clusterer, Summarise); the
// store part (UpdateClusters in update.h) keeps the clusters of a Store up to date.
//
//   std::vector<fuse::FuseRecord> records = ...;          // event + document facts
//   fuse::Clusterer c;  c.Add(records);                   // blocks, pairs, components
//   for (const auto& group : c.Groups()) store::Cluster k = fuse::Summarise(records, group);
//
// A Clusterer is single-threaded; FuseRecord, Compatible and Summarise are pure and
// thread-safe. Same input, same clusters, whatever the order records were added in.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/store.h"
#include "vigie/event.h"

namespace vigie::fuse {

// One event record and what fusion needs of its document.
struct FuseRecord {
  EventRecord event;
  std::string outlet, doc_date, url, title, doc_lang;
  // The document this record's document is a syndicated copy of; empty: an original.
  std::string copy_of;
  // The independent source: the outlet of the original when the document is a copy
  // (the document id when the outlet is unknown). Filled by Prepare if empty.
  std::string source;
};

// Fills FuseRecord::source from outlet, copy_of and the outlets of the originals.
void Prepare(std::vector<FuseRecord>* records,
             const std::unordered_map<std::string, std::string>& outlet_of_doc);

// The rules (documented in docs/fusion.md): same type, compatible subtypes; dates that
// overlap once widened by a tolerance that depends on precision and basis; places within
// a distance that depends on precision (same `part` when both give one; same country and
// first-level region for coarse places); actors that share a party when both give two.
// Records with no date or no place are compatible with nothing (clusters of one).
bool Compatible(const EventRecord& a, const EventRecord& b);

// Clustering by blocking: each record is filed under (type, 1° cell, 8-day bucket) keys,
// coarse places under (type, country, bucket); only records in neighbouring blocks are
// compared, and compatible pairs are joined (connected components). Incremental: Add may
// be called again with new records; AffectedBy tells which old records' clusters a batch
// touched, so callers can rewrite only those.
class Clusterer {
 public:
  Clusterer();
  ~Clusterer();
  Clusterer(const Clusterer&) = delete;
  Clusterer& operator=(const Clusterer&) = delete;

  // Adds records (indices continue from the previous Add). Returns the indices of every
  // record whose cluster changed: the new ones and the members of the clusters they joined.
  std::vector<size_t> Add(const std::vector<EventRecord>& records);
  std::vector<size_t> Add(const std::vector<const EventRecord*>& records);  // no copies
  size_t size() const;
  // Components: each a sorted list of record indices; the list of groups is sorted by the
  // smallest member event id.
  std::vector<std::vector<size_t>> Groups() const;
  // The group of one record (sorted indices).
  std::vector<size_t> GroupOf(size_t index) const;
  // Pair checks made so far (for benchmarks and tests of the blocking).
  uint64_t comparisons() const;

 private:
  struct Impl;
  Impl* impl_;
};

// The cluster id of a group: "c" followed by 16 hex digits of the smallest member event id.
std::string ClusterId(const std::vector<std::string>& member_event_ids);

// Everything fusion concludes about one group of records (indices into `records`): best
// date and place, roles, counts, claimed quantities, contradictions, sources.
store::Cluster Summarise(const std::vector<FuseRecord>& records, const std::vector<size_t>& group);

}  // namespace vigie::fuse

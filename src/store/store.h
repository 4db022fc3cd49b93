// store: where documents, their event records, mentions and ingest errors are kept, and
// how they are queried. `Store` is the backend-neutral interface (SQLite today, PostgreSQL
// later); `Store::OpenSqlite` opens one file. A Store is owned by its opener; every method
// is thread-safe (calls are serialised on the connection). Other processes may open the
// same file to read while one process writes (WAL).
//
//   auto store = store::Store::OpenSqlite("events.db", {});
//   if (!store.ok()) ...;
//   store::DocumentBatch batch;  batch.docs.push_back({doc, "pipeline-1", clean, lang, events});
//   (*store)->Put(batch);
//   store::EventFilter f;  f.type = "shelling";  f.from = "2016-12-01";
//   (*store)->QueryEvents(f, [](const store::EventRow& r) { ...; return true; });
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vigie/document.h"
#include "vigie/event.h"
#include "vigie/status.h"

namespace vigie::store {

// A generic annotation with byte offsets into the raw document: places, actors,
// quantities, hashtags... `value_json` holds what the stage resolved, as JSON text.
struct Mention {
  std::string kind;
  std::string text;
  uint32_t start = 0, end = 0;
  std::string value_json = "null";
};

// One document and everything extracted from it, written atomically.
struct DocumentEntry {
  Document doc;
  std::string pipeline_version;
  std::string clean_text;
  std::string language;            // identified language ("fr", "und")
  double language_confidence = 0;
  std::vector<EventRecord> events;  // stored with event_id and doc_id as given
  // core::EventToJson of each event, when the caller computed it already (the ingest
  // workers do, off the writer thread); empty: the store computes it.
  std::vector<std::string> events_json;
  std::vector<Mention> mentions;
  // The mentions packed for storage (PackMentions in store_internal.h), when the caller
  // packed them already (the ingest workers do); empty: the store packs them.
  std::string mentions_packed;
};

// An ingest problem: file and record, severity ("error"/"warning"), message.
struct ErrorEntry {
  std::string file;
  uint64_t record = 0;
  std::string severity = "error";
  std::string message;
  std::string run_time;  // ISO 8601 UTC time the run started; filled by the store if empty
};

// Writes of one transaction: all or nothing.
struct DocumentBatch {
  std::vector<DocumentEntry> docs;
  std::vector<ErrorEntry> errors;
};

// What the store knows of a document id.
enum class DocState {
  kAbsent,             // never stored
  kCurrent,            // same content hash and pipeline version: nothing to do
  kOtherVersion,       // same content, stored by another pipeline version
  kOtherContent,       // the id now carries different content
};

// The content hash the store keys documents by (over raw text and metadata).
std::string ContentHash(const Document& doc);

struct BBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};
struct Near {
  double lat = 0, lon = 0, km = 0;
};
// A box that holds the circle of `n` (queries then check the exact distance).
BBox BoxAround(const Near& n);

enum class SortBy { kDate, kConfidence };

// Event query. Empty strings and unset optionals mean "no filter". Dates are ISO
// (YYYY, YYYY-MM or YYYY-MM-DD); an event matches when its date interval overlaps.
struct EventFilter {
  std::string from, to;
  std::optional<BBox> bbox;
  std::optional<Near> near;
  std::string type, subtype, modality;
  std::string actor;     // name or class of actor1 or actor2 (case-insensitive)
  std::string claimant;  // name or class of the claimant (case-insensitive)
  std::string outlet, lang;
  std::string text;      // FTS5 query over document title and clean text
  std::string doc_id;    // events of one document
  std::string starts_from;  // events whose date starts on or after this date (with `to`: an index range)
  SortBy sort = SortBy::kDate;
  int64_t limit = -1;    // < 0: no limit
  int64_t offset = 0;    // skip this many matching events first (pagination)
  std::string event_id;  // only this event
};

// One stored event, with what exports need from its document.
struct EventRow {
  std::string json;  // the record exactly as stored (core::EventToJson)
  std::string doc_outlet, doc_url, doc_date, doc_lang;
};

struct StoredDocument {
  std::string id, url, outlet, title, lang, date, raw, clean_text, content_hash;
  std::string origin_file, pipeline_version;
  uint64_t origin_record = 0;
  int64_t event_count = 0;
  // For web input: the page (UTF-8) the raw text was extracted from, and its content type
  // ("text/html; charset=<charset it came in>"); empty otherwise.
  std::string page, page_content_type;
};

// Events per day and type (timeline). `day` is the first day the event's date covers.
struct TimelineBucket {
  std::string day, type;
  int64_t count = 0;
};
struct Timeline {
  std::vector<TimelineBucket> buckets;  // by day, then type
  int64_t undated = 0;                  // matching events with no date
};

// How an outlet frames the actors it mentions: the normalised label (EVENTS.md) it gave
// an actor (name, or class when unnamed), how often, and the words it used.
struct OutletLabel {
  std::string actor_name, actor_class, label;
  int64_t count = 0;
  std::vector<std::string> texts;  // distinct written forms, sorted
};
struct OutletSummary {
  std::string outlet;  // empty: documents with no outlet
  int64_t documents = 0, events = 0;
  std::vector<OutletLabel> labels;  // by actor, then label
};

// A document without its text, for lists.
struct DocumentSummary {
  std::string id, url, outlet, title, lang, date;
  int64_t event_count = 0;
};
struct DocumentQuery {
  std::string outlet, lang;  // empty: any
  int64_t offset = 0, limit = 100;
};

struct Counts {
  int64_t documents = 0, events = 0, mentions = 0, errors = 0;
  int64_t clusters = 0;
};

struct OpenOptions {
  bool read_only = false;
  int busy_timeout_ms = 10000;
};

// ---- Event clusters (written by src/fuse, read by the CLI and the API) ----
//
// An event cluster is one real-world happening as several documents report it: the
// member event records, their documents, and what fusion concluded (best date and place,
// corroboration counts, every claimed quantity with who claimed it, contradictions).
// Every stored event belongs to exactly one cluster once fusion has run (a lone report
// is a cluster of one). Cluster ids are stable: a hash of the smallest member event id.

// One member record of a cluster and the document it comes from.
struct ClusterSource {
  std::string event_id, doc_id;
  std::string outlet, url, title, doc_date, doc_lang;
  std::string claimant;   // claimant name (else class) of the record; empty: the outlet's own voice
  std::string modality;   // of the record: asserted, reported, hedged, negated, denied
  std::string copy_of;    // the document this one is a syndicated copy of; empty: an original
};

// A quantity as one member record claims it.
struct ClaimedQuantity {
  Quantity quantity;
  std::string event_id, outlet, claimant;  // claimant empty: the outlet's own voice
};

// A disagreement between member records.
struct Contradiction {
  std::string kind;     // "quantity" (beyond rounding), "actor_roles" (reversed), "perpetrator"
                        // (different actor1), "denial" (asserted by one, denied by another)
  std::string subject;  // the quantity kind ("places", "killed"...), "actors", or the event type
  std::string detail;   // one line for people: "places: 50 (SANA) vs 40 (SOHR)"
  std::vector<std::string> event_ids;  // the records on either side, sorted
};

struct Cluster {
  std::string cluster_id;
  std::string type, subtype;
  std::optional<EventDate> date;            // the most precise date the members support
  std::optional<EventLocation> location;    // the most precise place the members support
  std::optional<EventActor> actor1, actor2;  // the roles most members give
  int64_t events = 0;     // member records
  int64_t documents = 0;  // distinct documents
  int64_t outlets = 0;    // independent outlets (a syndicated copy counts with its original)
  int64_t claimants = 0;  // distinct claimants (the outlet's own voice counts as the outlet)
  std::vector<std::string> outlet_names;  // sorted, distinct
  std::vector<ClaimedQuantity> quantities;  // sorted by kind, then event id
  std::vector<Contradiction> contradictions;
  // Member records. Always filled by GetCluster; by QueryClusters only with
  // ClusterFilter::with_sources. To write clusters only event_id and doc_id are needed.
  std::vector<ClusterSource> sources;
};

enum class ClusterSortBy { kDate, kOutlets };

// Cluster query. Empty strings and unset optionals mean "no filter". Time and place test
// the cluster's best date and place; actor, claimant, outlet, lang and text match when
// some member record (or its document) matches, as EventFilter does for one event.
struct ClusterFilter {
  std::string from, to;
  std::optional<BBox> bbox;
  std::optional<Near> near;
  std::string type, subtype;
  std::string actor, claimant, outlet, lang, text;
  int64_t min_outlets = 0;          // at least this many independent outlets
  bool contradicted = false;        // only clusters with a contradiction
  bool with_sources = false;        // fill Cluster::sources
  ClusterSortBy sort = ClusterSortBy::kDate;  // date: ascending; outlets: most first
  int64_t limit = -1;               // < 0: no limit
  int64_t offset = 0;
};

// A syndicated copy: `doc_id` republishes the text of `original_id` (near-duplicate clean
// text; `similarity` is the Jaccard index of their word shingles).
struct DocumentCopy {
  std::string doc_id, original_id;
  double similarity = 0;
};

// A document's MinHash signature and its locality-sensitive band keys (src/fuse).
struct DocumentSignature {
  std::string doc_id;
  std::vector<uint32_t> minhash;
  std::vector<int64_t> bands;
};

// What fusion has not seen yet.
struct FusionPending {
  std::vector<std::string> event_ids;    // stored events in no cluster, sorted
  std::vector<std::string> cluster_ids;  // clusters that lost a member (document replaced), sorted
  std::vector<std::string> unsigned_docs;  // documents with no signature yet, sorted
};

// One transaction of fusion results: removed clusters go (with their members and flags),
// then `put` clusters are written (replacing any of the same id), with signatures and copies.
struct ClusterUpdate {
  std::vector<std::string> remove;
  std::vector<Cluster> put;
  std::vector<DocumentSignature> signatures;
  std::vector<DocumentCopy> copies;
  bool clear_all = false;  // first drop every cluster, signature and copy (full recompute)
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating and migrating if needed) a SQLite file. A file that is not a Vigie
  // database, is damaged, or has a newer schema gives a clear error naming the file.
  static StatusOr<std::unique_ptr<Store>> OpenSqlite(const std::string& path, const OpenOptions& options);

  // Another handle on the same database for reading concurrently with this one's writes
  // (a separate connection: it sees committed data only).
  virtual StatusOr<std::unique_ptr<Store>> OpenReader() = 0;

  // Stores a batch in one transaction. A document whose id is already stored is
  // replaced with its events and mentions (same id, never a duplicate).
  virtual Status Put(const DocumentBatch& batch) = 0;

  virtual StatusOr<DocState> CheckDocument(const std::string& id, const std::string& content_hash,
                                           const std::string& pipeline_version) = 0;
  bool HasDocument(const std::string& id, const std::string& content_hash, const std::string& pipeline_version) {
    auto s = CheckDocument(id, content_hash, pipeline_version);
    return s.ok() && *s == DocState::kCurrent;
  }

  virtual StatusOr<StoredDocument> GetDocument(const std::string& id) = 0;

  // Calls `fn` for each matching event in order; `fn` returns false to stop.
  virtual Status QueryEvents(const EventFilter& filter, const std::function<bool(const EventRow&)>& fn) = 0;
  StatusOr<std::vector<EventRow>> QueryEvents(const EventFilter& filter);

  // How many events match (limit and offset ignored).
  virtual StatusOr<int64_t> CountEvents(const EventFilter& filter) = 0;

  // Matching events per day and type (limit and offset ignored).
  virtual StatusOr<Timeline> QueryTimeline(const EventFilter& filter) = 0;

  // Every outlet with its document and event counts and its framing labels, by outlet.
  virtual StatusOr<std::vector<OutletSummary>> ListOutlets() = 0;

  // Documents by date then id, without their text.
  virtual StatusOr<std::vector<DocumentSummary>> ListDocuments(const DocumentQuery& query) = 0;

  // Mentions of one document, in offset order.
  virtual StatusOr<std::vector<Mention>> GetMentions(const std::string& doc_id) = 0;

  // Errors in the order they were recorded; `limit` < 0 for all.
  virtual StatusOr<std::vector<ErrorEntry>> ListErrors(int64_t limit) = 0;

  virtual StatusOr<Counts> Count() = 0;

  // Order-independent digest of all stored documents and events (for consistency checks).
  virtual StatusOr<std::string> Digest() = 0;

  // ---- Bulk loading ----
  //
  // A run that adds many documents may stop the store from maintaining the indexes that
  // only make queries faster, and have them built once, sorted, by FinishBulkLoad:
  // cheaper than keeping them up to date document by document. Queries stay correct
  // meanwhile (slower), and uniqueness (document and event ids) stays enforced. The
  // state is kept in the store: a writer that dies before FinishBulkLoad leaves it, and
  // the next open of the file (to write or to read) builds the indexes before answering,
  // unless the writer that deferred them is still running.

  // Enters bulk mode; true when this handle is in it (already, or now), false when another
  // handle or process holds it (this one then writes incrementally, which is correct too).
  virtual StatusOr<bool> BeginBulkLoad() = 0;
  // Builds what this handle's BeginBulkLoad deferred and leaves bulk mode (a no-op when this
  // handle is not in it: another's deferred indexes are left to that one).
  virtual Status FinishBulkLoad() = 0;
  virtual StatusOr<bool> BulkLoadPending() = 0;

  // ---- Event clusters ----

  // Calls `fn` for each matching cluster in order; `fn` returns false to stop.
  virtual Status QueryClusters(const ClusterFilter& filter, const std::function<bool(const Cluster&)>& fn) = 0;
  StatusOr<std::vector<Cluster>> QueryClusters(const ClusterFilter& filter);
  // One cluster with its sources; NotFound when there is none with this id.
  virtual StatusOr<Cluster> GetCluster(const std::string& cluster_id) = 0;
  // The cluster an event belongs to; NotFound when the event is unknown or not fused yet.
  virtual StatusOr<std::string> ClusterOfEvent(const std::string& event_id) = 0;
  // The copy relation of a document: what it copies (if anything) and what copies it.
  virtual StatusOr<std::vector<DocumentCopy>> DocumentCopies(const std::string& doc_id) = 0;

  // ---- What fusion reads and writes (src/fuse) ----

  virtual StatusOr<FusionPending> PendingFusion() = 0;
  // Stored events by id (unknown ids are skipped), in id order.
  virtual Status GetEvents(const std::vector<std::string>& event_ids, const std::function<bool(const EventRow&)>& fn) = 0;
  // The member event ids of clusters, per cluster (unknown ids give an empty list).
  virtual StatusOr<std::vector<std::vector<std::string>>> ClusterMembers(const std::vector<std::string>& cluster_ids) = 0;
  // Cluster ids of events (empty string for an event in no cluster), in the given order.
  virtual StatusOr<std::vector<std::string>> ClustersOfEvents(const std::vector<std::string>& event_ids) = 0;
  // Signatures of the documents that share at least one band key with `bands`, by doc id.
  virtual Status DocumentsSharingBands(const std::vector<int64_t>& bands,
                                       const std::function<bool(const DocumentSignature&)>& fn) = 0;
  // Copy relations where `doc_ids` are copies, by doc id.
  virtual StatusOr<std::vector<DocumentCopy>> CopiesOf(const std::vector<std::string>& doc_ids) = 0;
  virtual Status PutClusters(const ClusterUpdate& update) = 0;
  // Order-independent digest of the fusion tables (clusters, members, flags, copies).
  virtual StatusOr<std::string> ClusterDigest() = 0;
};

}  // namespace vigie::store

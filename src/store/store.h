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
  SortBy sort = SortBy::kDate;
  int64_t limit = -1;    // < 0: no limit
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

struct Counts {
  int64_t documents = 0, events = 0, mentions = 0, errors = 0;
};

struct OpenOptions {
  bool read_only = false;
  int busy_timeout_ms = 10000;
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

  // Mentions of one document, in offset order.
  virtual StatusOr<std::vector<Mention>> GetMentions(const std::string& doc_id) = 0;

  // Errors in the order they were recorded; `limit` < 0 for all.
  virtual StatusOr<std::vector<ErrorEntry>> ListErrors(int64_t limit) = 0;

  virtual StatusOr<Counts> Count() = 0;

  // Order-independent digest of all stored documents and events (for consistency checks).
  virtual StatusOr<std::string> Digest() = 0;
};

}  // namespace vigie::store

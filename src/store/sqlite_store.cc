// The SQLite backend of store::Store: one file, WAL (one writer, many readers), FTS5 over
// document text, R*Tree over event places (spots). Every value is bound as a parameter.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "core/event_json.h"
#include "core/gzip.h"
#include "core/hash.h"
#include "store/sqlite_bulk.h"
#include "store/sqlite_clusters.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_util.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace vigie::store {

namespace {

using internal::Exec;
using internal::SqliteError;
using internal::Stmt;

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Great-circle distance in km: vigie_km(lat1, lon1, lat2, lon2).
void KmFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  for (int i = 0; i < 4; ++i) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
      sqlite3_result_null(ctx);
      return;
    }
  }
  sqlite3_result_double(ctx, internal::HaversineKm(sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1]),
                                                   sqlite3_value_double(argv[2]), sqlite3_value_double(argv[3])));
}

std::string ExtraJson(const Document& d) {
  if (d.extra.empty()) return {};
  std::string s = "{";
  bool first = true;
  for (const auto& [k, v] : d.extra) {
    if (!first) s += ',';
    first = false;
    s += internal::JsonQuote(k);
    s += ':';
    s += v;
  }
  s += '}';
  return s;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path, bool read_only)
      : db_(db), path_(std::move(path)), opened_at_(NowUtc()), read_only_(read_only) {}
  ~SqliteStore() override {
    stmts_.clear();
    queries_.clear();
    // Keeps the planner's statistics fresh, cheaply (sampled).
    if (!read_only_) Exec(db_, "PRAGMA analysis_limit=1000; PRAGMA optimize");
    sqlite3_close_v2(db_);
  }

  StatusOr<std::unique_ptr<Store>> OpenReader() override { return Store::OpenSqlite(path_, {true, 10000}); }
  Status Put(const DocumentBatch& batch) override;
  StatusOr<DocState> CheckDocument(const std::string& id, const std::string& content_hash,
                                   const std::string& pipeline_version) override;
  StatusOr<StoredDocument> GetDocument(const std::string& id) override;
  Status QueryEvents(const EventFilter& filter, const std::function<bool(const EventRow&)>& fn) override;
  StatusOr<std::vector<Mention>> GetMentions(const std::string& doc_id) override;
  StatusOr<std::vector<ErrorEntry>> ListErrors(int64_t limit) override;
  StatusOr<Counts> Count() override;
  StatusOr<std::string> Digest() override;
  StatusOr<int64_t> CountEvents(const EventFilter& filter) override;
  StatusOr<Timeline> QueryTimeline(const EventFilter& filter) override;
  StatusOr<std::vector<OutletSummary>> ListOutlets() override;
  StatusOr<std::vector<DocumentSummary>> ListDocuments(const DocumentQuery& query) override;

  StatusOr<bool> BeginBulkLoad() override;
  Status FinishBulkLoad() override;
  StatusOr<bool> BulkLoadPending() override {
    std::lock_guard lock(mu_);
    return Wrap(internal::BulkPending(db_));
  }
  // Builds the indexes a dead bulk writer left unbuilt (none if a live one holds them).
  Status RepairBulk();

  Status QueryClusters(const ClusterFilter& filter, const std::function<bool(const Cluster&)>& fn) override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    Status st = internal::QueryClusters(db_, filter, fn);
    return st.code() == StatusCode::kInvalidArgument && !filter.text.empty() ? st : Named(st);
  }
  StatusOr<Cluster> GetCluster(const std::string& id) override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    auto c = internal::GetCluster(db_, id);
    if (!c.ok() && c.status().code() == StatusCode::kNotFound) return Status::NotFound(c.status().message() + " in " + path_);
    return c.ok() ? c : Named(c.status());
  }
  StatusOr<std::string> ClusterOfEvent(const std::string& event_id) override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    auto c = internal::ClusterOfEvent(db_, event_id);
    if (!c.ok() && c.status().code() == StatusCode::kNotFound) return c;
    return c.ok() ? c : Named(c.status());
  }
  StatusOr<std::vector<DocumentCopy>> DocumentCopies(const std::string& doc_id) override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    return Wrap(internal::DocumentCopies(db_, doc_id));
  }
  StatusOr<FusionPending> PendingFusion() override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    return Wrap(internal::PendingFusion(db_));
  }
  Status GetEvents(const std::vector<std::string>& ids, const std::function<bool(const EventRow&)>& fn) override {
    std::lock_guard lock(mu_);
    return Named(internal::GetEvents(db_, ids, fn));
  }
  StatusOr<std::vector<std::vector<std::string>>> ClusterMembers(const std::vector<std::string>& ids) override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    return Wrap(internal::ClusterMembers(db_, ids));
  }
  StatusOr<std::vector<std::string>> ClustersOfEvents(const std::vector<std::string>& ids) override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    return Wrap(internal::ClustersOfEvents(db_, ids));
  }
  Status DocumentsSharingBands(const std::vector<int64_t>& bands,
                               const std::function<bool(const DocumentSignature&)>& fn) override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    return Named(internal::DocumentsSharingBands(db_, bands, fn));
  }
  StatusOr<std::vector<DocumentCopy>> CopiesOf(const std::vector<std::string>& doc_ids) override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    return Wrap(internal::CopiesOf(db_, doc_ids));
  }
  Status PutClusters(const ClusterUpdate& update) override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    VIGIE_RETURN_IF_ERROR(Named(Exec(db_, "BEGIN IMMEDIATE")));
    Status st = internal::PutClusters(db_, update);
    if (st.ok()) st = Exec(db_, "COMMIT");
    if (!st.ok()) Exec(db_, "ROLLBACK");
    return Named(st);
  }
  StatusOr<std::string> ClusterDigest() override {
    std::lock_guard lock(mu_);
    VIGIE_RETURN_IF_ERROR(HasClusters());
    return Wrap(internal::ClusterDigest(db_));
  }

 private:
  // A cached prepared statement for the SQL of a filter (events, counts, timelines): the
  // distinct filter shapes are few, and preparing costs more than running on small
  // databases. Reset and ready to bind; the caller resets it again when done, so that no
  // read snapshot outlives the call. A statement that fails to prepare is not kept.
  Stmt& CachedQuery(const std::string& sql) {
    auto it = queries_.find(sql);
    if (it == queries_.end()) {
      if (queries_.size() >= 64) queries_.clear();
      it = queries_.emplace(sql, std::make_unique<Stmt>(db_, sql)).first;
    }
    it->second->Reset();
    return *it->second;
  }
  Status PrepareFailed(const std::string& sql) {
    Status st = queries_.at(sql)->status();
    queries_.erase(sql);
    return Named(st);
  }

  // A cached prepared statement for fixed SQL, reset and ready to bind. Its previous
  // values stay bound (clearing them cost as much as binding): every caller binds
  // every parameter, NULLs included.
  Stmt& Cached(int slot, const char* sql) {
    if (stmts_.size() <= static_cast<size_t>(slot)) stmts_.resize(slot + 1);
    if (!stmts_[slot]) stmts_[slot] = std::make_unique<Stmt>(db_, sql);
    stmts_[slot]->Rewind();
    return *stmts_[slot];
  }
  // Put's steps: removing what a document replaces (before anything of the batch is
  // written to the full-text index), writing its rows, and its full-text row.
  Status RemoveDocument(const std::string& id);
  Status PutDocument(const DocumentEntry& entry, int64_t* doc_key);
  Status PutFullText(const DocumentEntry& entry, int64_t doc_key);
  Status PutEvent(const DocumentEntry& entry, size_t k);
  // A file opened read-only may predate the cluster tables (schema version 1).
  Status HasClusters() const {
    if (schema_version_ >= 2) return Status::Ok();
    return Status::NotFound(path_ + ": no event clusters in this database (written by an older Vigie; "
                            "vigie ingest or vigie clusters --update brings it up to date)");
  }
  template <typename T>
  StatusOr<T> Wrap(StatusOr<T> v) const {
    return v.ok() ? std::move(v) : StatusOr<T>(Named(v.status()));
  }

 public:
  int schema_version_ = internal::kSchemaVersion;

 private:
  // The key of the spot at (lat, lon), created (with its R*Tree entry) if new.
  StatusOr<int64_t> Spot(double lat, double lon);
  StatusOr<int64_t> FindOrAddSpot(double lat, double lon);
  struct PointHash {
    size_t operator()(const std::pair<double, double>& p) const {
      return std::hash<double>()(p.first) * 31 + std::hash<double>()(p.second);
    }
  };
  static constexpr size_t kMaxCachedSpots = 1 << 18;
  std::unordered_map<std::pair<double, double>, int64_t, PointHash> spot_keys_;
  Status Named(const Status& st) const {
    if (st.ok()) return st;
    std::string msg = path_ + ": " + st.message();
    switch (st.code()) {
      case StatusCode::kCorruption: return Status::Corruption(msg);
      case StatusCode::kInvalidArgument: return Status::InvalidArgument(msg);
      default: return Status::IoError(msg);
    }
  }

  std::mutex mu_;
  sqlite3* db_;
  std::string path_;
  std::string opened_at_;
  bool read_only_ = false;
  std::vector<std::unique_ptr<Stmt>> stmts_;
  std::unordered_map<std::string, std::unique_ptr<Stmt>> queries_;
  internal::BulkLock bulk_lock_;  // held while this handle has the indexes down
};

StatusOr<bool> SqliteStore::BeginBulkLoad() {
  std::lock_guard lock(mu_);
  if (read_only_) return Status::InvalidArgument(path_ + ": opened read-only, cannot bulk load");
  // Another handle or process in bulk mode holds the lock: this one writes incrementally
  // (correct either way; the indexes come back when that one finishes).
  if (!bulk_lock_.TryAcquire(path_)) return false;
  VIGIE_RETURN_IF_ERROR(Named(Exec(db_, "BEGIN IMMEDIATE")));
  Status st = internal::EnterBulk(db_, NowUtc());
  if (st.ok()) st = Exec(db_, "COMMIT");
  if (!st.ok()) {
    Exec(db_, "ROLLBACK");
    bulk_lock_.Release();
    return Named(st);
  }
  return true;
}

Status SqliteStore::FinishBulkLoad() {
  std::lock_guard lock(mu_);
  // Not this handle's bulk load (none, or another writer's, alive: it builds its own).
  if (read_only_ || !bulk_lock_.held()) return Status::Ok();
  VIGIE_RETURN_IF_ERROR(Named(Exec(db_, "BEGIN IMMEDIATE")));
  auto pending = internal::BulkPending(db_);
  Status st = pending.ok() ? Status::Ok() : pending.status();
  if (st.ok() && *pending) st = internal::LeaveBulk(db_);
  if (st.ok()) st = Exec(db_, "COMMIT");
  if (!st.ok()) {
    Exec(db_, "ROLLBACK");
    return Named(st);
  }
  bulk_lock_.Release();  // only once the indexes are committed
  return Status::Ok();
}

Status SqliteStore::RepairBulk() {
  auto pending = internal::BulkPending(db_);
  if (!pending.ok()) return Named(pending.status());
  if (!*pending) return Status::Ok();
  {
    std::lock_guard lock(mu_);
    if (!bulk_lock_.TryAcquire(path_)) return Status::Ok();  // its writer is alive and will build them
  }
  return FinishBulkLoad();
}

enum Slot {
  kDelEvents,
  kDelMentions,
  kDelDoc,
  kInsDoc,
  kInsEvent,
  kInsMention,
  kInsError,
  kCheck,
  kDelPage,
  kInsPage,
  kFindSpot,
  kInsSpot,
  kInsSpotTree,
  kInsFts,
  kQueueEvent,
  kQueueDoc,
  kFindDoc
};

StatusOr<int64_t> SqliteStore::Spot(double lat, double lon) {
  // Spots are never deleted, so a key once seen stays right (the cache is dropped when a
  // transaction rolls back, which may undo new spots).
  const std::pair<double, double> point{lat, lon};
  if (auto it = spot_keys_.find(point); it != spot_keys_.end()) return it->second;
  if (spot_keys_.size() >= kMaxCachedSpots) spot_keys_.clear();
  auto key = FindOrAddSpot(lat, lon);
  if (key.ok()) spot_keys_.emplace(point, *key);
  return key;
}

StatusOr<int64_t> SqliteStore::FindOrAddSpot(double lat, double lon) {
  {
    Stmt& find = Cached(kFindSpot, "SELECT spot_key FROM spots WHERE lat = ? AND lon = ?");
    find.Bind(1, lat).Bind(2, lon);
    if (find.Step()) return find.Int(0);
    VIGIE_RETURN_IF_ERROR(find.status());
  }
  Stmt& ins = Cached(kInsSpot, "INSERT INTO spots(lat, lon) VALUES (?, ?)");
  ins.Bind(1, lat).Bind(2, lon);
  VIGIE_RETURN_IF_ERROR(ins.Run());
  const int64_t key = sqlite3_last_insert_rowid(db_);
  Stmt& tree = Cached(kInsSpotTree, "INSERT INTO spots_rtree VALUES (?, ?, ?, ?, ?)");
  tree.Bind(1, key).Bind(2, lon).Bind(3, lon).Bind(4, lat).Bind(5, lat);
  VIGIE_RETURN_IF_ERROR(tree.Run());
  return key;
}

Status SqliteStore::RemoveDocument(const std::string& id) {
  int64_t key = 0;
  {
    Stmt& find = Cached(kFindDoc, "SELECT doc_key FROM documents WHERE id = ?");
    find.Bind(1, id);
    if (!find.Step()) return find.status();  // not there: nothing to remove
    key = find.Int(0);
    find.Reset();
  }
  // The document row's delete triggers take it out of the full-text index and the fusion
  // tables; the events' triggers out of their clusters.
  for (auto [slot, sql] : {std::pair{kDelEvents, "DELETE FROM events WHERE doc_id = ?"},
                           std::pair{kDelPage, "DELETE FROM pages WHERE doc_id = ?"}}) {
    Stmt& s = Cached(slot, sql);
    s.Bind(1, id);
    VIGIE_RETURN_IF_ERROR(s.Run());
  }
  for (auto [slot, sql] : {std::pair{kDelMentions, "DELETE FROM document_mentions WHERE doc_key = ?"},
                           std::pair{kDelDoc, "DELETE FROM documents WHERE doc_key = ?"}}) {
    Stmt& s = Cached(slot, sql);
    s.Bind(1, key);
    VIGIE_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Status SqliteStore::PutFullText(const DocumentEntry& e, int64_t doc_key) {
  Stmt& s = Cached(kInsFts, "INSERT INTO documents_fts(rowid, title, clean) VALUES (?, ?, ?)");
  // The values the delete trigger gives back ('delete' needs the indexed values).
  s.Bind(1, doc_key).BindRefOrNull(2, e.doc.title).BindRef(3, e.clean_text);
  return s.Run();
}

Status SqliteStore::PutDocument(const DocumentEntry& e, int64_t* doc_key) {
  const Document& d = e.doc;
  Stmt& ins = Cached(kInsDoc,
                     "INSERT INTO documents(id, url, outlet, title, lang, lang_confidence, lang_given, date, raw, clean, "
                     "content_hash, origin_file, origin_record, pipeline_version, invalid_utf8, extra, stored_at) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  ins.BindRef(1, d.id).BindRefOrNull(2, d.url).BindRefOrNull(3, d.outlet).BindRefOrNull(4, d.title);
  ins.BindRefOrNull(5, e.language).Bind(6, e.language_confidence).BindRefOrNull(7, d.lang);
  ins.BindRefOrNull(8, d.date).BindRef(9, d.raw).BindRef(10, e.clean_text).Bind(11, ContentHash(d));
  ins.BindRef(12, d.origin.file).Bind(13, static_cast<int64_t>(d.origin.record)).BindRef(14, e.pipeline_version);
  ins.Bind(15, static_cast<int64_t>(d.invalid_utf8)).BindTextOrNull(16, ExtraJson(d)).Bind(17, opened_at_);
  VIGIE_RETURN_IF_ERROR(ins.Run());
  *doc_key = sqlite3_last_insert_rowid(db_);
  Stmt& unsigned_doc = Cached(kQueueDoc, "INSERT OR IGNORE INTO fusion_unsigned_doc_keys VALUES (?)");
  unsigned_doc.Bind(1, *doc_key);
  VIGIE_RETURN_IF_ERROR(unsigned_doc.Run());
  if (!d.page.empty()) {
    // Level 1: the writer thread compresses every page; it must keep up with the analysis
    // threads (HTML shrinks about 4x at level 1, 5x at level 6, for twice the time).
    const std::string packed = core::Gzip(d.page, 1);
    Stmt& pg =
        Cached(kInsPage,
               "INSERT INTO pages(doc_id, content_type, encoding, bytes, page) VALUES (?,?,?,?,?)");
    pg.Bind(1, d.id).Bind(2, d.page_content_type.empty() ? "text/html" : d.page_content_type);
    pg.Bind(3, packed.empty() ? "identity" : "gzip").Bind(4, static_cast<int64_t>(d.page.size()));
    pg.BindBlob(5, packed.empty() ? std::string_view(d.page) : std::string_view(packed));
    VIGIE_RETURN_IF_ERROR(pg.Run());
  }

  if (!e.mentions.empty()) {
    Stmt& s = Cached(kInsMention, "INSERT INTO document_mentions(doc_key, mentions, packed) VALUES (?, ?, ?)");
    s.Bind(1, *doc_key).Bind(2, static_cast<int64_t>(e.mentions.size()));
    // Packed by the ingest workers (mentions_packed), or here for other callers.
    std::string packed;
    if (e.mentions_packed.empty()) packed = internal::PackMentions(e.mentions);
    s.BindBlob(3, e.mentions_packed.empty() ? std::string_view(packed) : std::string_view(e.mentions_packed));
    VIGIE_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Status SqliteStore::PutEvent(const DocumentEntry& e, size_t k) {
  const Document& d = e.doc;
  const EventRecord& ev = e.events[k];
  Stmt& s = Cached(kInsEvent,
                   "INSERT INTO events(event_id, doc_id, type, subtype, status, modality, date_start, date_end, "
                   "date_precision, date_lo, date_hi, loc_geonameid, loc_name, loc_text, loc_lat, loc_lon, loc_country, "
                   "loc_admin1, loc_precision, loc_part, actor1_name, actor1_class, actor1_label, actor2_name, "
                   "actor2_class, actor2_label, claimant_name, claimant_class, confidence, json, spot_key, day_lo, day_hi) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  // Text is bound by reference (no copy): everything bound lives until s.Run() below.
  std::string lo, hi, own_json;
  s.BindRef(1, ev.event_id).BindRef(2, ev.doc_id.empty() ? d.id : ev.doc_id).BindRef(3, ev.type);
  s.BindRefOrNull(4, ev.subtype).BindRefOrNull(5, ev.status).BindRefOrNull(6, ev.modality);
  if (ev.date) {
    s.BindRefOrNull(7, ev.date->start).BindRefOrNull(8, ev.date->end).BindRefOrNull(9, ev.date->precision);
    const std::string& end = ev.date->end.empty() ? ev.date->start : ev.date->end;
    lo = internal::DateLo(ev.date->start), hi = internal::DateHi(end);
    s.BindRefOrNull(10, lo).BindRefOrNull(11, hi);
    const int64_t day_lo = internal::DayKey(lo), day_hi = internal::DayKey(hi);
    s.Bind(32, day_lo >= 0 ? std::optional<int64_t>(day_lo) : std::nullopt);
    s.Bind(33, day_hi >= 0 ? std::optional<int64_t>(day_hi) : std::nullopt);
  } else {
    for (int i = 7; i <= 11; ++i) s.BindNull(i);
    s.BindNull(32).BindNull(33);
  }
  if (ev.location) {
    const EventLocation& l = *ev.location;
    s.Bind(12, l.geonameid).BindRefOrNull(13, l.name).BindRefOrNull(14, l.text);
    bool has_point = l.lat && l.lon && std::isfinite(*l.lat) && std::isfinite(*l.lon);
    s.Bind(15, has_point ? l.lat : std::nullopt).Bind(16, has_point ? l.lon : std::nullopt);
    s.BindRefOrNull(17, l.country).BindRefOrNull(18, l.admin1).BindRefOrNull(19, l.precision);
    s.BindRefOrNull(20, l.part);
    if (has_point) {
      auto spot = Spot(*l.lat, *l.lon);
      if (!spot.ok()) return spot.status();
      s.Bind(31, *spot);
    } else {
      s.BindNull(31);
    }
  } else {
    for (int i = 12; i <= 20; ++i) s.BindNull(i);
    s.BindNull(31);
  }
  int col = 21;
  for (const auto* a : {&ev.actor1, &ev.actor2}) {
    if (*a) {
      s.BindRefOrNull(col, (*a)->name).BindRefOrNull(col + 1, (*a)->cls).BindRefOrNull(col + 2, (*a)->label);
    } else {
      s.BindNull(col).BindNull(col + 1).BindNull(col + 2);
    }
    col += 3;
  }
  if (ev.claimant) {
    s.BindRefOrNull(27, ev.claimant->name).BindRefOrNull(28, ev.claimant->cls);
  } else {
    s.BindNull(27).BindNull(28);
  }
  const bool have_json = e.events_json.size() == e.events.size();
  if (!have_json) own_json = core::EventToJson(ev);
  s.Bind(29, ev.confidence).BindRef(30, have_json ? std::string_view(e.events_json[k]) : std::string_view(own_json));
  Status st = s.Run();
  if (!st.ok()) return Status::InvalidArgument("event " + ev.event_id + " of document " + d.id + ": " + st.message());
  Stmt& queue = Cached(kQueueEvent, "INSERT OR IGNORE INTO fusion_new_event_keys VALUES (?)");
  queue.Bind(1, static_cast<int64_t>(sqlite3_last_insert_rowid(db_)));
  VIGIE_RETURN_IF_ERROR(queue.Run());
  return Status::Ok();
}

Status SqliteStore::Put(const DocumentBatch& batch) {
  std::lock_guard lock(mu_);
  VIGIE_RETURN_IF_ERROR(Named(Exec(db_, "BEGIN IMMEDIATE")));
  // An id given twice in one batch: the last entry wins (it would replace the others).
  std::unordered_map<std::string_view, size_t> last;
  for (size_t i = 0; i < batch.docs.size(); ++i) last[batch.docs[i].doc.id] = i;
  std::vector<std::pair<const DocumentEntry*, int64_t>> docs;  // with their doc_key
  for (size_t i = 0; i < batch.docs.size(); ++i)
    if (last[batch.docs[i].doc.id] == i) docs.push_back({&batch.docs[i], 0});
  // Statements with triggers (the deletes) run before the batch writes to the full-text
  // index, which then receives all its rows last (see kV5 in sqlite_schema.cc).
  Status st;
  for (const auto& [e, key] : docs) {
    st = RemoveDocument(e->doc.id);
    if (!st.ok()) break;
  }
  for (auto& [e, key] : docs) {
    if (!st.ok()) break;
    st = PutDocument(*e, &key);
  }
  // The batch's events in date order: the time, type and place indexes of events are
  // keyed by date, so consecutive inserts land on neighbouring index pages instead of
  // random ones (B-tree pages stay in the CPU caches; see docs/store.md).
  std::vector<std::pair<int64_t, std::pair<const DocumentEntry*, size_t>>> order;
  for (const auto& [e, key] : docs)
    for (size_t k = 0; k < e->events.size(); ++k)
      order.push_back({e->events[k].date ? internal::DayKey(internal::DateLo(e->events[k].date->start)) : -1, {e, k}});
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [date, at] : order) {
    if (!st.ok()) break;
    st = PutEvent(*at.first, at.second);
  }
  for (const ErrorEntry& err : batch.errors) {
    if (!st.ok()) break;
    Stmt& s = Cached(kInsError, "INSERT INTO errors(run_time, file, record, severity, message) VALUES (?,?,?,?,?) "
                     "ON CONFLICT(file, record, severity, message) DO UPDATE SET run_time = excluded.run_time");
    s.Bind(1, err.run_time.empty() ? opened_at_ : err.run_time).Bind(2, err.file);
    s.Bind(3, static_cast<int64_t>(err.record)).Bind(4, err.severity).Bind(5, err.message);
    st = s.Run();
  }
  for (const auto& [e, key] : docs) {
    if (!st.ok()) break;
    st = PutFullText(*e, key);
  }
  if (st.ok()) st = Exec(db_, "COMMIT");
  if (!st.ok()) {
    Exec(db_, "ROLLBACK");
    spot_keys_.clear();
    return Named(st);
  }
  return Status::Ok();
}

StatusOr<DocState> SqliteStore::CheckDocument(const std::string& id, const std::string& content_hash,
                                              const std::string& pipeline_version) {
  std::lock_guard lock(mu_);
  Stmt& s = Cached(kCheck, "SELECT content_hash, pipeline_version FROM documents WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) {
    if (!s.status().ok()) return Named(s.status());
    return DocState::kAbsent;
  }
  bool same_content = s.Text(0) == content_hash, same_version = s.Text(1) == pipeline_version;
  s.Reset();  // ends the read, so that no snapshot is held between calls
  if (!same_content) return DocState::kOtherContent;
  return same_version ? DocState::kCurrent : DocState::kOtherVersion;
}

StatusOr<StoredDocument> SqliteStore::GetDocument(const std::string& id) {
  std::lock_guard lock(mu_);
  Stmt s(db_,
         "SELECT id, url, outlet, title, lang, date, raw, clean, content_hash, origin_file, origin_record, "
         "pipeline_version, (SELECT count(*) FROM events WHERE doc_id = documents.id) FROM documents WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) return s.status().ok() ? Status::NotFound("no document " + id + " in " + path_) : Named(s.status());
  StoredDocument d;
  d.id = s.Text(0), d.url = s.Text(1), d.outlet = s.Text(2), d.title = s.Text(3), d.lang = s.Text(4);
  d.date = s.Text(5), d.raw = s.Text(6), d.clean_text = s.Text(7), d.content_hash = s.Text(8);
  d.origin_file = s.Text(9), d.origin_record = static_cast<uint64_t>(s.Int(10)), d.pipeline_version = s.Text(11);
  d.event_count = s.Int(12);
  s.Reset();
  if (schema_version_ < 3) return d;
  Stmt pg(db_, "SELECT content_type, encoding, bytes, page FROM pages WHERE doc_id = ?");
  pg.Bind(1, id);
  if (pg.Step()) {
    d.page_content_type = pg.Text(0);
    const std::string encoding = pg.Text(1);
    const int64_t bytes = pg.Int(2);
    std::string packed = pg.Blob(3);
    if (encoding == "gzip") {
      auto plain = core::Gunzip(packed, static_cast<uint64_t>(std::max<int64_t>(bytes, 0)));
      if (!plain.ok() || static_cast<int64_t>(plain->size()) != bytes)
        return Status::Corruption(path_ + ": stored page of document " + id + " is damaged");
      d.page = std::move(plain).value();
    } else {
      d.page = std::move(packed);
    }
  } else if (!pg.status().ok()) {
    return Named(pg.status());
  }
  return d;
}

// The strings of a JSON array (nulls left out), sorted.
std::vector<std::string> SortedStrings(const std::string& json_array) {
  std::vector<std::string> out;
  auto a = nlohmann::json::parse(json_array, nullptr, false);
  if (!a.is_array()) return out;
  for (const auto& v : a)
    if (v.is_string()) out.push_back(v.get<std::string>());
  std::sort(out.begin(), out.end());
  return out;
}

void BindAll(Stmt& s, const internal::SqlQuery& q) {
  for (size_t i = 0; i < q.params.size(); ++i) {
    const auto& p = q.params[i];
    int idx = static_cast<int>(i + 1);
    if (std::holds_alternative<std::string>(p)) s.Bind(idx, std::get<std::string>(p));
    else if (std::holds_alternative<double>(p)) s.Bind(idx, std::get<double>(p));
    else s.Bind(idx, std::get<int64_t>(p));
  }
}

// The status of an event query: a bad full-text query is the caller's error.
Status QueryStatus(const Stmt& s, const EventFilter& f) {
  if (!s.status().ok() && !f.text.empty() && s.status().code() == StatusCode::kInvalidArgument)
    return Status::InvalidArgument("--text: not a valid full-text query (" + s.status().message() + ")");
  return s.status();
}

Status SqliteStore::QueryEvents(const EventFilter& f, const std::function<bool(const EventRow&)>& fn) {
  internal::SqlQuery q = internal::BuildEventQuery(f);
  std::lock_guard lock(mu_);
  Stmt& s = CachedQuery(q.sql);
  if (!s.status().ok()) return PrepareFailed(q.sql);
  BindAll(s, q);
  EventRow row;
  while (s.Step()) {
    row.json = s.Text(0), row.doc_outlet = s.Text(1), row.doc_url = s.Text(2), row.doc_date = s.Text(3);
    row.doc_lang = s.Text(4);
    if (!fn(row)) {
      s.Reset();
      return Status::Ok();
    }
  }
  Status st = QueryStatus(s, f);
  s.Reset();
  return Named(st);
}

StatusOr<int64_t> SqliteStore::CountEvents(const EventFilter& f) {
  internal::SqlQuery q = internal::BuildEventWhere(f);
  q.sql.insert(0, "SELECT count(*)");
  std::lock_guard lock(mu_);
  Stmt& s = CachedQuery(q.sql);
  if (!s.status().ok()) return PrepareFailed(q.sql);
  BindAll(s, q);
  if (!s.Step()) {
    Status st = s.status().ok() ? Status::Corruption("no count") : QueryStatus(s, f);
    s.Reset();
    return Named(st);
  }
  int64_t n = s.Int(0);
  s.Reset();
  return n;
}

StatusOr<Timeline> SqliteStore::QueryTimeline(const EventFilter& f) {
  internal::SqlQuery q = internal::BuildEventWhere(f);
  q.sql.insert(0, "SELECT e.date_lo, e.type, count(*)");
  q.sql += " GROUP BY e.date_lo, e.type ORDER BY e.date_lo, e.type";
  std::lock_guard lock(mu_);
  Stmt& s = CachedQuery(q.sql);
  if (!s.status().ok()) return PrepareFailed(q.sql);
  BindAll(s, q);
  Timeline t;
  while (s.Step()) {
    if (s.IsNull(0)) {
      t.undated += s.Int(2);
    } else {
      t.buckets.push_back({s.Text(0), s.Text(1), s.Int(2)});
    }
  }
  Status st = QueryStatus(s, f);
  s.Reset();
  if (!st.ok()) return Named(st);
  return t;
}

StatusOr<std::vector<OutletSummary>> SqliteStore::ListOutlets() {
  std::lock_guard lock(mu_);
  std::vector<OutletSummary> out;
  {
    Stmt s(db_,
           "SELECT coalesce(d.outlet, ''), count(*), sum((SELECT count(*) FROM events e WHERE e.doc_id = d.id)) "
           "FROM documents d GROUP BY 1 ORDER BY 1");
    while (s.Step()) out.push_back({s.Text(0), s.Int(1), s.Int(2), {}});
    if (!s.status().ok()) return Named(s.status());
  }
  // Labels of both actor slots; the written forms come from the stored records.
  Stmt s(db_,
         "SELECT outlet, name, class, label, count(*), json_group_array(DISTINCT text) FROM ("
         " SELECT coalesce(d.outlet, '') AS outlet, coalesce(e.actor1_name, '') AS name,"
         "  coalesce(e.actor1_class, '') AS class, e.actor1_label AS label, json_extract(e.json, '$.actor1.text') AS text"
         " FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.actor1_label IS NOT NULL"
         " UNION ALL"
         " SELECT coalesce(d.outlet, ''), coalesce(e.actor2_name, ''), coalesce(e.actor2_class, ''), e.actor2_label,"
         "  json_extract(e.json, '$.actor2.text')"
         " FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.actor2_label IS NOT NULL)"
         " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
  size_t k = 0;
  while (s.Step()) {
    std::string outlet = s.Text(0);
    while (k < out.size() && out[k].outlet < outlet) ++k;
    if (k == out.size() || out[k].outlet != outlet) continue;
    OutletLabel l{s.Text(1), s.Text(2), s.Text(3), s.Int(4), {}};
    l.texts = SortedStrings(s.Text(5));
    out[k].labels.push_back(std::move(l));
  }
  if (!s.status().ok()) return Named(s.status());
  return out;
}

StatusOr<std::vector<DocumentSummary>> SqliteStore::ListDocuments(const DocumentQuery& query) {
  std::lock_guard lock(mu_);
  Stmt s(db_,
         "SELECT id, url, outlet, title, lang, date, (SELECT count(*) FROM events WHERE doc_id = documents.id) "
         "FROM documents WHERE (?1 IS NULL OR outlet = ?1 COLLATE NOCASE) AND (?2 IS NULL OR lang = ?2) "
         "ORDER BY date, id LIMIT ?3 OFFSET ?4");
  s.BindTextOrNull(1, query.outlet).BindTextOrNull(2, query.lang).Bind(3, query.limit).Bind(4, query.offset);
  std::vector<DocumentSummary> out;
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Int(6)});
  if (!s.status().ok()) return Named(s.status());
  return out;
}

StatusOr<std::vector<Mention>> SqliteStore::GetMentions(const std::string& doc_id) {
  std::lock_guard lock(mu_);
  Stmt s(db_,
         "SELECT m.packed FROM document_mentions m JOIN documents d ON d.doc_key = m.doc_key WHERE d.id = ?");
  s.Bind(1, doc_id);
  std::vector<Mention> out;
  if (s.Step() && !internal::UnpackMentions(s.Blob(0), &out))
    return Status::Corruption(path_ + ": stored mentions of document " + doc_id + " are damaged");
  if (!s.status().ok()) return Named(s.status());
  // Offset order; mentions at the same offsets keep the order they were given in.
  std::stable_sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  return out;
}

StatusOr<std::vector<ErrorEntry>> SqliteStore::ListErrors(int64_t limit) {
  std::lock_guard lock(mu_);
  Stmt s(db_, "SELECT file, record, severity, message, run_time FROM errors ORDER BY error_key LIMIT ?");
  s.Bind(1, limit);
  std::vector<ErrorEntry> out;
  while (s.Step()) out.push_back({s.Text(0), static_cast<uint64_t>(s.Int(1)), s.Text(2), s.Text(3), s.Text(4)});
  if (!s.status().ok()) return Named(s.status());
  return out;
}

StatusOr<Counts> SqliteStore::Count() {
  std::lock_guard lock(mu_);
  Stmt s(db_,
         "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
         "(SELECT coalesce(sum(mentions), 0) FROM document_mentions), "
         "(SELECT count(*) FROM errors)");
  if (!s.Step()) return Named(s.status().ok() ? Status::Corruption("no counts") : s.status());
  Counts counts{s.Int(0), s.Int(1), s.Int(2), s.Int(3)};
  s.Reset();
  if (schema_version_ >= 2) {
    Stmt c(db_, "SELECT count(*) FROM clusters");
    if (!c.Step()) return Named(c.status());
    counts.clusters = c.Int(0);
  }
  return counts;
}

StatusOr<std::string> SqliteStore::Digest() {
  std::lock_guard lock(mu_);
  uint64_t h = 0;
  auto fold = [&](Stmt& s, int cols) {
    while (s.Step()) {
      std::string row = std::to_string(h);
      for (int c = 0; c < cols; ++c) {
        row += '\x1f';
        row += s.Text(c);
      }
      h = core::Hash64(row);
    }
    return s.status();
  };
  Stmt docs(db_, "SELECT id, content_hash, pipeline_version, clean FROM documents ORDER BY id");
  VIGIE_RETURN_IF_ERROR(Named(fold(docs, 4)));
  Stmt events(db_, "SELECT event_id, json FROM events ORDER BY event_id");
  VIGIE_RETURN_IF_ERROR(Named(fold(events, 2)));
  // Each mention as the row it was before schema 5 (doc_id, seq, kind, text, start, end,
  // value), so that digests stay comparable.
  Stmt mentions(db_,
                "SELECT d.id, m.packed FROM document_mentions m JOIN documents d ON d.doc_key = m.doc_key ORDER BY d.id");
  while (mentions.Step()) {
    std::vector<Mention> set;
    const std::string doc_id = mentions.Text(0);
    if (!internal::UnpackMentions(mentions.Blob(1), &set))
      return Status::Corruption(path_ + ": stored mentions of document " + doc_id + " are damaged");
    for (size_t i = 0; i < set.size(); ++i) {
      const Mention& m = set[i];
      std::string row = std::to_string(h);
      for (const std::string& col : {doc_id, std::to_string(i), m.kind, m.text, std::to_string(m.start),
                                     std::to_string(m.end), m.value_json}) {
        row += '\x1f';
        row += col;
      }
      h = core::Hash64(row);
    }
  }
  VIGIE_RETURN_IF_ERROR(Named(mentions.status()));
  return core::HashHex(std::to_string(h));
}

}  // namespace

StatusOr<std::unique_ptr<Store>> Store::OpenSqlite(const std::string& path, const OpenOptions& options) {
  sqlite3* db = nullptr;
  int flags = (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
              SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status st = SqliteError(db, rc, path + ": cannot open the database");
    sqlite3_close_v2(db);
    return st;
  }
  auto store = std::make_unique<SqliteStore>(db, path, options.read_only);  // owns db from here
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_create_function(db, "vigie_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, KmFunction, nullptr,
                          nullptr);
  if (options.read_only) {
    int64_t version = 0;
    {
      Stmt v(db, "PRAGMA user_version");
      if (!v.Step()) return Status::Corruption(path + ": not a readable Vigie database: " + v.status().message());
      version = v.Int(0);
      if (version == 0) return Status::NotFound(path + ": no Vigie database here (run vigie ingest first)");
      if (version > internal::kSchemaVersion) return Status::Unsupported(path + ": written by a newer Vigie");
      store->schema_version_ = static_cast<int>(version);
      Stmt app(db, "PRAGMA application_id");
      if (!app.Step() || app.Int(0) != internal::kApplicationId)
        return Status::InvalidArgument(path + ": this SQLite file is not a Vigie database");
    }
    if (version == internal::kSchemaVersion) {
      // A bulk load whose writer died left the time/place indexes unbuilt: build them
      // through a writing connection (as for an upgrade), unless that writer is alive
      // (it holds the bulk lock; queries are then answered without them, slower). Where
      // this process may not write, it reads without them too.
      auto pending = internal::BulkPending(db);
      if (!pending.ok()) return Status::Corruption(path + ": not a readable Vigie database: " + pending.status().message());
      internal::BulkLock probe;
      if (*pending && probe.TryAcquire(path)) {
        probe.Release();
        OpenOptions writing = options;
        writing.read_only = false;
        // This connection sees the new indexes at its next statement (schema change).
        auto repaired = OpenSqlite(path, writing);
      }
    }
    if (version < internal::kSchemaVersion) {
      // An older schema: upgrade it once through a writing connection, then read.
      store.reset();
      OpenOptions writing = options;
      writing.read_only = false;
      auto upgraded = OpenSqlite(path, writing);
      if (!upgraded.ok())
        return Status::Unsupported(path + ": written by an older Vigie and cannot be upgraded here (" +
                                   upgraded.status().message() + ")");
      upgraded->reset();
      return OpenSqlite(path, options);
    }
    return std::unique_ptr<Store>(std::move(store));
  }
  // WAL: readers never block the writer; NORMAL sync keeps the file consistent across a
  // killed process (a power cut may lose the last transactions, never corrupt).
  // 16 KiB pages for a new file (an existing file keeps its page size): SQLite's cost per
  // written page (WAL frame, checkpoint copy, page cache) dominates ingest once the event
  // indexes outgrow a batch, and larger pages hold more index entries per write.
  VIGIE_RETURN_IF_ERROR(Exec(db, "PRAGMA page_size=16384"));
  {
    Stmt wal(db, "PRAGMA journal_mode=WAL");
    if (!wal.Step()) return Status::Corruption(path + ": not a readable Vigie database: " + wal.status().message());
  }
  VIGIE_RETURN_IF_ERROR(Exec(db, "PRAGMA synchronous=NORMAL"));
  // A 64 MiB page cache keeps the index pages that every batch touches in memory (256 MiB
  // measured no faster), and 16,384 WAL pages between checkpoints (256 MiB with 16 KiB
  // pages) write each hot page back once, not once per batch.
  VIGIE_RETURN_IF_ERROR(Exec(db, "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384; PRAGMA temp_store=MEMORY"));
  VIGIE_RETURN_IF_ERROR(internal::Migrate(db, path));
  VIGIE_RETURN_IF_ERROR(store->RepairBulk());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace vigie::store

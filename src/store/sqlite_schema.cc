#include "store/sqlite_schema.h"

#include <string>
#include <utility>
#include <vector>

#include "store/sqlite_util.h"
#include "store/store_internal.h"

namespace vigie::store::internal {

namespace {

// Version 1. Documents keep an INTEGER key so the FTS5 index (external content over
// documents) and the R*Tree (over events) refer to stable row ids.
constexpr const char* kV1 = R"sql(
CREATE TABLE documents(
  doc_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT, outlet TEXT, title TEXT,
  lang TEXT, lang_confidence REAL, lang_given TEXT,
  date TEXT,
  raw TEXT NOT NULL,
  clean TEXT,
  content_hash TEXT NOT NULL,
  origin_file TEXT, origin_record INTEGER,
  pipeline_version TEXT NOT NULL,
  invalid_utf8 INTEGER NOT NULL DEFAULT 0,
  extra TEXT,
  stored_at TEXT NOT NULL);
CREATE INDEX documents_outlet ON documents(outlet);

CREATE TABLE events(
  event_key INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  type TEXT NOT NULL, subtype TEXT, status TEXT, modality TEXT,
  date_start TEXT, date_end TEXT, date_precision TEXT,
  date_lo TEXT, date_hi TEXT,
  loc_geonameid INTEGER, loc_name TEXT, loc_text TEXT, loc_lat REAL, loc_lon REAL,
  loc_country TEXT, loc_admin1 TEXT, loc_precision TEXT, loc_part TEXT,
  actor1_name TEXT, actor1_class TEXT, actor1_label TEXT,
  actor2_name TEXT, actor2_class TEXT, actor2_label TEXT,
  claimant_name TEXT, claimant_class TEXT,
  confidence REAL,
  json TEXT NOT NULL);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_date ON events(date_lo, date_hi);
CREATE INDEX events_type_date ON events(type, date_lo);

CREATE TABLE mentions(
  doc_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL, text TEXT, start INTEGER, end INTEGER, value TEXT,
  PRIMARY KEY(doc_id, seq)) WITHOUT ROWID;

CREATE TABLE errors(
  error_key INTEGER PRIMARY KEY,
  run_time TEXT NOT NULL,
  file TEXT NOT NULL, record INTEGER NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
  UNIQUE(file, record, severity, message));

CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, clean, content='documents', content_rowid='doc_key', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, clean) VALUES (new.doc_key, new.title, new.clean);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, clean) VALUES ('delete', old.doc_key, old.title, old.clean);
END;

-- Space and time: (lon, lat, julian day). An event with no date spans all days; the
-- exact date test is made on the events row, the R*Tree only narrows the candidates.
CREATE VIRTUAL TABLE events_rtree USING rtree(event_key, min_lon, max_lon, min_lat, max_lat, min_day, max_day);
CREATE TRIGGER events_rtree_insert AFTER INSERT ON events
  WHEN new.loc_lat IS NOT NULL AND new.loc_lon IS NOT NULL BEGIN
  INSERT INTO events_rtree VALUES (new.event_key, new.loc_lon, new.loc_lon, new.loc_lat, new.loc_lat,
    coalesce(julianday(new.date_lo), 0), coalesce(julianday(new.date_hi), 10000000));
END;
CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_rtree WHERE event_key = old.event_key;
END;
)sql";

// Version 2: event clusters (src/fuse). Members, flags and copies refer to events and
// documents by their text ids; deleting an event (its document was replaced) takes it out
// of its cluster and marks the cluster for recomputation.
constexpr const char* kV2 = R"sql(
CREATE TABLE clusters(
  cluster_key INTEGER PRIMARY KEY,
  cluster_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL, subtype TEXT,
  date_lo TEXT, date_hi TEXT,
  loc_lat REAL, loc_lon REAL,
  events INTEGER NOT NULL, documents INTEGER NOT NULL, outlets INTEGER NOT NULL, claimants INTEGER NOT NULL,
  contradictions INTEGER NOT NULL,
  json TEXT NOT NULL);
CREATE INDEX clusters_date ON clusters(date_lo, date_hi);
CREATE INDEX clusters_type_date ON clusters(type, date_lo);

CREATE TABLE cluster_members(
  event_id TEXT PRIMARY KEY,
  cluster_id TEXT NOT NULL,
  doc_id TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);

CREATE TABLE cluster_flags(
  cluster_id TEXT NOT NULL, seq INTEGER NOT NULL,
  kind TEXT NOT NULL, subject TEXT, detail TEXT, event_ids TEXT,
  PRIMARY KEY(cluster_id, seq)) WITHOUT ROWID;

CREATE TABLE document_copies(
  doc_id TEXT PRIMARY KEY, original_id TEXT NOT NULL, similarity REAL) WITHOUT ROWID;
CREATE INDEX document_copies_original ON document_copies(original_id);

CREATE TABLE document_signatures(doc_id TEXT PRIMARY KEY, minhash BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE document_bands(band INTEGER NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY(band, doc_id)) WITHOUT ROWID;
CREATE INDEX document_bands_doc ON document_bands(doc_id);

CREATE TABLE fusion_dirty(cluster_id TEXT PRIMARY KEY) WITHOUT ROWID;
-- What fusion has not seen: kept by triggers, so finding it does not scan every event.
CREATE TABLE fusion_new_events(event_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE fusion_unsigned_docs(doc_id TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO fusion_new_events SELECT event_id FROM events;
INSERT INTO fusion_unsigned_docs SELECT id FROM documents;
CREATE TRIGGER events_fusion_insert AFTER INSERT ON events BEGIN
  INSERT OR IGNORE INTO fusion_new_events VALUES (new.event_id);
END;
CREATE TRIGGER documents_fusion_insert AFTER INSERT ON documents BEGIN
  INSERT OR IGNORE INTO fusion_unsigned_docs VALUES (new.id);
END;

CREATE VIRTUAL TABLE clusters_rtree USING rtree(cluster_key, min_lon, max_lon, min_lat, max_lat, min_day, max_day);
CREATE TRIGGER clusters_rtree_insert AFTER INSERT ON clusters
  WHEN new.loc_lat IS NOT NULL AND new.loc_lon IS NOT NULL BEGIN
  INSERT INTO clusters_rtree VALUES (new.cluster_key, new.loc_lon, new.loc_lon, new.loc_lat, new.loc_lat,
    coalesce(julianday(new.date_lo), 0), coalesce(julianday(new.date_hi), 10000000));
END;
CREATE TRIGGER clusters_delete AFTER DELETE ON clusters BEGIN
  DELETE FROM clusters_rtree WHERE cluster_key = old.cluster_key;
  DELETE FROM cluster_flags WHERE cluster_id = old.cluster_id;
END;
CREATE TRIGGER events_fusion_delete AFTER DELETE ON events BEGIN
  INSERT OR IGNORE INTO fusion_dirty SELECT cluster_id FROM cluster_members WHERE event_id = old.event_id;
  DELETE FROM cluster_members WHERE event_id = old.event_id;
  DELETE FROM fusion_new_events WHERE event_id = old.event_id;
END;
CREATE TRIGGER documents_fusion_delete AFTER DELETE ON documents BEGIN
  DELETE FROM document_signatures WHERE doc_id = old.id;
  DELETE FROM document_bands WHERE doc_id = old.id;
  DELETE FROM document_copies WHERE doc_id = old.id OR original_id = old.id;
  DELETE FROM fusion_unsigned_docs WHERE doc_id = old.id;
END;
)sql";

// Version 3. The web page a document was extracted from (HTML, WARC, JSON Lines "html"),
// kept beside the extracted text that every offset points into: gzip-compressed bytes of
// the page as converted to UTF-8, and the content type naming the charset it came in.
constexpr const char* kV3 = R"sql(
CREATE TABLE IF NOT EXISTS pages(
  page_key INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  content_type TEXT NOT NULL,
  encoding TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  page BLOB NOT NULL);
)sql";

// Version 4. Spots: the R*Tree indexes each distinct coordinate pair once instead of
// each event (an R*Tree insert costs ~50k instructions, most of the store's time on
// ingest; events happen at gazetteer places, so spots stay few while events grow).
// Time is narrowed by the events(spot_key, date_lo) index. Spots left without events by
// a replaced document stay (they match nothing). Written to be rerunnable (IF NOT EXISTS;
// the spot_key column is added by Migrate only when missing).
constexpr const char* kV4 = R"sql(
CREATE TABLE IF NOT EXISTS spots(
  spot_key INTEGER PRIMARY KEY,
  lat REAL NOT NULL, lon REAL NOT NULL,
  UNIQUE(lat, lon));
CREATE VIRTUAL TABLE IF NOT EXISTS spots_rtree USING rtree(spot_key, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER IF NOT EXISTS spots_rtree_insert AFTER INSERT ON spots BEGIN
  INSERT INTO spots_rtree VALUES (new.spot_key, new.lon, new.lon, new.lat, new.lat);
END;
INSERT OR IGNORE INTO spots(lat, lon)
  SELECT DISTINCT loc_lat, loc_lon FROM events WHERE loc_lat IS NOT NULL AND loc_lon IS NOT NULL;
UPDATE events SET spot_key = (SELECT s.spot_key FROM spots s WHERE s.lat = events.loc_lat AND s.lon = events.loc_lon)
  WHERE loc_lat IS NOT NULL AND loc_lon IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_spot_date ON events(spot_key, date_lo);
DROP TRIGGER IF EXISTS events_rtree_insert;
DROP TRIGGER IF EXISTS events_rtree_delete;
DROP TABLE IF EXISTS events_rtree;
)sql";

// Version 5. The store writes what the insert triggers wrote (the full-text index, the
// fusion queues, the spots' R*Tree): with a trigger an INSERT is a multi-row write that
// opens a statement savepoint, and SQLite then asks every virtual table of the
// transaction to save its state; FTS5 answers by flushing its pending terms, so each
// document became its own FTS5 segment and the savepoints took a third of the writer's
// time. Now the full-text rows of a batch are written last, in one run, and no statement
// of a batch needs a savepoint. Delete triggers stay (replacing a document is rare).
// Mentions are kept as one packed value per document (PackMentions in store_internal.h):
// nothing queries a single mention, and a row per mention cost ~25 inserts per document.
// The old per-mention table is converted by Migrate. The place index also holds the
// end date and type, so that a place + time + type query reads the events row only for
// matches (it read one row per spot in the box before: ~1,000 random reads per query on
// a store of 1M events at 1M distinct places).
constexpr const char* kV5 = R"sql(
DROP INDEX IF EXISTS events_spot_date;
CREATE INDEX IF NOT EXISTS events_spot_time_type ON events(spot_key, date_lo, date_hi, type);
CREATE TABLE IF NOT EXISTS document_mentions(
  doc_key INTEGER PRIMARY KEY,
  mentions INTEGER NOT NULL,
  packed BLOB NOT NULL);
DROP TRIGGER IF EXISTS documents_fts_insert;
DROP TRIGGER IF EXISTS events_fusion_insert;
DROP TRIGGER IF EXISTS documents_fusion_insert;
DROP TRIGGER IF EXISTS spots_rtree_insert;
)sql";

// Version 6. The events' time indexes are keyed by integer days (YYYYMMDD, day_lo and
// day_hi; DayKey in store_internal.h) instead of ISO text: an index entry shrinks from
// ~30 to ~17 bytes. Ingest inserts events at random dates, so each transaction rewrites
// most pages of these indexes; their size, not the rows, set the store's cost once a
// store holds ~1M events (docs/store.md). The text columns stay for output and the
// timeline. A date that is not YYYY-MM-DD keeps a NULL key (matches no time filter).
// Rerunnable: the columns are added by Migrate only when missing.
constexpr const char* kV6 = R"sql(
UPDATE events SET
  day_lo = CASE WHEN date_lo GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
    THEN CAST(replace(date_lo, '-', '') AS INTEGER) END,
  day_hi = CASE WHEN date_hi GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
    THEN CAST(replace(date_hi, '-', '') AS INTEGER) END;
DROP INDEX IF EXISTS events_date;
DROP INDEX IF EXISTS events_type_date;
DROP INDEX IF EXISTS events_spot_time_type;
CREATE INDEX IF NOT EXISTS events_days ON events(day_lo, day_hi);
CREATE INDEX IF NOT EXISTS events_type_days ON events(type, day_lo);
CREATE INDEX IF NOT EXISTS events_spot_days_type ON events(spot_key, day_lo, day_hi, type);
)sql";

// Version 7. What fusion has yet to see is keyed by the integer row keys of events and
// documents instead of their text ids: a new row appends to the end of the queue's
// B-tree (keys only grow) instead of landing at a random place among text keys, and an
// entry is ~10 bytes instead of ~20 (bench/RESULTS_store.md, session 5). Rerunnable:
// the old tables are converted by Migrate only when they exist.
constexpr const char* kV7 = R"sql(
CREATE TABLE IF NOT EXISTS fusion_new_event_keys(event_key INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS fusion_unsigned_doc_keys(doc_key INTEGER PRIMARY KEY);
DROP TRIGGER IF EXISTS events_fusion_delete;
CREATE TRIGGER events_fusion_delete AFTER DELETE ON events BEGIN
  INSERT OR IGNORE INTO fusion_dirty SELECT cluster_id FROM cluster_members WHERE event_id = old.event_id;
  DELETE FROM cluster_members WHERE event_id = old.event_id;
  DELETE FROM fusion_new_event_keys WHERE event_key = old.event_key;
END;
DROP TRIGGER IF EXISTS documents_fusion_delete;
CREATE TRIGGER documents_fusion_delete AFTER DELETE ON documents BEGIN
  DELETE FROM document_signatures WHERE doc_id = old.id;
  DELETE FROM document_bands WHERE doc_id = old.id;
  DELETE FROM document_copies WHERE doc_id = old.id OR original_id = old.id;
  DELETE FROM fusion_unsigned_doc_keys WHERE doc_key = old.doc_key;
END;
)sql";
constexpr const char* kV7ConvertEvents = R"sql(
INSERT OR IGNORE INTO fusion_new_event_keys
  SELECT e.event_key FROM fusion_new_events f JOIN events e ON e.event_id = f.event_id;
DROP TABLE fusion_new_events;
)sql";
constexpr const char* kV7ConvertDocs = R"sql(
INSERT OR IGNORE INTO fusion_unsigned_doc_keys
  SELECT d.doc_key FROM fusion_unsigned_docs u JOIN documents d ON d.id = u.doc_id;
DROP TABLE fusion_unsigned_docs;
)sql";

// Version 8. Bulk loading (sqlite_bulk.h): while a run writes many documents the
// events' time, type and place indexes are dropped and built at the end; this row says
// so, in the same transaction as the drop, so that a killed writer's file is repaired
// (the indexes built) when it is next opened. At most one row.
constexpr const char* kV8 = R"sql(
CREATE TABLE IF NOT EXISTS bulk_load(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  started_at TEXT NOT NULL,
  documents_at_start INTEGER NOT NULL);
)sql";

StatusOr<int64_t> PragmaInt(sqlite3* db, const char* sql) {
  Stmt s(db, sql);
  if (!s.Step()) return s.status().ok() ? Status::Corruption("empty pragma result") : s.status();
  return s.Int(0);
}

// Version 5: the rows of the per-mention table, packed per document, then the table goes.
Status PackOldMentions(sqlite3* db) {
  auto has = PragmaInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'mentions'");
  if (!has.ok()) return has.status();
  if (*has == 0) return Status::Ok();
  Stmt rows(db,
            "SELECT d.doc_key, m.kind, m.text, m.start, m.end, m.value FROM mentions m "
            "JOIN documents d ON d.id = m.doc_id ORDER BY m.doc_id, m.seq");
  Stmt put(db, "INSERT OR REPLACE INTO document_mentions(doc_key, mentions, packed) VALUES (?, ?, ?)");
  std::vector<Mention> set;
  int64_t key = 0;
  auto flush = [&]() -> Status {
    if (set.empty()) return Status::Ok();
    put.Reset();
    put.Bind(1, key).Bind(2, static_cast<int64_t>(set.size())).BindBlob(3, PackMentions(set));
    set.clear();
    return put.Run();
  };
  while (rows.Step()) {
    if (rows.Int(0) != key) {
      VIGIE_RETURN_IF_ERROR(flush());
      key = rows.Int(0);
    }
    set.push_back({rows.Text(1), rows.Text(2), static_cast<uint32_t>(rows.Int(3)), static_cast<uint32_t>(rows.Int(4)),
                   rows.Text(5)});
  }
  VIGIE_RETURN_IF_ERROR(rows.status());
  VIGIE_RETURN_IF_ERROR(flush());
  return Exec(db, "DROP TABLE mentions");
}

}  // namespace

Status Migrate(sqlite3* db, const std::string& path) {
  // Reading the schema is the first thing that touches the file: a damaged or foreign
  // file fails here.
  auto objects = PragmaInt(db, "SELECT count(*) FROM sqlite_schema");
  if (!objects.ok()) return Status::Corruption(path + ": not a readable Vigie database: " + objects.status().message());
  auto app = PragmaInt(db, "PRAGMA application_id");
  auto version = PragmaInt(db, "PRAGMA user_version");
  if (!app.ok() || !version.ok()) return Status::Corruption(path + ": cannot read the database header");
  if (*objects > 0 && *app != kApplicationId)
    return Status::InvalidArgument(path + ": this SQLite file is not a Vigie database");
  if (*version > kSchemaVersion)
    return Status::Unsupported(path + ": written by a newer Vigie (schema version " + std::to_string(*version) +
                               ", this build reads up to " + std::to_string(kSchemaVersion) + ")");
  if (*version == kSchemaVersion) return Status::Ok();

  VIGIE_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
  // Re-read under the write lock: another process may have migrated meanwhile.
  auto again = PragmaInt(db, "PRAGMA user_version");
  Status st = again.ok() ? Status::Ok() : again.status();
  if (st.ok() && *again < 1) st = Exec(db, kV1);
  if (st.ok() && *again < 2) st = Exec(db, kV2);
  if (st.ok() && *again < 3) st = Exec(db, kV3);
  if (st.ok() && *again < 4) {
    auto has = PragmaInt(db, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'spot_key'");
    st = has.ok() ? Status::Ok() : has.status();
    if (st.ok() && *has == 0) st = Exec(db, "ALTER TABLE events ADD COLUMN spot_key INTEGER");
    if (st.ok()) st = Exec(db, kV4);
  }
  if (st.ok() && *again < 5) st = Exec(db, kV5);
  if (st.ok() && *again < 5) st = PackOldMentions(db);
  if (st.ok() && *again < 6) {
    for (const char* column : {"day_lo", "day_hi"}) {
      auto has = PragmaInt(db, (std::string("SELECT count(*) FROM pragma_table_info('events') WHERE name = '") +
                                column + "'")
                                   .c_str());
      st = has.ok() ? Status::Ok() : has.status();
      if (st.ok() && *has == 0) st = Exec(db, (std::string("ALTER TABLE events ADD COLUMN ") + column + " INTEGER").c_str());
      if (!st.ok()) break;
    }
    if (st.ok()) st = Exec(db, kV6);
  }
  if (st.ok() && *again < 7) {
    st = Exec(db, kV7);
    for (auto [table, sql] : {std::pair{"fusion_new_events", kV7ConvertEvents},
                              std::pair{"fusion_unsigned_docs", kV7ConvertDocs}}) {
      if (!st.ok()) break;
      auto has = PragmaInt(db, (std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '") +
                                table + "'")
                                   .c_str());
      st = has.ok() ? Status::Ok() : has.status();
      if (st.ok() && *has > 0) st = Exec(db, sql);
    }
  }
  if (st.ok() && *again < 8) st = Exec(db, kV8);
  // Later versions: if (st.ok() && *again < 9) st = Exec(db, kV9); ... (a file may be in
  // bulk mode, its deferred indexes absent: a step that needs them builds them first)
  if (st.ok() && *again < kSchemaVersion) {
    st = Exec(db, ("PRAGMA application_id = " + std::to_string(kApplicationId) + ";PRAGMA user_version = " +
                   std::to_string(kSchemaVersion))
                      .c_str());
  }
  if (!st.ok()) {
    Exec(db, "ROLLBACK");
    std::string msg = path + ": cannot create the schema: " + st.message();
    return st.code() == StatusCode::kCorruption ? Status::Corruption(msg) : Status::IoError(msg);
  }
  return Exec(db, "COMMIT");
}

}  // namespace vigie::store::internal

#include "store/sqlite_clusters.h"

#include <cmath>
#include <cstring>

#include "core/hash.h"
#include "store/cluster_json.h"
#include "store/sqlite_util.h"

namespace vigie::store::internal {

namespace {

// A JSON array of strings, bound as one parameter and read with json_each().
std::string JsonArray(const std::vector<std::string>& ids) {
  std::string s = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) s += ',';
    s += JsonQuote(ids[i]);
  }
  return s + "]";
}

void BindAll(Stmt& s, const SqlQuery& q) {
  for (size_t i = 0; i < q.params.size(); ++i) {
    const auto& p = q.params[i];
    int idx = static_cast<int>(i + 1);
    if (std::holds_alternative<std::string>(p))
      s.Bind(idx, std::get<std::string>(p));
    else if (std::holds_alternative<double>(p))
      s.Bind(idx, std::get<double>(p));
    else
      s.Bind(idx, std::get<int64_t>(p));
  }
}

constexpr const char* kSourcesSql =
    "SELECT m.event_id, m.doc_id, d.outlet, d.url, d.title, d.date, d.lang, "
    "coalesce(e.claimant_name, e.claimant_class), e.modality, c.original_id "
    "FROM cluster_members m LEFT JOIN events e ON e.event_id = m.event_id LEFT JOIN documents d ON "
    "d.id = m.doc_id "
    "LEFT JOIN document_copies c ON c.doc_id = m.doc_id WHERE m.cluster_id = ? ORDER BY m.event_id";

Status FillSources(sqlite3* db, Stmt& s, Cluster* c) {
  s.Reset();
  s.Bind(1, c->cluster_id);
  c->sources.clear();
  while (s.Step()) {
    c->sources.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5),
                          s.Text(6), s.Text(7), s.Text(8), s.Text(9)});
  }
  return s.status();
}

std::string Blob(const std::vector<uint32_t>& v) {
  std::string b(v.size() * 4, '\0');
  for (size_t i = 0; i < v.size(); ++i) {
    for (int k = 0; k < 4; ++k) b[i * 4 + k] = static_cast<char>((v[i] >> (8 * k)) & 0xff);
  }
  return b;
}

std::vector<uint32_t> FromBlob(const std::string& b) {
  std::vector<uint32_t> v(b.size() / 4);
  for (size_t i = 0; i < v.size(); ++i) {
    uint32_t x = 0;
    for (int k = 0; k < 4; ++k)
      x |= static_cast<uint32_t>(static_cast<unsigned char>(b[i * 4 + k])) << (8 * k);
    v[i] = x;
  }
  return v;
}

}  // namespace

SqlQuery BuildClusterQuery(const ClusterFilter& f) {
  SqlQuery q;
  q.sql = "SELECT c.cluster_id, c.json FROM clusters c WHERE 1";
  auto add = [&](const std::string& clause, auto... values) {
    q.sql += clause;
    (q.params.emplace_back(values), ...);
  };
  const bool spatial = f.bbox || f.near;
  const std::string p =
      spatial ? "+" : "";  // keep other terms off their indexes (see BuildEventQuery)
  if (!f.from.empty()) add(" AND " + p + "c.date_hi >= ?", DateLo(f.from));
  if (!f.to.empty()) add(" AND " + p + "c.date_lo <= ?", DateHi(f.to));
  auto box = [&](double min_lon, double min_lat, double max_lon, double max_lat) {
    add(" AND c.cluster_key IN (SELECT cluster_key FROM clusters_rtree WHERE min_lon >= ? AND "
        "max_lon <= ? AND "
        "min_lat >= ? AND max_lat <= ?",
        min_lon, max_lon, min_lat, max_lat);
    if (!f.from.empty()) add(" AND max_day >= julianday(?)", DateLo(f.from));
    if (!f.to.empty()) add(" AND min_day <= julianday(?)", DateHi(f.to));
    q.sql += ")";
  };
  if (f.bbox) box(f.bbox->min_lon, f.bbox->min_lat, f.bbox->max_lon, f.bbox->max_lat);
  if (f.near) {
    const BBox b = BoxAround(*f.near);
    box(b.min_lon, b.min_lat, b.max_lon, b.max_lat);
    add(" AND vigie_km(c.loc_lat, c.loc_lon, ?, ?) <= ?", f.near->lat, f.near->lon, f.near->km);
  }
  if (!f.type.empty()) add(" AND " + p + "c.type = ?", f.type);
  if (!f.subtype.empty()) add(" AND c.subtype = ?", f.subtype);
  if (f.min_outlets > 0) add(" AND c.outlets >= ?", f.min_outlets);
  if (f.contradicted) q.sql += " AND c.contradictions > 0";
  // Member conditions: some member record (and its document) matches them all.
  std::string member;
  std::vector<std::variant<std::string, double, int64_t>> member_params;
  auto mterm = [&](const std::string& clause, int n, const std::string& value) {
    member += clause;
    for (int i = 0; i < n; ++i) member_params.emplace_back(value);
  };
  if (!f.actor.empty()) {
    mterm(
        " AND (e.actor1_name = ? COLLATE NOCASE OR e.actor1_class = ? COLLATE NOCASE OR "
        "e.actor2_name = ? "
        "COLLATE NOCASE OR e.actor2_class = ? COLLATE NOCASE)",
        4, f.actor);
  }
  if (!f.claimant.empty())
    mterm(" AND (e.claimant_name = ? COLLATE NOCASE OR e.claimant_class = ? COLLATE NOCASE)", 2,
          f.claimant);
  if (!f.outlet.empty()) mterm(" AND d.outlet = ? COLLATE NOCASE", 1, f.outlet);
  if (!f.lang.empty()) mterm(" AND d.lang = ?", 1, f.lang);
  if (!f.text.empty())
    mterm(" AND d.doc_key IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", 1,
          f.text);
  if (!member.empty()) {
    q.sql +=
        " AND EXISTS (SELECT 1 FROM cluster_members m JOIN events e ON e.event_id = m.event_id "
        "LEFT JOIN documents d ON d.id = m.doc_id WHERE m.cluster_id = c.cluster_id" +
        member + ")";
    for (auto& v : member_params) q.params.push_back(std::move(v));
  }
  q.sql += f.sort == ClusterSortBy::kOutlets ? " ORDER BY c.outlets DESC, c.date_lo, c.cluster_id"
                                             : " ORDER BY c.date_lo, c.cluster_id";
  if (f.limit >= 0 || f.offset > 0)
    add(" LIMIT ? OFFSET ?", f.limit >= 0 ? f.limit : int64_t{-1}, std::max<int64_t>(0, f.offset));
  return q;
}

Status QueryClusters(sqlite3* db, const ClusterFilter& f,
                     const std::function<bool(const Cluster&)>& fn) {
  SqlQuery q = BuildClusterQuery(f);
  Stmt s(db, q.sql);
  if (!s.status().ok()) return s.status();
  BindAll(s, q);
  std::unique_ptr<Stmt> sources;
  if (f.with_sources) sources = std::make_unique<Stmt>(db, kSourcesSql);
  while (s.Step()) {
    auto c = ClusterFromJson(s.Text(1));
    if (!c.ok()) return Status::Corruption("cluster " + s.Text(0) + ": " + c.status().message());
    if (sources) VIGIE_RETURN_IF_ERROR(FillSources(db, *sources, &*c));
    if (!fn(*c)) return Status::Ok();
  }
  if (!s.status().ok() && !f.text.empty() && s.status().code() == StatusCode::kInvalidArgument)
    return Status::InvalidArgument("--text: not a valid full-text query (" + s.status().message() +
                                   ")");
  return s.status();
}

StatusOr<Cluster> GetCluster(sqlite3* db, const std::string& cluster_id) {
  Stmt s(db, "SELECT json FROM clusters WHERE cluster_id = ?");
  s.Bind(1, cluster_id);
  if (!s.Step()) return s.status().ok() ? Status::NotFound("no cluster " + cluster_id) : s.status();
  auto c = ClusterFromJson(s.Text(0));
  if (!c.ok()) return Status::Corruption("cluster " + cluster_id + ": " + c.status().message());
  Stmt src(db, kSourcesSql);
  VIGIE_RETURN_IF_ERROR(FillSources(db, src, &*c));
  return c;
}

StatusOr<std::string> ClusterOfEvent(sqlite3* db, const std::string& event_id) {
  Stmt s(db, "SELECT cluster_id FROM cluster_members WHERE event_id = ?");
  s.Bind(1, event_id);
  if (!s.Step())
    return s.status().ok() ? Status::NotFound("event " + event_id + " is in no cluster")
                           : s.status();
  return s.Text(0);
}

StatusOr<std::vector<DocumentCopy>> DocumentCopies(sqlite3* db, const std::string& doc_id) {
  Stmt s(db,
         "SELECT doc_id, original_id, similarity FROM document_copies WHERE doc_id = ?1 OR "
         "original_id = ?1 "
         "ORDER BY doc_id");
  s.Bind(1, doc_id);
  std::vector<DocumentCopy> out;
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), s.Double(2)});
  if (!s.status().ok()) return s.status();
  return out;
}

StatusOr<FusionPending> PendingFusion(sqlite3* db) {
  FusionPending p;
  auto collect = [&](const char* sql, std::vector<std::string>* out) {
    Stmt s(db, sql);
    while (s.Step()) out->push_back(s.Text(0));
    return s.status();
  };
  VIGIE_RETURN_IF_ERROR(collect(
      "SELECT e.event_id FROM fusion_new_event_keys f JOIN events e ON e.event_key = f.event_key "
      "ORDER BY e.event_id",
      &p.event_ids));
  VIGIE_RETURN_IF_ERROR(
      collect("SELECT cluster_id FROM fusion_dirty ORDER BY cluster_id", &p.cluster_ids));
  VIGIE_RETURN_IF_ERROR(collect(
      "SELECT d.id FROM fusion_unsigned_doc_keys u JOIN documents d ON d.doc_key = u.doc_key "
      "ORDER BY d.id",
      &p.unsigned_docs));
  return p;
}

Status GetEvents(sqlite3* db, const std::vector<std::string>& ids,
                 const std::function<bool(const EventRow&)>& fn) {
  Stmt s(db,
         "SELECT e.json, d.outlet, d.url, d.date, d.lang FROM events e LEFT JOIN documents d ON "
         "d.id = e.doc_id "
         "WHERE e.event_id IN (SELECT value FROM json_each(?)) ORDER BY e.event_id");
  s.Bind(1, JsonArray(ids));
  EventRow row;
  while (s.Step()) {
    row.json = s.Text(0), row.doc_outlet = s.Text(1), row.doc_url = s.Text(2),
    row.doc_date = s.Text(3);
    row.doc_lang = s.Text(4);
    if (!fn(row)) return Status::Ok();
  }
  return s.status();
}

StatusOr<std::vector<std::vector<std::string>>> ClusterMembers(
    sqlite3* db, const std::vector<std::string>& ids) {
  Stmt s(db, "SELECT event_id FROM cluster_members WHERE cluster_id = ? ORDER BY event_id");
  std::vector<std::vector<std::string>> out(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    s.Reset();
    s.Bind(1, ids[i]);
    while (s.Step()) out[i].push_back(s.Text(0));
    if (!s.status().ok()) return s.status();
  }
  return out;
}

StatusOr<std::vector<std::string>> ClustersOfEvents(sqlite3* db,
                                                    const std::vector<std::string>& ids) {
  Stmt s(db, "SELECT cluster_id FROM cluster_members WHERE event_id = ?");
  std::vector<std::string> out(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    s.Reset();
    s.Bind(1, ids[i]);
    if (s.Step()) out[i] = s.Text(0);
    if (!s.status().ok()) return s.status();
  }
  return out;
}

Status DocumentsSharingBands(sqlite3* db, const std::vector<int64_t>& bands,
                             const std::function<bool(const DocumentSignature&)>& fn) {
  std::string arr = "[";
  for (size_t i = 0; i < bands.size(); ++i) arr += (i ? "," : "") + std::to_string(bands[i]);
  arr += "]";
  Stmt s(db,
         "SELECT s.doc_id, s.minhash FROM document_signatures s WHERE s.doc_id IN (SELECT b.doc_id "
         "FROM document_bands b "
         "WHERE b.band IN (SELECT value FROM json_each(?))) ORDER BY s.doc_id");
  s.Bind(1, arr);
  while (s.Step()) {
    DocumentSignature sig;
    sig.doc_id = s.Text(0);
    sig.minhash = FromBlob(s.Text(1));
    if (!fn(sig)) return Status::Ok();
  }
  return s.status();
}

StatusOr<std::vector<DocumentCopy>> CopiesOf(sqlite3* db, const std::vector<std::string>& doc_ids) {
  Stmt s(db,
         "SELECT doc_id, original_id, similarity FROM document_copies WHERE doc_id IN (SELECT "
         "value FROM json_each(?)) "
         "ORDER BY doc_id");
  s.Bind(1, JsonArray(doc_ids));
  std::vector<DocumentCopy> out;
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), s.Double(2)});
  if (!s.status().ok()) return s.status();
  return out;
}

Status PutClusters(sqlite3* db, const ClusterUpdate& u) {
  if (u.clear_all) {
    VIGIE_RETURN_IF_ERROR(
        Exec(db,
             "DELETE FROM clusters; DELETE FROM cluster_members; DELETE FROM cluster_flags; "
             "DELETE FROM document_copies; DELETE FROM document_signatures; "
             "DELETE FROM document_bands; DELETE FROM fusion_dirty; "
             "INSERT OR IGNORE INTO fusion_new_event_keys SELECT event_key FROM events; "
             "INSERT OR IGNORE INTO fusion_unsigned_doc_keys SELECT doc_key FROM documents"));
  }
  Stmt del_cluster(db, "DELETE FROM clusters WHERE cluster_id = ?");
  Stmt del_members(db, "DELETE FROM cluster_members WHERE cluster_id = ?");
  Stmt del_dirty(db, "DELETE FROM fusion_dirty WHERE cluster_id = ?");
  auto remove = [&](const std::string& id) {
    for (Stmt* s : {&del_cluster, &del_members, &del_dirty}) {
      s->Reset();
      s->Bind(1, id);
      VIGIE_RETURN_IF_ERROR(s->Run());
    }
    return Status::Ok();
  };
  for (const auto& id : u.remove) VIGIE_RETURN_IF_ERROR(remove(id));
  Stmt ins(db,
           "INSERT INTO clusters(cluster_id, type, subtype, date_lo, date_hi, loc_lat, loc_lon, "
           "events, documents, "
           "outlets, claimants, contradictions, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  Stmt member(
      db, "INSERT OR REPLACE INTO cluster_members(event_id, cluster_id, doc_id) VALUES (?,?,?)");
  Stmt seen(
      db,
      "DELETE FROM fusion_new_event_keys WHERE event_key = (SELECT event_key FROM events WHERE "
      "event_id = ?)");
  Stmt flag(db,
            "INSERT INTO cluster_flags(cluster_id, seq, kind, subject, detail, event_ids) VALUES "
            "(?,?,?,?,?,?)");
  for (const Cluster& c : u.put) {
    VIGIE_RETURN_IF_ERROR(remove(c.cluster_id));
    Cluster stored = c;
    stored.sources.clear();  // members live in cluster_members
    ins.Reset();
    ins.Bind(1, c.cluster_id).Bind(2, c.type).BindTextOrNull(3, c.subtype);
    if (c.date) {
      ins.BindTextOrNull(4, DateLo(c.date->start));
      ins.BindTextOrNull(5, DateHi(c.date->end.empty() ? c.date->start : c.date->end));
    } else {
      ins.BindNull(4).BindNull(5);
    }
    bool point = c.location && c.location->lat && c.location->lon &&
                 std::isfinite(*c.location->lat) && std::isfinite(*c.location->lon);
    ins.Bind(6, point ? c.location->lat : std::nullopt)
        .Bind(7, point ? c.location->lon : std::nullopt);
    ins.Bind(8, c.events).Bind(9, c.documents).Bind(10, c.outlets).Bind(11, c.claimants);
    ins.Bind(12, static_cast<int64_t>(c.contradictions.size())).Bind(13, ClusterToJson(stored));
    VIGIE_RETURN_IF_ERROR(ins.Run());
    for (const ClusterSource& s : c.sources) {
      member.Reset();
      member.Bind(1, s.event_id).Bind(2, c.cluster_id).Bind(3, s.doc_id);
      VIGIE_RETURN_IF_ERROR(member.Run());
      seen.Reset();
      seen.Bind(1, s.event_id);
      VIGIE_RETURN_IF_ERROR(seen.Run());
    }
    int64_t seq = 0;
    for (const Contradiction& x : c.contradictions) {
      flag.Reset();
      flag.Bind(1, c.cluster_id)
          .Bind(2, seq++)
          .Bind(3, x.kind)
          .BindTextOrNull(4, x.subject)
          .BindTextOrNull(5, x.detail);
      flag.Bind(6, JsonArray(x.event_ids));
      VIGIE_RETURN_IF_ERROR(flag.Run());
    }
  }
  Stmt sig(db, "INSERT OR REPLACE INTO document_signatures(doc_id, minhash) VALUES (?,?)");
  Stmt signed_doc(db,
                  "DELETE FROM fusion_unsigned_doc_keys WHERE doc_key = (SELECT doc_key FROM "
                  "documents WHERE id = ?)");
  Stmt del_bands(db, "DELETE FROM document_bands WHERE doc_id = ?");
  Stmt band(db, "INSERT OR IGNORE INTO document_bands(band, doc_id) VALUES (?,?)");
  for (const DocumentSignature& d : u.signatures) {
    sig.Reset();
    sig.Bind(1, d.doc_id).BindBlob(2, Blob(d.minhash));
    VIGIE_RETURN_IF_ERROR(sig.Run());
    signed_doc.Reset();
    signed_doc.Bind(1, d.doc_id);
    VIGIE_RETURN_IF_ERROR(signed_doc.Run());
    del_bands.Reset();
    del_bands.Bind(1, d.doc_id);
    VIGIE_RETURN_IF_ERROR(del_bands.Run());
    for (int64_t b : d.bands) {
      band.Reset();
      band.Bind(1, b).Bind(2, d.doc_id);
      VIGIE_RETURN_IF_ERROR(band.Run());
    }
  }
  Stmt copy(
      db, "INSERT OR REPLACE INTO document_copies(doc_id, original_id, similarity) VALUES (?,?,?)");
  for (const DocumentCopy& c : u.copies) {
    copy.Reset();
    copy.Bind(1, c.doc_id).Bind(2, c.original_id).Bind(3, c.similarity);
    VIGIE_RETURN_IF_ERROR(copy.Run());
  }
  return Status::Ok();
}

StatusOr<std::string> ClusterDigest(sqlite3* db) {
  uint64_t h = 0;
  auto fold = [&](const char* sql, int cols) {
    Stmt s(db, sql);
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
  VIGIE_RETURN_IF_ERROR(fold("SELECT cluster_id, json FROM clusters ORDER BY cluster_id", 2));
  VIGIE_RETURN_IF_ERROR(
      fold("SELECT event_id, cluster_id, doc_id FROM cluster_members ORDER BY event_id", 3));
  VIGIE_RETURN_IF_ERROR(
      fold("SELECT cluster_id, seq, kind, subject, detail, event_ids FROM cluster_flags "
           "ORDER BY cluster_id, seq",
           6));
  VIGIE_RETURN_IF_ERROR(fold(
      "SELECT doc_id, original_id, round(similarity, 6) FROM document_copies ORDER BY doc_id", 3));
  return core::HashHex(std::to_string(h));
}

}  // namespace vigie::store::internal

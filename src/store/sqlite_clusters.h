// The event-cluster tables of the SQLite backend (schema version 2): queries and writes
// behind the cluster methods of store::Store. Free functions on a connection; the caller
// (SqliteStore) serialises calls and owns transactions. Not thread-safe by themselves.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/store_internal.h"

namespace vigie::store::internal {

// SELECT cluster_id, json FROM clusters for the filter, in the filter's order.
SqlQuery BuildClusterQuery(const ClusterFilter& f);

Status QueryClusters(sqlite3* db, const ClusterFilter& f,
                     const std::function<bool(const Cluster&)>& fn);
StatusOr<Cluster> GetCluster(sqlite3* db, const std::string& cluster_id);
StatusOr<std::string> ClusterOfEvent(sqlite3* db, const std::string& event_id);
StatusOr<std::vector<DocumentCopy>> DocumentCopies(sqlite3* db, const std::string& doc_id);

StatusOr<FusionPending> PendingFusion(sqlite3* db);
Status GetEvents(sqlite3* db, const std::vector<std::string>& ids,
                 const std::function<bool(const EventRow&)>& fn);
StatusOr<std::vector<std::vector<std::string>>> ClusterMembers(sqlite3* db,
                                                               const std::vector<std::string>& ids);
StatusOr<std::vector<std::string>> ClustersOfEvents(sqlite3* db,
                                                    const std::vector<std::string>& ids);
Status DocumentsSharingBands(sqlite3* db, const std::vector<int64_t>& bands,
                             const std::function<bool(const DocumentSignature&)>& fn);
StatusOr<std::vector<DocumentCopy>> CopiesOf(sqlite3* db, const std::vector<std::string>& doc_ids);
// Writes inside the caller's transaction.
Status PutClusters(sqlite3* db, const ClusterUpdate& u);
StatusOr<std::string> ClusterDigest(sqlite3* db);

}  // namespace vigie::store::internal

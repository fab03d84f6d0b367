#pragma once
// The JSON API of `hearsay serve`, as functions of (store, request) -> JSON, free of HTTP
// (server.cc maps routes and status codes). Every list is paged and filtered in SQL:
// ?page=N (1-based) &per_page=M (clamped to ServeLimits::max_page_size); the answer is
// {"items": [...], "page": N, "per_page": M, "total": T}.
//
// Routes (GET unless said):
//   /api/stats                          counts of every table, the last runs
//   /api/documents?outlet=&from=&to=&q= documents by outlet and publication date (q: title)
//   /api/documents/{id}                 one document: text, mentions, quotes, attributions,
//                                       claims (offsets are bytes into text)
//   /api/search?q=                      full-text search over titles and texts (FTS5)
//   /api/entities?q=&type=              entities by name or alias (prefix match)
//   /api/entities/{id}                  one entity: relations over time with the sources
//                                       behind each, its timeline of claims, contradictions
//   /api/claims?entity=&predicate=      claims, each with its source chain
//   /api/clusters?entity=&predicate=&grade=  claim clusters with credibility and reasons
//   /api/clusters/{id}                  one cluster: its chain of reports, oldest first
//   /api/contradictions?entity=&kind=&min_confidence=
//   /api/outlets                        outlets: documents, first reports, who cites whom
//   /api/outlets/{name}                 one outlet: cites, cited by, first reports
//   /api/changes?run=                   what each analysis run changed ("new since ...")
//   POST /api/documents                 ingest (only with --allow-ingest and the token)
//
// Errors are Statuses: INVALID_ARGUMENT (bad parameter) -> 400, NOT_FOUND -> 404, ...
// Thread safety: an Api may be used from many threads at once (Db leases connections).

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "serve/db.h"
#include "serve/serve.h"
#include "serve/snapshot.h"

namespace hearsay::serve {

struct ApiRequest {
  std::map<std::string, std::string> query;  // decoded query parameters (last one wins)
  std::string id;                            // the {id} or {name} path segment, decoded
};

// page and per_page of a request, validated.
struct Paging {
  int64_t page = 1;
  int64_t per_page = 50;
  int64_t offset() const { return (page - 1) * per_page; }
};
// `default_per_page` when the request gives none.
Result<Paging> ParsePaging(const ApiRequest& r, uint32_t max_page_size, int64_t default_per_page = 50);

// {"items": items, "page", "per_page", "total"}.
Json PageOf(Json items, const Paging& p, int64_t total);

class Api {
 public:
  Api(Db& db, const ServeLimits& limits) : db_(db), limits_(limits) {}
  // Builds the first snapshot (the server calls it before listening).
  Status Warm();

  Result<Json> Stats(const ApiRequest& r);
  Result<Json> Documents(const ApiRequest& r);
  Result<Json> Document(const ApiRequest& r);
  Result<Json> Search(const ApiRequest& r);
  Result<Json> Entities(const ApiRequest& r);
  Result<Json> Entity(const ApiRequest& r);
  Result<Json> Claims(const ApiRequest& r);
  Result<Json> Clusters(const ApiRequest& r);
  Result<Json> Cluster(const ApiRequest& r);
  Result<Json> Contradictions(const ApiRequest& r);
  Result<Json> Outlets(const ApiRequest& r);
  Result<Json> Outlet(const ApiRequest& r);
  Result<Json> Changes(const ApiRequest& r);

 private:
  // FAILED_PRECONDITION naming the table when the store predates the graph tables.
  // COUNT(*) over `from_where`, then `select` + `from_where` + `order`, LIMIT and OFFSET
  // bound as the next two parameters after `params`; the page envelope of PageOf.
  Result<Json> Paged(const Paging& p, const std::string& select, const std::string& from_where, const std::string& order,
                     std::vector<SqlParam> params);
  // The snapshot of the current graph, rebuilt when graph_meta's graph_run_id changed
  // (looked at no more than once a second).
  Result<std::shared_ptr<const Snapshot>> Current();
  // The heaviest single-record answers (an entity's page, a cluster's chain) are kept per
  // graph: key "entity:ID" / "cluster:ID"; emptied when the graph changes or 512 are held.
  std::optional<Json> Cached(const std::string& key, const std::string& graph_key);
  void Keep(const std::string& key, const std::string& graph_key, const Json& value);
  // `make`'s answer for `key`, from the cache when this graph has it.
  Result<Json> Memo(const std::string& key, Result<Json> (Api::*make)(const ApiRequest&), const ApiRequest& r);
  Result<Json> EntityUncached(const ApiRequest& r);
  Result<Json> ClusterUncached(const ApiRequest& r);
  Db& db_;
  ServeLimits limits_;
  std::mutex snapshot_mu_;
  int64_t checked_ms_ = 0;
  std::shared_ptr<const Snapshot> snapshot_;
  std::mutex cache_mu_;
  std::string cache_graph_;
  std::map<std::string, Json> cache_;
};

// A query parameter, or "" when absent.
std::string Param(const ApiRequest& r, const std::string& key);
// A non-negative whole-number parameter, `fallback` when absent; INVALID_ARGUMENT otherwise.
Result<int64_t> IntParam(const ApiRequest& r, const std::string& key, int64_t fallback);

}  // namespace hearsay::serve

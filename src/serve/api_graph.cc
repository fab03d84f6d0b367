// Api: entities, one entity's page, claims, clusters and their chains, contradictions.
#include <map>

#include "serve/api.h"
#include "serve/sql_text.h"

namespace hearsay::serve {
namespace {

// A claim with everything its chain of sources shows: who said it (source), in which
// article (doc_*), via which outlet (source_via_outlet, outlet), and its cluster's grade.
constexpr const char* kClaimSelect =
    "SELECT c.claim_id AS id, c.doc_seq, d.title AS doc_title, COALESCE(r.outlet, d.outlet) AS outlet, d.published,"
    " d.url, r.credibility AS doc_credibility, c.subject, s.name AS subject_name, c.subject_inferred, c.predicate,"
    " c.object_entity, o.name AS object_name, c.object_text, c.value, c.polarity, c.modality, c.time_from, c.time_to,"
    " c.source_kind, c.source_entity, se.name AS source_name, c.source_text, c.source_via_outlet,"
    " c.evidence_start, c.evidence_end, c.evidence_text, c.cluster_id, k.grade, k.score, k.independent_sources";
// A claim as one link of a relation's sources: who said it, where, when, in what words.
constexpr const char* kSourceSelect =
    "SELECT c.claim_id AS id, c.doc_seq, d.title AS doc_title, COALESCE(r.outlet, d.outlet) AS outlet, d.published, d.url,"
    " c.polarity, c.modality, c.time_from, c.time_to, c.source_kind, c.source_entity, se.name AS source_name, c.source_text,"
    " c.source_via_outlet, c.evidence_text, c.cluster_id";
constexpr const char* kSourceFrom =
    "FROM claims c JOIN documents d ON d.seq = c.doc_seq LEFT JOIN document_results r ON r.doc_seq = c.doc_seq"
    " LEFT JOIN entities se ON se.entity_id = c.source_entity";
constexpr const char* kClaimFrom =
    "FROM claims c JOIN documents d ON d.seq = c.doc_seq LEFT JOIN document_results r ON r.doc_seq = c.doc_seq"
    " LEFT JOIN entities s ON s.entity_id = c.subject LEFT JOIN entities o ON o.entity_id = c.object_entity"
    " LEFT JOIN entities se ON se.entity_id = c.source_entity LEFT JOIN clusters k ON k.cluster_id = c.cluster_id";

constexpr const char* kClusterSelect =
    "SELECT k.cluster_id AS id, k.subject, s.name AS subject_name, k.predicate, k.object, o.name AS object_name,"
    " o.type AS object_type, k.value, k.first_doc_seq, k.first_date, fd.title AS first_title,"
    " COALESCE(fr.outlet, fd.outlet) AS first_outlet, k.independent_sources, k.score, k.grade, k.points,"
    " k.claim_count, k.document_count";
constexpr const char* kClusterJoins =
    " LEFT JOIN entities s ON s.entity_id = k.subject LEFT JOIN entities o ON o.entity_id = k.object"
    " LEFT JOIN documents fd ON fd.seq = k.first_doc_seq LEFT JOIN document_results fr ON fr.doc_seq = k.first_doc_seq";
const std::string kClusterFrom = std::string("FROM clusters k") + kClusterJoins;

// The clusters an inner query picks (`SELECT * FROM clusters ... LIMIT ...`), with their
// names and first report. The page is cut first, so the joins and the per-cluster time
// range are computed for its rows only.
Result<Json> ClusterPage(Db& db, const std::string& inner, const std::vector<SqlParam>& params) {
  return db.Rows(std::string(kClusterSelect) + " FROM (" + inner + ") k" + kClusterJoins + " ORDER BY k.document_count DESC, k.ord",
                 params);
}

void CleanUrls(Json& rows) {
  for (Json& row : rows)
    if (row.contains("url")) row["url"] = SafeUrl(row["url"]);
}

// Adds "reasons": [...] to every row from credibility_reasons of its `key` cluster.
Status AttachReasons(Db& db, Json& rows, const std::string& key) {
  Json ids = Json::array();
  for (const Json& row : rows)
    if (row[key].is_string()) ids.push_back(row[key]);
  auto reasons = db.Rows(
      "SELECT cluster_id, reason FROM credibility_reasons WHERE cluster_id IN (SELECT value FROM json_each(?1))"
      " ORDER BY cluster_id, idx",
      {ids.dump()});
  if (!reasons.ok()) return reasons.status();
  std::map<std::string, Json> by_cluster;
  for (Json& x : *reasons) {
    Json& list = by_cluster[x["cluster_id"].get<std::string>()];
    if (list.is_null()) list = Json::array();
    list.push_back(std::move(x["reason"]));
  }
  for (Json& row : rows) {
    auto it = row[key].is_string() ? by_cluster.find(row[key].get<std::string>()) : by_cluster.end();
    row["reasons"] = it == by_cluster.end() ? Json::array() : it->second;
  }
  return Status();
}

// One side of a contradiction: the claim or the cluster it names.
Result<Json> ContradictionSide(Db& db, const std::string& id, const std::string& refs) {
  if (refs == "claim") {
    auto row = db.Row(std::string(kClaimSelect) + " " + kClaimFrom + " WHERE c.claim_id = ?1", {id});
    if (!row.ok() || row->is_null()) return row;
    (*row)["url"] = SafeUrl((*row)["url"]);
    (*row)["ref"] = "claim";
    return row;
  }
  auto row = db.Row(std::string(kClusterSelect) + " " + kClusterFrom + " WHERE k.cluster_id = ?1", {id});
  if (!row.ok() || row->is_null()) return row;
  (*row)["ref"] = "cluster";
  return row;
}

}  // namespace

Result<Json> Api::Entities(const ApiRequest& r) {
  auto paging = ParsePaging(r, limits_.max_page_size);
  if (!paging.ok()) return paging.status();
  std::string q = Param(r, "q"), type = Param(r, "type");
  std::string match = Fts5Query(q, /*prefix=*/true);
  if (match.empty() && !q.empty()) return InvalidArgumentError("q: give at least one letter or digit of a name");
  SqlFilter f;
  std::string from = "FROM entities e";
  if (!match.empty()) {
    from = "FROM entities_fts f JOIN entities e ON e.ord = f.rowid";
    f.Add("entities_fts MATCH $", match);
  }
  f.Add("e.type = $", type);
  // A name typed in full comes first, however rarely it is reported.
  std::string order = "e.document_count DESC, e.ord";
  if (!q.empty()) {
    f.params.push_back(q);
    order = "e.name = ?" + std::to_string(f.params.size()) + " COLLATE NOCASE DESC, " + order;
  }
  return Paged(*paging,
               "SELECT e.entity_id AS id, e.name, e.type, e.mention_count, e.document_count, e.birth_earliest, e.birth_latest,"
               " (SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.entity_id) AS aliases_json",
               from + f.Where(), order, f.params);
}

Result<Json> Api::EntityUncached(const ApiRequest& r) {
  auto e = db_.Row(
      "SELECT entity_id AS id, name, type, merge_confidence, birth_earliest, birth_latest, birth_basis AS birth_basis_json,"
      " mention_count, document_count FROM entities WHERE entity_id = ?1",
      {r.id});
  if (!e.ok()) return e.status();
  if (e->is_null()) return NotFoundError("no entity " + r.id);
  Json out = std::move(*e);
  auto aliases = db_.Rows("SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY idx", {r.id});
  if (!aliases.ok()) return aliases.status();
  out["aliases"] = Json::array();
  for (const Json& a : *aliases) out["aliases"].push_back(a["alias"]);
  // Relations: the clusters with this entity as subject or object, strongest evidence
  // first; each with the claims (sources) behind it, oldest report first.
  constexpr int64_t kMaxRelations = 60, kMaxSourcesPerRelation = 3;
  auto relations = ClusterPage(
      db_, "SELECT * FROM clusters WHERE subject = ?1 OR object = ?1 ORDER BY document_count DESC, ord LIMIT ?2",
      {r.id, kMaxRelations});
  if (!relations.ok()) return relations.status();
  HEARSAY_RETURN_IF_ERROR(AttachReasons(db_, *relations, "id"));
  Json ids = Json::array();
  for (const Json& k : *relations) ids.push_back(k["id"]);
  // The oldest reports of each relation (the rest are on its chain page).
  // The first members of each relation's cluster (the rest are on its chain page): a range
  // of cluster_claims' primary key per cluster.
  auto sources = db_.Rows(std::string(kSourceSelect) + " " + kSourceFrom +
                              " WHERE c.claim_id IN (SELECT claim_id FROM cluster_claims"
                              " WHERE cluster_id IN (SELECT value FROM json_each(?1)) AND idx < ?2)",
                          {ids.dump(), kMaxSourcesPerRelation});
  if (!sources.ok()) return sources.status();
  std::map<std::string, Json> by_cluster;
  for (Json& c : *sources) {
    Json& list = by_cluster[c["cluster_id"].get<std::string>()];
    if (list.is_null()) list = Json::array();
    c["url"] = SafeUrl(c["url"]);
    list.push_back(std::move(c));
  }
  for (Json& k : *relations) {
    // The time a relation is about, as far as its shown sources say.
    Json from, to;
    for (const Json& c : by_cluster[k["id"].get<std::string>()]) {
      if (c["time_from"].is_string() && (from.is_null() || c["time_from"] < from)) from = c["time_from"];
      if (c["time_to"].is_string() && (to.is_null() || c["time_to"] > to)) to = c["time_to"];
    }
    k["time_from"] = from;
    k["time_to"] = to;
  }
  for (auto& [id, list] : by_cluster)
    std::sort(list.begin(), list.end(), [](const Json& a, const Json& b) {
      return a["published"].is_null() != b["published"].is_null() ? b["published"].is_null()
             : a["published"] != b["published"] ? a["published"] < b["published"] : a["doc_seq"] < b["doc_seq"];
    });
  for (Json& k : *relations) {
    auto it = by_cluster.find(k["id"].get<std::string>());
    k["sources"] = it == by_cluster.end() ? Json::array() : std::move(it->second);
  }
  auto total = db_.Int("SELECT COUNT(*) FROM clusters WHERE subject = ?1 OR object = ?1", {r.id});
  if (!total.ok()) return total.status();
  out["relations"] = std::move(*relations);
  out["relations_total"] = *total;
  auto snap = Current();
  if (!snap.ok()) return snap.status();
  int64_t contradictions = 0;
  for (const Json& x : (*snap)->contradictions) contradictions += x["subject"] == r.id ? 1 : 0;
  out["contradictions_total"] = contradictions;
  auto it = (*snap)->timeline.find(r.id);
  out["claims_total"] = it == (*snap)->timeline.end() ? 0 : it->second.size();
  return out;
}

Result<Json> Api::Claims(const ApiRequest& r) {
  auto paging = ParsePaging(r, limits_.max_page_size);
  if (!paging.ok()) return paging.status();
  const std::string entity = Param(r, "entity"), predicate = Param(r, "predicate"), source_kind = Param(r, "source_kind"),
                    cluster = Param(r, "cluster");
  Result<Json> page = Json();
  if (!entity.empty() && predicate.empty() && source_kind.empty() && cluster.empty()) {
    // An entity's timeline: its claims in the snapshot's order, the page's rows by id.
    auto snap = Current();
    if (!snap.ok()) return snap.status();
    auto it = (*snap)->timeline.find(entity);
    const std::vector<std::string> none;
    const std::vector<std::string>& ids = it == (*snap)->timeline.end() ? none : it->second;
    Json wanted = Json::array();
    for (int64_t i = paging->offset(); i < static_cast<int64_t>(ids.size()) && static_cast<int64_t>(wanted.size()) < paging->per_page; ++i)
      wanted.push_back(ids[static_cast<size_t>(i)]);
    auto rows = db_.Rows(std::string(kClaimSelect) + " " + kClaimFrom + " WHERE c.claim_id IN (SELECT value FROM json_each(?1))",
                         {wanted.dump()});
    if (!rows.ok()) return rows.status();
    std::map<std::string, Json> by_id;
    for (Json& row : *rows) {
      std::string id = row["id"];  // read before the move below
      by_id[id] = std::move(row);
    }
    Json items = Json::array();
    for (const Json& id : wanted) items.push_back(std::move(by_id[id.get<std::string>()]));
    page = PageOf(std::move(items), *paging, static_cast<int64_t>(ids.size()));
  } else {
    // Timeline order: the time the claim is about, else the article's date.
    SqlFilter f;
    f.Add("(c.subject = $ OR c.object_entity = $)", entity);
    f.Add("c.predicate = $", predicate);
    f.Add("c.source_kind = $", source_kind);
    f.Add("c.cluster_id = $", cluster);
    page = Paged(*paging, kClaimSelect, std::string(kClaimFrom) + f.Where(),
                 "COALESCE(c.time_from, d.published) IS NULL, COALESCE(c.time_from, d.published), c.doc_seq, c.idx", f.params);
  }
  if (!page.ok()) return page;
  CleanUrls((*page)["items"]);
  HEARSAY_RETURN_IF_ERROR(AttachReasons(db_, (*page)["items"], "cluster_id"));
  return page;
}

Result<Json> Api::Clusters(const ApiRequest& r) {
  auto paging = ParsePaging(r, limits_.max_page_size);
  if (!paging.ok()) return paging.status();
  SqlFilter f;
  f.Add("(subject = $ OR object = $)", Param(r, "entity"));
  f.Add("predicate = $", Param(r, "predicate"));
  f.Add("grade = $", Param(r, "grade"));
  auto total = db_.Int("SELECT COUNT(*) FROM clusters" + f.Where(), f.params);
  if (!total.ok()) return total.status();
  std::vector<SqlParam> params = f.params;
  const std::string limit = " LIMIT ?" + std::to_string(params.size() + 1) + " OFFSET ?" + std::to_string(params.size() + 2);
  params.push_back(paging->per_page);
  params.push_back(paging->offset());
  auto rows = ClusterPage(db_, "SELECT * FROM clusters" + f.Where() + " ORDER BY document_count DESC, ord" + limit, params);
  if (!rows.ok()) return rows.status();
  HEARSAY_RETURN_IF_ERROR(AttachReasons(db_, *rows, "id"));
  return PageOf(std::move(*rows), *paging, *total);
}

Result<Json> Api::ClusterUncached(const ApiRequest& r) {
  auto k = db_.Row(std::string(kClusterSelect) + " " + kClusterFrom + " WHERE k.cluster_id = ?1", {r.id});
  if (!k.ok()) return k.status();
  if (k->is_null()) return NotFoundError("no cluster " + r.id);
  Json one = Json::array({std::move(*k)});
  HEARSAY_RETURN_IF_ERROR(AttachReasons(db_, one, "id"));
  Json out = std::move(one[0]);
  // The chain: the cluster's documents in report order, each an origin or a re-report of
  // an earlier one.
  auto chain = db_.Rows(
      "SELECT cd.idx, cd.doc_seq, d.title, COALESCE(r.outlet, d.outlet) AS outlet, d.published, d.url,"
      " cd.rereport_of_seq, pd.title AS rereport_of_title, COALESCE(pr.outlet, pd.outlet) AS rereport_of_outlet"
      " FROM cluster_documents cd JOIN documents d ON d.seq = cd.doc_seq LEFT JOIN document_results r ON r.doc_seq = cd.doc_seq"
      " LEFT JOIN documents pd ON pd.seq = cd.rereport_of_seq LEFT JOIN document_results pr ON pr.doc_seq = cd.rereport_of_seq"
      " WHERE cd.cluster_id = ?1 ORDER BY cd.idx LIMIT 60",
      {r.id});
  if (!chain.ok()) return chain.status();
  CleanUrls(*chain);
  auto claims = db_.Rows(std::string(kSourceSelect) + " " + kSourceFrom +
                             " WHERE c.claim_id IN (SELECT claim_id FROM cluster_claims WHERE cluster_id = ?1 AND idx < 60)"
                             " ORDER BY c.doc_seq, c.idx",
                         {r.id});
  if (!claims.ok()) return claims.status();
  CleanUrls(*claims);
  auto snap = Current();
  if (!snap.ok()) return snap.status();
  Json contra = Json::array();
  for (const Json& x : (*snap)->contradictions) {
    bool mine = false;
    for (const char* side : {"a_detail", "b_detail"}) {
      const Json& d = x[side];
      mine = mine || (d.is_object() && (d.value("id", Json()) == r.id || d.value("cluster_id", Json()) == r.id));
    }
    if (mine) contra.push_back(Json{{"id", x["id"]}, {"a", x["a"]}, {"b", x["b"]}, {"refs", x["refs"]}, {"kind", x["kind"]},
                                    {"explanation", x["explanation"]}, {"confidence", x["confidence"]}});
  }
  out["chain"] = std::move(*chain);
  out["claims"] = std::move(*claims);
  out["contradictions"] = std::move(contra);
  return out;
}

std::optional<Json> Api::Cached(const std::string& key, const std::string& graph_key) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (graph_key != cache_graph_) return std::nullopt;
  auto it = cache_.find(key);
  return it == cache_.end() ? std::nullopt : std::optional<Json>(it->second);
}

void Api::Keep(const std::string& key, const std::string& graph_key, const Json& value) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (graph_key != cache_graph_ || cache_.size() >= 512) {
    cache_.clear();
    cache_graph_ = graph_key;
  }
  cache_[key] = value;
}

Result<Json> Api::Memo(const std::string& key, Result<Json> (Api::*make)(const ApiRequest&), const ApiRequest& r) {
  auto snap = Current();
  if (!snap.ok()) return snap.status();
  if (auto hit = Cached(key, (*snap)->graph_key)) return std::move(*hit);
  auto out = (this->*make)(r);
  if (out.ok()) Keep(key, (*snap)->graph_key, *out);
  return out;
}

Result<Json> Api::Entity(const ApiRequest& r) { return Memo("entity:" + r.id, &Api::EntityUncached, r); }
Result<Json> Api::Cluster(const ApiRequest& r) { return Memo("cluster:" + r.id, &Api::ClusterUncached, r); }

Result<Json> BuildContradictions(Db& db) {
  auto rows = db.Rows(
      "SELECT x.contradiction_id AS id, x.a, x.b, x.refs, x.kind, x.explanation, x.confidence, x.subject,"
      " e.name AS subject_name FROM contradictions x LEFT JOIN entities e ON e.entity_id = x.subject"
      " ORDER BY x.confidence DESC, x.contradiction_id");
  if (!rows.ok()) return rows.status();
  for (Json& x : *rows) {
    for (const char* side : {"a", "b"}) {
      auto s = ContradictionSide(db, x[side].get<std::string>(), x["refs"].get<std::string>());
      if (!s.ok()) return s.status();
      x[std::string(side) + "_detail"] = std::move(*s);
    }
  }
  return std::move(*rows);
}

Result<Json> Api::Contradictions(const ApiRequest& r) {
  auto paging = ParsePaging(r, limits_.max_page_size);
  if (!paging.ok()) return paging.status();
  double min_confidence = 0;
  if (std::string v = Param(r, "min_confidence"); !v.empty()) {
    char* end = nullptr;
    min_confidence = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || *end != '\0' || !(min_confidence >= 0 && min_confidence <= 1))
      return InvalidArgumentError("min_confidence=" + v + ": expected a number from 0 to 1");
  }
  auto snap = Current();
  if (!snap.ok()) return snap.status();
  const std::string entity = Param(r, "entity"), kind = Param(r, "kind");
  Json items = Json::array();
  int64_t total = 0;
  for (const Json& x : (*snap)->contradictions) {
    if (!entity.empty() && x["subject"] != entity) continue;
    if (!kind.empty() && x["kind"] != kind) continue;
    if (x["confidence"].get<double>() < min_confidence) continue;
    if (++total > paging->offset() && static_cast<int64_t>(items.size()) < paging->per_page) items.push_back(x);
  }
  return PageOf(std::move(items), *paging, total);
}

}  // namespace hearsay::serve

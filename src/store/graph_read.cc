// Store::LoadAnalyses and Store::LoadGraph: the graph tables read back into records.
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/analysis_codec.h"
#include "store/stmt.h"
#include "store/store.h"

namespace hearsay::store {
namespace {

std::optional<EntityType> EntityTypeOf(const std::string& name) {
  for (int t = 0; t <= static_cast<int>(EntityType::kHandle); ++t)
    if (name == EntityTypeName(static_cast<EntityType>(t))) return static_cast<EntityType>(t);
  return std::nullopt;
}

std::vector<std::string> StringsOf(const std::string& json) {
  std::vector<std::string> out;
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_array())
    for (const auto& s : j)
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

std::optional<DateWindow> WindowOf(Stmt& s, int first) {
  if (s.ColNull(first)) return std::nullopt;
  return DateWindow{s.ColText(first), s.ColText(first + 1), StringsOf(s.ColText(first + 2))};
}

// Reads the corpus tables into `g.corpus`; `g.docs` and `g.analyses` are loaded.
class GraphReader {
 public:
  GraphReader(sqlite3* db, Graph& g) : db_(db), g_(g) {
    for (size_t d = 0; d < g.docs.size(); ++d) doc_of_seq_[static_cast<int64_t>(g.docs[d].ingest_seq)] = static_cast<uint32_t>(d);
  }
  Status Documents();
  Status Entities();
  Status Claims();
  Status Clusters();
  Status Edges();

 private:
  Status Error(const std::string& what) { return DataLossError("cannot read " + what + ": " + sqlite3_errmsg(db_)); }
  Result<uint32_t> Doc(int64_t seq) {
    auto it = doc_of_seq_.find(seq);
    if (it == doc_of_seq_.end()) return DataLossError("graph row names document seq " + std::to_string(seq) + ", not in the graph");
    return it->second;
  }
  // Runs `sql`, calling row(stmt) for each row; stops at the first failure.
  template <typename Fn>
  Status Rows(const char* sql, const std::string& what, Fn row) {
    Stmt s(db_, sql);
    if (!s.ok()) return Error(what);
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) HEARSAY_RETURN_IF_ERROR(row(s));
    return rc == SQLITE_DONE ? Status::Ok() : Error(what);
  }

  sqlite3* db_;
  Graph& g_;
  std::unordered_map<int64_t, uint32_t> doc_of_seq_;
  std::unordered_map<std::string, int32_t> entity_index_;
  std::unordered_map<std::string, ClaimRef> claim_of_id_;
};

Status GraphReader::Documents() {
  g_.corpus.estimated_published.assign(g_.docs.size(), std::nullopt);
  return Rows("SELECT doc_seq, est_earliest, est_latest, est_basis FROM document_results", "document results", [&](Stmt& s) {
    auto d = Doc(s.ColInt(0));
    if (!d.ok()) return d.status();
    g_.corpus.estimated_published[*d] = WindowOf(s, 1);
    return Status::Ok();
  });
}

Status GraphReader::Entities() {
  auto& entities = g_.corpus.entities;
  HEARSAY_RETURN_IF_ERROR(Rows(
      "SELECT entity_id, name, type, merge_confidence, birth_earliest, birth_latest, birth_basis, mention_count"
      " FROM entities ORDER BY ord", "entities", [&](Stmt& s) {
        Entity e;
        e.id = s.ColText(0);
        e.name = s.ColText(1);
        auto type = EntityTypeOf(s.ColText(2));
        if (!type) return DataLossError("entity " + e.id + " has an unknown type " + s.ColText(2));
        e.type = *type;
        e.merge_confidence = s.ColReal(3);
        e.birth_window = WindowOf(s, 4);
        e.mentions.resize(static_cast<size_t>(s.ColInt(7)));
        entity_index_[e.id] = static_cast<int32_t>(entities.size());
        entities.push_back(std::move(e));
        return Status::Ok();
      }));
  HEARSAY_RETURN_IF_ERROR(Rows("SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, idx", "aliases", [&](Stmt& s) {
    auto it = entity_index_.find(s.ColText(0));
    if (it != entity_index_.end()) entities[it->second].aliases.push_back(s.ColText(1));
    return Status::Ok();
  }));
  auto& l2g = g_.corpus.local_to_global;
  l2g.assign(g_.docs.size(), {});
  for (size_t d = 0; d < g_.docs.size(); ++d) l2g[d].assign(g_.analyses[d].local_entities.size(), -1);
  HEARSAY_RETURN_IF_ERROR(Rows("SELECT doc_seq, idx, entity_id FROM local_entities WHERE entity_id IS NOT NULL", "local entities",
                               [&](Stmt& s) {
                                 auto d = Doc(s.ColInt(0));
                                 auto it = entity_index_.find(s.ColText(2));
                                 size_t i = static_cast<size_t>(s.ColInt(1));
                                 if (!d.ok() || it == entity_index_.end() || i >= l2g[*d].size())
                                   return DataLossError("a local entity row names no entity or document of the graph");
                                 l2g[*d][i] = it->second;
                                 return Status::Ok();
                               }));
  return Rows("SELECT doc_seq, idx, entity_id, entity_ord FROM mentions WHERE entity_ord IS NOT NULL", "mentions", [&](Stmt& s) {
    auto d = Doc(s.ColInt(0));
    auto it = entity_index_.find(s.ColText(2));
    size_t ord = static_cast<size_t>(s.ColInt(3));
    if (!d.ok() || it == entity_index_.end() || ord >= entities[it->second].mentions.size())
      return DataLossError("a mention row names no entity or document of the graph");
    entities[it->second].mentions[ord] = MentionRef{*d, static_cast<uint32_t>(s.ColInt(1))};
    return Status::Ok();
  });
}

Status GraphReader::Claims() {
  auto& cc = g_.corpus.claim_cluster;
  cc.assign(g_.docs.size(), {});
  for (size_t d = 0; d < g_.docs.size(); ++d) cc[d].assign(g_.analyses[d].claims.size(), -1);
  std::unordered_map<std::string, int32_t> cluster_index;
  HEARSAY_RETURN_IF_ERROR(Rows("SELECT cluster_id FROM clusters ORDER BY ord", "clusters", [&](Stmt& s) {
    int32_t position = static_cast<int32_t>(cluster_index.size());
    cluster_index[s.ColText(0)] = position;
    return Status::Ok();
  }));
  return Rows("SELECT claim_id, doc_seq, idx, cluster_id FROM claims", "claims", [&](Stmt& s) {
    auto d = Doc(s.ColInt(1));
    size_t c = static_cast<size_t>(s.ColInt(2));
    if (!d.ok() || c >= cc[*d].size()) return DataLossError("claim " + s.ColText(0) + " names no claim of the graph");
    claim_of_id_[s.ColText(0)] = ClaimRef{*d, static_cast<uint32_t>(c)};
    if (!s.ColNull(3)) {
      auto it = cluster_index.find(s.ColText(3));
      if (it == cluster_index.end()) return DataLossError("claim " + s.ColText(0) + " names an unknown cluster");
      cc[*d][c] = it->second;
    }
    return Status::Ok();
  });
}

Status GraphReader::Clusters() {
  auto& clusters = g_.corpus.clusters;
  std::unordered_map<std::string, size_t> index;
  HEARSAY_RETURN_IF_ERROR(Rows(
      "SELECT cluster_id, subject, predicate, object, value, first_doc_seq, first_date, independent_sources, score, grade,"
      " points FROM clusters ORDER BY ord", "clusters", [&](Stmt& s) {
        ClaimCluster k;
        k.id = s.ColText(0);
        k.subject = s.ColText(1);
        std::optional<Predicate> predicate = ParsePredicate(s.ColText(2));
        if (!predicate)
          return Status(StatusCode::kDataLoss, "cluster " + k.id + ": unknown predicate '" + s.ColText(2) + "'");
        k.predicate = *predicate;
        k.object = s.ColOptText(3);
        k.value = s.ColOptText(4);
        auto d = Doc(s.ColInt(5));
        if (!d.ok()) return d.status();
        k.first_doc = *d;
        k.first_date = s.ColOptText(6);
        k.independent_sources = static_cast<uint32_t>(s.ColInt(7));
        k.credibility = s.ColReal(8);
        k.grade = s.ColText(9);
        k.evidence_points = s.ColReal(10);
        index[k.id] = clusters.size();
        clusters.push_back(std::move(k));
        return Status::Ok();
      }));
  auto cluster = [&](Stmt& s) -> ClaimCluster* {
    auto it = index.find(s.ColText(0));
    return it == index.end() ? nullptr : &clusters[it->second];
  };
  HEARSAY_RETURN_IF_ERROR(Rows("SELECT cluster_id, claim_id FROM cluster_claims ORDER BY cluster_id, idx", "cluster claims", [&](Stmt& s) {
    ClaimCluster* k = cluster(s);
    auto it = claim_of_id_.find(s.ColText(1));
    if (!k || it == claim_of_id_.end()) return DataLossError("a cluster claim row names no cluster or claim of the graph");
    k->claims.push_back(it->second);
    return Status::Ok();
  }));
  HEARSAY_RETURN_IF_ERROR(Rows("SELECT cluster_id, doc_seq, rereport_of_seq FROM cluster_documents ORDER BY cluster_id, idx",
                               "cluster documents", [&](Stmt& s) {
                                 ClaimCluster* k = cluster(s);
                                 auto d = Doc(s.ColInt(1));
                                 if (!k || !d.ok()) return DataLossError("a cluster document row names no cluster or document");
                                 k->documents.push_back(*d);
                                 int32_t of = -1;
                                 if (!s.ColNull(2)) {
                                   auto o = Doc(s.ColInt(2));
                                   if (!o.ok()) return o.status();
                                   of = static_cast<int32_t>(*o);
                                 }
                                 k->rereport_of.push_back(of);
                                 return Status::Ok();
                               }));
  HEARSAY_RETURN_IF_ERROR(Rows("SELECT cluster_id, outlet FROM cluster_outlets ORDER BY cluster_id, idx", "cluster outlets", [&](Stmt& s) {
    if (ClaimCluster* k = cluster(s)) k->outlets.push_back(s.ColText(1));
    return Status::Ok();
  }));
  return Rows("SELECT cluster_id, reason FROM credibility_reasons WHERE cluster_id IS NOT NULL ORDER BY cluster_id, idx",
              "cluster reasons", [&](Stmt& s) {
                if (ClaimCluster* k = cluster(s)) k->reasons.push_back(s.ColText(1));
                return Status::Ok();
              });
}

Status GraphReader::Edges() {
  HEARSAY_RETURN_IF_ERROR(Rows("SELECT a, b, kind, explanation, confidence FROM contradictions ORDER BY contradiction_id",
                               "contradictions", [&](Stmt& s) {
                                 Contradiction c{s.ColText(0), s.ColText(1), ContradictionKind::kPolarity, s.ColText(3),
                                                 s.ColReal(4)};
                                 if (!ContradictionKindFromName(s.ColText(2), &c.kind))
                                   return DataLossError("contradiction of unknown kind '" + s.ColText(2) + "'");
                                 g_.corpus.contradictions.push_back(std::move(c));
                                 return Status::Ok();
                               }));
  HEARSAY_RETURN_IF_ERROR(Rows("SELECT doc_seq, outlet, kind, evidence, target_seq FROM provenance ORDER BY edge_id", "provenance",
                               [&](Stmt& s) {
                                 auto d = Doc(s.ColInt(0));
                                 if (!d.ok()) return d.status();
                                 int32_t target = -1;
                                 if (!s.ColNull(4)) {
                                   auto t = Doc(s.ColInt(4));
                                   if (!t.ok()) return t.status();
                                   target = static_cast<int32_t>(*t);
                                 }
                                 ProvenanceKind kind;
                                 if (!ProvenanceKindFromName(s.ColText(2), &kind))
                                   return DataLossError("provenance: unknown kind \"" + s.ColText(2) + "\"");
                                 g_.corpus.provenance.push_back(ProvenanceEdge{*d, s.ColText(1), kind, s.ColText(3), target});
                                 return Status::Ok();
                               }));
  return Rows("SELECT a_seq, b_seq, similarity FROM duplicates ORDER BY pair_id", "duplicates", [&](Stmt& s) {
    auto a = Doc(s.ColInt(0));
    auto b = Doc(s.ColInt(1));
    if (!a.ok() || !b.ok()) return DataLossError("a duplicate pair names a document outside the graph");
    g_.corpus.duplicates.push_back(DuplicatePair{*a, *b, s.ColReal(2)});
    return Status::Ok();
  });
}

}  // namespace

Result<std::vector<std::optional<DocumentAnalysis>>> Store::LoadAnalyses(const std::vector<Document>& docs,
                                                                         const std::string& pipeline) {
  std::vector<std::optional<DocumentAnalysis>> out(docs.size());
  Stmt s(db_, "SELECT body FROM analyses WHERE content_hash = ? AND pipeline = ?");
  if (!s.ok()) return UnavailableError(path_ + ": cannot read analyses: " + sqlite3_errmsg(db_));
  for (size_t d = 0; d < docs.size(); ++d) {
    s.Text(1, docs[d].content_hash);
    s.Text(2, pipeline);
    int rc = s.Step();
    if (rc == SQLITE_ROW) {
      Result<DocumentAnalysis> a = DecodeAnalysis(s.ColBlob(0));
      if (!a.ok()) return a.status().WithContext(path_ + ": document " + docs[d].id + " (" + docs[d].path + ")");
      out[d] = std::move(a).value();
    } else if (rc != SQLITE_DONE) {
      return UnavailableError(path_ + ": cannot read analyses: " + sqlite3_errmsg(db_));
    }
    s.Reset();
  }
  return out;
}

Result<Graph> Store::LoadGraph() {
  Graph g;
  std::unordered_map<std::string, std::string> meta;
  {
    Stmt s(db_, "SELECT key, value FROM graph_meta");
    while (s.ok() && s.Step() == SQLITE_ROW) meta[s.ColText(0)] = s.ColText(1);
  }
  if (!meta.count("pipeline")) return NotFoundError(path_ + ": no analysis stored yet (run hearsay analyze ... --db " + path_ + ")");
  g.pipeline = meta["pipeline"];
  g.calibration = meta["calibration"];
  g.run_id = std::atoll(meta["graph_run_id"].c_str());
  auto all = LoadDocuments();
  if (!all.ok()) return all.status();
  std::unordered_map<int64_t, size_t> by_seq;
  for (size_t i = 0; i < all->size(); ++i) by_seq[static_cast<int64_t>((*all)[i].ingest_seq)] = i;
  {
    Stmt s(db_, "SELECT doc_seq, doc_id FROM document_results ORDER BY ord");
    while (s.ok() && s.Step() == SQLITE_ROW) {
      auto it = by_seq.find(s.ColInt(0));
      if (it == by_seq.end()) return DataLossError(path_ + ": the graph names document seq " + std::to_string(s.ColInt(0)) + ", not stored");
      g.docs.push_back((*all)[it->second]);
      g.docs.back().id = s.ColText(1);
    }
  }
  auto analyses = LoadAnalyses(g.docs, g.pipeline);
  if (!analyses.ok()) return analyses.status();
  for (size_t d = 0; d < g.docs.size(); ++d) {
    if (!(*analyses)[d]) return DataLossError(path_ + ": the analysis of document " + g.docs[d].id + " is missing from the store");
    g.analyses.push_back(std::move(*(*analyses)[d]));
  }
  GraphReader r(db_, g);
  for (auto step : {&GraphReader::Documents, &GraphReader::Entities, &GraphReader::Claims, &GraphReader::Clusters, &GraphReader::Edges})
    if (Status s = (r.*step)(); !s.ok()) return s.WithContext(path_);
  return g;
}

}  // namespace hearsay::store

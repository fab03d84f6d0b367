#include "store/graph_keys.h"

#include <algorithm>

#include "store/stmt.h"

namespace hearsay::store {

GraphIds::GraphIds(const Graph& g) : g_(g) {
  claim_base_.assign(g.docs.size() + 1, 0);
  quote_base_.assign(g.docs.size() + 1, 0);
  attribution_base_.assign(g.docs.size() + 1, 0);
  for (size_t d = 0; d < g.docs.size(); ++d) {
    attribution_base_[d + 1] = attribution_base_[d] + g.analyses[d].attributions.size();
    claim_base_[d + 1] = claim_base_[d] + g.analyses[d].claims.size();
    quote_base_[d + 1] = quote_base_[d] + g.analyses[d].quotes.size();
  }
  mention_base_.assign(g.docs.size() + 1, 0);
  for (size_t d = 0; d < g.docs.size(); ++d) mention_base_[d + 1] = mention_base_[d] + g.analyses[d].mentions.size();
  mention_ord_.assign(mention_base_.back(), -1);
  for (const hearsay::Entity& e : g.corpus.entities) {
    entity_name_[e.id] = &e.name;
    for (size_t i = 0; i < e.mentions.size(); ++i) {
      const MentionRef& r = e.mentions[i];
      if (r.doc_idx < g.docs.size() && r.mention_idx < g.analyses[r.doc_idx].mentions.size())
        mention_ord_[mention_base_[r.doc_idx] + r.mention_idx] = static_cast<int32_t>(i);
    }
  }
  for (size_t k = 0; k < g.corpus.clusters.size(); ++k) cluster_index_[g.corpus.clusters[k].id] = static_cast<int32_t>(k);
}

std::optional<std::string> GraphIds::Entity(size_t d, int32_t local) const {
  const auto& l2g = g_.corpus.local_to_global;
  if (local < 0 || d >= l2g.size() || static_cast<size_t>(local) >= l2g[d].size() || l2g[d][local] < 0) return std::nullopt;
  return g_.corpus.entities[l2g[d][local]].id;
}

int32_t GraphIds::ClusterOfClaim(size_t d, size_t c) const {
  const auto& cc = g_.corpus.claim_cluster;
  return d < cc.size() && c < cc[d].size() ? cc[d][c] : -1;
}

std::optional<int64_t> GraphIds::MentionOrd(size_t d, size_t i) const {
  int32_t v = mention_ord_[mention_base_[d] + i];
  return v >= 0 ? std::optional<int64_t>(v) : std::nullopt;
}

std::optional<std::pair<size_t, size_t>> GraphIds::ClaimOf(const std::string& ref) const {
  if (ref.size() < 2 || ref[0] != 'c' || ref.find_first_not_of("0123456789", 1) != std::string::npos) return std::nullopt;
  size_t n = std::stoull(ref.substr(1));
  if (n == 0 || n > claim_base_.back()) return std::nullopt;
  size_t d = static_cast<size_t>(std::upper_bound(claim_base_.begin(), claim_base_.end(), n - 1) - claim_base_.begin()) - 1;
  return std::make_pair(d, n - 1 - claim_base_[d]);
}

int32_t GraphIds::ClusterOfRef(const std::string& ref) const {
  if (auto c = ClaimOf(ref)) return ClusterOfClaim(c->first, c->second);
  auto it = cluster_index_.find(ref);
  return it == cluster_index_.end() ? -1 : it->second;
}

std::string GraphIds::ClaimKey(size_t d, size_t c) const { return g_.docs[d].content_hash + ":" + std::to_string(c); }

std::string GraphIds::PropositionKey(size_t k) const {
  const ClaimCluster& c = g_.corpus.clusters[k];
  auto name = [&](const std::string& id) {
    auto it = entity_name_.find(id);
    return it == entity_name_.end() ? id : *it->second;
  };
  return name(c.subject) + "|" + std::string(PredicateName(c.predicate)) + "|" + (c.object ? name(*c.object) : "") + "|" + c.value.value_or("");
}

std::string GraphIds::SideKey(const std::string& ref) const {
  if (auto c = ClaimOf(ref)) return ClaimKey(c->first, c->second);
  auto it = cluster_index_.find(ref);
  return it == cluster_index_.end() ? ref : PropositionKey(static_cast<size_t>(it->second));
}

void StabilizeIds(Graph& g) {
  CorpusAnalysis& c = g.corpus;
  std::unordered_map<std::string, std::string> renamed;
  std::vector<bool> named(c.entities.size(), false);
  for (size_t d = 0; d < c.local_to_global.size() && d < g.docs.size(); ++d)
    for (size_t l = 0; l < c.local_to_global[d].size(); ++l) {
      int32_t e = c.local_to_global[d][l];
      if (e < 0 || named[e]) continue;
      named[e] = true;
      std::string id = "e" + std::to_string(g.docs[d].ingest_seq) + "." + std::to_string(l + 1);
      renamed[c.entities[e].id] = id;
      c.entities[e].id = id;
    }
  for (ClaimCluster& k : c.clusters) {
    if (k.claims.empty()) continue;
    ClaimRef first = *std::min_element(k.claims.begin(), k.claims.end(), [](const ClaimRef& a, const ClaimRef& b) {
      return a.doc_idx != b.doc_idx ? a.doc_idx < b.doc_idx : a.claim_idx < b.claim_idx;
    });
    std::string id = "k" + std::to_string(g.docs[first.doc_idx].ingest_seq) + "." + std::to_string(first.claim_idx + 1);
    renamed[k.id] = id;
    k.id = id;
  }
  auto rename = [&](std::string& ref) {
    auto it = renamed.find(ref);
    if (it != renamed.end()) ref = it->second;
  };
  for (ClaimCluster& k : c.clusters) {
    rename(k.subject);
    if (k.object) rename(*k.object);
  }
  for (Contradiction& x : c.contradictions) {
    rename(x.a);
    rename(x.b);
  }
}

std::string ContradictionKey(const std::string& kind, std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  return kind + "|" + a + "||" + b;
}

Result<PreviousGraph> ReadPreviousGraph(sqlite3* db) {
  PreviousGraph p;
  auto error = [&](const char* what) { return UnavailableError(std::string("cannot read the previous ") + what + ": " + sqlite3_errmsg(db)); };
  Stmt docs(db, "SELECT doc_seq, first_run_id FROM document_results");
  while (docs.Step() == SQLITE_ROW) p.first_run[docs.ColInt(0)] = docs.ColInt(1);
  std::map<std::string, std::string> side;  // claim or cluster id -> key
  Stmt claims(db, "SELECT c.claim_id, d.content_hash || ':' || c.idx FROM claims c JOIN documents d ON d.seq = c.doc_seq");
  if (!docs.ok() || !claims.ok()) return error("documents and claims");
  while (claims.Step() == SQLITE_ROW) side[claims.ColText(0)] = claims.ColText(1);
  Stmt clusters(db,
                "SELECT k.cluster_id, coalesce(es.name, k.subject) || '|' || k.predicate || '|' ||"
                " coalesce(eo.name, k.object, '') || '|' || coalesce(k.value, ''), d.content_hash FROM clusters k"
                " LEFT JOIN entities es ON es.entity_id = k.subject LEFT JOIN entities eo ON eo.entity_id = k.object"
                " LEFT JOIN documents d ON d.seq = k.first_doc_seq");
  if (!clusters.ok()) return error("clusters");
  while (clusters.Step() == SQLITE_ROW) {
    side[clusters.ColText(0)] = clusters.ColText(1);
    p.first_reports.emplace(clusters.ColText(1), clusters.ColText(2));
    p.propositions.insert(clusters.ColText(1));
  }
  Stmt contra(db, "SELECT a, b, kind FROM contradictions");
  if (!contra.ok()) return error("contradictions");
  auto key = [&](const std::string& ref) {
    auto it = side.find(ref);
    return it == side.end() ? ref : it->second;
  };
  while (contra.Step() == SQLITE_ROW)
    p.contradictions.insert(ContradictionKey(contra.ColText(2), key(contra.ColText(0)), key(contra.ColText(1))));
  return p;
}

namespace {

class ChangeLog {
 public:
  ChangeLog(sqlite3* db, int64_t run_id)
      : db_(db), s_(db, "INSERT INTO run_changes(run_id, kind, ref, doc_seq, key, detail) VALUES(?,?,?,?,?,?)"), run_(run_id) {}
  Status Add(const char* kind, const std::string& ref, int64_t doc_seq, const std::string& key, const std::string& detail) {
    s_.Int(1, run_);
    s_.Text(2, kind);
    s_.Text(3, ref);
    s_.Int(4, doc_seq);
    s_.Text(5, key);
    s_.Text(6, detail);
    int rc = s_.Step();
    s_.Reset();
    return rc == SQLITE_DONE ? Status::Ok() : UnavailableError(std::string("cannot record a change: ") + sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_;
  Stmt s_;
  int64_t run_;
};

}  // namespace

Result<GraphChanges> RecordChanges(sqlite3* db, const Graph& g, const GraphIds& ids, const PreviousGraph& before) {
  GraphChanges out;
  ChangeLog log(db, g.run_id);
  for (size_t d = 0; d < g.docs.size(); ++d) {
    const Document& doc = g.docs[d];
    int64_t seq = static_cast<int64_t>(doc.ingest_seq);
    if (before.first_run.count(seq)) continue;
    ++out.documents;
    HEARSAY_RETURN_IF_ERROR(log.Add("document", doc.id, seq, doc.content_hash, doc.title));
    const auto& claims = g.analyses[d].claims;
    for (size_t c = 0; c < claims.size(); ++c, ++out.claims)
      HEARSAY_RETURN_IF_ERROR(log.Add("claim", ids.ClaimId(d, c), seq, ids.ClaimKey(d, c), std::string(PredicateName(claims[c].predicate))));
  }
  const auto& contradictions = g.corpus.contradictions;
  for (size_t i = 0; i < contradictions.size(); ++i) {
    const Contradiction& x = contradictions[i];
    std::string key = ContradictionKey(ContradictionKindName(x.kind), ids.SideKey(x.a), ids.SideKey(x.b));
    if (before.contradictions.count(key)) continue;
    ++out.contradictions;
    int32_t k = ids.ClusterOfRef(x.b);
    int64_t seq = k >= 0 ? static_cast<int64_t>(g.docs[g.corpus.clusters[k].first_doc].ingest_seq) : 0;
    HEARSAY_RETURN_IF_ERROR(log.Add("contradiction", std::to_string(i + 1), seq, key, x.explanation));
  }
  for (size_t k = 0; k < g.corpus.clusters.size(); ++k) {
    const ClaimCluster& c = g.corpus.clusters[k];
    const Document& first = g.docs[c.first_doc];
    std::string key = ids.PropositionKey(k);
    if (before.first_reports.count({key, first.content_hash})) continue;
    ++out.first_reports;
    HEARSAY_RETURN_IF_ERROR(log.Add("first_report", c.id, static_cast<int64_t>(first.ingest_seq), key,
                                    before.propositions.count(key) ? "first report changed" : "new proposition"));
  }
  return out;
}

}  // namespace hearsay::store

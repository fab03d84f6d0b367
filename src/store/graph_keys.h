#pragma once
// Internal to the store library: the ids a graph's rows carry (those of hearsay.json) and
// the stable keys that compare one run's graph with the previous one (run_changes).
//   claim key         content_hash ":" claim index in its document
//   proposition key   subject name "|" predicate "|" object name or literal "|" value
//   contradiction key kind "|" the two sides' keys in sorted order (claim or proposition)
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace hearsay::store {

class GraphIds {
 public:
  explicit GraphIds(const Graph& g);
  // The corpus entity id of local entity `local` of document d; nullopt for none.
  std::optional<std::string> Entity(size_t d, int32_t local) const;
  std::string ClaimId(size_t d, size_t c) const { return "c" + std::to_string(claim_base_[d] + c + 1); }
  std::string QuoteId(size_t d, size_t q) const { return "q" + std::to_string(quote_base_[d] + q + 1); }
  std::string AttributionId(size_t d, size_t i) const { return "a" + std::to_string(attribution_base_[d] + i + 1); }
  int32_t ClusterOfClaim(size_t d, size_t c) const;
  // Position of mention i of document d in its entity's mentions; nullopt when unlisted.
  std::optional<int64_t> MentionOrd(size_t d, size_t i) const;
  // The cluster a contradiction side names: itself, or the cluster of the claim; -1 if none.
  int32_t ClusterOfRef(const std::string& ref) const;
  bool IsClaimRef(const std::string& ref) const { return ClaimOf(ref).has_value(); }

  std::string ClaimKey(size_t d, size_t c) const;
  std::string PropositionKey(size_t k) const;
  std::string SideKey(const std::string& ref) const;

 private:
  std::optional<std::pair<size_t, size_t>> ClaimOf(const std::string& ref) const;
  const Graph& g_;
  std::vector<size_t> claim_base_;
  std::vector<size_t> quote_base_;
  std::vector<size_t> attribution_base_;
  std::vector<size_t> mention_base_;  // mentions before each document
  std::vector<int32_t> mention_ord_;  // per mention, in document order; -1: unlisted (4 bytes a mention held, one block)
  // Keyed by views of the graph's own ids (no copies: a corpus has ~2 entities an article).
  std::unordered_map<std::string_view, int32_t> cluster_index_;
  std::unordered_map<std::string_view, const std::string*> entity_name_;
};

std::string ContradictionKey(const std::string& kind, std::string a, std::string b);

// What the graph tables held before a WriteGraph replaces them.
struct PreviousGraph {
  std::map<int64_t, int64_t> first_run;        // doc_seq -> the run that first analysed it
  std::set<std::string> contradictions;        // contradiction keys
  std::set<std::pair<std::string, std::string>> first_reports;  // (proposition key, first doc's content hash)
  std::set<std::string> propositions;                          // proposition keys
};

Result<PreviousGraph> ReadPreviousGraph(sqlite3* db);

// Inserts the run_changes rows of `g` (run g.run_id) against `before`.
Result<GraphChanges> RecordChanges(sqlite3* db, const Graph& g, const GraphIds& ids, const PreviousGraph& before);

}  // namespace hearsay::store

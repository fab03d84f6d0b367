#pragma once
// The corpus stage's keys in the ClickHouse store (docs/scale.md, "What runs as queries in
// ClickHouse"): workers write each analysed document's rows; the fuse finds the candidate
// groups of cross-document resolution and of claim clustering with GROUP BY queries over
// them instead of grouping in memory.
//
// Tables (MergeTree; appended to, never updated):
//   doc_entity_keys  content_hash, pipeline, local, key, written_key: resolve::EntityKeysOf
//   doc_split_keys   content_hash, pipeline, key: resolve::SplitKeysOf
//   doc_claim_keys   content_hash, pipeline, claim, predicate, subject, object, object_text,
//                    value, symmetric: fuse::ClaimKeysOf (subject, object: local entities)
//   doc_keys         content_hash, pipeline: written after the rows above, so a document
//                    listed here has all of its rows (a crashed worker's partial rows are
//                    written again, and read once)
// Fuse tables (Memory; replaced by each fuse, dropped at its end):
//   fuse_documents   doc, content_hash: the fuse's document numbering (0..n-1)
//   fuse_entity_map  doc, local, entity + 1: global entity of every local entity, once
//                    cross-document resolution ran
//
// Contract: EntityGroups / ClaimGroups give the groups resolve::BlockingKey / fuse::ClaimKeyOf
// define, members two or more, as (document, index) of the fuse's numbering; documents not
// in fuse_documents are left out. Thread safety: one client per thread.
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "fuse/clusters.h"
#include "hearsay/records.h"
#include "hearsay/status.h"
#include "resolve/resolve.h"
#include "scale/clickhouse_client.h"

namespace hearsay::scale {

struct DocumentKeys {
  std::string content_hash;
  std::vector<resolve::EntityKeyRow> entity_keys;
  std::vector<std::string> split_keys;
  std::vector<fuse::ClaimKeyRow> claim_keys;
};
DocumentKeys DocumentKeysOf(const std::string& content_hash, const DocumentAnalysis& analysis);

// The CREATE TABLE statements of the per-document key tables.
std::vector<std::string> CorpusKeyTableDdl();

Status AddDocumentKeys(ClickHouseClient& ch, const std::vector<DocumentKeys>& keys, const std::string& pipeline);
// The content hashes listed in doc_keys for `pipeline`.
Result<std::unordered_set<std::string>> KeyedDocuments(ClickHouseClient& ch, const std::string& pipeline);

// fuse_documents replaced by `content_hashes` (document i = content_hashes[i]).
Status PutFuseDocuments(ClickHouseClient& ch, const std::vector<std::string>& content_hashes);
// fuse_entity_map replaced by `local_to_global` (CorpusAnalysis::local_to_global).
Status PutEntityMap(ClickHouseClient& ch, const std::vector<std::vector<int32_t>>& local_to_global);
Status DropFuseTables(ClickHouseClient& ch);

// The GROUP BY queries (rows: groupArray(doc), groupArray(local or claim)) and their results.
std::string EntityGroupsSql(const std::string& pipeline);
std::string ClaimGroupsSql(const std::string& pipeline);
Result<std::vector<std::vector<LocalEntityRef>>> EntityGroups(ClickHouseClient& ch, const std::string& pipeline);
Result<std::vector<std::vector<ClaimRef>>> ClaimGroups(ClickHouseClient& ch, const std::string& pipeline);

}  // namespace hearsay::scale

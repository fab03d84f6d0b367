#include "scale/corpus_keys.h"

#include <charconv>

#include "scale/clickhouse_store.h"

namespace hearsay::scale {
namespace {

// "[1,2,3]" (a ClickHouse array of integers in TabSeparated) as numbers.
Result<std::vector<uint32_t>> ParseArray(const std::optional<std::string>& field) {
  std::vector<uint32_t> out;
  if (!field || field->size() < 2 || field->front() != '[' || field->back() != ']')
    return DataLossError("corpus key groups: expected an array of numbers, got " + field.value_or("NULL"));
  const char* p = field->data() + 1;
  const char* end = field->data() + field->size() - 1;
  while (p < end) {
    uint32_t v = 0;
    auto [next, ec] = std::from_chars(p, end, v);
    if (ec != std::errc() || (next < end && *next != ',')) return DataLossError("corpus key groups: bad array " + *field);
    out.push_back(v);
    p = next + (next < end ? 1 : 0);
  }
  return out;
}

// The rows of a groupArray(doc), groupArray(index) query as groups of T{doc, index}.
template <typename T>
Result<std::vector<std::vector<T>>> GroupsOf(ClickHouseClient& ch, const std::string& sql) {
  auto rows = ch.Rows(sql);
  if (!rows.ok()) return rows.status();
  std::vector<std::vector<T>> groups;
  for (const TsvRow& r : *rows) {
    if (r.size() != 2) return DataLossError("corpus key groups: a row of " + std::to_string(r.size()) + " columns");
    auto docs = ParseArray(r[0]);
    if (!docs.ok()) return docs.status();
    auto items = ParseArray(r[1]);
    if (!items.ok()) return items.status();
    if (docs->size() != items->size()) return DataLossError("corpus key groups: arrays of different lengths");
    groups.emplace_back();
    for (size_t i = 0; i < docs->size(); ++i) groups.back().push_back(T{(*docs)[i], (*items)[i]});
  }
  return groups;
}

}  // namespace

DocumentKeys DocumentKeysOf(const std::string& content_hash, const DocumentAnalysis& analysis) {
  return {content_hash, resolve::EntityKeysOf(analysis), resolve::SplitKeysOf(analysis), fuse::ClaimKeysOf(analysis)};
}

std::vector<std::string> CorpusKeyTableDdl() {
  return {
      "CREATE TABLE IF NOT EXISTS doc_entity_keys (content_hash String, pipeline String, local UInt32, key String, "
      "written_key String, added_at DateTime DEFAULT now()) ENGINE = MergeTree ORDER BY (pipeline, key)",
      "CREATE TABLE IF NOT EXISTS doc_split_keys (content_hash String, pipeline String, key String, "
      "added_at DateTime DEFAULT now()) ENGINE = MergeTree ORDER BY (pipeline, key)",
      "CREATE TABLE IF NOT EXISTS doc_claim_keys (content_hash String, pipeline String, claim UInt32, predicate String, "
      "subject Int32, object Int32, object_text String, value String, symmetric UInt8, added_at DateTime DEFAULT now()) "
      "ENGINE = MergeTree ORDER BY (pipeline, predicate, content_hash)",
      "CREATE TABLE IF NOT EXISTS doc_keys (content_hash String, pipeline String, added_at DateTime DEFAULT now()) "
      "ENGINE = MergeTree ORDER BY (pipeline, content_hash)",
  };
}

Status AddDocumentKeys(ClickHouseClient& ch, const std::vector<DocumentKeys>& keys, const std::string& pipeline) {
  if (keys.empty()) return Status::Ok();
  TsvWriter entities, splits, claims, done;
  for (const DocumentKeys& k : keys) {
    for (const resolve::EntityKeyRow& r : k.entity_keys)
      entities.Field(k.content_hash).Field(pipeline).Uint(r.local).Field(r.key).Field(r.written_key).EndRow();
    for (const std::string& s : k.split_keys) splits.Field(k.content_hash).Field(pipeline).Field(s).EndRow();
    for (const fuse::ClaimKeyRow& r : k.claim_keys) {
      claims.Field(k.content_hash).Field(pipeline).Uint(r.claim).Field(PredicateName(r.predicate)).Int(r.subject).Int(r.object);
      claims.Field(r.object_text).Field(r.value).Uint(r.symmetric ? 1 : 0).EndRow();
    }
    done.Field(k.content_hash).Field(pipeline).EndRow();
  }
  HEARSAY_RETURN_IF_ERROR(ch.Insert("doc_entity_keys", "content_hash, pipeline, local, key, written_key", entities.body()));
  HEARSAY_RETURN_IF_ERROR(ch.Insert("doc_split_keys", "content_hash, pipeline, key", splits.body()));
  HEARSAY_RETURN_IF_ERROR(ch.Insert(
      "doc_claim_keys", "content_hash, pipeline, claim, predicate, subject, object, object_text, value, symmetric", claims.body()));
  return ch.Insert("doc_keys", "content_hash, pipeline", done.body());
}

Result<std::unordered_set<std::string>> KeyedDocuments(ClickHouseClient& ch, const std::string& pipeline) {
  return DocumentsIn(ch, "doc_keys", pipeline);
}

Status PutFuseDocuments(ClickHouseClient& ch, const std::vector<std::string>& content_hashes) {
  HEARSAY_RETURN_IF_ERROR(ch.Execute("DROP TABLE IF EXISTS fuse_documents"));
  HEARSAY_RETURN_IF_ERROR(ch.Execute("CREATE TABLE fuse_documents (doc UInt32, content_hash String) ENGINE = Memory"));
  TsvWriter w;
  for (size_t d = 0; d < content_hashes.size(); ++d) w.Uint(d).Field(content_hashes[d]).EndRow();
  return ch.Insert("fuse_documents", "doc, content_hash", w.body());
}

Status PutEntityMap(ClickHouseClient& ch, const std::vector<std::vector<int32_t>>& local_to_global) {
  HEARSAY_RETURN_IF_ERROR(ch.Execute("DROP TABLE IF EXISTS fuse_entity_map"));
  HEARSAY_RETURN_IF_ERROR(ch.Execute("CREATE TABLE fuse_entity_map (doc UInt32, local Int32, entity UInt32) ENGINE = Memory"));
  TsvWriter w;
  for (size_t d = 0; d < local_to_global.size(); ++d)
    for (size_t l = 0; l < local_to_global[d].size(); ++l)
      if (local_to_global[d][l] >= 0) w.Uint(d).Uint(l).Uint(static_cast<uint64_t>(local_to_global[d][l]) + 1).EndRow();
  return ch.Insert("fuse_entity_map", "doc, local, entity", w.body());
}

Status DropFuseTables(ClickHouseClient& ch) {
  HEARSAY_RETURN_IF_ERROR(ch.Execute("DROP TABLE IF EXISTS fuse_documents"));
  return ch.Execute("DROP TABLE IF EXISTS fuse_entity_map");
}

// A local entity blocks on its written key when its key is split in any document
// (resolve::BlockingKey); a (document, local entity, key) is counted once.
std::string EntityGroupsSql(const std::string& pipeline) {
  const std::string p = SqlString(pipeline);
  return "SELECT groupArray(doc), groupArray(local) FROM (SELECT doc, local, if(key GLOBAL IN (SELECT key FROM doc_split_keys "
         "WHERE pipeline = " + p + "), written_key, key) AS block FROM (SELECT DISTINCT content_hash, local, key, written_key "
         "FROM doc_entity_keys WHERE pipeline = " + p + ") GLOBAL ANY INNER JOIN (SELECT content_hash, doc FROM fuse_documents) "
         "USING content_hash GROUP BY doc, local, block) GROUP BY block HAVING count() > 1";
}

// fuse::ClaimKeyOf: subject and object to global entities (fuse_entity_map holds entity + 1,
// so an object without one is -1), ordered for a symmetric predicate, the object text only
// without an object entity.
std::string ClaimGroupsSql(const std::string& pipeline) {
  return "SELECT groupArray(doc), groupArray(claim) FROM (SELECT doc, claim, predicate, value, "
         "if(symmetric AND o >= 0 AND o < s, o, s) AS subj, if(symmetric AND o >= 0 AND o < s, s, o) AS obj, "
         "if(o >= 0, '', object_text) AS text FROM ("
         "SELECT doc, claim, predicate, object_text, value, symmetric, s, toInt64(entity) - 1 AS o FROM ("
         "SELECT doc, claim, predicate, object_text, value, symmetric, toInt64(entity) - 1 AS s, o_local FROM ("
         "SELECT doc, claim, predicate, object_text, value, symmetric, subject AS s_local, object AS o_local FROM ("
         "SELECT DISTINCT content_hash, claim, predicate, subject, object, object_text, value, symmetric FROM doc_claim_keys "
         "WHERE pipeline = " + SqlString(pipeline) + ") GLOBAL ANY INNER JOIN (SELECT content_hash, doc FROM fuse_documents) USING content_hash) "
         "GLOBAL ANY INNER JOIN (SELECT doc, local AS s_local, entity FROM fuse_entity_map) USING doc, s_local) "
         "GLOBAL ANY LEFT JOIN (SELECT doc, local AS o_local, entity FROM fuse_entity_map) USING doc, o_local)) "
         "GROUP BY predicate, subj, obj, text, value HAVING count() > 1";
}

Result<std::vector<std::vector<LocalEntityRef>>> EntityGroups(ClickHouseClient& ch, const std::string& pipeline) {
  return GroupsOf<LocalEntityRef>(ch, EntityGroupsSql(pipeline));
}

Result<std::vector<std::vector<ClaimRef>>> ClaimGroups(ClickHouseClient& ch, const std::string& pipeline) {
  return GroupsOf<ClaimRef>(ch, ClaimGroupsSql(pipeline));
}

}  // namespace hearsay::scale

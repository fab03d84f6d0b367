#include "scale/clickhouse_store.h"

#include <ctime>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "common/sha256.h"
#include "scale/corpus_keys.h"

namespace hearsay::scale {
namespace {

constexpr const char* kDocumentColumns =
    "pos, content_hash, id, path, format, title, outlet, published, url, authors, metadata, text, title_byte_begin, "
    "title_byte_end, body_byte_begin, raw_byte_shift, replaced_bytes, raw, shard";

uint32_t U32(const std::optional<std::string>& v) { return v ? static_cast<uint32_t>(std::stoul(*v)) : 0; }
std::string Str(const std::optional<std::string>& v) { return v.value_or(""); }

Result<Document> DocumentOfRow(TsvRow& r) {
  if (r.size() != 19) return DataLossError("documents row with " + std::to_string(r.size()) + " columns, expected 19");
  Document d;
  d.ingest_seq = std::stoull(Str(r[0]));
  d.content_hash = Str(r[1]);
  d.id = Str(r[2]);
  d.path = Str(r[3]);
  d.format = SourceFormatFromName(Str(r[4]));
  d.title = Str(r[5]);
  d.outlet = r[6];
  d.published = r[7];
  d.url = r[8];
  try {
    for (const auto& a : nlohmann::json::parse(Str(r[9]))) d.authors.push_back(a.get<std::string>());
    nlohmann::json meta = nlohmann::json::parse(Str(r[10]));
    for (auto it = meta.begin(); it != meta.end(); ++it) d.metadata.emplace_back(it.key(), it.value().get<std::string>());
  } catch (const nlohmann::json::exception& e) {
    return DataLossError("document " + d.path + ": bad authors/metadata JSON (" + e.what() + ")");
  }
  d.text = std::move(*r[11]);
  d.title_byte_begin = U32(r[12]);
  d.title_byte_end = U32(r[13]);
  d.body_byte_begin = U32(r[14]);
  d.raw_byte_shift = U32(r[15]);
  d.replaced_bytes = U32(r[16]);
  d.raw = std::move(*r[17]);
  if (Sha256Hex(d.raw) != d.content_hash)
    return DataLossError("document " + d.id + " (" + d.path + "): its stored raw bytes do not match their content hash " +
                         d.content_hash + "; the store is damaged");
  if (d.title_byte_end > d.text.size() || d.title_byte_begin > d.title_byte_end || d.body_byte_begin > d.text.size())
    return DataLossError("document " + d.id + " (" + d.path + "): stored offsets outside its text");
  return d;
}

}  // namespace

std::vector<std::string> PerDocumentTableDdl() {
  return {
      "CREATE TABLE IF NOT EXISTS documents (pos UInt64, content_hash String, id String, path String, format String, "
      "title String, outlet Nullable(String), published Nullable(String), url Nullable(String), authors String, "
      "metadata String, text String, title_byte_begin UInt32, title_byte_end UInt32, body_byte_begin UInt32, "
      "raw_byte_shift UInt32, replaced_bytes UInt32, raw String, shard String, added_at DateTime DEFAULT now()) "
      "ENGINE = MergeTree ORDER BY content_hash",
      "CREATE TABLE IF NOT EXISTS analyses (content_hash String, pipeline String, body String, added_at DateTime DEFAULT now()) "
      "ENGINE = MergeTree ORDER BY (content_hash, pipeline)",
      "CREATE TABLE IF NOT EXISTS rejects (pos UInt64, path String, location String, stage String, reason String, "
      "shard String, added_at DateTime DEFAULT now()) ENGINE = MergeTree ORDER BY pos",
      "CREATE TABLE IF NOT EXISTS warnings (pos UInt64, content_hash String, path String, location String, stage String, "
      "message String, shard String, added_at DateTime DEFAULT now()) ENGINE = MergeTree ORDER BY pos",
      "CREATE TABLE IF NOT EXISTS runs (started_at DateTime, finished_at DateTime, command String, shard String, "
      "documents_seen UInt64, documents_in_shard UInt64, documents_added UInt64, documents_analysed UInt64, rejects UInt64) "
      "ENGINE = MergeTree ORDER BY started_at",
      "CREATE TABLE IF NOT EXISTS doc_bands (content_hash String, pipeline String, band UInt8, key UInt64, "
      "added_at DateTime DEFAULT now()) ENGINE = MergeTree ORDER BY (pipeline, band, key)",
  };
}

std::string LshBucketsSql(const std::string& pipeline) {
  const std::string where = "WHERE pipeline = " + SqlString(pipeline) + " AND band < 255";
  return "SELECT band, key, content_hash FROM doc_bands " + where + " AND (band, key) IN (SELECT band, key FROM doc_bands " +
         where + " GROUP BY band, key HAVING uniqExact(content_hash) > 1) GROUP BY band, key, content_hash ORDER BY band, key, content_hash";
}

Result<std::unique_ptr<ClickHouseStore>> ClickHouseStore::Open(const ClickHouseUrl& url) {
  ClickHouseUrl server = url;
  server.database = "default";  // the store's database may not exist yet
  ClickHouseClient admin(server);
  HEARSAY_RETURN_IF_ERROR(admin.Execute("CREATE DATABASE IF NOT EXISTS " + url.database));
  std::unique_ptr<ClickHouseStore> store(new ClickHouseStore(ClickHouseClient(url)));
  for (const std::string& ddl : PerDocumentTableDdl()) HEARSAY_RETURN_IF_ERROR(store->client_.Execute(ddl));
  for (const std::string& ddl : CorpusKeyTableDdl()) HEARSAY_RETURN_IF_ERROR(store->client_.Execute(ddl));
  return store;
}

Result<std::unordered_set<std::string>> ClickHouseStore::HashesIn(const std::string& sql_prefix,
                                                                  const std::vector<std::string>& hashes) {
  std::unordered_set<std::string> out;
  if (hashes.empty()) return out;
  std::string list;
  for (const std::string& h : hashes) list += (list.empty() ? "" : ",") + SqlString(h);
  auto rows = client_.Rows(sql_prefix + " content_hash IN (" + list + ") GROUP BY content_hash");
  if (!rows.ok()) return rows.status();
  for (auto& r : *rows)
    if (!r.empty() && r[0]) out.insert(*r[0]);
  return out;
}

Result<std::unordered_set<std::string>> ClickHouseStore::StoredDocuments(const std::vector<std::string>& hashes) {
  return HashesIn("SELECT content_hash FROM documents WHERE", hashes);
}

Result<std::unordered_set<std::string>> ClickHouseStore::AnalysedDocuments(const std::vector<std::string>& hashes,
                                                                           const std::string& pipeline) {
  return HashesIn("SELECT content_hash FROM analyses WHERE pipeline = " + SqlString(pipeline) + " AND", hashes);
}

Status ClickHouseStore::AddDocuments(const std::vector<const Document*>& docs, const std::string& shard) {
  TsvWriter w;
  for (const Document* d : docs) {
    nlohmann::json authors = d->authors;
    nlohmann::json meta = nlohmann::json::object();
    for (const auto& [k, v] : d->metadata) meta[k] = v;
    w.Uint(d->ingest_seq).Field(d->content_hash).Field(d->id).Field(d->path).Field(SourceFormatName(d->format)).Field(d->title);
    w.OptField(d->outlet).OptField(d->published).OptField(d->url).Field(authors.dump());
    w.Field(meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)).Field(d->text);
    w.Uint(d->title_byte_begin).Uint(d->title_byte_end).Uint(d->body_byte_begin).Uint(d->raw_byte_shift).Uint(d->replaced_bytes);
    w.Field(d->raw).Field(shard).EndRow();
  }
  return client_.Insert("documents", kDocumentColumns, w.body());
}

Status ClickHouseStore::AddAnalyses(const std::vector<std::pair<std::string, std::string>>& bodies, const std::string& pipeline) {
  TsvWriter w;
  for (const auto& [hash, body] : bodies) w.Field(hash).Field(pipeline).Field(body).EndRow();
  return client_.Insert("analyses", "content_hash, pipeline, body", w.body());
}

Status ClickHouseStore::AddRejects(const std::vector<PositionedReject>& rejects, const std::string& shard) {
  TsvWriter w;
  for (const PositionedReject& p : rejects) {
    const Reject& r = p.reject;
    w.Uint(p.pos).Field(r.path).Field(r.where.value_or("")).Field(r.stage).Field(r.reason).Field(shard).EndRow();
  }
  return client_.Insert("rejects", "pos, path, location, stage, reason, shard", w.body());
}

Status ClickHouseStore::AddWarnings(const std::vector<PositionedWarning>& warnings, const std::string& shard) {
  TsvWriter w;
  for (const PositionedWarning& p : warnings) {
    const Warning& x = p.warning;
    w.Uint(p.pos).Field(x.content_hash).Field(x.path).Field(x.where).Field(x.stage).Field(x.message).Field(shard).EndRow();
  }
  return client_.Insert("warnings", "pos, content_hash, path, location, stage, message, shard", w.body());
}

Status ClickHouseStore::AddRun(const WorkerRun& run) {
  TsvWriter w;
  w.Int(run.started_at).Int(static_cast<int64_t>(std::time(nullptr))).Field(run.command).Field(run.shard);
  w.Uint(run.documents_seen).Uint(run.documents_in_shard).Uint(run.documents_added).Uint(run.documents_analysed).Uint(run.rejects);
  w.EndRow();
  return client_.Insert("runs",
                        "started_at, finished_at, command, shard, documents_seen, documents_in_shard, documents_added, "
                        "documents_analysed, rejects",
                        w.body());
}

Result<std::vector<Document>> ClickHouseStore::LoadDocuments() {
  // The first row per content hash by (pos, content_hash); the rest are copies of it.
  auto rows = client_.Rows(std::string("SELECT ") + kDocumentColumns + " FROM documents ORDER BY pos, content_hash");
  if (!rows.ok()) return rows.status();
  std::vector<Document> out;
  std::unordered_set<std::string> seen;
  for (TsvRow& r : *rows) {
    if (r.size() > 1 && r[1] && seen.count(*r[1])) continue;
    auto d = DocumentOfRow(r);
    if (!d.ok()) return d.status().WithContext("ClickHouse store " + client_.url().ToString());
    seen.insert(d->content_hash);
    out.push_back(std::move(*d));
  }
  return out;
}

Result<std::vector<Reject>> ClickHouseStore::LoadRejects() {
  auto rows = client_.Rows("SELECT path, location, stage, reason FROM rejects ORDER BY pos, path, location, stage, reason");
  if (!rows.ok()) return rows.status();
  std::vector<Reject> out;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  for (TsvRow& r : *rows) {
    if (r.size() != 4) return DataLossError("rejects row with " + std::to_string(r.size()) + " columns, expected 4");
    if (!seen.emplace(Str(r[0]), Str(r[1]), Str(r[2]), Str(r[3])).second) continue;
    Reject x{Str(r[0]), std::nullopt, Str(r[2]), Str(r[3])};
    if (!Str(r[1]).empty()) x.where = Str(r[1]);
    out.push_back(std::move(x));
  }
  return out;
}

Result<std::vector<Warning>> ClickHouseStore::LoadWarnings() {
  auto rows = client_.Rows("SELECT content_hash, path, location, stage, message FROM warnings ORDER BY pos, content_hash, stage, message");
  if (!rows.ok()) return rows.status();
  std::vector<Warning> out;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (TsvRow& r : *rows) {
    if (r.size() != 5) return DataLossError("warnings row with " + std::to_string(r.size()) + " columns, expected 5");
    if (!seen.emplace(Str(r[0]), Str(r[3]), Str(r[4])).second) continue;
    out.push_back(Warning{Str(r[0]), Str(r[1]), Str(r[2]), Str(r[3]), Str(r[4])});
  }
  return out;
}

Status ClickHouseStore::AddBandKeys(const std::vector<std::pair<std::string, std::vector<uint64_t>>>& keys,
                                    const std::string& pipeline) {
  TsvWriter w;
  for (const auto& [hash, bands] : keys) {
    if (bands.empty()) w.Field(hash).Field(pipeline).Uint(255).Uint(0).EndRow();
    for (size_t b = 0; b < bands.size() && b < 255; ++b) w.Field(hash).Field(pipeline).Uint(b).Uint(bands[b]).EndRow();
  }
  return client_.Insert("doc_bands", "content_hash, pipeline, band, key", w.body());
}

Result<std::unordered_set<std::string>> DocumentsIn(ClickHouseClient& ch, const std::string& table, const std::string& pipeline) {
  auto rows = ch.Rows("SELECT DISTINCT content_hash FROM " + table + " WHERE pipeline = " + SqlString(pipeline));
  if (!rows.ok()) return rows.status();
  std::unordered_set<std::string> out;
  for (TsvRow& r : *rows)
    if (!r.empty() && r[0]) out.insert(std::move(*r[0]));
  return out;
}

Result<std::unordered_set<std::string>> ClickHouseStore::BandedDocuments(const std::string& pipeline) {
  return DocumentsIn(client_, "doc_bands", pipeline);
}

Result<std::vector<std::vector<std::string>>> ClickHouseStore::LshBuckets(const std::string& pipeline) {
  auto rows = client_.Rows(LshBucketsSql(pipeline));
  if (!rows.ok()) return rows.status();
  std::vector<std::vector<std::string>> buckets;
  std::string band, key;
  for (TsvRow& r : *rows) {
    if (r.size() != 3 || !r[0] || !r[1] || !r[2]) return DataLossError("doc_bands: a bucket row without band, key or content hash");
    if (buckets.empty() || *r[0] != band || *r[1] != key) buckets.emplace_back(), band = *r[0], key = *r[1];
    buckets.back().push_back(std::move(*r[2]));
  }
  return buckets;
}

Result<std::unordered_map<std::string, std::string>> ClickHouseStore::LoadAnalyses(const std::string& pipeline) {
  auto rows = client_.Rows("SELECT content_hash, any(body) FROM analyses WHERE pipeline = " + SqlString(pipeline) +
                           " GROUP BY content_hash");
  if (!rows.ok()) return rows.status();
  std::unordered_map<std::string, std::string> out;
  for (TsvRow& r : *rows)
    if (r.size() == 2 && r[0] && r[1]) out.emplace(std::move(*r[0]), std::move(*r[1]));
  return out;
}

}  // namespace hearsay::scale

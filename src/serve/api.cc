// Api: stats, documents, one document, full-text search, the helpers every route shares.
#include "serve/api.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "serve/sql_text.h"

namespace hearsay::serve {
namespace {

constexpr const char* kDocumentColumns =
    "d.seq, COALESCE(r.doc_id, d.id) AS id, d.title, COALESCE(r.outlet, d.outlet) AS outlet, d.published, d.url, "
    "r.credibility, r.est_earliest, r.est_latest";

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

Result<std::string> DateParam(const ApiRequest& r, const std::string& key) {
  std::string v = Param(r, key);
  if (!v.empty() && !IsIsoDate(v)) return InvalidArgumentError(key + "=" + v + ": expected a date YYYY-MM-DD");
  return v;
}

}  // namespace

std::string Param(const ApiRequest& r, const std::string& key) {
  auto it = r.query.find(key);
  return it == r.query.end() ? std::string() : it->second;
}

Result<int64_t> IntParam(const ApiRequest& r, const std::string& key, int64_t fallback) {
  std::string v = Param(r, key);
  if (v.empty()) return fallback;
  if (v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
    return InvalidArgumentError(key + "=" + v + ": expected a positive whole number");
  return static_cast<int64_t>(std::stoll(v));
}

Result<Paging> ParsePaging(const ApiRequest& r, uint32_t max_page_size, int64_t default_per_page) {
  auto page = IntParam(r, "page", 1);
  if (!page.ok()) return page.status();
  auto per_page = IntParam(r, "per_page", default_per_page);
  if (!per_page.ok()) return per_page.status();
  if (*page < 1) return InvalidArgumentError("page starts at 1");
  if (*page > 1000000) return InvalidArgumentError("page over 1,000,000");
  Paging p;
  p.page = *page;
  p.per_page = std::clamp<int64_t>(*per_page, 1, max_page_size);
  return p;
}

Json PageOf(Json items, const Paging& p, int64_t total) {
  return Json{{"items", std::move(items)}, {"page", p.page}, {"per_page", p.per_page}, {"total", total}};
}

Result<Json> Api::Paged(const Paging& p, const std::string& select, const std::string& from_where,
                        const std::string& order, std::vector<SqlParam> params) {
  auto total = db_.Int("SELECT COUNT(*) " + from_where, params);
  if (!total.ok()) return total.status();
  const std::string limit = std::to_string(params.size() + 1), offset = std::to_string(params.size() + 2);
  params.push_back(p.per_page);
  params.push_back(p.offset());
  auto rows = db_.Rows(select + " " + from_where + " ORDER BY " + order + " LIMIT ?" + limit + " OFFSET ?" + offset, params);
  if (!rows.ok()) return rows.status();
  return PageOf(std::move(*rows), p, *total);
}

Status Api::Warm() { return Current().status(); }

Result<std::shared_ptr<const Snapshot>> Api::Current() {
  const int64_t now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  if (snapshot_ && now - checked_ms_ < 1000) return snapshot_;
  checked_ms_ = now;
  auto key = db_.Row("SELECT value FROM graph_meta WHERE key = 'graph_run_id'");
  if (!key.ok()) return key.status();
  std::string k = key->is_null() || !(*key)["value"].is_string() ? "" : (*key)["value"].get<std::string>();
  if (snapshot_ && k == snapshot_->graph_key) return snapshot_;
  auto built = Snapshot::Build(db_);
  if (!built.ok()) return built.status();
  snapshot_ = std::move(*built);
  return snapshot_;
}

Result<Json> Api::Stats(const ApiRequest&) {
  auto snap = Current();
  if (!snap.ok()) return snap.status();
  Json out = (*snap)->stats;
  auto runs = db_.Rows(
      "SELECT run_id AS id, command, started_at, finished_at, documents_seen, documents_added, rejects "
      "FROM runs ORDER BY run_id DESC LIMIT 10");
  if (!runs.ok()) return runs.status();
  out["runs"] = std::move(*runs);
  out["graph_run_id"] = (*snap)->graph_key;
  return out;
}

Result<Json> Api::Documents(const ApiRequest& r) {
  auto paging = ParsePaging(r, limits_.max_page_size);
  if (!paging.ok()) return paging.status();
  auto from = DateParam(r, "from");
  if (!from.ok()) return from.status();
  auto to = DateParam(r, "to");
  if (!to.ok()) return to.status();
  auto snap = Current();
  if (!snap.ok()) return snap.status();
  const std::string outlet = Param(r, "outlet"), q = Param(r, "q");
  std::string q_lower = q;
  std::transform(q_lower.begin(), q_lower.end(), q_lower.begin(), [](unsigned char c) { return std::tolower(c); });
  Json items = Json::array();
  int64_t total = 0;
  for (const DocEntry& d : (*snap)->documents) {
    if (!outlet.empty() && d.outlet != outlet) continue;
    if (!from->empty() && (d.published.empty() || d.published < *from)) continue;
    if (!to->empty() && (d.published.empty() || d.published > *to)) continue;
    if (!q_lower.empty() && d.title_lower.find(q_lower) == std::string::npos) continue;
    if (++total > paging->offset() && static_cast<int64_t>(items.size()) < paging->per_page) items.push_back(d.row);
  }
  for (Json& row : items) row["url"] = SafeUrl(row["url"]);
  return PageOf(std::move(items), *paging, total);
}

Result<Json> Api::Document(const ApiRequest& r) {
  if (r.id.empty() || r.id.size() > 12 || r.id.find_first_not_of("0123456789") != std::string::npos)
    return InvalidArgumentError("document " + r.id + ": expected its number (seq)");
  const SqlParam seq = static_cast<int64_t>(std::stoll(r.id));
  auto doc = db_.Row(std::string("SELECT ") + kDocumentColumns +
                         ", d.path, d.format, d.authors AS authors_json, d.text, d.title_byte_begin, d.title_byte_end,"
                         " d.body_byte_begin, r.detected_outlet, r.est_basis AS est_basis_json"
                         " FROM documents d LEFT JOIN document_results r ON r.doc_seq = d.seq WHERE d.seq = ?1",
                     {seq});
  if (!doc.ok()) return doc.status();
  if (doc->is_null()) return NotFoundError("no document " + r.id);
  struct Part {
    const char* key;
    const char* sql;
  };
  const Part parts[] = {
      {"reasons", "SELECT reason FROM credibility_reasons WHERE doc_seq = ?1 ORDER BY idx"},
      {"blocks", "SELECT kind, start, end FROM blocks WHERE doc_seq = ?1 ORDER BY idx"},
      {"mentions",
       "SELECT m.start, m.end, m.type, m.descriptor, m.entity_id AS entity, e.name AS entity_name"
       " FROM mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id WHERE m.doc_seq = ?1 ORDER BY m.idx"},
      {"quotes",
       "SELECT quote_id AS id, start, end, speaker_kind, speaker_entity, speaker_text, speaker_via_outlet, cue_start, cue_end"
       " FROM quotes WHERE doc_seq = ?1 ORDER BY idx"},
      {"attributions",
       "SELECT attribution_id AS id, kind, source_kind, source_entity, source_text, source_start, source_end,"
       " source_via_outlet, cue_start, cue_end, content_start, content_end, quote_id FROM attributions"
       " WHERE doc_seq = ?1 ORDER BY idx"},
      {"claims", "SELECT c.claim_id AS id, c.subject, s.name AS subject_name, c.predicate, c.object_entity,"
                 " o.name AS object_name, c.object_text, c.value, c.polarity, c.modality, c.time_from, c.time_to,"
                 " c.source_kind, c.source_text, c.source_via_outlet, c.evidence_start, c.evidence_end, c.cluster_id,"
                 " k.grade, k.score FROM claims c LEFT JOIN entities s ON s.entity_id = c.subject"
                 " LEFT JOIN entities o ON o.entity_id = c.object_entity LEFT JOIN clusters k ON k.cluster_id = c.cluster_id"
                 " WHERE c.doc_seq = ?1 ORDER BY c.idx"},
      {"citations", "SELECT outlet, kind, start, end FROM citations WHERE doc_seq = ?1 ORDER BY idx"},
      {"duplicates",
       "SELECT CASE WHEN x.a_seq = ?1 THEN x.b_seq ELSE x.a_seq END AS seq, d.title, x.similarity FROM duplicates x"
       " JOIN documents d ON d.seq = CASE WHEN x.a_seq = ?1 THEN x.b_seq ELSE x.a_seq END"
       " WHERE x.a_seq = ?1 OR x.b_seq = ?1"},
  };
  for (const Part& p : parts) {
    auto rows = db_.Rows(p.sql, {seq});
    if (!rows.ok()) return rows.status();
    (*doc)[p.key] = std::move(*rows);
  }
  Json reasons = Json::array();
  for (const Json& x : (*doc)["reasons"]) reasons.push_back(x["reason"]);
  (*doc)["reasons"] = std::move(reasons);
  (*doc)["url"] = SafeUrl((*doc)["url"]);
  return std::move(*doc);
}

Result<Json> Api::Search(const ApiRequest& r) {
  auto paging = ParsePaging(r, limits_.max_page_size, /*default_per_page=*/20);
  if (!paging.ok()) return paging.status();
  std::string match = Fts5Query(Param(r, "q"), /*prefix=*/false);
  if (match.empty()) return InvalidArgumentError("q: give at least one word to search for");
  auto total = db_.Int("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH ?1", {match});
  if (!total.ok()) return total.status();
  // Snippet marks are the control characters STX and ETX, which article text never holds
  // after ingest; the UI turns them into highlight elements (never into HTML).
  auto rows = db_.Rows(std::string("SELECT ") + kDocumentColumns +
                           ", snippet(documents_fts, 1, char(2), char(3), '…', 12) AS snippet"
                           " FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid"
                           " LEFT JOIN document_results r ON r.doc_seq = d.seq"
                           " WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2 OFFSET ?3",
                       {match, paging->per_page, paging->offset()});
  if (!rows.ok()) return rows.status();
  return PageOf(std::move(*rows), *paging, *total);
}

}  // namespace hearsay::serve

#include "serve/snapshot.h"

#include <algorithm>
#include <cctype>

namespace hearsay::serve {
namespace {

std::string LowerAscii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string Str(const Json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

Result<Json> Counts(Db& db) {
  Json out = Json::object();
  for (const char* t : {"documents", "entities", "claims", "clusters", "contradictions", "quotes", "attributions",
                        "provenance", "duplicates", "rejects"}) {
    auto n = db.Int(std::string("SELECT COUNT(*) FROM ") + t);
    if (!n.ok()) return n.status();
    out[t] = *n;
  }
  auto outlets = db.Int("SELECT COUNT(DISTINCT outlet) FROM document_results");
  if (!outlets.ok()) return outlets.status();
  out["outlets"] = *outlets;
  return out;
}

Result<std::vector<DocEntry>> Documents(Db& db) {
  auto rows = db.Rows(
      "SELECT d.seq, COALESCE(r.doc_id, d.id) AS id, d.title, COALESCE(r.outlet, d.outlet) AS outlet, d.published, d.url,"
      " r.credibility, r.est_earliest, r.est_latest FROM documents d LEFT JOIN document_results r ON r.doc_seq = d.seq");
  if (!rows.ok()) return rows.status();
  std::vector<DocEntry> docs;
  docs.reserve(rows->size());
  for (Json& row : *rows) {
    DocEntry e;
    e.seq = row["seq"].get<int64_t>();
    e.published = Str(row["published"]);
    e.outlet = Str(row["outlet"]);
    e.title_lower = LowerAscii(Str(row["title"]));
    e.row = std::move(row);
    docs.push_back(std::move(e));
  }
  std::sort(docs.begin(), docs.end(), [](const DocEntry& a, const DocEntry& b) {
    if (a.published.empty() != b.published.empty()) return b.published.empty();
    if (a.published != b.published) return a.published > b.published;
    return a.seq < b.seq;
  });
  return docs;
}

Result<std::map<std::string, std::vector<std::string>>> Timelines(Db& db) {
  auto rows = db.Rows(
      "SELECT c.claim_id, c.subject, c.object_entity, COALESCE(c.time_from, d.published) AS at FROM claims c"
      " JOIN documents d ON d.seq = c.doc_seq ORDER BY at IS NULL, at, c.doc_seq, c.idx");
  if (!rows.ok()) return rows.status();
  std::map<std::string, std::vector<std::string>> out;
  for (const Json& r : *rows) {
    std::string id = Str(r["claim_id"]), s = Str(r["subject"]), o = Str(r["object_entity"]);
    if (!s.empty()) out[s].push_back(id);
    if (!o.empty() && o != s) out[o].push_back(id);
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<const Snapshot>> Snapshot::Build(Db& db) {
  auto s = std::make_shared<Snapshot>();
  auto key = db.Row("SELECT value FROM graph_meta WHERE key = 'graph_run_id'");
  if (!key.ok()) return key.status();
  s->graph_key = key->is_null() ? "" : Str((*key)["value"]);
  auto counts = Counts(db);
  if (!counts.ok()) return counts.status();
  s->stats = std::move(*counts);
  auto docs = Documents(db);
  if (!docs.ok()) return docs.status();
  s->documents = std::move(*docs);
  auto contradictions = BuildContradictions(db);
  if (!contradictions.ok()) return contradictions.status();
  s->contradictions = std::move(*contradictions);
  auto outlets = BuildOutletTable(db);
  if (!outlets.ok()) return outlets.status();
  s->outlets = std::move(*outlets);
  auto timeline = Timelines(db);
  if (!timeline.ok()) return timeline.status();
  s->timeline = std::move(*timeline);
  return std::shared_ptr<const Snapshot>(std::move(s));
}

}  // namespace hearsay::serve

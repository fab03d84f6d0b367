// Api: outlets (who cites whom, who reported first) and what each run changed.
#include <algorithm>
#include <cctype>
#include <map>

#include "serve/api.h"
#include "serve/sql_text.h"

namespace hearsay::serve {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Sorts a list of {outlet, kind, count} by count, largest first.
void SortEdges(Json& edges) {
  std::stable_sort(edges.begin(), edges.end(), [](const Json& a, const Json& b) { return a["count"] > b["count"]; });
}

}  // namespace

Result<Json> BuildOutletTable(Db& db) {
  auto docs = db.Rows(
      "SELECT r.outlet AS name, COUNT(*) AS documents, MIN(d.published) AS first_published,"
      " MAX(d.published) AS last_published, AVG(r.credibility) AS mean_credibility"
      " FROM document_results r JOIN documents d ON d.seq = r.doc_seq WHERE r.outlet IS NOT NULL GROUP BY r.outlet");
  if (!docs.ok()) return docs.status();
  auto firsts = db.Rows(
      "SELECT r.outlet, COUNT(*) AS n FROM clusters c JOIN document_results r ON r.doc_seq = c.first_doc_seq"
      " WHERE r.outlet IS NOT NULL GROUP BY r.outlet");
  if (!firsts.ok()) return firsts.status();
  auto edges = db.Rows(
      "SELECT r.outlet AS source, p.outlet AS target, p.kind, COUNT(*) AS n FROM provenance p"
      " JOIN document_results r ON r.doc_seq = p.doc_seq WHERE r.outlet IS NOT NULL AND p.outlet <> r.outlet"
      " GROUP BY 1, 2, 3");
  if (!edges.ok()) return edges.status();
  std::map<std::string, Json> by_name;
  auto entry = [&](const std::string& name) -> Json& {
    Json& o = by_name[name];
    if (o.is_null())
      o = Json{{"name", name}, {"documents", 0}, {"first_reports", 0}, {"cites", Json::array()}, {"cited_by", Json::array()}};
    return o;
  };
  for (Json& d : *docs) {
    Json& o = entry(d["name"].get<std::string>());
    for (auto& [k, v] : d.items()) o[k] = v;
  }
  for (const Json& f : *firsts) entry(f["outlet"].get<std::string>())["first_reports"] = f["n"];
  for (const Json& e : *edges) {
    const std::string source = e["source"], target = e["target"];
    entry(source)["cites"].push_back(Json{{"outlet", target}, {"kind", e["kind"]}, {"count", e["n"]}});
    entry(target)["cited_by"].push_back(Json{{"outlet", source}, {"kind", e["kind"]}, {"count", e["n"]}});
  }
  Json table = Json::array();
  for (auto& [name, o] : by_name) {
    SortEdges(o["cites"]);
    SortEdges(o["cited_by"]);
    table.push_back(std::move(o));
  }
  std::stable_sort(table.begin(), table.end(), [](const Json& a, const Json& b) {
    return a["documents"] != b["documents"] ? a["documents"] > b["documents"] : a["cited_by"].size() > b["cited_by"].size();
  });
  return table;
}


Result<Json> Api::Outlets(const ApiRequest& r) {
  auto paging = ParsePaging(r, limits_.max_page_size);
  if (!paging.ok()) return paging.status();
  auto snap = Current();
  if (!snap.ok()) return snap.status();
  const std::string q = Lower(Param(r, "q"));
  constexpr size_t kEdgesInList = 8;
  Json items = Json::array();
  int64_t total = 0;
  for (const Json& o : (*snap)->outlets) {
    if (!q.empty() && Lower(o["name"].get<std::string>()).find(q) == std::string::npos) continue;
    if (++total <= paging->offset() || static_cast<int64_t>(items.size()) >= paging->per_page) continue;
    Json row = Json::object();
    for (const auto& [k, v] : o.items()) {
      if (!v.is_array()) {
        row[k] = v;
        continue;
      }
      row[k + "_total"] = v.size();
      row[k] = Json(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(std::min(v.size(), kEdgesInList)));
    }
    items.push_back(std::move(row));
  }
  return PageOf(std::move(items), *paging, total);
}

Result<Json> Api::Outlet(const ApiRequest& r) {
  auto snap = Current();
  if (!snap.ok()) return snap.status();
  const Json* found = nullptr;
  for (const Json& o : (*snap)->outlets)
    if (o["name"] == r.id) found = &o;
  if (!found) return NotFoundError("no outlet " + r.id);
  Json out = *found;  // with every edge (the list page shows the first few)
  auto firsts = db_.Rows(
      "SELECT k.cluster_id AS id, s.name AS subject_name, k.predicate, o.name AS object_name, k.object, k.value,"
      " k.first_date, k.first_doc_seq, k.grade, k.score, k.document_count FROM"
      " (SELECT * FROM clusters WHERE first_doc_seq IN (SELECT doc_seq FROM document_results WHERE outlet = ?1)"
      " ORDER BY document_count DESC, ord LIMIT 100) k LEFT JOIN entities s ON s.entity_id = k.subject"
      " LEFT JOIN entities o ON o.entity_id = k.object ORDER BY k.document_count DESC, k.ord",
      {r.id});
  if (!firsts.ok()) return firsts.status();
  out["first_reported"] = std::move(*firsts);
  return out;
}

Result<Json> Api::Changes(const ApiRequest& r) {
  auto run = IntParam(r, "run", 0);
  if (!run.ok()) return run.status();
  if (*run == 0) {
    auto runs = db_.Rows(
        "SELECT x.run_id AS id, u.command, u.started_at, u.finished_at,"
        " json_group_object(x.kind, x.n) AS counts_json FROM"
        " (SELECT run_id, kind, COUNT(*) AS n FROM run_changes GROUP BY run_id, kind) x"
        " LEFT JOIN runs u ON u.run_id = x.run_id GROUP BY x.run_id ORDER BY x.run_id DESC LIMIT 20");
    if (!runs.ok()) return runs.status();
    return Json{{"runs", std::move(*runs)}};
  }
  auto paging = ParsePaging(r, limits_.max_page_size);
  if (!paging.ok()) return paging.status();
  SqlFilter f;
  f.Add("c.run_id = $", *run);
  f.Add("c.kind = $", Param(r, "kind"));
  return Paged(*paging, "SELECT c.kind, c.ref, c.doc_seq, d.title AS doc_title, c.key, c.detail",
               "FROM run_changes c LEFT JOIN documents d ON d.seq = c.doc_seq" + f.Where(), "c.rowid", f.params);
}

}  // namespace hearsay::serve

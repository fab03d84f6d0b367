#include "serve/db.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>

namespace hearsay::serve {
namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Called by SQLite every 1,000 virtual machine steps: non-zero interrupts the statement.
int PastDeadline(void* arg) {
  const int64_t deadline = *static_cast<const int64_t*>(arg);
  return deadline > 0 && NowMs() > deadline ? 1 : 0;
}

Json ColumnValue(sqlite3_stmt* st, int col) {
  switch (sqlite3_column_type(st, col)) {
    case SQLITE_INTEGER: return Json(static_cast<int64_t>(sqlite3_column_int64(st, col)));
    case SQLITE_FLOAT: return Json(sqlite3_column_double(st, col));
    case SQLITE_NULL: return Json(nullptr);
    default: {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
      return Json(std::string(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(st, col))));
    }
  }
}

// Binds ?1..?N; parameters past the statement's last one are left out (a count query may
// share the parameters of the page query, which uses one more).
Status Bind(sqlite3_stmt* st, const std::vector<SqlParam>& params) {
  const size_t used = static_cast<size_t>(sqlite3_bind_parameter_count(st));
  for (size_t i = 0; i < params.size() && i < used; ++i) {
    int idx = static_cast<int>(i) + 1, rc = SQLITE_OK;
    const SqlParam& p = params[i];
    if (std::holds_alternative<std::nullptr_t>(p)) rc = sqlite3_bind_null(st, idx);
    else if (auto* n = std::get_if<int64_t>(&p)) rc = sqlite3_bind_int64(st, idx, *n);
    else if (auto* d = std::get_if<double>(&p)) rc = sqlite3_bind_double(st, idx, *d);
    else {
      const std::string& s = std::get<std::string>(p);
      rc = sqlite3_bind_text(st, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) return InternalError("binding parameter " + std::to_string(idx) + ": " + sqlite3_errstr(rc));
  }
  return Status();
}

}  // namespace

class Db::Lease {
 public:
  explicit Lease(Db& db) : db_(db), c_(db.Acquire()) {}
  ~Lease() { db_.Release(c_); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Connection* operator->() { return c_; }

 private:
  Db& db_;
  Connection* c_;
};

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, const DbOptions& options) {
  std::unique_ptr<Db> db(new Db(options));
  for (uint32_t i = 0; i < std::max<uint32_t>(1, options.connections); ++i) {
    auto c = std::make_unique<Connection>();
    int rc = sqlite3_open_v2(path.c_str(), &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string why = c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc);
      sqlite3_close(c->db);
      return UnavailableError(path + ": cannot open the store read-only (" + why + ")");
    }
    sqlite3_busy_timeout(c->db, 2000);
    // Memory-mapped reads share the OS page cache between connections: a store's fat rows
    // (documents hold text and raw bytes) are then read without copying into each
    // connection's own cache.
    sqlite3_exec(c->db, "PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -16384", nullptr, nullptr, nullptr);
    sqlite3_progress_handler(c->db, 1000, PastDeadline, &c->deadline_ms);
    db->free_.push_back(c.get());
    db->all_.push_back(std::move(c));
  }
  auto tables = db->Rows("SELECT name FROM sqlite_master WHERE type IN ('table','view')");
  if (!tables.ok()) return tables.status();
  for (const Json& t : *tables) db->tables_.push_back(t["name"].get<std::string>());
  std::sort(db->tables_.begin(), db->tables_.end());
  return db;
}

Db::~Db() {
  for (auto& c : all_) sqlite3_close(c->db);
}

Db::Connection* Db::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return !free_.empty(); });
  Connection* c = free_.back();
  free_.pop_back();
  return c;
}

void Db::Release(Connection* c) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(c);
  }
  cv_.notify_one();
}

bool Db::HasTable(const std::string& name) const { return std::binary_search(tables_.begin(), tables_.end(), name); }

Result<Json> Db::Rows(const std::string& sql, const std::vector<SqlParam>& params) {
  Lease c(*this);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(c->db, sql.c_str(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK)
    return InternalError(std::string("SQL: ") + sqlite3_errmsg(c->db));
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(st, sqlite3_finalize);
  HEARSAY_RETURN_IF_ERROR(Bind(st, params));
  const int cols = sqlite3_column_count(st);
  std::vector<std::pair<std::string, bool>> names;  // key, holds JSON text
  for (int i = 0; i < cols; ++i) {
    std::string n = sqlite3_column_name(st, i);
    bool is_json = n.size() > 5 && n.compare(n.size() - 5, 5, "_json") == 0;
    names.emplace_back(is_json ? n.substr(0, n.size() - 5) : n, is_json);
  }
  c->deadline_ms = NowMs() + options_.query_millis;
  Json rows = Json::array();
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    Json row = Json::object();
    for (int i = 0; i < cols; ++i) {
      Json v = ColumnValue(st, i);
      if (names[i].second && v.is_string()) {
        Json parsed = Json::parse(v.get<std::string>(), nullptr, /*allow_exceptions=*/false);
        if (!parsed.is_discarded()) v = std::move(parsed);
      }
      row[names[i].first] = std::move(v);
    }
    rows.push_back(std::move(row));
  }
  c->deadline_ms = 0;
  if (rc == SQLITE_INTERRUPT)
    return UnavailableError("query took longer than " + std::to_string(options_.query_millis) + " ms; narrow the filter");
  if (rc != SQLITE_DONE) return InternalError(std::string("SQL: ") + sqlite3_errmsg(c->db));
  return rows;
}

Result<Json> Db::Row(const std::string& sql, const std::vector<SqlParam>& params) {
  auto rows = Rows(sql, params);
  if (!rows.ok()) return rows.status();
  return rows->empty() ? Json(nullptr) : (*rows)[0];
}

Result<int64_t> Db::Int(const std::string& sql, const std::vector<SqlParam>& params) {
  auto row = Row(sql, params);
  if (!row.ok()) return row.status();
  if (row->is_null() || row->empty()) return int64_t{0};
  const Json& v = row->begin().value();
  return v.is_number_integer() ? v.get<int64_t>() : int64_t{0};
}

}  // namespace hearsay::serve

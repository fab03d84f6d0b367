#include "scale/mirror.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "scale/tsv.h"

namespace hearsay::scale {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtCloser>;

Result<Db> OpenDb(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return UnavailableError(path + ": cannot open: " + (raw ? sqlite3_errmsg(raw) : "out of memory"));
  sqlite3_busy_timeout(raw, 10000);
  return db;
}

Result<StmtPtr> Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
    return UnavailableError("SQLite: cannot prepare [" + sql.substr(0, 120) + "]: " + sqlite3_errmsg(db));
  return StmtPtr(s);
}

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

Result<std::vector<SqliteColumn>> ColumnsOf(sqlite3* db, const std::string& table) {
  auto s = Prepare(db, "PRAGMA table_info(" + table + ")");
  if (!s.ok()) return s.status();
  std::vector<SqliteColumn> cols;
  while (sqlite3_step(s->get()) == SQLITE_ROW) {
    SqliteColumn c;
    c.name = reinterpret_cast<const char*>(sqlite3_column_text(s->get(), 1));
    const unsigned char* t = sqlite3_column_text(s->get(), 2);
    c.declared_type = t ? reinterpret_cast<const char*>(t) : "";
    c.not_null = sqlite3_column_int(s->get(), 3) != 0;
    c.pk = sqlite3_column_int(s->get(), 5);
    cols.push_back(std::move(c));
  }
  if (cols.empty()) return NotFoundError("SQLite store has no table " + table);
  return cols;
}

void AppendValue(sqlite3_stmt* s, int i, TsvWriter& w) {
  switch (sqlite3_column_type(s, i)) {
    case SQLITE_NULL: w.Null(); break;
    case SQLITE_INTEGER: w.Int(sqlite3_column_int64(s, i)); break;
    case SQLITE_FLOAT: {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(s, i));
      w.Field(buf);
      break;
    }
    default: {
      const void* p = sqlite3_column_blob(s, i);
      int n = sqlite3_column_bytes(s, i);
      w.Field(std::string_view(p ? static_cast<const char*>(p) : "", static_cast<size_t>(n)));
    }
  }
}

// Fills `target` (already created) with every row of `table`, in bodies of about 32 MB.
Status CopyRows(sqlite3* db, const std::string& table, const std::vector<SqliteColumn>& cols, const std::string& target,
                ClickHouseClient& client) {
  std::string names;
  for (const SqliteColumn& c : cols) names += (names.empty() ? "" : ", ") + c.name;
  auto s = Prepare(db, "SELECT " + names + " FROM " + table);
  if (!s.ok()) return s.status();
  TsvWriter w;
  int rc;
  while ((rc = sqlite3_step(s->get())) == SQLITE_ROW) {
    for (int i = 0; i < static_cast<int>(cols.size()); ++i) AppendValue(s->get(), i, w);
    w.EndRow();
    if (w.body().size() >= (32u << 20)) {
      HEARSAY_RETURN_IF_ERROR(client.Insert(target, names, w.body()));
      w.Clear();
    }
  }
  if (rc != SQLITE_DONE) return UnavailableError("SQLite: reading " + table + " failed: " + sqlite3_errmsg(db));
  return client.Insert(target, names, w.body());
}

Status CopyTable(sqlite3* db, const std::string& table, ClickHouseClient& client) {
  auto cols = ColumnsOf(db, table);
  if (!cols.ok()) return cols.status();
  const std::string fresh = table + "__new", old = table + "__old";
  HEARSAY_RETURN_IF_ERROR(client.Execute("DROP TABLE IF EXISTS " + fresh));
  HEARSAY_RETURN_IF_ERROR(client.Execute(ClickHouseTableDdl(fresh, *cols)));
  HEARSAY_RETURN_IF_ERROR(CopyRows(db, table, *cols, fresh, client));
  auto exists = client.Rows("EXISTS TABLE " + table);
  if (!exists.ok()) return exists.status();
  bool had = !exists->empty() && !exists->front().empty() && exists->front()[0] == std::string("1");
  HEARSAY_RETURN_IF_ERROR(client.Execute("DROP TABLE IF EXISTS " + old));
  if (had) {
    HEARSAY_RETURN_IF_ERROR(client.Execute("RENAME TABLE " + table + " TO " + old + ", " + fresh + " TO " + table));
    return client.Execute("DROP TABLE IF EXISTS " + old);
  }
  return client.Execute("RENAME TABLE " + fresh + " TO " + table);
}

}  // namespace

std::string ClickHouseType(const SqliteColumn& c) {
  std::string t = Upper(c.declared_type), base = "String";
  if (t.find("INT") != std::string::npos) base = "Int64";
  else if (t.find("REAL") != std::string::npos || t.find("FLOA") != std::string::npos || t.find("DOUB") != std::string::npos)
    base = "Float64";
  return c.not_null || c.pk > 0 ? base : "Nullable(" + base + ")";
}

std::string ClickHouseTableDdl(const std::string& name, const std::vector<SqliteColumn>& columns) {
  std::string sql = "CREATE TABLE " + name + " (";
  std::vector<const SqliteColumn*> key;
  for (size_t i = 0; i < columns.size(); ++i) {
    sql += (i ? ", " : "") + columns[i].name + " " + ClickHouseType(columns[i]);
    if (columns[i].pk > 0) key.push_back(&columns[i]);
  }
  std::sort(key.begin(), key.end(), [](const SqliteColumn* a, const SqliteColumn* b) { return a->pk < b->pk; });
  std::string order;
  for (const SqliteColumn* k : key) order += (order.empty() ? "" : ", ") + k->name;
  return sql + ") ENGINE = MergeTree ORDER BY " + (order.empty() ? "tuple()" : "(" + order + ")");
}

Status CopyTablesToClickHouse(const std::string& sqlite_path, const std::vector<std::string>& tables, ClickHouseClient& client) {
  auto db = OpenDb(sqlite_path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return db.status();
  for (const std::string& t : tables) {
    Status s = CopyTable(db->get(), t, client);
    if (!s.ok()) return s.WithContext("copying graph table " + t + " to ClickHouse");
  }
  return Status::Ok();
}

Status ExecSqlite(const std::string& sqlite_path, const std::string& sql) {
  auto db = OpenDb(sqlite_path, SQLITE_OPEN_READWRITE);
  if (!db.ok()) return db.status();
  char* err = nullptr;
  if (sqlite3_exec(db->get(), sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return UnavailableError(sqlite_path + ": " + msg);
  }
  return Status::Ok();
}

Status PutAnalysesIntoSqlite(const std::string& sqlite_path, const std::string& pipeline,
                             const std::vector<std::pair<std::string, std::string>>& bodies) {
  auto db = OpenDb(sqlite_path, SQLITE_OPEN_READWRITE);
  if (!db.ok()) return db.status();
  sqlite3* h = db->get();
  if (sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) return UnavailableError(sqlite_path + ": " + sqlite3_errmsg(h));
  auto s = Prepare(h, "INSERT OR REPLACE INTO analyses(content_hash, pipeline, body) VALUES(?, ?, ?)");
  if (!s.ok()) return s.status();
  for (const auto& [hash, body] : bodies) {
    sqlite3_bind_text(s->get(), 1, hash.data(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(s->get(), 2, pipeline.data(), static_cast<int>(pipeline.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(s->get(), 3, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(s->get()) != SQLITE_DONE) return UnavailableError(sqlite_path + ": cannot cache an analysis: " + sqlite3_errmsg(h));
    sqlite3_reset(s->get());
  }
  if (sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return UnavailableError(sqlite_path + ": " + sqlite3_errmsg(h));
  return Status::Ok();
}

}  // namespace hearsay::scale

#pragma once
// Read-only SQL over a hearsay store for the server: a small pool of read-only SQLite
// connections, each statement bound with parameters (never spliced into the SQL) and cut
// off after a time budget. Rows come back as JSON objects keyed by column name; a column
// whose name ends in "_json" holds JSON text and is parsed into the key without the suffix
// (so `aliases_json` becomes "aliases": [...]).
//
//   auto db = Db::Open("hearsay.db", {.connections = 8, .query_millis = 2000});
//   auto rows = (*db)->Rows("SELECT id, title FROM documents WHERE outlet = ?1", {std::string("Page Six")});
//
// Errors: a query over its time budget is UNAVAILABLE ("query took longer than N ms"); an
// SQL error is INTERNAL with SQLite's message. Thread safety: all methods may be called
// from any thread; each call leases one connection for its duration.

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "hearsay/status.h"

struct sqlite3;

namespace hearsay::serve {

using Json = nlohmann::json;
using SqlParam = std::variant<std::nullptr_t, int64_t, double, std::string>;

struct DbOptions {
  uint32_t connections = 8;
  uint32_t query_millis = 2000;  // per statement
};

class Db {
 public:
  static Result<std::unique_ptr<Db>> Open(const std::string& path, const DbOptions& options);
  ~Db();
  Db(const Db&) = delete;  // owns connections
  Db& operator=(const Db&) = delete;

  // All rows of one SELECT, as an array of objects.
  Result<Json> Rows(const std::string& sql, const std::vector<SqlParam>& params = {});
  // The first row, or null when there is none.
  Result<Json> Row(const std::string& sql, const std::vector<SqlParam>& params = {});
  // The first column of the first row as an integer (0 when there is no row).
  Result<int64_t> Int(const std::string& sql, const std::vector<SqlParam>& params = {});
  // Whether the store holds a table (or view) of this name; read once at Open.
  bool HasTable(const std::string& name) const;

 private:
  struct Connection {
    sqlite3* db = nullptr;
    int64_t deadline_ms = 0;  // steady clock; the progress handler interrupts past it
  };
  class Lease;
  explicit Db(const DbOptions& options) : options_(options) {}
  Connection* Acquire();
  void Release(Connection* c);

  DbOptions options_;
  std::vector<std::unique_ptr<Connection>> all_;
  std::vector<Connection*> free_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> tables_;  // sorted
};

}  // namespace hearsay::serve

#pragma once
// A minimal ClickHouse client over the server's HTTP interface (cpp-httplib): statements,
// TabSeparated queries and TabSeparated inserts, against one database.
//
//   ClickHouseClient ch(*ParseClickHouseUrl("clickhouse://127.0.0.1:8123/news"));
//   HEARSAY_RETURN_IF_ERROR(ch.Execute("CREATE TABLE IF NOT EXISTS t (a Int64) ENGINE = MergeTree ORDER BY a"));
//   HEARSAY_RETURN_IF_ERROR(ch.Insert("t", "a", "1\n2\n"));
//   auto rows = ch.Rows("SELECT a FROM t ORDER BY a");  // Result<std::vector<TsvRow>>
//
// Contract:
//   * Every request names the database (HTTP parameter `database`), so unqualified table
//     names are the store's; statements run with the server's defaults for `default`.
//   * A server that cannot be reached is UNAVAILABLE naming host:port and the transport
//     error; a statement the server refuses is FAILED_PRECONDITION carrying the server's
//     own message ("Code: 60, e.displayText() = DB::Exception: Table ... doesn't exist")
//     and the start of the statement. Nothing is retried.
//   * Insert sends the rows as the POST body (no size limit of the SQL parser applies).
// Works with ClickHouse 18.16 (Debian bookworm) and later. Thread safety: one client per
// thread (each request opens its own connection).
#include <string>
#include <vector>

#include "hearsay/status.h"
#include "scale/clickhouse_url.h"
#include "scale/tsv.h"

namespace hearsay::scale {

class ClickHouseClient {
 public:
  explicit ClickHouseClient(ClickHouseUrl url) : url_(std::move(url)) {}
  const ClickHouseUrl& url() const { return url_; }

  Status Ping();
  // A statement without a result (DDL, INSERT ... SELECT, ...).
  Status Execute(const std::string& sql);
  // The raw response body of `sql` (add a FORMAT clause yourself).
  Result<std::string> Query(const std::string& sql);
  // `sql` (no FORMAT clause) with FORMAT TabSeparated, parsed.
  Result<std::vector<TsvRow>> Rows(const std::string& sql);
  // INSERT INTO table (columns) FORMAT TabSeparated with `tsv_rows` (TsvWriter::body()).
  Status Insert(const std::string& table, const std::string& columns, const std::string& tsv_rows);

  // The statement's HTTP target: "/?database=DB&query=..." (query percent-encoded; "" none).
  static std::string Target(const std::string& database, const std::string& query);

 private:
  Result<std::string> Post(const std::string& query_in_url, const std::string& body);
  ClickHouseUrl url_;
};

// `s` as a single-quoted ClickHouse string literal (backslash and quote escaped).
std::string SqlString(std::string_view s);

}  // namespace hearsay::scale

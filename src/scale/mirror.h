#pragma once
// SQLite tables copied into ClickHouse: `hearsay fuse` writes the graph into a local SQLite
// store with the embedded store's own code (src/store), then copies its graph tables into
// the ClickHouse store, so both backends hold the same tables with the same columns.
//
//   HEARSAY_RETURN_IF_ERROR(CopyTablesToClickHouse("/tmp/x/hearsay.db", {"claims", "clusters"}, client));
//
// Contract:
//   * The ClickHouse table of a SQLite table has the same name and columns, in order. Types
//     by SQLite's affinity of the declared type: *INT* -> Int64; REAL/FLOA/DOUB -> Float64;
//     anything else (TEXT, BLOB, none) -> String. A column that may be NULL (not NOT NULL,
//     not in the primary key) is Nullable. MergeTree ordered by the primary key (the rowid
//     alias or the declared key) when no key column is nullable, else tuple().
//   * Each table is replaced as a whole: filled as `<name>__new`, then renamed over the old
//     one in one RENAME, so a reader sees the old table or the new one, never half of one.
//   * Values are copied exactly (text and blobs byte for byte, reals with 17 digits).
//   * Errors name the table and carry SQLite's or the server's message.
// Thread safety: pure apart from the two databases.
#include <string>
#include <utility>
#include <vector>

#include "hearsay/status.h"
#include "scale/clickhouse_client.h"

namespace hearsay::scale {

struct SqliteColumn {
  std::string name;
  std::string declared_type;  // as written in CREATE TABLE ("INTEGER", "TEXT", "")
  bool not_null = false;
  int pk = 0;                 // position in the primary key, 0 when not part of it
};

// The ClickHouse type of a SQLite column (see the contract).
std::string ClickHouseType(const SqliteColumn& c);
// CREATE TABLE `name` (...) ENGINE = MergeTree ORDER BY ... for these columns.
std::string ClickHouseTableDdl(const std::string& name, const std::vector<SqliteColumn>& columns);

// Copies each of `tables` of the SQLite file `sqlite_path` into the client's database.
Status CopyTablesToClickHouse(const std::string& sqlite_path, const std::vector<std::string>& tables, ClickHouseClient& client);

// Runs `sql` (one or more statements) on the SQLite file at `sqlite_path`.
Status ExecSqlite(const std::string& sqlite_path, const std::string& sql);

// Puts cached analyses (content hash, body made by `pipeline`) into the `analyses` table
// of the SQLite store at `sqlite_path`, so Store::LoadAnalyses finds them.
Status PutAnalysesIntoSqlite(const std::string& sqlite_path, const std::string& pipeline,
                             const std::vector<std::pair<std::string, std::string>>& bodies);

}  // namespace hearsay::scale

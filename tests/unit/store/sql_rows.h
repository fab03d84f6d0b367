// The store tests' raw view of a SQLite file: the rows a query returns, for checks that look
// under the Store API (the full-text index, the schema's indexes).
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

namespace hearsay::store {

// The rows of `sql` on the database at `path`, each a list of its columns as text (NULL as
// ""); `param`, when given, is bound to the first parameter. A failure to open or prepare is a
// test failure and gives no rows.
inline std::vector<std::vector<std::string>> SqlRows(const std::string& path, const std::string& sql,
                                                     const std::optional<std::string>& param = std::nullopt) {
  std::vector<std::vector<std::string>> rows;
  sqlite3* h = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &h), SQLITE_OK) << path;
  sqlite3_stmt* q = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &q, nullptr), SQLITE_OK) << sql;
  if (q != nullptr && param) sqlite3_bind_text(q, 1, param->c_str(), -1, SQLITE_TRANSIENT);
  while (q != nullptr && sqlite3_step(q) == SQLITE_ROW) {
    std::vector<std::string>& row = rows.emplace_back();
    for (int c = 0; c < sqlite3_column_count(q); ++c) {
      const unsigned char* text = sqlite3_column_text(q, c);
      row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
    }
  }
  sqlite3_finalize(q);
  sqlite3_close(h);
  return rows;
}

}  // namespace hearsay::store

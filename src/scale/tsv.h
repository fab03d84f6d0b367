#pragma once
// ClickHouse's TabSeparated format, as hearsay writes and reads it over HTTP: one row a
// line, fields separated by a tab, NULL written \N, and in a field the bytes \\ \t \n \r
// \0 \b \f escaped with a backslash (every other byte, UTF-8 or not, as it is). This is
// the format of `INSERT ... FORMAT TabSeparated` and `SELECT ... FORMAT TabSeparated`.
//
//   TsvWriter w;
//   w.Field("a\tb").Int(7).Null().EndRow();   // "a\\tb\t7\t\\N\n"
//   auto rows = ParseTsv(body);               // Result<std::vector<TsvRow>>
//
// Contract: ParseTsv(rows written by TsvWriter) gives the same fields back (NULL as
// nullopt), for any bytes. A body that does not end in a newline, or a field ending in a
// lone backslash, is DATA_LOSS naming the row. Thread safety: plain values.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"

namespace hearsay::scale {

// Appends `field` escaped for TabSeparated to `out`.
void AppendTsvEscaped(std::string_view field, std::string* out);
std::string TsvEscaped(std::string_view field);

// Builds a TabSeparated body row by row.
class TsvWriter {
 public:
  TsvWriter& Field(std::string_view v);
  TsvWriter& OptField(const std::optional<std::string>& v) { return v ? Field(std::string_view(*v)) : Null(); }
  TsvWriter& Int(int64_t v);
  TsvWriter& Uint(uint64_t v);
  TsvWriter& Null();
  void EndRow();
  const std::string& body() const { return body_; }
  size_t rows() const { return rows_; }
  void Clear() {
    body_.clear();
    rows_ = 0;
    first_ = true;
  }

 private:
  void Separate();
  std::string body_;
  size_t rows_ = 0;
  bool first_ = true;
};

using TsvRow = std::vector<std::optional<std::string>>;  // nullopt: NULL

Result<std::vector<TsvRow>> ParseTsv(std::string_view body);

}  // namespace hearsay::scale

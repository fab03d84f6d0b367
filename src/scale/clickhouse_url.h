#pragma once
// Where a ClickHouse store lives: `clickhouse://HOST[:PORT]/DATABASE`, talked to over the
// server's HTTP interface (PORT is its http_port, 8123 when omitted), as ClickHouse's
// `default` user without a password.
//
//   auto url = ParseClickHouseUrl("clickhouse://127.0.0.1:8123/news");
//   // url->host "127.0.0.1", url->port 8123, url->database "news"
//
// Contract: HOST is a name or IPv4 address (letters, digits, '.', '-'); PORT 1..65535;
// DATABASE a ClickHouse identifier ([A-Za-z_][A-Za-z0-9_]*, at most 64 bytes) so it can be
// written into SQL unquoted. Anything else is INVALID_ARGUMENT saying what is wrong.
// Thread safety: pure.
#include <string>
#include <string_view>

#include "hearsay/status.h"

namespace hearsay::scale {

struct ClickHouseUrl {
  std::string host;
  int port = 8123;
  std::string database;
  std::string ToString() const;  // the canonical clickhouse://host:port/database
};

// True when `store` names a ClickHouse store (starts with "clickhouse://").
bool IsClickHouseUrl(std::string_view store);
Result<ClickHouseUrl> ParseClickHouseUrl(std::string_view url);

// True for a ClickHouse identifier hearsay writes unquoted (see above).
bool IsPlainIdentifier(std::string_view name);

}  // namespace hearsay::scale

#include "scale/clickhouse_client.h"

#include <httplib.h>

namespace hearsay::scale {
namespace {

std::string PercentEncoded(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Start(const std::string& sql) {
  std::string s = sql.substr(0, 160);
  for (char& c : s)
    if (c == '\n' || c == '\t') c = ' ';
  return sql.size() > 160 ? s + "..." : s;
}

}  // namespace

std::string SqlString(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string ClickHouseClient::Target(const std::string& database, const std::string& query) {
  std::string t = "/?database=" + PercentEncoded(database);
  if (!query.empty()) t += "&query=" + PercentEncoded(query);
  return t;
}

Result<std::string> ClickHouseClient::Post(const std::string& query_in_url, const std::string& body) {
  httplib::Client cli(url_.host, url_.port);
  cli.set_connection_timeout(10, 0);
  cli.set_read_timeout(3600, 0);  // a corpus-wide GROUP BY may take long on a big store
  cli.set_write_timeout(600, 0);
  auto res = cli.Post(Target(url_.database, query_in_url), body, "text/plain; charset=UTF-8");
  std::string where = "ClickHouse at " + url_.host + ":" + std::to_string(url_.port);
  if (!res) return UnavailableError(where + ": " + httplib::to_string(res.error()));
  if (res->status != 200) {
    std::string msg = res->body;
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return FailedPreconditionError(where + " refused [" + Start(query_in_url.empty() ? body : query_in_url) + "] (HTTP " +
                                   std::to_string(res->status) + "): " + msg);
  }
  return std::move(res->body);
}

Status ClickHouseClient::Ping() {
  auto r = Query("SELECT 1");
  return r.ok() ? Status::Ok() : r.status();
}

Status ClickHouseClient::Execute(const std::string& sql) {
  auto r = Post("", sql);
  return r.ok() ? Status::Ok() : r.status();
}

Result<std::string> ClickHouseClient::Query(const std::string& sql) { return Post("", sql); }

Result<std::vector<TsvRow>> ClickHouseClient::Rows(const std::string& sql) {
  auto body = Post("", sql + " FORMAT TabSeparated");
  if (!body.ok()) return body.status();
  auto rows = ParseTsv(*body);
  if (!rows.ok()) return rows.status().WithContext("ClickHouse at " + url_.host + ":" + std::to_string(url_.port));
  return rows;
}

Status ClickHouseClient::Insert(const std::string& table, const std::string& columns, const std::string& tsv_rows) {
  if (tsv_rows.empty()) return Status::Ok();
  auto r = Post("INSERT INTO " + table + " (" + columns + ") FORMAT TabSeparated", tsv_rows);
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace hearsay::scale

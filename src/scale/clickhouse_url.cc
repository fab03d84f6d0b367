#include "scale/clickhouse_url.h"

#include <cctype>

namespace hearsay::scale {
namespace {
constexpr std::string_view kScheme = "clickhouse://";
}

std::string ClickHouseUrl::ToString() const {
  return std::string(kScheme) + host + ":" + std::to_string(port) + "/" + database;
}

bool IsClickHouseUrl(std::string_view store) { return store.substr(0, kScheme.size()) == kScheme; }

bool IsPlainIdentifier(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    bool ok = std::isalpha(c) || c == '_' || (i > 0 && std::isdigit(c));
    if (!ok || c > 127) return false;
  }
  return true;
}

Result<ClickHouseUrl> ParseClickHouseUrl(std::string_view url) {
  auto bad = [&](const std::string& why) {
    return InvalidArgumentError("store URL '" + std::string(url) + "': " + why + " (expected clickhouse://HOST[:PORT]/DATABASE)");
  };
  if (!IsClickHouseUrl(url)) return bad("not a clickhouse:// URL");
  std::string_view rest = url.substr(kScheme.size());
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return bad("no database after the host");
  std::string_view authority = rest.substr(0, slash), database = rest.substr(slash + 1);
  ClickHouseUrl out;
  size_t colon = authority.find(':');
  std::string_view host = authority.substr(0, colon);
  if (host.empty()) return bad("no host");
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return bad("host has a character other than letters, digits, '.' and '-'");
  out.host = std::string(host);
  if (colon != std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5) return bad("port must be 1..65535");
    int p = 0;
    for (char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return bad("port must be a number");
      p = p * 10 + (c - '0');
    }
    if (p < 1 || p > 65535) return bad("port must be 1..65535");
    out.port = p;
  }
  if (!database.empty() && database.back() == '/') database.remove_suffix(1);
  if (!IsPlainIdentifier(database)) return bad("database must be [A-Za-z_][A-Za-z0-9_]*, at most 64 bytes");
  out.database = std::string(database);
  return out;
}

}  // namespace hearsay::scale

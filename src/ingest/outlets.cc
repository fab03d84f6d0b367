// URL hosts and the outlet names they stand for (data/outlets/hosts.tsv, compiled in).
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ingest/hosts_data.h"
#include "ingest/ingest.h"

namespace hearsay::ingest {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The table parsed once; immutable afterwards (safe to read from any thread).
const std::unordered_map<std::string, std::string>& HostTable() {
  static const std::unordered_map<std::string, std::string> table = [] {
    std::unordered_map<std::string, std::string> t;
    std::string_view all(generated::kHostsTsv);
    while (!all.empty()) {
      size_t nl = all.find('\n');
      std::string_view line = all.substr(0, nl);
      all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
      size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
      t.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
    return t;
  }();
  return table;
}

}  // namespace

std::string HostOfUrl(std::string_view url) {
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front()))) url.remove_prefix(1);
  for (int hops = 0; hops < 4; ++hops) {  // web.archive.org/web/STAMP/URL reads through
    size_t scheme = url.find("://");
    size_t slash = url.find('/');
    if (scheme != std::string_view::npos && scheme < slash) url.remove_prefix(scheme + 3);
    else if (url.substr(0, 2) == "//") url.remove_prefix(2);
    std::string host = LowerAscii(url.substr(0, url.find_first_of("/?#:@ \t")));
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
    if (host == "web.archive.org") {
      std::string_view rest = url.substr(std::min(url.size(), url.find('/')));
      if (rest.rfind("/web/", 0) == 0) {
        size_t next = rest.find('/', 5);
        if (next != std::string_view::npos) {
          url = rest.substr(next + 1);
          continue;
        }
      }
    }
    bool ok = host.find('.') != std::string::npos && host.front() != '.' && host.back() != '.';
    for (char c : host) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-');
    return ok ? host : std::string();
  }
  return {};
}

std::string OutletForHost(std::string_view host) {
  const auto& table = HostTable();
  std::string h = LowerAscii(host);
  if (h.rfind("www.", 0) == 0) h = h.substr(4);
  for (std::string_view rest = h; rest.find('.') != std::string_view::npos; rest = rest.substr(rest.find('.') + 1)) {
    auto it = table.find(std::string(rest));
    if (it != table.end()) return it->second;
  }
  return h;
}

std::string OutletName(std::string_view name_or_host) {
  std::string_view s = name_or_host;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  bool host_like = s.find('.') != std::string_view::npos && s.find(' ') == std::string_view::npos;
  if (!host_like) return std::string(s);
  std::string host = HostOfUrl(s);
  if (host.empty()) return std::string(s);
  std::string name = OutletForHost(host);
  bool url = s.find('/') != std::string_view::npos;
  return name != host || url ? name : std::string(s);  // "GlossDaily.com" as written when no row names it
}

}  // namespace hearsay::ingest

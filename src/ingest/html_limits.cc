#include "ingest/internal/html_limits.h"

#include <cctype>
#include <string>

namespace hearsay::ingest::internal {
namespace {

bool Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Offset just past the first case-insensitive occurrence of `needle` at or after `from`.
size_t PastCaseless(std::string_view s, size_t from, std::string_view needle) {
  for (size_t i = s.find('<', from); i != std::string_view::npos; i = s.find('<', i + 1)) {
    size_t k = 0;
    while (k < needle.size() && i + k < s.size() &&
           std::tolower(static_cast<unsigned char>(s[i + k])) == needle[k])
      ++k;
    if (k == needle.size()) return i + k;
  }
  return s.size();
}

// Counts the attributes of the start tag whose name ends at `i`; returns the offset past
// its '>' and sets *count. Stops counting (but not scanning) past `limit`.
size_t ScanAttributes(std::string_view s, size_t i, uint64_t limit, uint64_t* count) {
  *count = 0;
  while (i < s.size()) {
    while (i < s.size() && (Space(s[i]) || s[i] == '/')) ++i;
    if (i >= s.size() || s[i] == '>') return i + 1;
    if (*count <= limit) ++*count;
    const size_t name_begin = i;  // a name may start with '=' but not hold another one
    while (i < s.size() && !Space(s[i]) && s[i] != '/' && s[i] != '>' && (s[i] != '=' || i == name_begin)) ++i;
    while (i < s.size() && Space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && Space(s[i])) ++i;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      size_t close = s.find(s[i], i + 1);
      i = close == std::string_view::npos ? s.size() : close + 1;
    } else {
      while (i < s.size() && !Space(s[i]) && s[i] != '>') ++i;
    }
  }
  return i;
}

}  // namespace

bool TagWithTooManyAttributes(std::string_view s, uint32_t max_attributes, uint64_t* tag_byte, uint64_t* count) {
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.substr(i, 4) == "<!--") {
      size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    size_t k = i + 1;
    if (k >= s.size() || !std::isalpha(static_cast<unsigned char>(s[k]))) {
      ++i;
      continue;
    }
    std::string name;
    while (k < s.size() && !Space(s[k]) && s[k] != '/' && s[k] != '>')
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[k++])));
    uint64_t n = 0;
    size_t next = ScanAttributes(s, k, max_attributes, &n);
    if (n > max_attributes) {
      *tag_byte = i;
      *count = n;
      return true;
    }
    i = next;
    if (name == "script" || name == "style") i = PastCaseless(s, i, "</" + name);
  }
  return false;
}

}  // namespace hearsay::ingest::internal

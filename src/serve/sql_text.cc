#include "serve/sql_text.h"

#include <algorithm>
#include <cctype>

namespace hearsay::serve {

std::string Fts5Query(const std::string& text, bool prefix) {
  std::string out, word;
  int words = 0;
  auto flush = [&] {
    if (word.empty() || words >= 16) return word.clear();
    if (!out.empty()) out += ' ';
    out += '"' + word + '"';
    word.clear();
    ++words;
  };
  for (unsigned char c : text) {
    // Bytes >= 0x80 are parts of UTF-8 letters (accented names); FTS5's tokenizer folds them.
    if (std::isalnum(c) || c >= 0x80) word += static_cast<char>(c);
    else flush();
  }
  flush();
  if (prefix && !out.empty()) out += '*';
  return out;
}

std::string LikeEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

void SqlFilter::Add(const std::string& condition, const SqlParam& value) {
  if (auto* text = std::get_if<std::string>(&value); text && text->empty()) return;
  params.push_back(value);
  const std::string placeholder = "?" + std::to_string(params.size());
  std::string sql;
  for (char c : condition) sql += c == '$' ? placeholder : std::string(1, c);
  conditions += (conditions.empty() ? "" : " AND ") + sql;
}

Json SafeUrl(const Json& url) {
  if (!url.is_string()) return nullptr;
  std::string s = url.get<std::string>(), lower = s.substr(0, 8);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0) return s;
  return nullptr;
}

}  // namespace hearsay::serve

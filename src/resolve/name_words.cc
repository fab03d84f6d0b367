// Parsing of data/names/*.tsv (name_words.h).
#include "resolve/name_words.h"

#include <cstdio>
#include <vector>

#include "resolve/name_words_data.h"

namespace hearsay::resolve {
namespace {

bool ClassFromName(std::string_view name, NameWordClass* c) {
  static constexpr std::pair<std::string_view, NameWordClass> kNames[] = {
      {"title", NameWordClass::kTitle},
      {"rank", NameWordClass::kRank},
      {"suffix", NameWordClass::kSuffix},
      {"particle", NameWordClass::kParticle}};
  for (const auto& [n, v] : kNames)
    if (n == name) return *c = v, true;
  return false;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1)
    cols.push_back(line.substr(start, tab - start));
  cols.push_back(line.substr(start));
  return cols;
}

// One data row of `file` into *out; an error message, or "" when the row is good.
std::string AddRow(bool nicknames, const std::vector<std::string_view>& cols, NameWords* out) {
  if (cols.size() != 2 || cols[0].empty() || cols[1].empty()) return "expected 2 non-empty columns";
  std::string word(cols[0]);
  if (nicknames) return out->nicknames.emplace(word, std::string(cols[1])).second ? "" : "a short form given twice";
  NameWordClass c;
  if (!ClassFromName(cols[1], &c)) return "unknown class \"" + std::string(cols[1]) + "\"";
  return out->classes.emplace(word, c).second ? "" : "a word given twice";
}

}  // namespace

bool NameWords::Is(const std::string& word, NameWordClass c) const {
  auto it = classes.find(word);
  return it != classes.end() && it->second == c;
}

const std::string& NameWords::CanonicalFirst(const std::string& first) const {
  auto it = nicknames.find(first);
  return it == nicknames.end() ? first : it->second;
}

Status ParseNameWordsFile(std::string_view path, std::string_view text, NameWords* out) {
  bool nicknames = path.ends_with("/nicknames.tsv");
  if (!nicknames && !path.ends_with("/name_words.tsv"))
    return NotFoundError(std::string(path) + ": not a name word file (nicknames.tsv, name_words.tsv)");
  size_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::string err = AddRow(nicknames, SplitTabs(line), out);
    if (!err.empty())
      return InvalidArgumentError(std::string(path) + ":" + std::to_string(line_no) + ": " + err + ": \"" +
                                  std::string(line) + "\"");
  }
  return Status::Ok();
}

const NameWords& DefaultNameWords() {
  static const NameWords* words = [] {
    auto* w = new NameWords();
    for (const auto& f : generated::kNameFiles) {
      Status s = ParseNameWordsFile(f.path, f.text, w);
      // The embedded files are part of the build; a bad one is a defect the unit tests catch.
      if (!s.ok()) std::fprintf(stderr, "hearsay: name words: %s\n", s.ToString().c_str());
    }
    return w;
  }();
  return *words;
}

}  // namespace hearsay::resolve

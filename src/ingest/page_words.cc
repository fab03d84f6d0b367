// Word classes of the main-text extractor (see internal/page_words.h).
#include "ingest/internal/page_words.h"

#include <algorithm>
#include <cassert>
#include <cctype>

#include "ingest/page_words_data.h"

namespace hearsay::ingest::internal {

Result<PageWords> ParsePageWords(std::string_view tsv, const std::string& source) {
  PageWords w;
  const std::pair<const char*, std::vector<std::string>*> kinds[] = {
      {"boilerplate", &w.boilerplate}, {"content", &w.content},         {"breakpoint", &w.breakpoint},
      {"button", &w.button},           {"button_text", &w.button_text}, {"line_prefix", &w.line_prefix},
      {"line_word", &w.line_word}};
  uint64_t line_no = 0;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto where = [&] { return source + ":" + std::to_string(line_no) + ": "; };
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return InvalidArgumentError(where() + "expected kind<TAB>word, found no tab");
    std::string_view kind = line.substr(0, tab);
    std::string word(line.substr(tab + 1));
    std::vector<std::string>* list = nullptr;
    for (const auto& [name, target] : kinds)
      if (kind == name) list = target;
    if (!list) return InvalidArgumentError(where() + "unknown kind '" + std::string(kind) + "'");
    if (word.empty()) return InvalidArgumentError(where() + "empty word");
    if (std::any_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
      return InvalidArgumentError(where() + "word '" + word + "' is not lower case");
    if (std::find(list->begin(), list->end(), word) != list->end())
      return InvalidArgumentError(where() + "word '" + word + "' listed twice as " + std::string(kind));
    list->push_back(std::move(word));
  }
  return w;
}

const PageWords& EmbeddedPageWords() {
  static const PageWords words = [] {
    auto parsed = ParsePageWords(generated::kPageWordsTsv, "data/web/page_words.tsv");
    assert(parsed.ok());
    return parsed.ok() ? std::move(parsed).value() : PageWords{};
  }();
  return words;
}

}  // namespace hearsay::ingest::internal

#pragma once
// Word classes of the main-text extractor, read from data/web/page_words.tsv (compiled
// in). Each row is `kind<TAB>word`; `#` starts a comment line. Kinds and their use:
//   boilerplate / content  class and id words of page furniture and of article content
//   breakpoint             screen-size words closing a responsive utility ("hidden-xs")
//   button                 class/id words of links styled as buttons
//   button_text            opening words of a link that calls to act ("donate", "join now")
//   line_prefix            a short line opening with one is furniture ("Read more: ...")
//   line_word              a short line holding one (from a word start) is furniture
// All words are lower case.
//
//   const PageWords& w = EmbeddedPageWords();
//   for (const std::string& x : w.boilerplate) ...
//
// Thread safety: the embedded table is parsed once and immutable afterwards.
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"

namespace hearsay::ingest::internal {

struct PageWords {
  std::vector<std::string> boilerplate, content, breakpoint, button, button_text, line_prefix, line_word;
};

// Parses a table in the format above. Errors (INVALID_ARGUMENT) name `source`, the line
// and what was expected: a row without a tab, an unknown kind, an empty or upper-case
// word, a word listed twice under one kind.
Result<PageWords> ParsePageWords(std::string_view tsv, const std::string& source);

// The table compiled from data/web/page_words.tsv (its parse is checked by a unit test;
// a broken table here is a build defect, so this asserts).
const PageWords& EmbeddedPageWords();

}  // namespace hearsay::ingest::internal

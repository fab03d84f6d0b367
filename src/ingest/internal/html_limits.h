#pragma once
// A cheap, linear pre-check run before the HTML parser: gumbo's cost grows with the square
// of the number of attributes on one tag (it looks for a duplicate name before adding
// each), so a page with 300,000 attributes on one tag would stall it for minutes.
#include <cstdint>
#include <string_view>

namespace hearsay::ingest::internal {

// Scans start tags the way an HTML tokenizer does (names, quoted and unquoted values,
// comments and script/style contents skipped) and returns true when one tag carries more
// than `max_attributes` attributes; *tag_byte is then the offset of its '<' and *count the
// number counted (counting stops just past the limit). O(size of the page).
bool TagWithTooManyAttributes(std::string_view html, uint32_t max_attributes, uint64_t* tag_byte, uint64_t* count);

}  // namespace hearsay::ingest::internal

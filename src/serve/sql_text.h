#pragma once
// Turning what a user typed into safe SQL parameters: FTS5 queries of quoted words (no
// FTS5 operator a user types is ever interpreted), LIKE patterns with their wildcards
// escaped, and links that may be shown (http and https only).
#include <string>
#include <vector>

#include "serve/db.h"

namespace hearsay::serve {

// Words of `text` (letters and digits; other characters split words), each double-quoted,
// joined by spaces (all must match). With `prefix`, the last word matches as a prefix
// ("tom cru" finds "Tom Cruise"). At most 16 words. Empty when `text` has no word.
std::string Fts5Query(const std::string& text, bool prefix);

// `text` with %, _ and \ escaped by '\' for LIKE ... ESCAPE '\'.
std::string LikeEscape(const std::string& text);

// The WHERE clause of the filters a request gives, so that SQLite can use the index of
// each filter present (a "(?1 = '' OR col = ?1)" clause would scan the table).
//   SqlFilter f;
//   f.Add("(subject = $ OR object = $)", entity);   // $ is this filter's parameter
//   db.Rows("SELECT ... FROM clusters" + f.Where(), f.params);
struct SqlFilter {
  // Adds `condition` when `value` is not empty; every $ in it becomes the value's ?N.
  void Add(const std::string& condition, const SqlParam& value);
  std::string Where() const { return conditions.empty() ? "" : " WHERE " + conditions; }
  std::string conditions;
  std::vector<SqlParam> params;
};

// The URL when it starts with http:// or https:// (case-insensitive), else null: a
// "javascript:" link from an article must never become a link.
Json SafeUrl(const Json& url);

}  // namespace hearsay::serve

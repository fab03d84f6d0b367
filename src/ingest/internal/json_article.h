#pragma once
// One article from a parsed JSON object (shared by the JSON Lines and JSON readers).
#include <nlohmann/json.hpp>

#include <string>

#include "hearsay/document.h"
#include "hearsay/status.h"

namespace hearsay::ingest {

// Reads id, url, outlet (a name, or a host mapped to one), published, title, text, authors
// (cleaned), every other scalar field into metadata. `where` ("file:LINE", "file#3")
// prefixes errors and becomes Document::path; `raw` becomes Document::raw.
// Errors (DATA_LOSS): not an object, no string "text", empty text.
Result<Document> ParseJsonArticle(const std::string& where, const nlohmann::json& j, std::string raw);

}  // namespace hearsay::ingest

#pragma once
// One article from a parsed JSON object (shared by the JSON Lines and JSON readers).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "hearsay/document.h"
#include "hearsay/status.h"
#include "ingest/ingest.h"

namespace hearsay::ingest {

// Junk pages are not tested here but by the file readers (IngestJson, IngestJsonLines).
// Reads id, url, outlet (a name, or a host mapped to one), published, title, text, authors
// (as given), every other scalar field into metadata. `where` ("file:LINE", "file#3")
// prefixes errors and becomes Document::path; `raw` becomes Document::raw.
// Errors (DATA_LOSS): not an object, no string "text", empty text.
Result<Document> ParseJsonArticle(const std::string& where, const nlohmann::json& j, std::string raw);

}  // namespace hearsay::ingest

namespace hearsay::ingest::internal {

// A Reject from a reader's error "PATH[:LINE]: reason": path and line prefix removed.
Reject MakeReject(const std::string& path, std::optional<std::string> where, const Status& s);

// JSON Lines: one article per non-blank line; a bad line is a Reject "line N" with the
// parser's reason; a file with no records is one Reject.
void IngestJsonLines(const std::string& path, const std::string& bytes, DocumentSink& sink);

// A .json file (or JSON on stdin): one article object, an array of them, or
// {"articles": [...]}; array items become Documents "PATH#N" or Rejects "item N". Input
// starting with '{' that is not one JSON value is read as JSON Lines. Anything else is
// one Reject saying what was expected and how to convert.
void IngestJson(const std::string& path, const std::string& bytes, DocumentSink& sink);

// Non-empty (the reason) when `bytes` start with the magic of a document format hearsay
// does not read (PDF, zip/docx, bzip2, xz), with how to convert it. (Other binary data is
// rejected by the readers as binary, with the offending byte.)
std::string UnreadableFormat(std::string_view bytes);

}  // namespace hearsay::ingest::internal

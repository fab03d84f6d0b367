// JSON inputs: JSON Lines files, and .json files holding one article, an array of articles
// or {"articles": [...]}. Also the messages for formats hearsay does not read.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "ingest/internal/json_article.h"
#include "ingest/internal/junk.h"

namespace hearsay::ingest::internal {

// A record that parsed but is a junk page (captcha, HTTP error, expired domain, cookie
// wall) becomes a Reject; the per-record parsers leave that to file ingest, so trainers
// reading a corpus see every record.
Status CheckRecord(const Document& doc) {
  return CheckArticleText(doc.title, doc.text.substr(std::min<size_t>(doc.body_byte_begin, doc.text.size())), 0);
}

// Splits "file: reason" messages produced by the readers into where/reason for a Reject.
Reject MakeReject(const std::string& path, std::optional<std::string> where, const Status& s) {
  std::string msg = s.message();
  // Readers prefix their message with the path (and ":LINE"); the Reject keeps them apart.
  std::string prefix = path + ":";
  if (msg.rfind(prefix, 0) == 0) {
    msg = msg.substr(prefix.size());
    size_t k = 0;
    while (k < msg.size() && std::isdigit(static_cast<unsigned char>(msg[k]))) ++k;
    if (k > 0 && k < msg.size() && msg[k] == ':') msg = msg.substr(k + 1);
    while (!msg.empty() && msg.front() == ' ') msg.erase(0, 1);
  }
  return Reject{path, std::move(where), "ingest", msg};
}

void IngestJsonLines(const std::string& path, const std::string& bytes, DocumentSink& sink) {
  uint64_t line_no = 0;
  size_t pos = 0;
  bool any = false;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string::npos) end = bytes.size();
    ++line_no;
    std::string_view line(bytes.data() + pos, end - pos);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    bool blank = std::all_of(line.begin(), line.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (blank) continue;
    any = true;
    Result<Document> doc = ParseJsonLine(path, line_no, line);
    if (doc.ok()) doc = CheckRecord(*doc).ok() ? std::move(doc) : Result<Document>(CheckRecord(*doc).WithContext(path));
    if (doc.ok()) {
      sink.OnDocument(std::move(doc).value());
    } else {
      sink.OnReject(MakeReject(path, "line " + std::to_string(line_no), doc.status()));
    }
  }
  if (!any) sink.OnReject(Reject{path, std::nullopt, "ingest", "empty file (no JSON Lines records)"});
}

namespace {

constexpr const char* kJsonExpected =
    "expected one article object {\"title\", \"text\", ...}, an array of such objects, {\"articles\": [...]}, "
    "or JSON Lines (one object per line); an array converts to JSON Lines with: jq -c '.[]' FILE > FILE.jsonl";

void IngestJsonArray(const std::string& path, const nlohmann::json& items, DocumentSink& sink) {
  if (items.empty()) return sink.OnReject(Reject{path, std::nullopt, "ingest", "empty array (no articles)"});
  uint64_t index = 0;
  for (const auto& item : items) {
    ++index;
    const std::string where = path + "#" + std::to_string(index);
    Result<Document> doc = ParseJsonArticle(where, item, item.dump());
    if (doc.ok()) doc = CheckRecord(*doc).ok() ? std::move(doc) : Result<Document>(CheckRecord(*doc).WithContext(where));
    if (doc.ok()) {
      sink.OnDocument(std::move(doc).value());
      continue;
    }
    std::string reason = doc.status().message();
    if (reason.rfind(where + ": ", 0) == 0) reason = reason.substr(where.size() + 2);
    sink.OnReject(Reject{path, "item " + std::to_string(index), "ingest", reason});
  }
}

}  // namespace

void IngestJson(const std::string& path, const std::string& bytes, DocumentSink& sink) {
  size_t first = 0;
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) first = 3;
  while (first < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[first]))) ++first;
  if (first == bytes.size()) return sink.OnReject(Reject{path, std::nullopt, "ingest", "empty file (no JSON)"});
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(bytes.begin() + static_cast<std::ptrdiff_t>(first), bytes.end());
  } catch (const nlohmann::json::parse_error& e) {
    if (bytes[first] == '{') return IngestJsonLines(path, bytes, sink);  // several objects: JSON Lines
    uint64_t at = first + (e.byte > 0 ? e.byte - 1 : 0);
    return sink.OnReject(Reject{path, "byte " + std::to_string(at), "ingest",
                                std::string("not valid JSON at byte ") + std::to_string(at) + "; " + kJsonExpected});
  } catch (const nlohmann::json::exception& e) {
    return sink.OnReject(Reject{path, std::nullopt, "ingest", std::string("not valid JSON (") + e.what() + "); " + kJsonExpected});
  }
  if (j.is_array()) return IngestJsonArray(path, j, sink);
  if (j.is_object() && j.contains("articles") && j["articles"].is_array() && !j.contains("text"))
    return IngestJsonArray(path, j["articles"], sink);
  if (j.is_object() && j.contains("text")) {
    Result<Document> doc = ParseJsonArticle(path, j, bytes);
    if (doc.ok()) doc = CheckRecord(*doc).ok() ? std::move(doc) : Result<Document>(CheckRecord(*doc).WithContext(path));
    if (doc.ok()) return sink.OnDocument(std::move(doc).value());
    return sink.OnReject(MakeReject(path, std::nullopt, doc.status()));
  }
  sink.OnReject(Reject{path, std::nullopt, "ingest",
                       std::string("JSON ") + j.type_name() + " without a \"text\" or \"articles\" field; " + kJsonExpected});
}

std::string UnreadableFormat(std::string_view bytes) {
  struct Magic { const char* bytes; size_t size; const char* what; };
  static const Magic kMagics[] = {
      {"%PDF-", 5, "a PDF document, which hearsay does not read; convert it with: pdftotext FILE FILE.txt"},
      {"PK\x03\x04", 4, "a zip archive (or .docx/.epub), which hearsay does not read; unpack it, or save the document as HTML or text"},
      {"BZh", 3, "bzip2 data, which hearsay does not read; decompress it (bunzip2) or recompress with gzip"},
      {"\xFD" "7zXZ", 5, "xz data, which hearsay does not read; decompress it (unxz) or recompress with gzip"},
  };
  for (const Magic& m : kMagics)
    if (bytes.size() >= m.size && std::memcmp(bytes.data(), m.bytes, m.size) == 0) return std::string("input is ") + m.what;
  return {};
}

}  // namespace hearsay::ingest::internal

// Plain text reader. Layout (the seed layout):
//   line 1: [" date YYYY-MM-DD "] headline
//   line 2…: body, one paragraph per line; blank lines allowed.
// A UTF-8 BOM is dropped (raw_byte_shift = 3); CRLF is kept in `text` (the text stage
// treats '\r' as white space) so offsets equal the file's.
#include <cctype>

#include "ingest/ingest.h"
#include "ingest/internal/finish.h"

namespace hearsay::ingest {
namespace {

// Exactly "YYYY-MM-DD", a valid calendar date. NormalizeDate alone is lenient ("2025-07-1="
// and "2025-+7-01" normalise too), and the prefix is stored as written.
bool IsIsoDate(std::string_view s) {
  return s.size() == 10 && NormalizeDate(s) == s;
}

}  // namespace

Result<Document> ParsePlainText(const std::string& path, std::string bytes) {
  Document doc;
  doc.path = path;
  doc.format = SourceFormat::kPlainText;
  uint64_t bad = 0;
  if (bytes.empty()) return DataLossError(path + ": empty file");
  if (internal::LooksBinary(bytes, &bad))
    return DataLossError(path + ": binary content (control or NUL byte at byte " + std::to_string(bad) +
                         "), expected text");
  doc.raw = bytes;
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF) {
    bytes.erase(0, 3);
    doc.raw_byte_shift = 3;
  }
  doc.text = std::move(bytes);
  const std::string& t = doc.text;
  // Headline: the first non-blank line.
  size_t line_begin = 0;
  while (line_begin < t.size()) {
    size_t e = t.find('\n', line_begin);
    if (e == std::string::npos) e = t.size();
    bool blank = true;
    for (size_t i = line_begin; i < e; ++i)
      if (!std::isspace(static_cast<unsigned char>(t[i]))) { blank = false; break; }
    if (!blank) break;
    line_begin = e + 1;
  }
  if (line_begin >= t.size()) return DataLossError(path + ": no text (only white space)");
  size_t line_end = t.find('\n', line_begin);
  if (line_end == std::string::npos) line_end = t.size();
  size_t b = line_begin;
  while (b < line_end && (t[b] == ' ' || t[b] == '\t')) ++b;
  // Seed layout: "date YYYY-MM-DD " before the headline.
  if (line_end - b >= 15 && t.compare(b, 5, "date ") == 0 && IsIsoDate(std::string_view(t).substr(b + 5, 10))) {
    doc.published = t.substr(b + 5, 10);
    b += 15;
    while (b < line_end && (t[b] == ' ' || t[b] == '\t')) ++b;
  }
  size_t e = line_end;
  while (e > b && std::isspace(static_cast<unsigned char>(t[e - 1]))) --e;
  doc.title_byte_begin = static_cast<uint32_t>(b);
  doc.title_byte_end = static_cast<uint32_t>(e);
  doc.title = t.substr(b, e - b);
  doc.body_byte_begin = static_cast<uint32_t>(std::min(line_end + 1, t.size()));
  if (Status s = internal::FinishDocument(doc); !s.ok()) return s.WithContext(path);
  // The title may have been repaired in `text`; keep them equal.
  doc.title = doc.text.substr(doc.title_byte_begin, doc.title_byte_end - doc.title_byte_begin);
  return doc;
}

}  // namespace hearsay::ingest

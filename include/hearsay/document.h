#pragma once
// Document and Reject: what the ingest stage produces and every later stage reads.
//
// A Document is one article. `text` is the analysed text; every span anywhere in hearsay
// (tokens, mentions, quotes, evidence) is a half-open byte range [byte_begin, byte_end)
// into this string. What `text` is, per input format:
//   * plain text file: the file's bytes, less a leading UTF-8 BOM (raw_byte_shift = 3).
//     The first line is the headline; a seed-layout prefix " date YYYY-MM-DD " on it is
//     metadata and lies outside every paragraph.
//   * JSON Lines / HTML: the headline, a blank line, then the body paragraphs separated
//     by blank lines ("title\n\nbody"); `body_byte_begin` says where the body starts.
// Invalid UTF-8 bytes are replaced one for one by '?' so offsets stay those of the
// original bytes; `replaced_bytes` counts them. `raw` keeps the original bytes.
//
// A Reject is one input (file, JSONL line, HTML page) that could not become a Document,
// with where (line or byte offset) and why. Rejects are stored and reported, never dropped.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hearsay {

enum class SourceFormat { kPlainText, kJsonLines, kHtml, kStdin };
const char* SourceFormatName(SourceFormat format);
// The inverse of SourceFormatName; an unknown name reads as plain text.
SourceFormat SourceFormatFromName(const std::string& name);

struct Document {
  std::string id;                        // stable: JSONL id, else "doc-" + first 16 hex of content_hash
  std::string path;                      // file path ("-" for stdin); JSONL: "file.jsonl:LINE"
  SourceFormat format = SourceFormat::kPlainText;
  std::string title;                     // headline, without the date prefix
  std::optional<std::string> outlet;     // publication name, from metadata or URL host
  std::optional<std::string> published;  // ISO YYYY-MM-DD
  std::optional<std::string> url;
  std::vector<std::string> authors;
  std::vector<std::pair<std::string, std::string>> metadata;  // other fields kept (label, ...)
  std::string text;                      // analysed text (see header comment); valid UTF-8
  uint32_t title_byte_begin = 0;         // headline span in `text`
  uint32_t title_byte_end = 0;
  uint32_t body_byte_begin = 0;          // first byte after the headline block
  uint32_t raw_byte_shift = 0;           // text[i] came from raw[i + raw_byte_shift] (plain text)
  uint32_t replaced_bytes = 0;           // invalid UTF-8 bytes replaced by '?'
  std::string raw;                       // original bytes as read (file or JSONL line)
  std::string content_hash;              // hex SHA-256 of `raw`; the store's identity key
  uint64_t ingest_seq = 0;               // order of arrival in the run (ties for first_reported)
};

struct Reject {
  std::string path;                   // file, or "file.jsonl"
  std::optional<std::string> where;   // "line 12", "byte 4096", or nothing
  std::string stage;                  // "ingest", "text", ...
  std::string reason;                 // what was wrong, expected vs found
};

// A document kept with a repair (e.g. invalid UTF-8 replaced). Stored and reported like a
// reject, but the document itself is analysed.
struct Warning {
  std::string content_hash;  // of the document kept
  std::string path;
  std::string where;         // "byte 17" or ""
  std::string stage;
  std::string message;
};

}  // namespace hearsay

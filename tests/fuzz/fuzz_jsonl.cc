// Fuzz target: the JSON Lines reader. The input is read both as one record
// (ParseJsonLine) and as a whole .jsonl file (IngestBytes: line splitting, BOM, CRLF,
// blank lines); every document is checked and run through the text stage.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace {

struct CheckingSink : hearsay::ingest::DocumentSink {
  void OnDocument(hearsay::Document doc) override {
    FUZZ_CHECK(doc.format == hearsay::SourceFormat::kJsonLines, "a .jsonl input gave another format");
    hearsay::fuzz::CheckDocument(doc);
    hearsay::fuzz::CheckLayout(doc.text, hearsay::text::AnalyzeText(doc));
    ++documents;
  }
  void OnReject(hearsay::Reject reject) override {
    FUZZ_CHECK(!reject.reason.empty(), "reject without a reason for " + reject.path);
    ++rejects;
  }
  size_t documents = 0, rejects = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  auto doc = hearsay::ingest::ParseJsonLine("fuzz.jsonl", 1, line);
  if (doc.ok()) {
    hearsay::fuzz::CheckDocument(*doc);
    FUZZ_CHECK(doc->raw == line, "raw is not the line as read");
    FUZZ_CHECK(doc->text.compare(doc->body_byte_begin - 2, 2, "\n\n") == 0, "no blank line between title and body");
    hearsay::fuzz::CheckLayout(doc->text, hearsay::text::AnalyzeText(*doc));
  } else {
    FUZZ_CHECK(doc.status().message().rfind("fuzz.jsonl:1: ", 0) == 0, "error does not name file and line: " + doc.status().message());
  }
  CheckingSink sink;
  hearsay::ingest::IngestBytes("fuzz.jsonl", std::string(line), {}, sink);
  // Every non-blank line is either a document or a reject; an all-blank file is one reject.
  FUZZ_CHECK(sink.documents + sink.rejects >= 1, "input vanished without a document or a reject");
  return 0;
}

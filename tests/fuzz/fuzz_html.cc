// Fuzz target: the HTML reader (ParseHtml). Besides memory errors it must never overflow
// the stack, whatever the nesting: pages deeper than IngestOptions::max_html_depth are
// rejected, the rest are read with iterative walks. Each document is checked and run
// through the text stage.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "ingest/ingest.h"
#include "text/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  hearsay::ingest::IngestOptions options;
  auto doc = hearsay::ingest::ParseHtml("fuzz.html", std::move(bytes), options);
  if (doc.ok()) {
    FUZZ_CHECK(doc->format == hearsay::SourceFormat::kHtml, "HTML reader gave another format");
    hearsay::fuzz::CheckDocument(*doc);
    FUZZ_CHECK(doc->title_byte_begin == 0, "HTML title does not start the text");
    hearsay::fuzz::CheckLayout(doc->text, hearsay::text::AnalyzeText(*doc));
  } else {
    FUZZ_CHECK(doc.status().message().rfind("fuzz.html: ", 0) == 0, "error does not name the file: " + doc.status().message());
  }
  return 0;
}

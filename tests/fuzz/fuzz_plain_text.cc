// Fuzz target: the plain-text reader (ParsePlainText) and format sniffing (IngestBytes
// with no extension), followed by the text stage on every document produced.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace {

struct CheckingSink : hearsay::ingest::DocumentSink {
  void OnDocument(hearsay::Document doc) override {
    hearsay::fuzz::CheckDocument(doc);
    hearsay::fuzz::CheckLayout(doc.text, hearsay::text::AnalyzeText(doc));
  }
  void OnReject(hearsay::Reject reject) override {
    FUZZ_CHECK(!reject.reason.empty(), "reject without a reason for " + reject.path);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto doc = hearsay::ingest::ParsePlainText("fuzz.txt", bytes);
  if (doc.ok()) {
    hearsay::fuzz::CheckDocument(*doc);
    FUZZ_CHECK(doc->format == hearsay::SourceFormat::kPlainText, "plain text reader gave another format");
    hearsay::fuzz::CheckLayout(doc->text, hearsay::text::AnalyzeText(*doc));
  } else {
    FUZZ_CHECK(!doc.status().message().empty(), "error without a message");
  }
  CheckingSink sink;
  hearsay::ingest::IngestBytes("fuzz", std::move(bytes), {}, sink);
  return 0;
}

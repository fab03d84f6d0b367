// Fuzz target: the .json reader (one article, an array, {"articles": [...]}, JSON Lines
// fallback) through IngestBytes. Every document is checked and run through the text
// stage; every reject has a reason; the input never vanishes without one or the other.
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
    FUZZ_CHECK(doc.path.rfind("fuzz.json", 0) == 0, "document path does not name the file: " + doc.path);
    hearsay::fuzz::CheckLayout(doc.text, hearsay::text::AnalyzeText(doc));
    ++documents;
  }
  void OnReject(hearsay::Reject reject) override {
    FUZZ_CHECK(!reject.reason.empty(), "reject without a reason for " + reject.path);
    FUZZ_CHECK(reject.path == "fuzz.json", "reject does not name the file: " + reject.path);
    ++rejects;
  }
  size_t documents = 0, rejects = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  CheckingSink sink;
  hearsay::ingest::IngestBytes("fuzz.json", std::string(reinterpret_cast<const char*>(data), size), {}, sink);
  FUZZ_CHECK(sink.documents + sink.rejects >= 1, "input vanished without a document or a reject");
  return 0;
}

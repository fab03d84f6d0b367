// Fuzz target: gzip inputs. The bytes are decompressed (Gunzip, with a small limit) and
// read as a compressed JSON Lines file and a compressed HTML page through IngestBytes;
// corrupt, truncated or oversized data must be a reject with a reason, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/gzip.h"
#include "fuzz_check.h"
#include "ingest/ingest.h"

namespace {

struct CountingSink : hearsay::ingest::DocumentSink {
  void OnDocument(hearsay::Document doc) override {
    hearsay::fuzz::CheckDocument(doc);
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
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto plain = hearsay::Gunzip(bytes, 1 << 20);
  if (plain.ok()) FUZZ_CHECK(plain->size() <= (1u << 20), "Gunzip exceeded its limit");
  hearsay::ingest::IngestOptions options;
  options.max_file_bytes = 1 << 20;
  for (const char* name : {"fuzz.jsonl.gz", "fuzz.html.gz"}) {
    CountingSink sink;
    hearsay::ingest::IngestBytes(name, bytes, options, sink);
    FUZZ_CHECK(sink.documents + sink.rejects >= 1, "input vanished without a document or a reject");
  }
  return 0;
}

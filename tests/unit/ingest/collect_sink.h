#pragma once
// A DocumentSink that keeps everything it is given (shared by the ingest tests).
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace hearsay::ingest::testing_support {

struct Collect : DocumentSink {
  void OnDocument(Document d) override { docs.push_back(std::move(d)); }
  void OnReject(Reject r) override { rejects.push_back(std::move(r)); }
  void OnSkipped(const std::string& p) override { skipped.push_back(p); }
  std::vector<Document> docs;
  std::vector<Reject> rejects;
  std::vector<std::string> skipped;
};

}  // namespace hearsay::ingest::testing_support

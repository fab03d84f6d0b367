#pragma once
// The report stage: hearsay.json (the output contract of DESIGN.md, docs/contract.md) and
// a self-contained index.html (no network: styles and script inline).
//
// Input: the documents, their per-document analyses, the corpus analysis, and the rejects
// and warnings of the run. Output: strings; the caller writes the files.
// Determinism: the same input gives byte-identical output (no clocks, no hash-map order).
//
//   std::string json = hearsay::report::RenderJson(view);
//   std::string html = hearsay::report::RenderHtml(view);
//
// Thread safety: pure functions.

#include <string>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::report {

struct ReportView {
  const std::vector<Document>* docs = nullptr;
  const std::vector<DocumentAnalysis>* analyses = nullptr;
  const CorpusAnalysis* corpus = nullptr;
  const std::vector<Reject>* rejects = nullptr;
  const std::vector<Warning>* warnings = nullptr;
  std::string generator = "hearsay";  // name and version written into the output
};

std::string RenderJson(const ReportView& view);
std::string RenderHtml(const ReportView& view);

// Limit of text shown per document in index.html; longer texts say how much is cut.
constexpr size_t kMaxHtmlTextBytes = 256 * 1024;

}  // namespace hearsay::report

#pragma once
// The report stage: hearsay.json (the output contract of DESIGN.md, docs/contract.md) and
// a self-contained index.html (no network: styles and script inline).
//
// Input: the documents, their per-document analyses, the corpus analysis, and the rejects
// and warnings of the run. Output: written to a stream as it is made (WriteJson,
// WriteHtml: memory stays that of one element, whatever the corpus), or as a string.
// Determinism: the same input gives byte-identical output (no clocks, no hash-map order).
//
//   std::ofstream f("hearsay.json");
//   hearsay::report::WriteJson(view, f);                   // or WriteFileStreamed (common/file_io.h)
//   std::string html = hearsay::report::RenderHtml(view);  // the same bytes WriteHtml writes
//
// Thread safety: pure functions.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "common/text_spill.h"
#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::report {

// How well the article model's scores match observed frequencies on a labelled split
// (written into the model at training time). Shown in index.html and hearsay.json so a
// reader can judge what a score of 0.8 means.
struct ReliabilityBin {
  double lo = 0, hi = 0;        // predicted-score interval [lo, hi)
  uint64_t count = 0;           // articles whose score fell in it
  double mean_predicted = 0;    // their mean score
  double observed = 0;          // the share of them labelled credible
};
struct CalibrationSummary {
  std::string dataset;          // e.g. "gossipcop dev (held out)"
  double brier = 0, ece = 0, macro_f1 = 0;
  std::vector<ReliabilityBin> bins;
  double threshold = 0.5;       // the model's decision threshold on the score
  std::string method;           // how scores and threshold were fitted, in words
};

struct ReportView {
  const std::vector<Document>* docs = nullptr;
  const std::vector<DocumentAnalysis>* analyses = nullptr;
  const CorpusAnalysis* corpus = nullptr;
  const std::vector<Reject>* rejects = nullptr;
  const std::vector<Warning>* warnings = nullptr;
  std::string generator = "hearsay";  // name and version written into the output
  const CalibrationSummary* calibration = nullptr;  // null: no credibility model loaded
  std::vector<std::string> cluster_grade_rules;      // score::ClusterGradeRules(), for the explanation
  const TextSpill* texts = nullptr;  // texts moved out of docs (common/text_spill.h); null: all in docs
};

// hearsay.json and index.html to `out`; the Render forms return the same bytes as a string.
// A write error leaves `out` bad; the caller checks it.
void WriteJson(const ReportView& view, std::ostream& out);
void WriteHtml(const ReportView& view, std::ostream& out);
std::string RenderJson(const ReportView& view);
std::string RenderHtml(const ReportView& view);

// Limit of text shown per document in index.html; longer texts say how much is cut.
constexpr size_t kMaxHtmlTextBytes = 256 * 1024;
// Limit of rows per corpus table in index.html (clusters, entities, provenance,
// contradictions), most important first; the page says how many were left out.
constexpr size_t kMaxHtmlTableRows = 1000;

}  // namespace hearsay::report

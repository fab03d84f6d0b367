#pragma once
// The ingest stage: turns files, folders, JSON Lines and HTML pages into Documents.
//
// Input: paths (a file, a folder searched recursively, a .jsonl file, or "-" for stdin).
// Output, through a DocumentSink, in a deterministic order (folders walked in sorted path
// order, JSON Lines in line order): one Document per article, or one Reject per input
// that cannot become one (binary, empty, not JSON, no text, unreadable, too deep).
// Nothing stops the run except an unusable sink; a bad file is a Reject, never an error.
//
//   struct Collect : hearsay::ingest::DocumentSink {
//     void OnDocument(hearsay::Document d) override { docs.push_back(std::move(d)); }
//     void OnReject(hearsay::Reject r) override { rejects.push_back(std::move(r)); }
//     std::vector<hearsay::Document> docs; std::vector<hearsay::Reject> rejects;
//   } sink;
//   hearsay::ingest::IngestPaths({"examples/"}, {}, sink);
//
// Folder walks read the extensions .txt .text .jsonl .json .html .htm and files without
// an extension; other files (.md, .png …) are counted as skipped, not read. A path named
// explicitly is always read, whatever its extension. Only regular files are opened: FIFOs,
// sockets and devices are Rejects ("skipped: not a regular file"), as are unlistable
// folders and unreadable files (with the system's reason) and, in a folder, symbolic links
// leading outside the input paths (unless follow_symlinks). Paths in `exclude` (the run's
// output folder and store) are never read, whether met in a walk or named.
//
// Several web pages of one site: IngestPaths first reads every HTML input once and counts
// its main-text blocks per host (SiteBoilerplate), then reads the inputs for good, leaving
// out blocks repeated on most pages of the host (a footer line, a newsletter prompt inside
// the article). One page, IngestBytes and non-HTML inputs are not affected.
//
// Thread safety: the functions are reentrant; a sink is called from the calling thread.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/status.h"
#include "ingest/site_boilerplate.h"

namespace hearsay::ingest {

struct IngestOptions {
  uint64_t max_file_bytes = 512ull << 20;  // larger files are rejected (OUT_OF_RANGE)
  uint32_t max_html_depth = 1000;          // deeper element nesting is rejected
  uint32_t max_html_attributes = 1000;     // a tag with more attributes is rejected
  bool follow_symlinks = false;            // follow links leading outside the input paths
  std::vector<std::string> exclude;        // files and folders never read (the run's outputs)
};

class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  virtual void OnDocument(Document doc) = 0;
  virtual void OnReject(Reject reject) = 0;
  // Called once per folder-walk file not read because of its extension.
  virtual void OnSkipped(const std::string& path) { (void)path; }
  // Called once per file or folder not read because it is one of IngestOptions::exclude.
  virtual void OnExcluded(const std::string& path, const std::string& reason) {
    (void)reason;
    OnSkipped(path);
  }
};

// Reads every path; returns an error only for a usage problem (no paths at all).
Status IngestPaths(const std::vector<std::string>& paths, const IngestOptions& options,
                   DocumentSink& sink);

// Reads bytes already in memory as one input named `path`; the format is chosen by the
// extension of `path`, or sniffed from the content for "-" and unknown extensions.
void IngestBytes(const std::string& path, std::string bytes, const IngestOptions& options,
                 DocumentSink& sink);

// The individual readers (exposed for tests and fuzzing). Each takes the raw bytes.
Result<Document> ParsePlainText(const std::string& path, std::string bytes);
// With `site`, main-text blocks it finds Repeated() on the page's host are left out
// (never the headline); IngestPaths passes the run's counts when it reads 3+ web pages.
Result<Document> ParseHtml(const std::string& path, std::string bytes, const IngestOptions& options,
                           const SiteBoilerplate* site = nullptr);
// One JSON Lines record; `line_no` is 1-based and goes into path and errors.
Result<Document> ParseJsonLine(const std::string& file, uint64_t line_no, std::string_view line);

// "2025-05-27" from "2025-05-27", "2025-05-27T10:00:00Z", "May 27, 2025", "27 May 2025";
// empty when the text holds no valid calendar date.
std::string NormalizeDate(std::string_view text);

// "radaronline.com" from "https://www.radaronline.com/p/x" or "radaronline.com/p/x" (the
// scheme is optional); web.archive.org/web/STAMP/URL gives the archived URL's host. Empty
// when there is no host (no dot, or characters a host cannot hold).
std::string HostOfUrl(std::string_view url);

// The outlet's usual name for a host ("people.com" -> "People", "www.usmagazine.com" ->
// "Us Weekly") from data/outlets/hosts.tsv, trying parent domains too; else the host.
std::string OutletForHost(std::string_view host);

// An outlet field as given: a name is kept, a host or URL ("people.com") becomes the name
// OutletForHost gives, so one outlet is never spelled both ways; a host-like name no table
// row knows ("GlossDaily.com") is kept as written, a URL becomes its host.
std::string OutletName(std::string_view name_or_host);

}  // namespace hearsay::ingest

#pragma once
// Shared pieces of the CLI subcommands: ingesting into the store with a progress line,
// running the pipeline, writing outputs, exit codes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/pipeline.h"
#include "hearsay/status.h"
#include "report/report.h"
#include "store/store.h"

namespace hearsay::app {

// Exit codes of every subcommand.
constexpr int kExitOk = 0;
constexpr int kExitRuntimeError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitWithRejects = 3;  // finished, but some inputs were rejected or repaired

struct IngestSummary {
  std::vector<std::string> content_hashes;  // documents met in this run, in order, no repeats
  uint64_t seen = 0;                        // documents read (incl. already stored)
  uint64_t added = 0;                       // new in the store
  uint64_t skipped = 0;                     // folder files with extensions hearsay does not read
  uint64_t excluded = 0;                    // the run's own outputs met among the inputs
  std::vector<Reject> rejects;
  std::vector<Warning> warnings;
};

// Reads `paths` into `store` in batches (one transaction each), recording rejects and
// warnings there too. Prints a progress line on a terminal unless `quiet`. The store's
// files (and `also_exclude`, e.g. the output folder) are never read as input. With
// `jobs` >= 2 a batch is written by a second thread while the next is read (same rows,
// same order).
Result<IngestSummary> IngestToStore(const std::vector<std::string>& paths, store::Store& store, int64_t run_id, bool quiet,
                                    bool follow_symlinks = false, const std::vector<std::string>& also_exclude = {},
                                    int jobs = 1);

// The warning of a document kept with invalid UTF-8 replaced (replaced_bytes > 0).
Warning ReplacedBytesWarning(const Document& doc);

// Progress line on stderr, only when stderr is a terminal, not `quiet`, and the work has
// taken more than half a second.
class Progress {
 public:
  Progress(std::string label, bool quiet);
  ~Progress();
  void Update(uint64_t done, uint64_t total);  // total 0: unknown
  void Finish();

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  int64_t start_ms_;
  int64_t last_ms_ = 0;
};

// Texts longer than this are stored (raw bytes kept) but not analysed: each becomes a
// Reject of stage "text" naming its size and the limit. No real article comes close.
constexpr size_t kMaxAnalysisBytes = 4u << 20;

// Moves documents over kMaxAnalysisBytes out of `docs`, appending a Reject for each to
// `rejects` unless an equal one is already there; returns the new rejects.
std::vector<Reject> HoldBackOversized(std::vector<Document>& docs, std::vector<Reject>* rejects);

// The article model's dev-set quality (stored in the model file) for the calibration view
// of index.html and hearsay.json; none without an article model. analyze and export both
// write it, so their outputs keep one contract.
std::optional<report::CalibrationSummary> CalibrationOf(const Models& models, bool outlet_prior = true);

std::string DefaultModelsDir();
std::string Version();

// Prints "hearsay: <status>" to stderr and returns the exit code for it.
int Fail(const Status& s);

}  // namespace hearsay::app

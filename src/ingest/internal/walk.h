#pragma once
// The folder walk and the checks on every path before it is opened: only regular files are
// read; symbolic links are followed only inside the input paths (or with
// IngestOptions::follow_symlinks); the run's own outputs (IngestOptions::exclude) are never
// read; an unlistable folder is a Reject naming it and the system's reason.
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace hearsay::ingest::internal {

// What the walk needs to know about the run: the input paths (resolved) and the outputs
// to leave alone (resolved). Built once per IngestPaths call.
class PathPolicy {
 public:
  // An excluded folder that holds (or is) one of the inputs is dropped from the exclusions:
  // `analyze in/ --out in/` reads in/ but still not the files it writes (also excluded).
  PathPolicy(const std::vector<std::string>& inputs, const IngestOptions& options);

  // True when the resolved `canonical` path is one of the excluded outputs or lies inside
  // an excluded folder.
  bool Excluded(const std::string& canonical) const;
  // True when the resolved `target` lies inside one of the input paths.
  bool InsideInputs(const std::string& target) const;
  bool follow_symlinks() const { return follow_symlinks_; }

 private:
  std::vector<std::string> inputs_;    // canonical input paths
  std::vector<std::string> excluded_;  // canonical excluded paths
  bool follow_symlinks_ = false;
};

// Resolves `path` (links, "..", ".") as far as it exists; empty when it cannot.
std::string Canonical(const std::string& path);

// Walks `root` (a folder): returns the regular files to read, sorted. Hidden entries and
// node_modules are not walked; other entries that are not read (special files, links out
// of the inputs, unlistable folders) go to `sink` as Rejects, excluded outputs to
// `sink.OnExcluded`. Each folder is walked once, whatever the links leading to it.
std::vector<std::string> WalkFolder(const std::string& root, const PathPolicy& policy, DocumentSink& sink);

// "FIFO", "socket", "block device", "character device", or "special file".
std::string KindOfSpecialFile(const std::string& path);

}  // namespace hearsay::ingest::internal

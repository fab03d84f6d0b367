// Fuzz target: the folder walk (IngestPaths on a folder). The input is a recipe: each
// 3 bytes (kind, parent, target) create one entry in a fresh scratch tree: a file, a
// folder, a FIFO, or a symbolic link (to an entry inside, to a folder or file outside the
// tree, to an ancestor: a loop, or dangling). Invariants: the walk ends (FIFOs are never
// waited on, loops are walked once), no document comes from outside the tree, and every
// reject names a path and a reason.
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "ingest/ingest.h"

namespace {

namespace fs = std::filesystem;

constexpr const char* kOutsideMarker = "OUTSIDE-THE-INPUTS";

struct Checker : hearsay::ingest::DocumentSink {
  std::string root;
  void OnDocument(hearsay::Document d) override {
    FUZZ_CHECK(d.path.rfind(root, 0) == 0, "document from outside the input folder: " + d.path);
    FUZZ_CHECK(d.text.find(kOutsideMarker) == std::string::npos, "a link out of the inputs was followed: " + d.path);
    hearsay::fuzz::CheckDocument(d);
  }
  void OnReject(hearsay::Reject r) override {
    FUZZ_CHECK(!r.path.empty() && !r.reason.empty(), "reject without path or reason");
  }
};

void WriteFile(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fs::path base = fs::temp_directory_path() / ("hearsay_fuzz_walk_" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::path root = base / "in", outside = base / "outside";
  fs::create_directories(root);
  fs::create_directories(outside);
  WriteFile(outside / "secret.txt", std::string("Secret\n") + kOutsideMarker + " words of a file not given.");
  static const char* kNames[] = {"a.txt", "b.html", "c.jsonl", "d", "e.md", ".hidden", "node_modules", "f.json"};
  std::vector<fs::path> dirs{root}, entries;
  std::error_code ec;
  for (size_t i = 0; i + 3 <= size && i < 3 * 48; i += 3) {
    const fs::path& parent = dirs[data[i + 1] % dirs.size()];
    fs::path p = parent / (std::string(kNames[data[i + 2] % 8]) + std::to_string(i));
    switch (data[i] % 8) {
      case 0: WriteFile(p, "Title " + std::to_string(i) + "\nBody text number " + std::to_string(i) + "."); break;
      case 1: fs::create_directory(p, ec); dirs.push_back(p); break;
      case 2: if (!entries.empty()) fs::create_symlink(entries[data[i + 2] % entries.size()], p, ec); break;
      case 3: fs::create_directory_symlink(outside, p, ec); break;
      case 4: fs::create_symlink(outside / "secret.txt", p, ec); break;
      case 5: ::mkfifo(p.c_str(), 0644); break;
      case 6: fs::create_directory_symlink(dirs[data[i + 2] % dirs.size()], p, ec); break;  // may loop
      default: fs::create_symlink(base / "nowhere", p, ec); break;
    }
    entries.push_back(p);
  }
  Checker sink;
  sink.root = root.string();
  hearsay::ingest::IngestOptions options;
  FUZZ_CHECK(hearsay::ingest::IngestPaths({root.string()}, options, sink).ok(), "IngestPaths failed on a folder");
  fs::remove_all(base);
  return 0;
}

// Fuzz target: opening a store (Store::Open) on arbitrary file contents, then reading it.
// Invariants: no crash; a refused file is left byte for byte as it was (nothing is
// written before the file is known to be a hearsay store or empty); a store that opens
// can be read (or gives a status), and opens again read-only.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fuzz_check.h"
#include "store/store.h"

namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace fs = std::filesystem;
  std::string path = (fs::temp_directory_path() / ("hearsay_fuzz_store_" + std::to_string(::getpid()) + ".db")).string();
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::ofstream(path, std::ios::binary) << bytes;
  {
    auto store = hearsay::store::Store::Open(path);
    if (!store.ok()) {
      FUZZ_CHECK(ReadAll(path) == bytes, "a refused file was changed: " + store.status().ToString());
    } else {
      (void)(*store)->LoadDocuments();
      (void)(*store)->LoadRejects();
      (void)(*store)->LoadWarnings();
    }
  }
  auto read_only = hearsay::store::Store::Open(path, hearsay::store::OpenMode::kReadOnly);
  if (read_only.ok()) (void)(*read_only)->LoadDocuments();
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
  return 0;
}

#pragma once
// Test access to ../shared (seeds and corpora). CI always has it; a user's clone may not.
// When it is absent a test fails with a message saying so, unless HEARSAY_NO_SHARED=1 is
// set, in which case the test is skipped with the same message (an explicit opt-out).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace hearsay::testing {

inline std::string SharedDir() { return HEARSAY_SHARED_DIR; }
inline std::string SourceDir() { return HEARSAY_SOURCE_DIR; }

inline bool SharedOptOut() {
  const char* v = std::getenv("HEARSAY_NO_SHARED");
  return v && std::string(v) == "1";
}

inline std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace hearsay::testing

// Use at the top of a test that reads ../shared: fails (or skips on explicit opt-out)
// with a clear message when `rel` is missing.
#define HEARSAY_REQUIRE_SHARED(rel)                                                              \
  do {                                                                                           \
    std::string hearsay_p_ = ::hearsay::testing::SharedDir() + "/" + (rel);                      \
    if (!std::filesystem::exists(hearsay_p_)) {                                                  \
      std::string hearsay_m_ = "../shared is absent (" + hearsay_p_ +                            \
                               " not found): this test reads the shared seeds/corpora; set "     \
                               "HEARSAY_NO_SHARED=1 to skip such tests on a clone without it";   \
      if (::hearsay::testing::SharedOptOut()) GTEST_SKIP() << hearsay_m_;                        \
      FAIL() << hearsay_m_;                                                                      \
    }                                                                                            \
  } while (0)

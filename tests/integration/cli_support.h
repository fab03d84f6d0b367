#pragma once
// TEST SUPPORT for the CLI tests: a fixture with a scratch folder of its own per test, one
// that also runs the binary there, and a read-only row count on a SQLite store.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "../support/shared.h"

namespace hearsay::testing {

// Each test gets <tmp>/<prefix>_<pid>_<test name>, empty at start and removed at the end.
class ScratchDirTest : public ::testing::Test {
 protected:
  explicit ScratchDirTest(std::string prefix) : prefix_(std::move(prefix)) {}
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() / (prefix_ + "_" + std::to_string(::getpid()) + "_" + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& rel) const { return (dir_ / rel).string(); }

  std::string prefix_;
  std::filesystem::path dir_;
};

inline int64_t CountRows(const std::string& db, const std::string& sql);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A scratch folder plus the hearsay binary (HEARSAY_BINARY) run in it as a black box.
class CliRunTest : public ScratchDirTest {
 protected:
  explicit CliRunTest(std::string prefix) : ScratchDirTest(std::move(prefix)) {}
  // Writes `bytes` to `rel` under the scratch folder (creating folders); returns the path.
  std::string Write(const std::string& rel, const std::string& bytes) const {
    std::filesystem::path p = dir_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  // Runs `hearsay ARGS` (a shell command line), stdin from `stdin_file` when given; with
  // `timeout_s`, under timeout(1), so a hang is exit code 124.
  RunResult Run(const std::string& args, const std::string& stdin_file = "", int timeout_s = 0) const {
    std::string out = Path("stdout.txt"), err = Path("stderr.txt");
    std::string cmd = (timeout_s > 0 ? "timeout " + std::to_string(timeout_s) + " " : std::string()) +
                      std::string(HEARSAY_BINARY) + " " + args + " >" + out + " 2>" + err;
    if (!stdin_file.empty()) cmd += " <" + stdin_file;
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadFileOrEmpty(out);
    r.err = ReadFileOrEmpty(err);
    return r;
  }
  nlohmann::json ReadJson(const std::string& rel) const { return nlohmann::json::parse(ReadFileOrEmpty(Path(rel))); }

  // Runs analyze on `inputs` with one good article beside them; checks the run went on,
  // the exit code is 3, the message names the file and reason, and the reject is in
  // hearsay.json, the database and index.html.
  void ExpectRejected(const std::string& bad_path, const std::string& reason_part, const std::string& where = "") {
    std::string good = Write("good/ok.txt", "A Good Headline\nA fine article about nothing at all.");
    RunResult r = Run("analyze " + bad_path + " " + good + " --out " + Path("out") + " --quiet");
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find(bad_path), std::string::npos) << "message names the file: " << r.err;
    EXPECT_NE(r.err.find(reason_part), std::string::npos) << "message gives the reason: " << r.err;
    nlohmann::json j = ReadJson("out/hearsay.json");
    ASSERT_EQ(j["documents"].size(), 1u) << "the good article is still analysed";
    bool found = false;
    for (const auto& rej : j["rejects"]) {
      if (rej["path"] == bad_path && rej["reason"].get<std::string>().find(reason_part) != std::string::npos) {
        found = true;
        if (!where.empty()) {
          EXPECT_EQ(rej["where"], where);
        }
        EXPECT_EQ(rej["stage"], "ingest");
      }
    }
    EXPECT_TRUE(found) << j["rejects"].dump();
    EXPECT_GE(CountRows(Path("out/hearsay.db"), "SELECT COUNT(*) FROM rejects WHERE path = '" + bad_path + "'"), 1);
    std::string html = ReadFileOrEmpty(Path("out/index.html"));
    EXPECT_NE(html.find(bad_path), std::string::npos) << "index.html lists the reject";
  }
};

// The first column of the first row of `sql` on the store `db`, opened read-only (waits up
// to 5 s for a writer); -1 when the store or the query cannot be read.
inline int64_t CountRows(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(h, 5000);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
      n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return n;
}

}  // namespace hearsay::testing

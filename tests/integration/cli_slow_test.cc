// The large bad inputs of the Foundation issue, run through the binary: a 100 MB single
// article, a folder of 100,000 tiny files, and the GossipCop train file (every record
// stored or rejected with a reason; a second ingest adds nothing).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../support/shared.h"
#include "cli_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using hearsay::testing::ReadFileOrEmpty;

class CliSlow : public hearsay::testing::ScratchDirTest {
 protected:
  CliSlow() : ScratchDirTest("hearsay_slow") {}
  int Run(const std::string& args, std::string* err = nullptr) const {
    std::string e = Path("stderr.txt");
    int status = std::system((std::string(HEARSAY_BINARY) + " " + args + " >/dev/null 2>" + e).c_str());
    if (err) *err = ReadFileOrEmpty(e);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  static int64_t Count(const std::string& db, const std::string& sql) { return hearsay::testing::CountRows(db, sql); }
};

TEST_F(CliSlow, HundredMegabyteArticleIsStoredAndRejectedForAnalysis) {
  {
    std::ofstream out(Path("huge.txt"));
    out << "An Extremely Long Article\n";
    const std::string para =
        "The invented singer Rowan Vale, 41, told the invented Daily Lantern that the tour would go on. "
        "\"We are fine,\" she said, and an insider added that the band had split from its label.\n";
    size_t written = 0;
    while (written < 100u * 1024 * 1024) {
      out << para;
      written += para.size();
    }
  }
  std::string err;
  int rc = Run("analyze " + Path("huge.txt") + " --out " + Path("out") + " --quiet", &err);
  // Stored with its raw bytes, not analysed: a clear reject, exit 3, nothing lost.
  ASSERT_EQ(rc, 3) << err;
  EXPECT_NE(err.find("huge.txt"), std::string::npos);
  EXPECT_NE(err.find("analysis limit"), std::string::npos) << err;
  json j = json::parse(ReadFileOrEmpty(Path("out/hearsay.json")));
  EXPECT_EQ(j["documents"].size(), 0u);
  ASSERT_EQ(j["rejects"].size(), 1u);
  EXPECT_EQ(j["rejects"][0]["stage"], "text");
  EXPECT_EQ(Count(Path("out/hearsay.db"), "SELECT length(raw) FROM documents"), static_cast<int64_t>(fs::file_size(Path("huge.txt"))));
  EXPECT_EQ(Count(Path("out/hearsay.db"), "SELECT COUNT(*) FROM rejects WHERE stage = 'text'"), 1);
}

TEST_F(CliSlow, FolderOfHundredThousandTinyFiles) {
  const int n = 100000;
  for (int d = 0; d < 100; ++d) {
    fs::create_directories(dir_ / "tiny" / std::to_string(d));
    for (int i = 0; i < n / 100; ++i) {
      std::ofstream(dir_ / "tiny" / std::to_string(d) / (std::to_string(i) + ".txt")) << "Note " << d << "-" << i << "\nx";
    }
  }
  // One bad file among them.
  std::ofstream(dir_ / "tiny" / "0" / "empty.txt") << "";
  std::string err;
  int rc = Run("analyze " + Path("tiny") + " --out " + Path("out") + " --quiet", &err);
  EXPECT_EQ(rc, 3) << err;
  EXPECT_NE(err.find("empty.txt"), std::string::npos);
  EXPECT_EQ(Count(Path("out/hearsay.db"), "SELECT COUNT(*) FROM documents"), n);
  EXPECT_EQ(Count(Path("out/hearsay.db"), "SELECT COUNT(*) FROM rejects"), 1);
  json j = json::parse(ReadFileOrEmpty(Path("out/hearsay.json")));
  EXPECT_EQ(j["documents"].size(), static_cast<size_t>(n));
  EXPECT_EQ(j["rejects"].size(), 1u);
}

TEST_F(CliSlow, GossipCopTrainIngestsEveryRecordOnce) {
  HEARSAY_REQUIRE_SHARED("data/gossipcop/gossipcop_train.jsonl");
  std::string file = hearsay::testing::SharedDir() + "/data/gossipcop/gossipcop_train.jsonl";
  int64_t lines = 0;
  {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line))
      if (line.find_first_not_of(" \t\r") != std::string::npos) ++lines;
  }
  ASSERT_GT(lines, 9000);
  std::string db = Path("gc.db"), err;
  int rc = Run("ingest " + file + " --db " + db + " --quiet", &err);
  ASSERT_TRUE(rc == 0 || rc == 3) << err;
  int64_t docs = Count(db, "SELECT COUNT(*) FROM documents");
  int64_t rejects = Count(db, "SELECT COUNT(*) FROM rejects");
  // Identical lines share a content hash and are stored once; count distinct lines.
  EXPECT_EQ(docs + rejects, lines) << "every record is stored or rejected with a reason";
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM rejects WHERE reason = ''"), 0);
  rc = Run("ingest " + file + " --db " + db + " --quiet", &err);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM documents"), docs) << "a second ingest adds nothing";
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM rejects"), rejects);
}

}  // namespace

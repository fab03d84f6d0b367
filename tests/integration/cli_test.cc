// Black-box tests of the hearsay binary (HEARSAY_BINARY): each bad input of the Foundation
// issue, exit codes, kill -9 during ingest, determinism, and the seeds.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "../support/shared.h"
#include "cli_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using hearsay::testing::ReadFileOrEmpty;

class Cli : public hearsay::testing::CliRunTest {
 protected:
  Cli() : CliRunTest("hearsay_cli") {}
  using RunResult = hearsay::testing::RunResult;

  static int64_t Count(const std::string& db, const std::string& sql) { return hearsay::testing::CountRows(db, sql); }
};

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(Run("").exit_code, 2);
  EXPECT_EQ(Run("analyze").exit_code, 2);
  EXPECT_EQ(Run("analyze x --jobs 0").exit_code, 2);
  EXPECT_EQ(Run("analyze x --no-such-flag").exit_code, 2);
  EXPECT_EQ(Run("nonsense").exit_code, 2);
  EXPECT_EQ(Run("ingest x").exit_code, 2) << "--db is required";
}

TEST_F(Cli, EverySubcommandHasHelp) {
  for (const char* sub : {"analyze", "ingest", "export"}) {
    RunResult r = Run(std::string(sub) + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << sub;
  }
}

TEST_F(Cli, RuntimeErrorExitsOne) {
  Write("a.txt", "T\nBody.");
  RunResult r = Run("analyze " + Path("a.txt") + " --out " + Path("o") + " --db /nonexistent-dir/x.db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/nonexistent-dir/x.db"), std::string::npos);
}

TEST_F(Cli, BinaryFileIsRejected) {
  std::string bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  ExpectRejected(Write("bad/image.txt", bytes), "binary", "byte 8");
}

TEST_F(Cli, EmptyFileIsRejected) { ExpectRejected(Write("bad/empty.txt", ""), "empty"); }

TEST_F(Cli, UnreadablePathIsRejected) { ExpectRejected(Path("bad/does-not-exist.txt"), "no such file"); }

TEST_F(Cli, JsonLinesBadLinesAreRejectedOthersKept) {
  std::string jl = Write("bad/feed.jsonl",
                         "{\"id\":\"a\",\"title\":\"A\",\"text\":\"Alpha text.\"}\n"
                         "this is not json\n"
                         "{\"id\":\"c\",\"title\":\"C\"}\n"
                         "{\"id\":\"d\",\"title\":\"D\",\"text\":\"Delta text.\"}\n");
  RunResult r = Run("analyze " + jl + " --out " + Path("out") + " --quiet");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(jl + ":line 2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not JSON"), std::string::npos);
  EXPECT_NE(r.err.find("no \"text\""), std::string::npos);
  json j = ReadJson("out/hearsay.json");
  ASSERT_EQ(j["documents"].size(), 2u);
  EXPECT_EQ(j["documents"][0]["id"], "a");
  EXPECT_EQ(j["documents"][1]["id"], "d");
  ASSERT_EQ(j["rejects"].size(), 2u);
  EXPECT_EQ(j["rejects"][0]["where"], "line 2");
  EXPECT_EQ(j["rejects"][1]["where"], "line 3");
}

TEST_F(Cli, DeepHtmlIsRejected) {
  std::string page = "<html><body>";
  for (int i = 0; i < 10000; ++i) page += "<div>";
  page += "text";
  for (int i = 0; i < 10000; ++i) page += "</div>";
  ExpectRejected(Write("bad/deep.html", page + "</body></html>"), "nested");
}

TEST_F(Cli, InvalidUtf8IsRepairedCountedAndReported) {
  std::string bad = Write("in/latin1.txt", "A Caf\xE9 Headline\nThe caf\xE9 opened \xFF today.");
  RunResult r = Run("analyze " + bad + " --out " + Path("out") + " --quiet");
  EXPECT_EQ(r.exit_code, 3) << "a repaired document makes the run finish with code 3";
  json j = ReadJson("out/hearsay.json");
  ASSERT_EQ(j["documents"].size(), 1u);
  EXPECT_EQ(j["documents"][0]["replaced_bytes"], 3);
  std::string text = j["documents"][0]["text"];
  EXPECT_EQ(text.size(), fs::file_size(bad)) << "offsets stay those of the original bytes";
  ASSERT_EQ(j["warnings"].size(), 1u);
  EXPECT_NE(j["warnings"][0]["message"].get<std::string>().find("3 byte"), std::string::npos);
  EXPECT_EQ(Count(Path("out/hearsay.db"), "SELECT COUNT(*) FROM warnings"), 1);
  EXPECT_EQ(Count(Path("out/hearsay.db"), "SELECT replaced_bytes FROM documents"), 3);
}

TEST_F(Cli, StdinIsRead) {
  std::string in = Write("stdin.txt", "A Piped Headline\nPiped body text.");
  RunResult r = Run("analyze - --out " + Path("out") + " --quiet", in);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json j = ReadJson("out/hearsay.json");
  ASSERT_EQ(j["documents"].size(), 1u);
  EXPECT_EQ(j["documents"][0]["title"], "A Piped Headline");
  EXPECT_EQ(j["documents"][0]["path"], "-");
}

TEST_F(Cli, IngestIsIncrementalAndExportReadsTheStore) {
  Write("in/a.txt", "Alpha Headline\nAlpha body.");
  Write("in/b.txt", "Beta Headline\nBeta body.");
  std::string db = Path("store.db");
  RunResult r1 = Run("ingest " + Path("in") + " --db " + db);
  EXPECT_EQ(r1.exit_code, 0) << r1.err;
  EXPECT_NE(r1.err.find("2 new"), std::string::npos) << r1.err;
  Write("in/c.txt", "Gamma Headline\nGamma body.");
  RunResult r2 = Run("ingest " + Path("in") + " --db " + db);
  EXPECT_NE(r2.err.find("1 new"), std::string::npos) << r2.err;
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM documents"), 3);
  RunResult ex = Run("export --db " + db);
  EXPECT_EQ(ex.exit_code, 0) << ex.err;
  json j = json::parse(ex.out);
  EXPECT_EQ(j["documents"].size(), 3u);
  EXPECT_EQ(j["documents"][2]["title"], "Gamma Headline");
}

TEST_F(Cli, OutputIsDeterministicAcrossJobCounts) {
  std::string examples = hearsay::testing::SourceDir() + "/examples";
  RunResult a = Run("analyze " + examples + " --out " + Path("a") + " --jobs 1 --quiet");
  RunResult b = Run("analyze " + examples + " --out " + Path("b") + " --jobs 2 --quiet");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  std::string ja = ReadFileOrEmpty(Path("a/hearsay.json")), jb = ReadFileOrEmpty(Path("b/hearsay.json"));
  EXPECT_FALSE(ja.empty());
  EXPECT_TRUE(ja == jb) << "hearsay.json differs between --jobs 1 and --jobs 2";
  EXPECT_TRUE(ReadFileOrEmpty(Path("a/index.html")) == ReadFileOrEmpty(Path("b/index.html")));
  // A second analyze into the same folder adds nothing and writes the same output.
  RunResult c = Run("analyze " + examples + " --out " + Path("a") + " --jobs 2 --quiet");
  ASSERT_EQ(c.exit_code, 0);
  EXPECT_TRUE(ja == ReadFileOrEmpty(Path("a/hearsay.json")));
}

TEST_F(Cli, ExamplesCoverEveryInputFormat) {
  std::string examples = hearsay::testing::SourceDir() + "/examples";
  RunResult r = Run("analyze " + examples + " --out " + Path("out") + " --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = ReadJson("out/hearsay.json");
  std::set<std::string> formats;
  int undated = 0;
  for (const auto& d : j["documents"]) {
    formats.insert(d["format"].get<std::string>());
    if (d["published"].is_null()) ++undated;
    EXPECT_FALSE(d["title"].get<std::string>().empty());
  }
  EXPECT_EQ(formats, (std::set<std::string>{"text", "jsonl", "html"}));
  EXPECT_GE(j["documents"].size(), 10u);
  EXPECT_EQ(undated, 1);
}

TEST_F(Cli, SeedsAcceptance) {
  HEARSAY_REQUIRE_SHARED("seeds");
  std::string seeds = hearsay::testing::SharedDir() + "/seeds";
  RunResult r = Run("analyze " + seeds + " --out " + Path("r"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = ReadJson("r/hearsay.json");
  for (const char* key : {"documents", "entities", "quotes", "claims", "clusters", "contradictions", "provenance", "duplicates", "rejects"}) {
    ASSERT_TRUE(j.contains(key)) << key;
    EXPECT_TRUE(j[key].is_array()) << key;
  }
  ASSERT_EQ(j["documents"].size(), 4u);
  std::map<std::string, json> by_prefix;
  for (const auto& d : j["documents"]) by_prefix[fs::path(d["path"].get<std::string>()).filename().string().substr(0, 3)] = d;
  EXPECT_TRUE(by_prefix["000"]["published"].is_null());
  EXPECT_EQ(by_prefix["001"]["published"], "2025-05-27");
  EXPECT_EQ(by_prefix["002"]["published"], "2025-03-07");
  EXPECT_EQ(by_prefix["003"]["published"], "2024-07-29");
  for (auto& [prefix, d] : by_prefix) {
    for (const char* key : {"id", "path", "title", "outlet", "published", "estimated_published", "credibility"})
      EXPECT_TRUE(d.contains(key)) << prefix << " lacks " << key;
    std::string first_line = ReadFileOrEmpty(d["path"].get<std::string>());
    first_line = first_line.substr(0, first_line.find('\n'));
    std::string title = d["title"];
    EXPECT_FALSE(title.empty());
    EXPECT_EQ(title.find("date 20"), std::string::npos) << "title keeps the date prefix";
    EXPECT_TRUE(first_line.size() >= title.size() && first_line.compare(first_line.size() - title.size(), title.size(), title) == 0)
        << "the title is the headline line: " << title;
  }
}

TEST_F(Cli, KillNineDuringIngestLosesNothing) {
  // A large feed written here: 30,000 distinct articles.
  const int n = 30000;
  {
    std::ofstream out(Path("big.jsonl"));
    for (int i = 0; i < n; ++i) {
      out << "{\"id\":\"k" << i << "\",\"title\":\"Headline number " << i << "\",\"text\":\"";
      for (int s = 0; s < 20; ++s) out << "Sentence " << s << " of article " << i << " says something new. ";
      out << "\"}\n";
    }
  }
  std::string db = Path("kill.db");
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    freopen("/dev/null", "w", stderr);
    execl(HEARSAY_BINARY, HEARSAY_BINARY, "ingest", Path("big.jsonl").c_str(), "--db", db.c_str(), "--quiet", (char*)nullptr);
    _exit(127);
  }
  // Wait until some, but not all, documents are committed, then kill -9.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int64_t seen = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    seen = fs::exists(db) ? Count(db, "SELECT COUNT(*) FROM documents") : 0;
    if (seen > 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  int64_t after_kill = Count(db, "SELECT COUNT(*) FROM documents");
  EXPECT_GT(after_kill, 0);
  EXPECT_LT(after_kill, n) << "the kill came too late to test anything; make the feed larger";
  RunResult again = Run("ingest " + Path("big.jsonl") + " --db " + db + " --quiet");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM documents"), n) << "no document lost";
  EXPECT_EQ(Count(db, "SELECT COUNT(DISTINCT id) FROM documents"), n) << "none duplicated";
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
}

}  // namespace

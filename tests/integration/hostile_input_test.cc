// Issue 18: inputs as a hostile or careless user gives them. Nothing stalls, crashes or is
// dropped in silence, and the store never touches a file that is not its own. Each test
// names the finding it pins.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "../support/shared.h"
#include "cli_support.h"

namespace {

namespace fs = std::filesystem;
using hearsay::testing::CountRows;
using hearsay::testing::ReadFileOrEmpty;
using hearsay::testing::RunResult;
using nlohmann::json;

class Hostile : public hearsay::testing::CliRunTest {
 protected:
  Hostile() : CliRunTest("hearsay_hostile") {}
  std::string Article(const std::string& rel, const std::string& title) {
    return Write(rel, title + "\nThe singer Ann Lee said the tour would start in May.");
  }
  // Paths of the documents of out/hearsay.json.
  std::vector<std::string> DocumentPaths(const std::string& out = "out") const {
    std::vector<std::string> paths;
    json j = ReadJson(out + "/hearsay.json");
    for (const auto& d : j["documents"]) paths.push_back(d["path"]);
    return paths;
  }
  // Runs a SQL script on `db` with the SQLite library directly.
  static void Sql(const std::string& db, const std::string& sql) {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(h);
  }
};

// Finding 3: a FIFO in an input folder hung the run forever (opened before its type was
// checked). `timeout` turns a hang into a failure here.
TEST_F(Hostile, FifoInAFolderIsSkippedWithAReason) {
  Article("in/a.txt", "A Headline");
  std::string fifo = Path("in/pipe.txt");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  RunResult r = Run("analyze " + Path("in") + " --out " + Path("out") + " --quiet", "", 120);
  ASSERT_NE(r.exit_code, 124) << "the run hung on the FIFO";
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(fifo), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not a regular file (FIFO)"), std::string::npos) << r.err;
  EXPECT_EQ(DocumentPaths().size(), 1u);
  EXPECT_EQ(CountRows(Path("out/hearsay.db"), "SELECT COUNT(*) FROM rejects WHERE reason LIKE '%FIFO%'"), 1);
  // Named on the command line, it is refused the same way, never waited on.
  RunResult named = Run("analyze " + fifo + " --out " + Path("out2") + " --quiet", "", 120);
  EXPECT_EQ(named.exit_code, 3) << named.err;
  EXPECT_NE(named.err.find("not a regular file"), std::string::npos) << named.err;
}

// Finding 4: an unreadable folder was skipped in silence (exit 0, "0 rejected"), an
// unreadable top-level folder gave "0 documents" and exit 0. Unreadable files were, and
// stay, rejects with the system's reason. Root reads everything, so the
// binary runs as nobody when the test runs as root.
TEST_F(Hostile, UnreadableFoldersAreRejectsWithTheSystemsReason) {
  Article("in/ok/a.txt", "A Headline");
  Article("in/locked/b.txt", "Another Headline");
  Article("top/c.txt", "Third Headline");
  Article("in/ok/unreadable.txt", "Fourth Headline");
  fs::permissions(dir_, fs::perms::all);
  fs::permissions(Path("in/ok/unreadable.txt"), fs::perms::none);
  fs::permissions(Path("in/locked"), fs::perms::none);
  fs::permissions(Path("top"), fs::perms::none);
  std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  std::string hearsay = std::string(HEARSAY_BINARY);
  std::string cmd = as_user + hearsay + " analyze " + Path("in") + " " + Path("top") + " --out " + Path("out") +
                    " --quiet 2>" + Path("err.txt");
  int status = std::system(cmd.c_str());
  fs::permissions(Path("in/locked"), fs::perms::owner_all);
  fs::permissions(Path("top"), fs::perms::owner_all);
  std::string err = ReadFileOrEmpty(Path("err.txt"));
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3) << err;
  for (const char* rel : {"in/locked", "top"}) {
    EXPECT_NE(err.find(Path(rel) + ": cannot list folder (Permission denied)"), std::string::npos) << rel << ": " << err;
    EXPECT_EQ(CountRows(Path("out/hearsay.db"), "SELECT COUNT(*) FROM rejects WHERE path = '" + Path(rel) + "'"), 1) << rel;
  }
  EXPECT_NE(err.find(Path("in/ok/unreadable.txt") + ": cannot read (Permission denied)"), std::string::npos) << err;
  EXPECT_EQ(DocumentPaths().size(), 1u);
}

// Finding 5: `ln -s /etc/passwd in/passwd.txt` put /etc/passwd into the outputs and store.
TEST_F(Hostile, SymlinksLeadingOutOfTheInputsAreNotFollowed) {
  Article("in/a.txt", "A Headline");
  std::string secret = Write("secret.txt", "Secret Heading\nThe private words of nobody in particular.");
  fs::create_symlink(secret, Path("in/secret.txt"));
  fs::create_symlink(Path("in/a.txt"), Path("in/inside.txt"));  // inside the inputs: read
  fs::create_directories(Path("in/sub"));
  fs::create_directory_symlink(Path("in"), Path("in/sub/loop"));  // a loop: walked once
  RunResult r = Run("analyze " + Path("in") + " --out " + Path("out") + " --quiet");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(Path("in/secret.txt") + ": skipped: symbolic link to " + secret + ", outside the input paths"),
            std::string::npos)
      << r.err;
  std::string json_text = ReadFileOrEmpty(Path("out/hearsay.json"));
  EXPECT_EQ(json_text.find("private words"), std::string::npos);
  EXPECT_EQ(CountRows(Path("out/hearsay.db"), "SELECT COUNT(*) FROM documents WHERE text LIKE '%private words%'"), 0);
  EXPECT_EQ(DocumentPaths().size(), 1u) << "a.txt and the link to it inside the inputs are one document";
  RunResult follow = Run("analyze " + Path("in") + " --out " + Path("out2") + " --quiet --follow-symlinks");
  EXPECT_EQ(follow.exit_code, 0) << follow.err;
  EXPECT_NE(ReadFileOrEmpty(Path("out2/hearsay.json")).find("private words"), std::string::npos);
}

// Finding 6: another program's SQLite file was migrated (user_version 1 taken for hearsay
// schema 1) or had hearsay's tables added beside its own (user_version 0).
TEST_F(Hostile, ForeignDatabasesAreRefusedAndLeftByteForByte) {
  std::string article = Article("in/a.txt", "A Headline");
  for (int version : {0, 1, 2}) {
    std::string db = Path("foreign" + std::to_string(version) + ".db");
    Sql(db, "CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES('mine'); PRAGMA user_version = " + std::to_string(version));
    std::string before = ReadFileOrEmpty(db);
    RunResult r = Run("analyze " + article + " --out " + Path("out") + " --db " + db + " --quiet");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(db), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("not a hearsay store"), std::string::npos) << r.err;
    EXPECT_EQ(ReadFileOrEmpty(db), before) << "user_version " << version << ": the file was changed";
    EXPECT_FALSE(fs::exists(db + "-wal"));
    RunResult ingest = Run("ingest " + article + " --db " + db + " --quiet");
    EXPECT_EQ(ingest.exit_code, 1);
    EXPECT_EQ(ReadFileOrEmpty(db), before);
  }
  // A file with hearsay's table names but another application's id is not ours either.
  std::string other = Path("other.db");
  Sql(other, "PRAGMA application_id = 7; CREATE TABLE documents(x); CREATE TABLE rejects(x); CREATE TABLE runs(x);"
             " PRAGMA user_version = 1");
  std::string before = ReadFileOrEmpty(other);
  EXPECT_EQ(Run("ingest " + article + " --db " + other + " --quiet").exit_code, 1);
  EXPECT_EQ(ReadFileOrEmpty(other), before);
}

// Finding 7: under a memory limit the run aborted on an uncaught std::bad_alloc (exit
// 134, no message). Now: "out of memory", exit 1, and what was stored stays. 20,000 small
// records need more than the 150 MB allowed here; ingesting them needs far less.
// `ulimit -v` caps address space, and glibc reserves 64 MB of it for each thread's malloc
// arena, so whether the reader thread's arena fits depended on thread timing (about one
// run in seven ran out while still ingesting). MALLOC_ARENA_MAX=1 takes the timing out;
// the store is checked for what must hold wherever the limit is hit: committed batches
// only, an intact file, and a second run without the limit that completes it.
TEST_F(Hostile, OutOfMemoryEndsTheRunWithAMessageAndKeepsTheStore) {
  std::string records;
  for (int i = 0; i < 20000; ++i)
    records += R"({"id":"r)" + std::to_string(i) + R"(","title":"Headline )" + std::to_string(i) +
               R"(","text":"Ann Lee met Bo Moss in Paris on day )" + std::to_string(i) + ".\"}\n";
  std::string input = Write("in/many.jsonl", records);
  std::string cmd = "bash -c 'ulimit -v 153600; MALLOC_ARENA_MAX=1 exec " + std::string(HEARSAY_BINARY) +
                    " analyze " + input + " --out " + Path("out") + " --jobs 1 --quiet' 2>" + Path("err.txt");
  int status = std::system(cmd.c_str());
  std::string err = ReadFileOrEmpty(Path("err.txt"));
  ASSERT_TRUE(WIFEXITED(status)) << err;
  EXPECT_EQ(WEXITSTATUS(status), 1) << err;
  EXPECT_NE(err.find("hearsay: out of memory"), std::string::npos) << err;
  EXPECT_EQ(err.find("terminate called"), std::string::npos) << err;
  std::string db = Path("out/hearsay.db");
  int64_t stored = CountRows(db, "SELECT COUNT(*) FROM documents");
  EXPECT_GT(stored, 0) << "the stored batches stay";
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
  RunResult again = Run("ingest " + input + " --db " + db + " --quiet");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM documents"), 20000) << "the second run completes the store";
}

// Finding 8: with --out inside the input folder the next run read the previous report
// (index.html as an article, hearsay.json as JSON Lines: thousands of rejects).
TEST_F(Hostile, TheRunsOwnOutputsAreNeverReadAsInput) {
  Article("in/a.txt", "A Headline");
  for (int run = 0; run < 2; ++run) {
    RunResult r = Run("analyze " + Path("in") + " --out " + Path("in/report") + " --quiet");
    EXPECT_EQ(r.exit_code, 0) << "run " << run << ": " << r.err;
    json j = ReadJson("in/report/hearsay.json");
    EXPECT_EQ(j["documents"].size(), 1u) << "run " << run;
    EXPECT_TRUE(j["rejects"].empty()) << j["rejects"].dump();
  }
  // --out the input folder itself: the articles are read, the outputs are not.
  Article("in2/a.txt", "A Headline");
  for (int run = 0; run < 2; ++run) {
    RunResult r = Run("analyze " + Path("in2") + " --out " + Path("in2") + " --quiet");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(ReadJson("in2/hearsay.json")["documents"].size(), 1u) << "run " << run;
  }
}

// Smaller findings: export needed write access to the store and wrote "calibration": null
// where analyze wrote the model's.
TEST_F(Hostile, ExportReadsAReadOnlyStoreAndWritesTheSameCalibration) {
  std::string article = Article("in/a.txt", "A Headline");
  ASSERT_EQ(Run("analyze " + article + " --out " + Path("out") + " --quiet").exit_code, 0);
  json analyzed = ReadJson("out/hearsay.json");
  fs::create_directories(Path("ro"));
  fs::copy_file(Path("out/hearsay.db"), Path("ro/hearsay.db"));
  fs::permissions(Path("ro/hearsay.db"), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(Path("ro"), fs::perms::all);
  std::string before = ReadFileOrEmpty(Path("ro/hearsay.db"));
  std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  std::string cmd = as_user + std::string(HEARSAY_BINARY) + " export --db " + Path("ro/hearsay.db") + " >" +
                    Path("export.json") + " 2>" + Path("err.txt");
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << ReadFileOrEmpty(Path("err.txt"));
  EXPECT_EQ(ReadFileOrEmpty(Path("ro/hearsay.db")), before) << "export wrote to the store";
  json exported = json::parse(ReadFileOrEmpty(Path("export.json")), nullptr, false);
  ASSERT_FALSE(exported.is_discarded());
  EXPECT_EQ(exported["calibration"], analyzed["calibration"]);
  EXPECT_EQ(exported["documents"], analyzed["documents"]);
}

// Smaller finding: two processes creating a new store at once made one fail with
// "database is locked".
TEST_F(Hostile, ConcurrentCreationOfANewStoreSucceeds) {
  std::string a = Article("in/a.txt", "A Headline"), b = Article("in/b.txt", "B Headline");
  for (int round = 0; round < 4; ++round) {
    std::string db = Path("new" + std::to_string(round) + ".db");
    std::string one = std::string(HEARSAY_BINARY) + " ingest " + a + " --db " + db + " --quiet";
    std::string two = std::string(HEARSAY_BINARY) + " ingest " + b + " --db " + db + " --quiet";
    std::string cmd = "(" + one + " 2>" + Path("e1.txt") + "; echo $? >" + Path("rc1.txt") + ") & (" + two + " 2>" +
                      Path("e2.txt") + "; echo $? >" + Path("rc2.txt") + ") & wait";
    ASSERT_EQ(std::system(("bash -c '" + cmd + "'").c_str()), 0);
    EXPECT_EQ(ReadFileOrEmpty(Path("rc1.txt")), "0\n") << ReadFileOrEmpty(Path("e1.txt"));
    EXPECT_EQ(ReadFileOrEmpty(Path("rc2.txt")), "0\n") << ReadFileOrEmpty(Path("e2.txt"));
    EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM documents"), 2);
  }
}

// Smaller finding: a failed output write left *.tmp files and said no more than "write
// failed" / "rename failed".
TEST_F(Hostile, AFailedOutputWriteSaysWhyAndLeavesNoTemporaryFile) {
  std::string article = Article("in/a.txt", "A Headline");
  fs::create_directories(Path("out/index.html/occupied"));  // a folder where the page goes
  RunResult r = Run("analyze " + article + " --out " + Path("out") + " --quiet");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Path("out/index.html")), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Is a directory"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("out/index.html.tmp")));
  EXPECT_EQ(CountRows(Path("out/hearsay.db"), "SELECT COUNT(*) FROM documents"), 1) << "the store keeps the run";
}

// Smaller finding: a flipped byte in a stored document went unnoticed.
TEST_F(Hostile, ExportNamesADocumentWhoseBytesNoLongerMatchTheirHash) {
  std::string article = Article("in/a.txt", "A Headline");
  std::string db = Path("h.db");
  ASSERT_EQ(Run("ingest " + article + " --db " + db + " --quiet").exit_code, 0);
  Sql(db, "UPDATE documents SET raw = CAST(replace(CAST(raw AS TEXT), 'singer', 'sinGer') AS BLOB)");
  RunResult r = Run("export --db " + db);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(article), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("do not match their content hash"), std::string::npos) << r.err;
}

// Smaller finding: NUL bytes and right-to-left overrides from JSON Lines reached
// index.html raw.
TEST_F(Hostile, ControlAndBidiCharactersNeverReachThePageRaw) {
  std::string jsonl = Write("in/a.jsonl",
                            R"({"id":"x","title":"Fake\u202e lmth.exe","text":"Ann Lee said\u0000 the \u202etour\u2066 would start.\u001b[2J"})"
                            "\n");
  RunResult r = Run("analyze " + jsonl + " --out " + Path("out") + " --quiet");
  EXPECT_LE(r.exit_code, 3) << r.err;
  std::string html = ReadFileOrEmpty(Path("out/index.html"));
  ASSERT_FALSE(html.empty());
  EXPECT_EQ(html.find('\0'), std::string::npos);
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
  EXPECT_EQ(html.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_EQ(html.find("\xE2\x81\xA6"), std::string::npos);
  EXPECT_NE(html.find("[U+202E]"), std::string::npos);
}

}  // namespace

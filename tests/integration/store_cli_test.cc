// Issue 17, the store half, through the binary: incremental analysis gives what a
// from-scratch analysis gives, export renders the stored graph, every example query of
// docs/store.md runs on a store of the examples.
#include <regex>

#include "cli_support.h"

namespace hearsay::testing {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Every row of `sql` on `db`, as text.
std::string Rows(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string out;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) out = std::string("error: ") + sqlite3_errmsg(h);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const unsigned char* t = sqlite3_column_text(st, i);
        out += (t ? reinterpret_cast<const char*>(t) : "NULL") + std::string("\t");
      }
      out += "\n";
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return out;
}

class StoreCli : public CliRunTest {
 protected:
  StoreCli() : CliRunTest("hearsay_storecli") {}
  // The examples split in two folders: the first `n` plain-text files, and the rest.
  void SplitExamples(size_t n) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(SourceDir() + "/examples"))
      if (e.path().extension() != ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (size_t i = 0; i < files.size(); ++i) {
      fs::create_directories(Path(i < n ? "a" : "b"));
      fs::copy_file(files[i], Path((i < n ? "a/" : "b/") + files[i].filename().string()));
    }
  }
  std::string Analyze(const std::string& args) {
    RunResult r = Run("analyze " + args + " --quiet");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.err;
  }
};

TEST_F(StoreCli, IncrementalAnalysisGivesTheFromScratchResult) {
  SplitExamples(5);
  Analyze(Path("a") + " --out " + Path("inc1"));
  Analyze(Path("b") + " --out " + Path("inc2") + " --db " + Path("inc1/hearsay.db"));
  Analyze(Path("a") + " " + Path("b") + " --out " + Path("scratch"));
  json inc = ReadJson("inc2/hearsay.json"), scratch = ReadJson("scratch/hearsay.json");
  ASSERT_GT(scratch["documents"].size(), 5u);
  EXPECT_EQ(inc["documents"].size(), scratch["documents"].size()) << "the output covers the whole store";
  ASSERT_FALSE(scratch["contradictions"].empty());
  for (const char* key : {"documents", "entities", "quotes", "claims", "clusters", "contradictions", "provenance", "duplicates"})
    EXPECT_EQ(inc[key], scratch[key]) << key;
  std::string db = Path("inc1/hearsay.db");
  // The tables too: per-document rows kept from the first run equal those written afresh.
  for (const char* table : {"document_results", "blocks", "local_entities", "mentions", "quotes", "attributions", "claims",
                            "citations", "credibility_reasons", "entities", "entity_aliases", "clusters", "cluster_claims",
                            "cluster_documents", "contradictions", "provenance", "duplicates"}) {
    std::string columns = std::string(table) == "document_results" ? "doc_seq, doc_id, ord, outlet, credibility, est_latest" : "*";
    std::string sql = "SELECT " + columns + " FROM " + table + " ORDER BY 1, 2, 3";
    std::string inc_rows = Rows(db, sql), scratch_rows = Rows(Path("scratch/hearsay.db"), sql);
    EXPECT_FALSE(scratch_rows.empty()) << table;
    EXPECT_EQ(inc_rows, scratch_rows) << table;
  }
  int64_t b_docs = CountRows(db, "SELECT COUNT(*) FROM documents") - 5;
  EXPECT_EQ(CountRows(db, "SELECT documents_analysed FROM runs WHERE run_id = 2"), b_docs) << "only the new documents";
  EXPECT_EQ(CountRows(db, "SELECT documents_reused FROM runs WHERE run_id = 2"), 5);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM run_changes WHERE run_id = 2 AND kind = 'document'"), b_docs);
  EXPECT_GT(CountRows(db, "SELECT COUNT(*) FROM run_changes WHERE run_id = 2 AND kind = 'claim'"), 0);
  // A run adding nothing changes nothing.
  Analyze(Path("a") + " --out " + Path("inc3") + " --db " + db);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM run_changes WHERE run_id = 3"), 0);
  EXPECT_EQ(ReadJson("inc3/hearsay.json")["claims"], scratch["claims"]);
}

TEST_F(StoreCli, ExportRendersTheStoredGraph) {
  Analyze(SourceDir() + "/examples --out " + Path("out"));
  RunResult ex = Run("export --db " + Path("out/hearsay.db"));
  ASSERT_EQ(ex.exit_code, 0) << ex.err;
  EXPECT_EQ(ex.out, ReadFileOrEmpty(Path("out/hearsay.json")));
  EXPECT_EQ(ex.err, "") << "the stored graph is current: nothing is analysed again";
}

// Splits RFC 4180 text into rows of fields.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += '"', ++i;
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.emplace_back(1);
      ++i;
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

TEST_F(StoreCli, ExportFormats) {
  Write("in/x.txt", "Comma, \"Quote\" Headline\nThe singer Lina Vashti said, \"I married Teodor Brandt, my love, in June.\"");
  Analyze(SourceDir() + "/examples " + Path("in") + " --out " + Path("out"));
  json j = ReadJson("out/hearsay.json");
  std::string db = Path("out/hearsay.db");
  RunResult csv = Run("export --db " + db + " --format csv --out " + Path("claims.csv"));
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  auto rows = ParseCsv(ReadFileOrEmpty(Path("claims.csv")));
  ASSERT_EQ(rows.size(), j["claims"].size() + 1) << "a header and one row per claim";
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), rows[0].size()) << "row " << i;
    EXPECT_EQ(rows[i][0], j["claims"][i - 1]["id"]);
    EXPECT_EQ(rows[i].back(), j["claims"][i - 1]["evidence"]["text"]) << "row " << i;
  }
  RunResult gexf = Run("export --db " + db + " --format gexf --out " + Path("graph.gexf"));
  ASSERT_EQ(gexf.exit_code, 0) << gexf.err;
  EXPECT_EQ(std::system(("xmllint --noout " + Path("graph.gexf") + " 2>" + Path("xml.txt")).c_str()), 0)
      << ReadFileOrEmpty(Path("xml.txt"));
  std::string g = ReadFileOrEmpty(Path("graph.gexf"));
  size_t nodes = 0;
  for (size_t p = g.find("<node "); p != std::string::npos; p = g.find("<node ", p + 1)) ++nodes;
  EXPECT_EQ(nodes, j["entities"].size());
  EXPECT_NE(g.find("<edge "), std::string::npos);
  RunResult qs = Run("export --db " + db + " --format quickstatements");
  ASSERT_EQ(qs.exit_code, 0) << qs.err;
  EXPECT_EQ(qs.out.find("CREATE"), std::string::npos);
}

// Every ```sql block of docs/store.md runs on a store of the examples and returns rows.
TEST_F(StoreCli, EveryExampleQueryOfTheStoreDocsRuns) {
  Analyze(SourceDir() + "/examples --out " + Path("out"));
  std::string doc = ReadFileOrEmpty(SourceDir() + "/docs/store.md");
  std::regex block("```sql\\n([\\s\\S]*?)```");
  size_t n = 0;
  for (std::sregex_iterator it(doc.begin(), doc.end(), block), end; it != end; ++it, ++n) {
    std::string sql = (*it)[1];
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open_v2(Path("out/hearsay.db").c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr);
    EXPECT_EQ(rc, SQLITE_OK) << sqlite3_errmsg(h) << "\n" << sql;
    if (rc == SQLITE_OK) EXPECT_EQ(sqlite3_step(st), SQLITE_ROW) << "no rows on the examples:\n" << sql;
    sqlite3_finalize(st);
    sqlite3_close(h);
  }
  EXPECT_GE(n, 6u) << "docs/store.md gives at least six example queries";
}

}  // namespace
}  // namespace hearsay::testing

// The graph in the store: the analysis codec, hearsay.json and index.html rendered from
// what the store gives back equal those rendered from memory, and a schema-2 store migrates.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../../integration/cli_support.h"
#include "common/sha256.h"
#include "hearsay/pipeline.h"
#include "ingest/ingest.h"
#include "report/report.h"
#include "store/analysis_codec.h"
#include "store/store.h"
#include "sql_rows.h"

namespace hearsay::store {
namespace {

namespace fs = std::filesystem;

std::string TempDb(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("hearsay_graph_" + std::to_string(::getpid()) + "_" + name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  return p.string();
}

// The plain-text examples, stored in a fresh store (ingest_seq set).
std::vector<Document> StoredExamples(Store& store) {
  std::vector<Document> docs;
  for (const auto& e : fs::directory_iterator(testing::SourceDir() + "/examples"))
    if (e.path().extension() == ".txt") {
      auto d = ingest::ParsePlainText(e.path().string(), testing::ReadFileOrEmpty(e.path().string()));
      EXPECT_TRUE(d.ok());
      docs.push_back(std::move(d).value());
    }
  std::sort(docs.begin(), docs.end(), [](const Document& a, const Document& b) { return a.path < b.path; });
  auto run = store.BeginRun("test");
  EXPECT_TRUE(run.ok());
  auto added = store.AddBatch(docs, {}, {}, *run);
  EXPECT_TRUE(added.ok()) << added.status().ToString();
  return docs;
}

Models ProjectModels() {
  auto m = LoadModels(testing::SourceDir() + "/models");
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::move(m).value();
}

report::ReportView View(const Graph& g) {
  static const std::vector<Reject> kNone;
  static const std::vector<Warning> kNoWarnings;
  return report::ReportView{&g.docs, &g.analyses, &g.corpus, &kNone, &kNoWarnings, "hearsay test"};
}

void Sql(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "") << "\n" << sql.substr(0, 200);
  sqlite3_free(err);
  sqlite3_close(h);
}

TEST(AnalysisCodec, RoundTripsEveryExampleAndRejectsDamage) {
  auto store = Store::Open(TempDb("codec"));
  ASSERT_TRUE(store.ok());
  std::vector<Document> docs = StoredExamples(**store);
  Models models = ProjectModels();
  size_t claims = 0;
  for (const Document& d : docs) {
    DocumentAnalysis a = AnalyzeDocument(d, models);
    claims += a.claims.size();
    std::string body = EncodeAnalysis(a);
    auto back = DecodeAnalysis(body);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(EncodeAnalysis(*back), body) << d.path;
    EXPECT_EQ(back->layout.tokens.size(), a.layout.tokens.size());
    EXPECT_EQ(back->claims.size(), a.claims.size());
    for (size_t cut = 0; cut < body.size(); cut += 1 + body.size() / 50)
      EXPECT_EQ(DecodeAnalysis(body.substr(0, cut)).status().code(), StatusCode::kDataLoss) << "cut at " << cut;
  }
  EXPECT_GT(claims, 0u) << "the examples gave no claims: the codec test would test nothing";
  EXPECT_EQ(DecodeAnalysis(std::string("\x07junk", 5)).status().code(), StatusCode::kDataLoss);
}

// Every claim flag survives the codec, each alone and both together.
TEST(AnalysisCodec, KeepsEveryClaimFlag) {
  for (int bits = 0; bits < 4; ++bits) {
    DocumentAnalysis a;
    Claim c;
    c.predicate = hearsay::Predicate::kSpouseOf;
    c.subject_inferred = (bits & 1) != 0;
    c.ended = (bits & 2) != 0;
    a.claims.push_back(c);
    auto back = DecodeAnalysis(EncodeAnalysis(a));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ASSERT_EQ(back->claims.size(), 1u);
    EXPECT_EQ(back->claims[0].subject_inferred, c.subject_inferred) << bits;
    EXPECT_EQ(back->claims[0].ended, c.ended) << bits;
  }
}

// hearsay.json and index.html rendered from the graph the store gives back are the bytes
// rendered from memory: the tables hold everything the outputs show.
// Every index of the store: "name: sql" lines in name order.
std::string IndexSql(const std::string& db) {
  std::string out;
  for (const auto& row :
       SqlRows(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"))
    out += row[0] + ": " + row[1] + "\n";
  return out;
}

TEST(GraphStore, OutputsFromTheStoreEqualOutputsFromMemory) {
  std::string path = TempDb("views");
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok());
  Graph g;
  g.docs = StoredExamples(**store);
  CorpusResult r = AnalyzeCorpus(g.docs, ProjectModels(), 2);
  g.analyses = std::move(r.analyses);
  g.corpus = std::move(r.corpus);
  g.pipeline = "test-pipeline";
  g.run_id = 1;
  StabilizeIds(g);
  ASSERT_FALSE(g.corpus.clusters.empty());
  ASSERT_FALSE(g.corpus.contradictions.empty());
  const std::string indexes = IndexSql(path);
  EXPECT_NE(indexes.find("mentions_entity: CREATE INDEX"), std::string::npos) << indexes;
  auto changes = (*store)->WriteGraph(g, std::vector<bool>(g.docs.size(), true));
  ASSERT_TRUE(changes.ok()) << changes.status().ToString();
  EXPECT_EQ(changes->documents, g.docs.size());
  // The first graph is written with its indexes deferred (DeferredIndexes): all are back.
  EXPECT_EQ(IndexSql(path), indexes);
  auto back = (*store)->LoadGraph();
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  std::string from_store = report::RenderJson(View(*back)), from_memory = report::RenderJson(View(g));
  EXPECT_TRUE(from_store == from_memory) << "differ; written to " << fs::temp_directory_path().string() << "/hearsay_graph_*.json";
  if (from_store != from_memory) {
    std::ofstream(fs::temp_directory_path() / "hearsay_graph_store.json") << from_store;
    std::ofstream(fs::temp_directory_path() / "hearsay_graph_memory.json") << from_memory;
  }
  EXPECT_EQ(report::RenderHtml(View(*back)), report::RenderHtml(View(g)));
  // Written again unchanged: nothing is new, and no row of a document, entity or cluster is
  // written again (triggers count the inserts).
  Sql(path, "CREATE TABLE test_inserts(t TEXT);"
            "CREATE TRIGGER test_m AFTER INSERT ON mentions BEGIN INSERT INTO test_inserts VALUES('mentions'); END;"
            "CREATE TRIGGER test_e AFTER INSERT ON entities BEGIN INSERT INTO test_inserts VALUES('entities'); END;"
            "CREATE TRIGGER test_k AFTER INSERT ON clusters BEGIN INSERT INTO test_inserts VALUES('clusters'); END;");
  auto again = (*store)->WriteGraph(*back, std::vector<bool>(g.docs.size(), false));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->documents + again->claims + again->contradictions + again->first_reports, 0u);
  EXPECT_EQ(testing::CountRows(path, "SELECT COUNT(*) FROM test_inserts"), 0);
  EXPECT_GT(testing::CountRows(path, "SELECT COUNT(*) FROM mentions"), 0);
}

// Bounded memory (issue 19): analyses released for the corpus stage (ReleaseForCorpus) and
// cached batch by batch beforehand (CacheAnalyses) give the same hearsay.json and
// index.html, in memory and read back from the store; a released analysis that was not
// cached is never cached without its tokens.
TEST(GraphStore, ReleasedAnalysesGiveTheSameOutputs) {
  std::string path = TempDb("released");
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok());
  Graph full;
  full.docs = StoredExamples(**store);
  CorpusResult r = AnalyzeCorpus(full.docs, ProjectModels(), 2);
  full.analyses = std::move(r.analyses);
  full.corpus = std::move(r.corpus);
  full.pipeline = "test-pipeline";
  full.run_id = 1;
  StabilizeIds(full);
  Graph slim = full;
  std::vector<CachedAnalysis> batch;
  for (size_t d = 0; d < slim.docs.size(); ++d) {
    batch.push_back({slim.docs[d].content_hash, EncodeAnalysis(slim.analyses[d])});
    ReleaseForCorpus(&slim.analyses[d]);
    EXPECT_TRUE(slim.analyses[d].layout.tokens.empty());
    EXPECT_EQ(slim.analyses[d].layout.token_count(), full.analyses[d].layout.tokens.size());
    // What stays for the corpus stage holds no spare capacity (a run holds it for every document).
    EXPECT_EQ(slim.analyses[d].mentions.capacity(), slim.analyses[d].mentions.size());
    EXPECT_EQ(slim.analyses[d].claims.capacity(), slim.analyses[d].claims.size());
    EXPECT_EQ(slim.analyses[d].layout.paragraphs.capacity(), slim.analyses[d].layout.paragraphs.size());
  }
  EXPECT_EQ(report::RenderJson(View(slim)), report::RenderJson(View(full)));
  EXPECT_EQ(report::RenderHtml(View(slim)), report::RenderHtml(View(full)));
  // Released but not cached: WriteGraph leaves the cache without them.
  ASSERT_TRUE((*store)->WriteGraph(slim, std::vector<bool>(slim.docs.size(), true)).ok());
  auto none = (*store)->LoadAnalyses(slim.docs, slim.pipeline);
  ASSERT_TRUE(none.ok());
  for (const auto& a : *none) EXPECT_FALSE(a.has_value());
  ASSERT_TRUE((*store)->CacheAnalyses(batch, slim.pipeline, 1).ok());
  slim.analyses_cached = true;
  ASSERT_TRUE((*store)->WriteGraph(slim, std::vector<bool>(slim.docs.size(), true)).ok());
  auto back = (*store)->LoadGraph();
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(report::RenderJson(View(*back)), report::RenderJson(View(full)));
}

// A store made by schema 2 (documents only) opens, migrates to the current schema, keeps
// its documents and finds them by full-text search.
TEST(GraphStore, ASchemaTwoStoreMigrates) {
  std::string path = TempDb("v2");
  std::string dir = testing::SourceDir() + "/src/store/migrations/";
  std::string raw = "Harbour Lights\nThe singer Mara Quill opened the festival.";
  Sql(path, testing::ReadFileOrEmpty(dir + "001_documents.sql") + testing::ReadFileOrEmpty(dir + "002_warnings.sql") +
                "PRAGMA user_version = 2; PRAGMA application_id = 1213415769;"
                "INSERT INTO documents(content_hash, id, path, format, title, text, title_byte_begin, title_byte_end,"
                " body_byte_begin, raw_byte_shift, replaced_bytes, raw) VALUES('" + Sha256Hex(raw) +
                "', 'doc-1', 'a.txt', 'text', 'Harbour Lights', '" + raw + "', 0, 14, 15, 0, 0, CAST('" + raw + "' AS BLOB));");
  auto ro = Store::Open(path, OpenMode::kReadOnly);
  EXPECT_FALSE(ro.ok()) << "read-only use does not migrate";
  auto s = Store::Open(path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ((*s)->schema_version(), 3);
  auto docs = (*s)->LoadDocuments();
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].title, "Harbour Lights");
  EXPECT_EQ((*s)->LoadGraph().status().code(), StatusCode::kNotFound);
  s->reset();
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &h), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(h, "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'quill'", -1, &q, nullptr), SQLITE_OK);
  EXPECT_EQ(sqlite3_step(q), SQLITE_ROW) << "the migrated document is indexed for search";
  sqlite3_finalize(q);
  sqlite3_close(h);
}

}  // namespace
}  // namespace hearsay::store

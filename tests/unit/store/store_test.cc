#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ingest/ingest.h"
#include "store/store.h"
#include "sql_rows.h"

namespace hearsay::store {
namespace {

namespace fs = std::filesystem;

std::string TempDb(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("hearsay_store_" + std::to_string(::getpid()) + "_" + name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  return p.string();
}

Document Doc(const std::string& title, const std::string& body) {
  auto d = ingest::ParsePlainText(title + ".txt", title + "\n" + body);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

TEST(Store, CreatesSchemaAtCurrentVersion) {
  auto s = Store::Open(TempDb("schema"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ((*s)->schema_version(), kSchemaVersion);
}

TEST(Store, ReAddingTheSameContentAddsNothing) {
  std::string path = TempDb("idem");
  auto s = Store::Open(path);
  ASSERT_TRUE(s.ok());
  auto run = (*s)->BeginRun("test");
  ASSERT_TRUE(run.ok());
  std::vector<Document> batch = {Doc("One", "Body one."), Doc("Two", "Body two.")};
  std::vector<Reject> rejects = {Reject{"bad.txt", std::nullopt, "ingest", "empty file"}};
  auto r1 = (*s)->AddBatch(batch, rejects, {}, *run);
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  EXPECT_EQ(r1->added, 2u);
  EXPECT_EQ(batch[0].ingest_seq, 1u);
  EXPECT_EQ(batch[1].ingest_seq, 2u);
  std::vector<Document> again = {Doc("Two", "Body two."), Doc("Three", "Body three.")};
  auto r2 = (*s)->AddBatch(again, rejects, {}, *run);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->added, 1u);
  EXPECT_EQ(r2->existing, 1u);
  EXPECT_EQ(again[0].ingest_seq, 2u) << "an existing document keeps its first seq";
  EXPECT_EQ(*(*s)->CountDocuments(), 3);
  auto stored_rejects = (*s)->LoadRejects();
  ASSERT_TRUE(stored_rejects.ok());
  EXPECT_EQ(stored_rejects->size(), 1u) << "the same reject is recorded once";
}

// The rowids MATCH finds in the store at `path`, in order.
std::vector<int64_t> Matching(const std::string& path, const std::string& query) {
  std::vector<int64_t> rows;
  for (const auto& row : SqlRows(path, "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid", query))
    rows.push_back(std::stoll(row[0]));
  return rows;
}

TEST(Store, EveryBatchIsIndexedForSearchAndTheTriggerStays) {
  std::string path = TempDb("fts");
  {
    auto s = Store::Open(path);
    ASSERT_TRUE(s.ok());
    auto run = (*s)->BeginRun("test");
    ASSERT_TRUE(run.ok());
    std::vector<Document> first = {Doc("Marigold", "Quenby Arlott opened a bakery."), Doc("Tulip", "Quenby Arlott sold it.")};
    ASSERT_TRUE((*s)->AddBatch(first, {}, {}, *run).ok());
    std::vector<Document> known = {Doc("Tulip", "Quenby Arlott sold it.")};  // nothing new: no rows to index
    ASSERT_TRUE((*s)->AddBatch(known, {}, {}, *run).ok());
    std::vector<Document> mixed = {Doc("Marigold", "Quenby Arlott opened a bakery."), Doc("Aster", "A bakery in Dunmore.")};
    ASSERT_TRUE((*s)->AddBatch(mixed, {}, {}, *run).ok());
  }
  EXPECT_EQ(Matching(path, "quenby"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Matching(path, "bakery"), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(Matching(path, "title:aster"), (std::vector<int64_t>{3}));
  // A document stored by another writer (no AddBatch) is still indexed by the trigger.
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &h), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(h,
                         "INSERT INTO documents(content_hash, id, path, format, title, authors, metadata, text,"
                         " title_byte_begin, title_byte_end, body_byte_begin, raw_byte_shift, replaced_bytes, raw)"
                         " SELECT 'x' || content_hash, 'x', 'x.txt', format, 'Zinnia', authors, metadata, 'Zinnia',"
                         " 0, 6, 6, 0, 0, raw FROM documents WHERE seq = 1",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(h);
  sqlite3_close(h);
  EXPECT_EQ(Matching(path, "zinnia"), (std::vector<int64_t>{4}));
}

TEST(Store, DocumentsRoundTrip) {
  std::string path = TempDb("roundtrip");
  std::vector<Document> batch;
  auto j = ingest::ParseJsonLine("f.jsonl", 1, R"({"id":"x1","outlet":"O","published":"2025-01-02","title":"T","text":"B \u00e9","authors":["A"],"label":"real"})");
  ASSERT_TRUE(j.ok());
  batch.push_back(*j);
  {
    auto s = Store::Open(path);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->AddBatch(batch, {}, {Warning{batch[0].content_hash, "f.jsonl:1", "", "ingest", "note"}}, 1).ok());
  }
  auto s = Store::Open(path);
  ASSERT_TRUE(s.ok());
  auto docs = (*s)->LoadDocuments();
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  const Document& d = (*docs)[0];
  EXPECT_EQ(d.id, "x1");
  EXPECT_EQ(d.text, batch[0].text);
  EXPECT_EQ(d.raw, batch[0].raw);
  EXPECT_EQ(d.outlet.value_or(""), "O");
  EXPECT_EQ(d.published.value_or(""), "2025-01-02");
  EXPECT_EQ(d.authors, std::vector<std::string>{"A"});
  ASSERT_EQ(d.metadata.size(), 1u);
  EXPECT_EQ(d.metadata[0].second, "real");
  EXPECT_EQ(d.format, SourceFormat::kJsonLines);
  EXPECT_EQ((*s)->LoadWarnings()->size(), 1u);
  std::vector<std::string> only = {"nope"};
  EXPECT_TRUE((*s)->LoadDocuments(&only)->empty());
}

// RawBytes::kDrop (analyze's load): the same documents without their raw bytes, which
// are still checked against the content hash.
TEST(Store, DroppedRawBytesAreCheckedAndNotHandedBack) {
  std::string path = TempDb("dropraw");
  std::vector<Document> batch;
  auto j = ingest::ParseJsonLine("f.jsonl", 1, R"({"id":"x1","outlet":"O","title":"T","text":"The singer spoke."})");
  ASSERT_TRUE(j.ok());
  batch.push_back(*j);
  auto s = Store::Open(path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->AddBatch(batch, {}, {}, 1).ok());
  auto kept = (*s)->LoadDocuments(nullptr, RawBytes::kKeep);
  auto dropped = (*s)->LoadDocuments(nullptr, RawBytes::kDrop);
  ASSERT_TRUE(kept.ok() && dropped.ok());
  ASSERT_EQ(dropped->size(), 1u);
  EXPECT_EQ((*kept)[0].raw, batch[0].raw);
  EXPECT_TRUE((*dropped)[0].raw.empty());
  EXPECT_EQ((*dropped)[0].text, (*kept)[0].text);
  EXPECT_EQ((*dropped)[0].content_hash, (*kept)[0].content_hash);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE documents SET raw = CAST(replace(CAST(raw AS TEXT), 'singer', 'sinGer') AS BLOB)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto damaged = (*s)->LoadDocuments(nullptr, RawBytes::kDrop);
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.status().code(), StatusCode::kDataLoss);
}

TEST(Store, NewerSchemaIsRefusedWithVersions) {
  std::string path = TempDb("newer");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA application_id = 1213415769; PRAGMA user_version = 99", nullptr, nullptr, nullptr),
            SQLITE_OK);  // a hearsay store (application id "HSAY") from a newer build
  sqlite3_close(db);
  auto s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("99"), std::string::npos);
  EXPECT_NE(s.status().message().find(std::to_string(kSchemaVersion)), std::string::npos);
}

// Stores written before the application id existed (id 0, exactly hearsay's tables) still
// open, and get the id; a foreign table beside them makes the file not a store.
TEST(Store, StoresFromBeforeTheApplicationIdStillOpen) {
  std::string path = TempDb("legacy");
  ASSERT_TRUE(Store::Open(path).ok());
  auto pragma = [&](const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  };
  pragma("PRAGMA application_id = 0");
  auto s = Store::Open(path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  s->reset();
  sqlite3* db = nullptr;
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int64(st, 0), kApplicationId) << "the id is set on opening";
  sqlite3_finalize(st);
  sqlite3_close(db);
  pragma("PRAGMA application_id = 0; CREATE TABLE extra(x)");
  auto foreign = Store::Open(path);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(foreign.status().message().find("tables: "), std::string::npos) << foreign.status().message();
  EXPECT_NE(foreign.status().message().find(", extra, "), std::string::npos) << "names the foreign table";
}

TEST(Store, NotADatabaseIsAClearError) {
  std::string path = TempDb("garbage");
  std::ofstream(path) << std::string(4096, 'z');
  auto s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find(path), std::string::npos);
}

TEST(Store, UnwritableLocationIsAClearError) {
  auto s = Store::Open("/nonexistent-dir/hearsay.db");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("/nonexistent-dir/hearsay.db"), std::string::npos);
}

}  // namespace
}  // namespace hearsay::store

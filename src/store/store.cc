#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <limits>
#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "store/stmt.h"
#include "store/migrations.h"  // generated: kMigrations[] = {sql of 001, 002, ...}

namespace hearsay::store {
namespace {

// Rows of `table` (of one run, or all), in insertion order, each turned into a T by `row`.
template <typename T, typename RowFn>
Result<std::vector<T>> LoadRows(sqlite3* db, const std::string& db_path, const std::string& table,
                                const std::string& columns, const std::string& order_by,
                                std::optional<int64_t> run_id, RowFn row) {
  std::string sql = "SELECT " + columns + " FROM " + table + (run_id ? " WHERE run_id = ?" : "") + " ORDER BY " + order_by;
  Stmt s(db, sql.c_str());
  if (run_id) s.Int(1, *run_id);
  std::vector<T> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out.push_back(row(s));
  if (rc != SQLITE_DONE) return UnavailableError(db_path + ": reading " + table + " failed: " + sqlite3_errmsg(db));
  return out;
}

std::string Now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The tables of hearsay schema version `version` (1-based), sorted.
std::vector<std::string> TablesOfVersion(int version) {
  std::vector<std::string> tables = {"documents", "rejects", "runs"};
  if (version >= 2) tables.push_back("warnings");
  if (version >= 3) {
    for (const char* t : {"analyses", "attributions", "blocks", "citations", "claims", "cluster_claims", "cluster_documents",
                          "cluster_outlets", "clusters", "contradictions", "corpus_rows", "credibility_reasons", "document_results", "document_rows",
                          "duplicates", "entities", "entity_aliases", "graph_meta", "local_entities", "mentions",
                          "provenance", "quotes", "run_changes"})
      tables.push_back(t);
    for (const char* fts : {"documents_fts", "entities_fts"})  // FTS5 tables and their shadow tables
      for (const char* part : {"", "_config", "_data", "_docsize", "_idx"}) tables.push_back(std::string(fts) + part);
    tables.push_back("entities_fts_content");
  }
  std::sort(tables.begin(), tables.end());
  return tables;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

// The full-text rows of a batch's new documents, indexed by one statement after the
// batch's inserts instead of by the insert trigger row by row: FTS5 (SQLite 3.40) writes
// its pending terms out as a new segment at the end of every statement that changed it,
// so the trigger made one segment per document (2 of the 3.3 CPU seconds of storing the
// 10,200 GossipCop articles). Inside the batch's transaction the trigger is dropped, then
// created again with its own SQL: the index holds the same rows (MATCH gives the same
// documents); only its segments are fewer.
class BatchFullText {
 public:
  // Drops documents_fts_insert (remembering its SQL) when the store has it; false on a
  // failure (sqlite3_errmsg tells).
  bool Drop(sqlite3* db) {
    Stmt get(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'documents_fts_insert'");
    if (get.ok() && get.Step() == SQLITE_ROW) sql_ = get.ColText(0);
    return sql_.empty() || sqlite3_exec(db, "DROP TRIGGER documents_fts_insert", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  // Notes a document the batch added.
  void Added(uint64_t seq) {
    first_ = std::min(first_, static_cast<int64_t>(seq));
    last_ = std::max(last_, static_cast<int64_t>(seq));
  }
  // Indexes the documents added (in seq order, as the trigger did), then creates the
  // trigger again; false on a failure.
  bool Index(sqlite3* db) {
    if (sql_.empty()) return true;
    if (first_ <= last_) {  // seqs of new rows are above every older one: the range is the batch's
      Stmt add(db, "INSERT INTO documents_fts(rowid, title, text) SELECT seq, title, text FROM documents"
                   " WHERE seq BETWEEN ? AND ? ORDER BY seq");
      add.Int(1, first_);
      add.Int(2, last_);
      if (add.Step() != SQLITE_DONE) return false;
    }
    return sqlite3_exec(db, sql_.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  }

 private:
  std::string sql_;
  int64_t first_ = std::numeric_limits<int64_t>::max(), last_ = 0;
};

}  // namespace

Status Store::CheckIdentity(const Identity& id, bool read_only) {
  const bool empty = id.application_id == 0 && id.version == 0 && id.tables.empty();
  // Stores written before the application id was set: exactly hearsay's tables.
  const bool legacy = id.application_id == 0 && id.version >= 1 && id.version <= kSchemaVersion &&
                      id.tables == TablesOfVersion(id.version);
  if (id.application_id != kApplicationId && !(empty && !read_only) && !legacy) {
    char app[16];
    std::snprintf(app, sizeof app, "0x%08llx", static_cast<unsigned long long>(id.application_id));
    return FailedPreconditionError(std::string(empty ? "an empty database" : "not a hearsay store") + " (application_id " +
                                   app + ", user_version " + std::to_string(id.version) + ", tables: " + Join(id.tables) +
                                   "; a hearsay store has application_id 0x48534159); left unchanged");
  }
  if (id.version > kSchemaVersion)
    return FailedPreconditionError("database schema version " + std::to_string(id.version) +
                                   " is newer than this build supports (" + std::to_string(kSchemaVersion) +
                                   "); use a newer hearsay");
  if (read_only && id.version < kSchemaVersion)
    return FailedPreconditionError("store schema version " + std::to_string(id.version) + " is older than this build's (" +
                                   std::to_string(kSchemaVersion) + "); `hearsay ingest` upgrades it, read-only use does not");
  return Status::Ok();
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, OpenMode mode) {
  const bool read_only = mode == OpenMode::kReadOnly;
  sqlite3* db = nullptr;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return UnavailableError(path + ": cannot open database (" + msg + ")");
  }
  std::unique_ptr<Store> store(new Store(db));
  store->path_ = path;
  sqlite3_busy_timeout(db, 10000);
  // Nothing is written before the file is known to be a hearsay store (or empty).
  Result<Identity> id = store->ReadIdentity();
  if (!id.ok()) return id.status().WithContext(path);
  HEARSAY_RETURN_IF_ERROR(CheckIdentity(*id, read_only).WithContext(path));
  if (read_only) {
    store->schema_version_ = id->version;
    return store;
  }
  HEARSAY_RETURN_IF_ERROR(store->Migrate().WithContext(path));
  // WAL: readers do not block the writer, and a killed writer loses only the open
  // transaction. Switching needs a moment alone with the file, so it is retried.
  HEARSAY_RETURN_IF_ERROR(store->ExecRetryingBusy("PRAGMA journal_mode=WAL").WithContext(path));
  HEARSAY_RETURN_IF_ERROR(store->Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON").WithContext(path));
  return store;
}

Result<Store::Identity> Store::ReadIdentity() {
  Identity id;
  Stmt app(db_, "PRAGMA application_id");
  int rc = app.ok() ? app.Step() : SQLITE_ERROR;
  if (rc != SQLITE_ROW) {
    rc = sqlite3_errcode(db_);
    std::string msg = sqlite3_errmsg(db_);
    if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) return DataLossError("not a hearsay database (" + msg + ")");
    return UnavailableError("cannot read the database header (" + msg + ")");
  }
  id.application_id = app.ColInt(0);
  Stmt v(db_, "PRAGMA user_version");
  if (!v.ok() || v.Step() != SQLITE_ROW) return DataLossError(std::string("cannot read schema version: ") + sqlite3_errmsg(db_));
  id.version = static_cast<int>(v.ColInt(0));
  Stmt t(db_, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
  if (!t.ok()) return DataLossError(std::string("cannot list tables: ") + sqlite3_errmsg(db_));
  while ((rc = t.Step()) == SQLITE_ROW) id.tables.push_back(t.ColText(0));
  if (rc != SQLITE_DONE) return DataLossError(std::string("cannot list tables: ") + sqlite3_errmsg(db_));
  return id;
}

Store::~Store() { sqlite3_close(db_); }

Status Store::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) return DataLossError("not a hearsay database (" + msg + ")");
    return UnavailableError("database error: " + msg);
  }
  return Status::Ok();
}

Status Store::ExecRetryingBusy(const std::string& sql) {
  Status s;
  for (int attempt = 0; attempt < 200; ++attempt) {
    s = Exec(sql);
    if (s.ok() || sqlite3_errcode(db_) != SQLITE_BUSY) return s;
    sqlite3_sleep(50);
  }
  return s;
}

Status Store::Migrate() {
  // One IMMEDIATE transaction for all steps, with the identity read again inside it: two
  // processes creating the same new store take turns, and the second finds it made.
  HEARSAY_RETURN_IF_ERROR(ExecRetryingBusy("BEGIN IMMEDIATE"));
  auto fail = [&](const Status& s) {
    (void)Exec("ROLLBACK");
    return s;
  };
  Result<Identity> id = ReadIdentity();
  if (!id.ok()) return fail(id.status());
  if (Status s = CheckIdentity(*id, false); !s.ok()) return fail(s);
  for (int next = id->version + 1; next <= kSchemaVersion; ++next) {
    Status s = Exec(kMigrations[next - 1]);
    if (s.ok()) s = Exec("PRAGMA user_version = " + std::to_string(next));
    if (!s.ok()) return fail(s.WithContext("migration to schema version " + std::to_string(next)));
  }
  if (id->application_id != kApplicationId) {
    if (Status s = Exec("PRAGMA application_id = " + std::to_string(kApplicationId)); !s.ok()) return fail(s);
  }
  HEARSAY_RETURN_IF_ERROR(Exec("COMMIT"));
  schema_version_ = kSchemaVersion;
  return Status::Ok();
}

Result<int64_t> Store::BeginRun(const std::string& command) {
  Stmt s(db_, "INSERT INTO runs(command, started_at) VALUES(?, ?)");
  s.Text(1, command);
  s.Text(2, Now());
  if (s.Step() != SQLITE_DONE) return UnavailableError(path_ + ": cannot record run: " + sqlite3_errmsg(db_));
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Status Store::FinishRun(int64_t run_id, uint64_t seen, uint64_t added, uint64_t rejects) {
  Stmt s(db_, "UPDATE runs SET finished_at=?, documents_seen=?, documents_added=?, rejects=? WHERE run_id=?");
  s.Text(1, Now());
  s.Int(2, static_cast<int64_t>(seen));
  s.Int(3, static_cast<int64_t>(added));
  s.Int(4, static_cast<int64_t>(rejects));
  s.Int(5, run_id);
  if (s.Step() != SQLITE_DONE) return UnavailableError(path_ + ": cannot finish run: " + sqlite3_errmsg(db_));
  return Status::Ok();
}

Result<BatchResult> Store::AddBatch(std::vector<Document>& docs, const std::vector<Reject>& rejects,
                                    const std::vector<Warning>& warnings, int64_t run_id) {
  BatchResult result;
  HEARSAY_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE").WithContext(path_));
  auto fail = [&](const std::string& what) {
    std::string msg = path_ + ": " + what + ": " + sqlite3_errmsg(db_);
    (void)Exec("ROLLBACK");
    return UnavailableError(msg);
  };
  BatchFullText full_text;
  if (!docs.empty() && !full_text.Drop(db_)) return fail("cannot set the full-text trigger aside");
  {
    Stmt find(db_, "SELECT seq, id FROM documents WHERE content_hash = ?");
    Stmt ins(db_,
             "INSERT INTO documents(content_hash, id, path, format, title, outlet, published, url, authors, metadata, text,"
             " title_byte_begin, title_byte_end, body_byte_begin, raw_byte_shift, replaced_bytes, raw, run_id)"
             " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!find.ok() || !ins.ok()) return fail("cannot prepare document statements");
    for (Document& d : docs) {
      find.Text(1, d.content_hash);
      int rc = find.Step();
      if (rc == SQLITE_ROW) {
        d.ingest_seq = static_cast<uint64_t>(find.ColInt(0));
        d.id = find.ColText(1);
        ++result.existing;
        find.Reset();
        continue;
      }
      find.Reset();
      nlohmann::json authors = d.authors;
      nlohmann::json meta = nlohmann::json::object();
      for (const auto& [k, v] : d.metadata) meta[k] = v;
      ins.Text(1, d.content_hash);
      ins.Text(2, d.id);
      ins.Text(3, d.path);
      ins.Text(4, SourceFormatName(d.format));
      ins.Text(5, d.title);
      ins.OptText(6, d.outlet);
      ins.OptText(7, d.published);
      ins.OptText(8, d.url);
      ins.Text(9, authors.dump());
      ins.Text(10, meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      ins.Text(11, d.text);
      ins.Int(12, d.title_byte_begin);
      ins.Int(13, d.title_byte_end);
      ins.Int(14, d.body_byte_begin);
      ins.Int(15, d.raw_byte_shift);
      ins.Int(16, d.replaced_bytes);
      ins.Blob(17, d.raw);
      ins.Int(18, run_id);
      if (ins.Step() != SQLITE_DONE) return fail("cannot store document " + d.path);
      d.ingest_seq = static_cast<uint64_t>(sqlite3_last_insert_rowid(db_));
      full_text.Added(d.ingest_seq);
      ins.Reset();
      ++result.added;
    }
    if (!full_text.Index(db_)) return fail("cannot index the batch's full text");
    Stmt rej(db_, "INSERT OR IGNORE INTO rejects(path, location, stage, reason, run_id) VALUES(?,?,?,?,?)");
    for (const Reject& r : rejects) {
      rej.Text(1, r.path);
      rej.Text(2, r.where.value_or(""));
      rej.Text(3, r.stage);
      rej.Text(4, r.reason);
      rej.Int(5, run_id);
      if (rej.Step() != SQLITE_DONE) return fail("cannot store reject for " + r.path);
      rej.Reset();
    }
    Stmt warn(db_, "INSERT OR IGNORE INTO warnings(content_hash, path, location, stage, message, run_id) VALUES(?,?,?,?,?,?)");
    for (const Warning& w : warnings) {
      warn.Text(1, w.content_hash);
      warn.Text(2, w.path);
      warn.Text(3, w.where);
      warn.Text(4, w.stage);
      warn.Text(5, w.message);
      warn.Int(6, run_id);
      if (warn.Step() != SQLITE_DONE) return fail("cannot store warning for " + w.path);
      warn.Reset();
    }
  }
  HEARSAY_RETURN_IF_ERROR(Exec("COMMIT").WithContext(path_));
  return result;
}

Result<std::vector<Document>> Store::LoadDocuments(const std::vector<std::string>* only, RawBytes raw) {
  std::vector<Document> out;
  if (only) {
    HEARSAY_RETURN_IF_ERROR(Exec("CREATE TEMP TABLE IF NOT EXISTS wanted(h TEXT PRIMARY KEY); DELETE FROM wanted"));
    Stmt ins(db_, "INSERT OR IGNORE INTO wanted(h) VALUES(?)");
    for (const auto& h : *only) {
      ins.Text(1, h);
      ins.Step();
      ins.Reset();
    }
  }
  std::string sql =
      "SELECT seq, content_hash, id, path, format, title, outlet, published, url, authors, metadata, text,"
      " title_byte_begin, title_byte_end, body_byte_begin, raw_byte_shift, replaced_bytes, raw FROM documents";
  if (only) sql += " WHERE content_hash IN (SELECT h FROM wanted)";
  sql += " ORDER BY seq";
  Stmt s(db_, sql.c_str());
  if (!s.ok()) return UnavailableError(path_ + ": cannot read documents: " + sqlite3_errmsg(db_));
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    Document d;
    d.ingest_seq = static_cast<uint64_t>(s.ColInt(0));
    d.content_hash = s.ColText(1);
    d.id = s.ColText(2);
    d.path = s.ColText(3);
    d.format = SourceFormatFromName(s.ColText(4));
    d.title = s.ColText(5);
    d.outlet = s.ColOptText(6);
    d.published = s.ColOptText(7);
    d.url = s.ColOptText(8);
    try {
      for (const auto& a : nlohmann::json::parse(s.ColText(9))) d.authors.push_back(a.get<std::string>());
      nlohmann::json meta = nlohmann::json::parse(s.ColText(10));
      for (auto it = meta.begin(); it != meta.end(); ++it) d.metadata.emplace_back(it.key(), it.value().get<std::string>());
    } catch (const nlohmann::json::exception& e) {
      return DataLossError(path_ + ": document seq " + std::to_string(d.ingest_seq) + ": bad authors/metadata JSON (" + e.what() + ")");
    }
    d.text = s.ColText(11);
    d.title_byte_begin = static_cast<uint32_t>(s.ColInt(12));
    d.title_byte_end = static_cast<uint32_t>(s.ColInt(13));
    d.body_byte_begin = static_cast<uint32_t>(s.ColInt(14));
    d.raw_byte_shift = static_cast<uint32_t>(s.ColInt(15));
    d.replaced_bytes = static_cast<uint32_t>(s.ColInt(16));
    d.raw = s.ColBlob(17);
    if (Sha256Hex(d.raw) != d.content_hash)
      return DataLossError(path_ + ": document " + d.id + " (" + d.path + ", seq " + std::to_string(d.ingest_seq) +
                           "): its stored raw bytes do not match their content hash " + d.content_hash +
                           "; the store is damaged");
    if (d.title_byte_end > d.text.size() || d.title_byte_begin > d.title_byte_end || d.body_byte_begin > d.text.size())
      return DataLossError(path_ + ": document seq " + std::to_string(d.ingest_seq) + ": stored offsets outside its text");
    if (raw == RawBytes::kDrop) std::string().swap(d.raw);
    out.push_back(std::move(d));
  }
  if (rc != SQLITE_DONE) return UnavailableError(path_ + ": reading documents failed: " + sqlite3_errmsg(db_));
  return out;
}

Result<std::vector<Reject>> Store::LoadRejects(std::optional<int64_t> run_id) {
  return LoadRows<Reject>(db_, path_, "rejects", "path, location, stage, reason", "reject_id", run_id, [](Stmt& s) {
    Reject r;
    r.path = s.ColText(0);
    std::string where = s.ColText(1);
    if (!where.empty()) r.where = where;
    r.stage = s.ColText(2);
    r.reason = s.ColText(3);
    return r;
  });
}

Result<std::vector<Warning>> Store::LoadWarnings(std::optional<int64_t> run_id) {
  return LoadRows<Warning>(db_, path_, "warnings", "content_hash, path, location, stage, message", "warning_id", run_id,
                           [](Stmt& s) { return Warning{s.ColText(0), s.ColText(1), s.ColText(2), s.ColText(3), s.ColText(4)}; });
}

Result<int64_t> Store::CountDocuments() {
  Stmt s(db_, "SELECT COUNT(*) FROM documents");
  if (s.Step() != SQLITE_ROW) return UnavailableError(path_ + ": count failed: " + sqlite3_errmsg(db_));
  return s.ColInt(0);
}

}  // namespace hearsay::store

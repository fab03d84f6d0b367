#pragma once
// Internal to the store library: a prepared statement that finalizes itself.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

namespace hearsay::store {

// RAII prepared statement.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return s_; }
  void Text(int i, const std::string& v) { sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  // Binds n bytes at p without copying them: they must stay unchanged until the next Reset.
  void TextRef(int i, const char* p, size_t n) { sqlite3_bind_text(s_, i, p, static_cast<int>(n), SQLITE_STATIC); }
  void OptText(int i, const std::optional<std::string>& v) {
    if (v) Text(i, *v); else sqlite3_bind_null(s_, i);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void Real(int i, double v) { sqlite3_bind_double(s_, i, v); }
  void Null(int i) { sqlite3_bind_null(s_, i); }
  void OptInt(int i, std::optional<int64_t> v) {
    if (v) Int(i, *v); else Null(i);
  }
  void OptReal(int i, std::optional<double> v) {
    if (v) Real(i, *v); else Null(i);
  }
  void Blob(int i, const std::string& v) { sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  int Step() { return sqlite3_step(s_); }
  void Reset() { sqlite3_reset(s_); sqlite3_clear_bindings(s_); }
  std::string ColText(int i) {
    const unsigned char* p = sqlite3_column_text(s_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(s_, i)) : std::string();
  }
  std::optional<std::string> ColOptText(int i) {
    if (sqlite3_column_type(s_, i) == SQLITE_NULL) return std::nullopt;
    return ColText(i);
  }
  std::string ColBlob(int i) {
    const void* p = sqlite3_column_blob(s_, i);
    return p ? std::string(static_cast<const char*>(p), sqlite3_column_bytes(s_, i)) : std::string();
  }
  int64_t ColInt(int i) { return sqlite3_column_int64(s_, i); }
  double ColReal(int i) { return sqlite3_column_double(s_, i); }
  bool ColNull(int i) { return sqlite3_column_type(s_, i) == SQLITE_NULL; }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

}  // namespace hearsay::store

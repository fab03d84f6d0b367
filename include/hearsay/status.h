#pragma once
// Status and Result<T>: how every hearsay function that can fail reports it.
//
// Expected failures (bad input, missing file, corrupt model, locked database) are
// returned, never thrown across this header. A Status carries a code and a message
// that says what failed, where (file, line, byte offset) and expected vs found.
//
//   hearsay::Result<Document> doc = ReadPlainText(path);
//   if (!doc.ok()) {
//     std::cerr << doc.status().ToString() << "\n";
//     return;
//   }
//   Use(*doc);
//
// Thread safety: values; copy freely between threads.

#include <optional>
#include <string>
#include <utility>

namespace hearsay {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the caller's request is malformed (usage)
  kNotFound,           // a named file or record does not exist
  kPermissionDenied,   // the file exists but cannot be read
  kDataLoss,           // input is corrupt or cannot be decoded
  kOutOfRange,         // input exceeds a documented limit
  kFailedPrecondition, // the system is not in a state to do this (e.g. wrong model version)
  kUnavailable,        // a resource (database, server) cannot be reached now
  kInternal,           // a broken invariant in hearsay itself
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "DATA_LOSS: file.jsonl:12: not JSON (...)"; "OK" when ok().
  std::string ToString() const;
  // Returns a copy whose message is `context + ": " + message()`.
  Status WithContext(const std::string& context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFoundError(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status PermissionDeniedError(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }
inline Status DataLossError(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status OutOfRangeError(std::string m) { return {StatusCode::kOutOfRange, std::move(m)}; }
inline Status FailedPreconditionError(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
inline Status UnavailableError(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status InternalError(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// A value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace hearsay

#define HEARSAY_RETURN_IF_ERROR(expr)          \
  do {                                         \
    ::hearsay::Status hearsay_status_ = (expr); \
    if (!hearsay_status_.ok()) return hearsay_status_; \
  } while (0)

// Status and StatusOr<T>: how errors cross module boundaries (after leveldb's Status).
// A Status is a code plus a message naming what failed (file, record). Value type,
// thread-compatible. Messy input text is not an error: stages record diagnostics instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vigie {

enum class StatusCode { kOk = 0, kNotFound, kInvalidArgument, kCorruption, kIoError, kUnsupported };

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status NotFound(std::string_view msg) { return Status(StatusCode::kNotFound, msg); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(StatusCode::kInvalidArgument, msg);
  }
  static Status Corruption(std::string_view msg) { return Status(StatusCode::kCorruption, msg); }
  static Status IoError(std::string_view msg) { return Status(StatusCode::kIoError, msg); }
  static Status Unsupported(std::string_view msg) { return Status(StatusCode::kUnsupported, msg); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "NotFound: no such file: a.txt"
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string_view msg) : code_(code), message_(msg) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status.
template <typename T>
class StatusOr {
 public:
  StatusOr(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design
  StatusOr(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
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

#define VIGIE_RETURN_IF_ERROR(expr)        \
  do {                                     \
    ::vigie::Status _st = (expr);          \
    if (!_st.ok()) return _st;             \
  } while (0)

}  // namespace vigie

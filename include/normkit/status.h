// Errors as values: a Status says what went wrong and where, a Result<T>
// carries either a value or a Status. Nothing in normkit's API throws.
//
// Example:
//   normkit::Result<normkit::Normalizer> n = normkit::Normalizer::Create(opts);
//   if (!n.ok()) {
//     std::cerr << n.status().ToString() << "\n";  // "punct.toml:4:9: ..."
//     return;
//   }
//   std::string text = n->Normalize(input);
//
// Status and Result are plain values: safe to copy and to share between
// threads once built.
#ifndef NORMKIT_STATUS_H_
#define NORMKIT_STATUS_H_

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

#include "normkit/export.h"

namespace normkit {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // an option or id the caller passed is not valid
  kInvalidInput,     // the text is not what it should be (strict modes)
  kRuleSyntax,       // a rule file cannot be read
  kNotFound,         // a named scheme, transform or rule file does not exist
  kInternal,         // a dependency failed in a way that should not happen
};

// Where something went wrong. Lines and columns count from 1; 0 means the
// part is not known. `offset` is a byte offset from the start of the text or
// file, counted from 0.
struct NORMKIT_EXPORT SourcePosition {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::size_t offset = 0;
};

class [[nodiscard]] NORMKIT_EXPORT Status {
 public:
  Status() = default;  // success
  Status(ErrorCode code, std::string message, SourcePosition where = {})
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourcePosition& where() const { return where_; }

  // "file:line:column: message", leaving out the parts that are not known.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  SourcePosition where_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  // The error; an OK Status when there is a value.
  Status status() const { return ok() ? Status() : std::get<Status>(state_); }

  // Precondition for all of these: ok().
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace normkit

#endif  // NORMKIT_STATUS_H_

// kref::Result<T>: a T or the Status saying why there is none.
//
// Result<T> is tl::expected<T, Status> (g++ 12 has no usable std::expected) with one addition:
// a non-OK Status converts to it implicitly, so `return NotFoundError("...");` works in a
// function returning Result<T>. This file is the only place tl appears.
//
// Also here: the two error macros.
//   KREF_RETURN_IF_ERROR(expr)       expr is a Status or a Result<U>; returns its error.
//   KREF_ASSIGN_OR_RETURN(lhs, expr) expr is a Result<U>; returns its error, else assigns the
//                                    value to lhs (which may be a declaration: `auto x`).
#pragma once

#include <tl/expected.hpp>
#include <utility>

#include "impl/common/check.h"
#include "impl/common/status.h"

namespace kref {

template <class T>
class [[nodiscard]] Result : public tl::expected<T, Status> {
  using Base = tl::expected<T, Status>;

 public:
  using Base::Base;
  Result(const Base& base) : Base(base) {}
  Result(Base&& base) : Base(std::move(base)) {}
  // REQUIRES: !status.ok(). An OK status carries no value to return.
  Result(Status status) : Base(tl::unexpect, std::move(status)) { KREF_CHECK(!this->error().ok()); }

  // The error, or an OK status when there is a value.
  Status status() const { return this->has_value() ? Status() : this->error(); }
};

}  // namespace kref

// Let tl's monadic operations (and_then, or_else) accept functions returning Result<T>.
template <class T>
struct tl::detail::is_expected_impl<kref::Result<T>> : std::true_type {};

namespace kref {
namespace internal {

inline const Status& GetStatus(const Status& status) { return status; }
template <class T>
Status GetStatus(const Result<T>& result) {
  return result.status();
}

}  // namespace internal
}  // namespace kref

#define KREF_INTERNAL_CONCAT_INNER(a, b) a##b
#define KREF_INTERNAL_CONCAT(a, b) KREF_INTERNAL_CONCAT_INNER(a, b)

#define KREF_RETURN_IF_ERROR(expr)                                     \
  do {                                                                 \
    ::kref::Status kref_status_ = ::kref::internal::GetStatus((expr)); \
    if (!kref_status_.ok()) return kref_status_;                       \
  } while (false)

#define KREF_INTERNAL_ASSIGN_OR_RETURN(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.has_value()) return std::move(tmp).error(); \
  lhs = std::move(*tmp)

#define KREF_ASSIGN_OR_RETURN(lhs, expr) \
  KREF_INTERNAL_ASSIGN_OR_RETURN(KREF_INTERNAL_CONCAT(kref_result_, __LINE__), lhs, expr)

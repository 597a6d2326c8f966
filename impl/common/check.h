// Invariant checks. A failed check is a programmer error: it prints the condition and the
// location to stderr and aborts. Errors that come from input or the environment are never
// checked this way; they are returned as a Status.
//
//   KREF_CHECK(cond)            always on
//   KREF_CHECK_MSG(cond, msg)   always on, with a message (anything streamable to std::ostream)
//   KREF_DCHECK(cond)           debug builds only (compiled out under NDEBUG)
#pragma once

#include <sstream>
#include <string>

namespace kref::internal {

[[noreturn]] void CheckFailed(const char* file, int line, const char* condition,
                              const std::string& message);

}  // namespace kref::internal

#define KREF_CHECK(cond)                                                       \
  do {                                                                         \
    if (!(cond)) [[unlikely]]                                                  \
      ::kref::internal::CheckFailed(__FILE__, __LINE__, #cond, std::string()); \
  } while (false)

#define KREF_CHECK_MSG(cond, msg)                                                     \
  do {                                                                                \
    if (!(cond)) [[unlikely]] {                                                       \
      std::ostringstream kref_check_os_;                                              \
      kref_check_os_ << msg;                                                          \
      ::kref::internal::CheckFailed(__FILE__, __LINE__, #cond, kref_check_os_.str()); \
    }                                                                                 \
  } while (false)

#ifdef NDEBUG
#define KREF_DCHECK(cond) \
  do {                    \
  } while (false && (cond))
#else
#define KREF_DCHECK(cond) KREF_CHECK(cond)
#endif

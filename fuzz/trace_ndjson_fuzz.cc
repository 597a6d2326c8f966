// Bytes as an NDJSON trace for the trace acceptor: nothing crashes; a trace is either refused
// with an InvalidArgument naming its line, or replayed with a report whose counts add up, and
// replaying the same bytes again gives the same report.
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz/fuzz_check.h"
#include "model/trace/trace.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream first(text);
  kref::Result<kref::model::AcceptReport> report = kref::model::AcceptNdjson(first);
  std::istringstream second(text);
  kref::Result<kref::model::AcceptReport> again = kref::model::AcceptNdjson(second);
  FUZZ_CHECK(report.has_value() == again.has_value());
  if (!report) {
    FUZZ_CHECK(report.error().IsInvalidArgument());
    FUZZ_CHECK(report.error().message().rfind("line ", 0) == 0);
    return 0;
  }
  FUZZ_CHECK(report->records >= 0 && report->unmodelled <= report->records);
  FUZZ_CHECK(report->violations.size() == again->violations.size());
  for (std::size_t i = 0; i < report->violations.size(); ++i) {
    FUZZ_CHECK(report->violations[i].ToString() == again->violations[i].ToString());
  }
  return 0;
}

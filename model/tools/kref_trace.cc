// kref-trace: replays stored watch traces (NDJSON, the format in model/trace/trace.h) through
// the models and prints every transition they do not allow.
//
//   kref-trace [--max-coalesced N] TRACE.ndjson...
//
// Exit status: 0 when every trace is accepted, 1 when a model reports a violation, 2 when a
// trace cannot be read (the line and the reason are printed).
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "model/trace/trace.h"

int main(int argc, char** argv) {
  CLI::App app("Replays NDJSON watch traces through the kref models.");
  int max_coalesced = kref::model::kDefaultMaxCoalesced;
  std::vector<std::string> files;
  app.add_option("--max-coalesced", max_coalesced,
                 "How many model events one observed change may stand for")
      ->check(CLI::Range(1, 64));
  app.add_option("traces", files, "NDJSON trace files")->required()->check(CLI::ExistingFile);
  CLI11_PARSE(app, argc, argv);

  int status = 0;
  for (const std::string& file : files) {
    std::ifstream in(file);
    kref::Result<kref::model::AcceptReport> report = kref::model::AcceptNdjson(in, max_coalesced);
    if (!report) {
      std::cerr << "kref-trace: " << file << ": " << report.error().message() << "\n";
      status = 2;
      continue;
    }
    for (const kref::model::Violation& v : report->violations) {
      std::cout << file << ": " << v.ToString() << "\n";
    }
    std::cout << file << ": " << report->records << " records, " << report->violations.size()
              << " violations (" << report->started << " started, " << report->accepted
              << " accepted, " << report->stutters << " unchanged, " << report->gaps
              << " after gaps, " << report->unchecked << " unchecked after a violation, "
              << report->unmodelled << " of unmodelled kinds)\n";
    if (!report->violations.empty() && status == 0) status = 1;
  }
  return status;
}

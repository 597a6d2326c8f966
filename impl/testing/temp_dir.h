// TempDir: a fresh directory under $TMPDIR (or /tmp), removed with everything in it on
// destruction. For tests that need files.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include "impl/common/check.h"

namespace kref::testing {

class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr ? base : "/tmp") + "/kref-test-XXXXXX";
    KREF_CHECK(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace kref::testing

#include "impl/api/internal/json_path.h"

#include <charconv>

namespace kref::api::internal {
namespace {

// A forward-only scanner over well-formed JSON text.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  size_t pos() const { return pos_; }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r'))
      ++pos_;
  }
  bool Consume(char c) {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  char Peek() {
    SkipSpace();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }
  // Reads a string literal; escapes other than \uXXXX are decoded, \uXXXX kept literally
  // (object keys in manifests are plain ASCII).
  bool ReadString(std::string& out) {
    if (!Consume('"')) return false;
    out.clear();
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c == '\\' && pos_ < text_.size()) {
        char e = text_[pos_++];
        switch (e) {
          case 'n':
            out.push_back('\n');
            break;
          case 't':
            out.push_back('\t');
            break;
          case 'r':
            out.push_back('\r');
            break;
          case 'b':
            out.push_back('\b');
            break;
          case 'f':
            out.push_back('\f');
            break;
          case 'u':
            out.append("\\u");
            break;
          default:
            out.push_back(e);
        }
      } else {
        out.push_back(c);
      }
    }
    if (pos_ >= text_.size()) return false;
    ++pos_;
    return true;
  }
  bool SkipValue(unsigned depth = 0) {
    if (depth > kMaxJsonDepth) return false;
    char c = Peek();
    std::string ignored;
    if (c == '"') return ReadString(ignored);
    if (c == '{') {
      ++pos_;
      if (Consume('}')) return true;
      do {
        if (!ReadString(ignored) || !Consume(':') || !SkipValue(depth + 1)) return false;
      } while (Consume(','));
      return Consume('}');
    }
    if (c == '[') {
      ++pos_;
      if (Consume(']')) return true;
      do {
        if (!SkipValue(depth + 1)) return false;
      } while (Consume(','));
      return Consume(']');
    }
    size_t start = pos_;
    while (pos_ < text_.size() &&
           std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos)
      ++pos_;
    return pos_ > start;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

std::vector<PathStep> ParsePath(std::string_view path) {
  std::vector<PathStep> steps;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      ++i;
      continue;
    }
    if (path[i] == '[') {
      size_t close = path.find(']', i);
      if (close == std::string_view::npos) close = path.size();
      steps.push_back({std::string(path.substr(i + 1, close - i - 1)), true});
      i = close + 1;
      continue;
    }
    size_t end = path.find_first_of(".[", i);
    if (end == std::string_view::npos) end = path.size();
    steps.push_back({std::string(path.substr(i, end - i)), false});
    i = end;
  }
  return steps;
}

LineColumn LineColumnOf(std::string_view text, size_t offset) {
  LineColumn at;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

std::optional<size_t> LocateJsonPath(std::string_view text, std::string_view path) {
  Scanner scanner(text);
  for (const PathStep& step : ParsePath(path)) {
    char c = scanner.Peek();
    if (c == '{') {
      scanner.Consume('{');
      std::string key;
      bool found = false;
      if (scanner.Peek() == '}') return std::nullopt;
      do {
        if (!scanner.ReadString(key) || !scanner.Consume(':')) return std::nullopt;
        if (key == step.name) {
          found = true;
          break;
        }
        if (!scanner.SkipValue()) return std::nullopt;
      } while (scanner.Consume(','));
      if (!found) return std::nullopt;
    } else if (c == '[' && step.bracketed) {
      size_t index = 0;
      auto [ptr, ec] =
          std::from_chars(step.name.data(), step.name.data() + step.name.size(), index);
      if (ec != std::errc()) return std::nullopt;
      scanner.Consume('[');
      for (size_t k = 0; k < index; ++k) {
        if (!scanner.SkipValue() || !scanner.Consume(',')) return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
  }
  scanner.SkipSpace();
  return scanner.pos();
}

}  // namespace kref::api::internal

#include "impl/api/patch_strategy.h"

#include <map>
#include <utility>

namespace kref::api {
namespace {

// C++ type -> "field=strategy[:mergeKey] ..."
constexpr std::pair<std::string_view, std::string_view> kStrategyTable[] = {
#include "impl/api/internal/patch_strategies.inc"
};

using Strategies = std::map<std::pair<std::string_view, std::string_view>, PatchStrategy, std::less<>>;

const Strategies& AllStrategies() {
  static const auto* strategies = [] {
    auto* out = new Strategies;
    for (auto [type, fields] : kStrategyTable) {
      while (!fields.empty()) {
        size_t end = fields.find(' ');
        std::string_view item = fields.substr(0, end);
        fields.remove_prefix(end == std::string_view::npos ? fields.size() : end + 1);
        size_t eq = item.find('=');
        if (item.empty() || eq == std::string_view::npos) continue;
        std::string_view field = item.substr(0, eq);
        std::string_view rest = item.substr(eq + 1);
        size_t colon = rest.find(':');
        std::string_view tags = rest.substr(0, colon);
        PatchStrategy strategy;
        strategy.merge = tags.find("merge") != std::string_view::npos;
        strategy.retain_keys = tags.find("retainKeys") != std::string_view::npos;
        strategy.replace = tags == "replace";
        if (colon != std::string_view::npos) strategy.merge_key = rest.substr(colon + 1);
        (*out)[{type, field}] = strategy;
      }
    }
    return out;
  }();
  return *strategies;
}

}  // namespace

PatchStrategy PatchStrategyOf(const TypeSchema& owner, std::string_view field) {
  const Strategies& strategies = AllStrategies();
  auto it = strategies.find(std::pair<std::string_view, std::string_view>(owner.name, field));
  return it == strategies.end() ? PatchStrategy() : it->second;
}

}  // namespace kref::api

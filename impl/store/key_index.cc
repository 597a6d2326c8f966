#include "impl/store/key_index.h"

#include <algorithm>

#include "impl/common/check.h"

namespace kref::store {

KeyRange KeyRange::FromRequest(std::string_view key, std::string_view range_end) {
  if (range_end.empty()) return {std::string(key), std::nullopt};
  if (range_end == std::string_view("\0", 1)) return {std::string(key), std::string()};
  return {std::string(key), std::string(range_end)};
}

bool KeyRange::Contains(std::string_view key) const {
  if (!end) return key == begin;
  return key >= begin && (end->empty() || key < *end);
}

void KeyIndex::Put(std::string_view key, Revision rev) {
  auto it = keys_.find(key);
  if (it == keys_.end()) {
    it = keys_.emplace(std::string(key), History{{Generation{}}}).first;
  }
  it->second.generations.back().push_back(rev);
}

bool KeyIndex::Tombstone(std::string_view key, Revision rev) {
  auto it = keys_.find(key);
  if (it == keys_.end() || it->second.generations.back().empty()) return false;
  it->second.generations.back().push_back(rev);
  it->second.generations.emplace_back();
  return true;
}

std::optional<Revision> KeyIndex::Find(const History& history, int64_t at_rev) {
  const auto& gens = history.generations;
  for (size_t i = gens.size(); i-- > 0;) {
    const Generation& g = gens[i];
    if (g.empty()) continue;
    // A finished generation ends in its tombstone: reads at or after it see no key.
    if (i + 1 != gens.size() && g.back().main <= at_rev) return std::nullopt;
    if (g.front().main <= at_rev) {
      auto it = std::upper_bound(g.begin(), g.end(), at_rev,
                                 [](int64_t rev, const Revision& r) { return rev < r.main; });
      return *std::prev(it);
    }
  }
  return std::nullopt;
}

std::optional<Revision> KeyIndex::Get(std::string_view key, int64_t at_rev) const {
  auto it = keys_.find(key);
  if (it == keys_.end()) return std::nullopt;
  return Find(it->second, at_rev);
}

void KeyIndex::Visit(const KeyRange& range, int64_t at_rev,
                     const std::function<bool(const std::string&, Revision)>& visit) const {
  if (!range.end) {
    auto it = keys_.find(range.begin);
    if (it == keys_.end()) return;
    if (auto rev = Find(it->second, at_rev)) visit(it->first, *rev);
    return;
  }
  for (auto it = keys_.lower_bound(range.begin); it != keys_.end(); ++it) {
    if (!range.end->empty() && it->first >= *range.end) break;
    if (auto rev = Find(it->second, at_rev)) {
      if (!visit(it->first, *rev)) return;
    }
  }
}

int64_t KeyIndex::Count(const KeyRange& range, int64_t at_rev) const {
  int64_t count = 0;
  Visit(range, at_rev, [&](const std::string&, Revision) {
    ++count;
    return true;
  });
  return count;
}

bool KeyIndex::CompactHistory(History& history, int64_t at_rev, std::vector<Revision>& keep) {
  auto& gens = history.generations;
  // The first generation that is still current or ended after at_rev.
  size_t gi = 0;
  while (gi + 1 < gens.size() && gens[gi].back().main <= at_rev) ++gi;
  Generation& g = gens[gi];
  if (!g.empty()) {
    // The latest revision <= at_rev survives; everything before it goes.
    auto it = std::upper_bound(g.begin(), g.end(), at_rev,
                               [](int64_t rev, const Revision& r) { return rev < r.main; });
    if (it != g.begin()) {
      auto latest = std::prev(it);
      g.erase(g.begin(), latest);
      // A finished generation reduced to its tombstone is gone entirely.
      if (g.size() == 1 && gi + 1 != gens.size()) {
        ++gi;
      } else {
        keep.push_back(g.front());
      }
    }
  }
  gens.erase(gens.begin(), gens.begin() + static_cast<ptrdiff_t>(gi));
  return gens.size() == 1 && gens.front().empty();
}

std::vector<Revision> KeyIndex::Compact(int64_t at_rev) {
  std::vector<Revision> keep;
  for (auto it = keys_.begin(); it != keys_.end();) {
    if (CompactHistory(it->second, at_rev, keep)) {
      it = keys_.erase(it);
    } else {
      ++it;
    }
  }
  std::sort(keep.begin(), keep.end());
  return keep;
}

std::vector<Revision> KeyIndex::Keep(int64_t at_rev) const {
  std::vector<Revision> keep;
  for (const auto& [key, history] : keys_) {
    History copy = history;
    CompactHistory(copy, at_rev, keep);
  }
  std::sort(keep.begin(), keep.end());
  return keep;
}

}  // namespace kref::store

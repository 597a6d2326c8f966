// Latency summaries shared by kref's load drivers.
#pragma once

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace kref::cli {

// "mean, p50, p99, max" over `samples_us` (sorted here).
inline std::string Percentiles(std::vector<double>& samples_us) {
  std::sort(samples_us.begin(), samples_us.end());
  auto pct = [&](double p) {
    return samples_us.empty() ? 0.0 : samples_us[static_cast<size_t>(p * (samples_us.size() - 1))];
  };
  double mean = 0;
  for (double l : samples_us) mean += l;
  mean /= std::max<size_t>(1, samples_us.size());
  char buf[160];
  std::snprintf(buf, sizeof buf, "mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms", mean / 1000,
                pct(0.5) / 1000, pct(0.99) / 1000, pct(1.0) / 1000);
  return buf;
}

}  // namespace kref::cli

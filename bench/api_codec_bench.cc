// Decode and encode of a realistic ~2 KB Pod (two containers, probes, env, volumes, status).
// Targets (issue 2): decode >= 150 MB/s, encode >= 300 MB/s. Run from the repository root:
//   build/default/bench/api_codec_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "impl/api/core/pod.h"
#include "impl/api/json.h"

namespace {

std::string PodJson() {
  std::ifstream in("bench/testdata/pod.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void BM_DecodePod(benchmark::State& state) {
  const std::string json = PodJson();
  for (auto _ : state) {
    kref::Result<kref::api::core::Pod> pod = kref::api::FromJson<kref::api::core::Pod>(json);
    benchmark::DoNotOptimize(pod);
    if (!pod) state.SkipWithError(pod.error().ToString().c_str());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
}
BENCHMARK(BM_DecodePod);

void BM_EncodePod(benchmark::State& state) {
  const kref::api::core::Pod pod = *kref::api::FromJson<kref::api::core::Pod>(PodJson());
  size_t bytes = 0;
  for (auto _ : state) {
    std::string json = kref::api::ToJson(pod);
    bytes = json.size();
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["json_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_EncodePod);

}  // namespace

BENCHMARK_MAIN();

// The models' speed: events fired into each machine, observations replayed by the trace
// acceptor's core, and whole traces through the acceptor (records parsed, abstracted, replayed
// through the pod, container and watch models). Run:
//   build/default/bench/model_bench --benchmark_counters_tabular=true
// items_per_second is events (or observations, or records) per second.
#include <benchmark/benchmark.h>

#include <random>
#include <sstream>

#include "model/container/container.h"
#include "model/node/node.h"
#include "model/pod/pod.h"
#include "model/replication/replication.h"
#include "model/rollout/rollout.h"
#include "model/scheduling/scheduling.h"
#include "model/testing/traces.h"
#include "model/trace/abstraction.h"
#include "model/trace/replay.h"
#include "model/trace/trace.h"
#include "model/watch/watch.h"

namespace {

using namespace kref::model;

// Random events, each fired on the machine whatever its state (illegal ones included).
template <class M>
void BM_Fire(benchmark::State& state) {
  std::mt19937 rng(1);
  std::vector<int> events(4096);
  for (int& e : events) e = static_cast<int>(rng() % M::kEventCount);
  typename M::Facts facts{};
  M machine;
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(machine.Fire(events[i++ & 4095], facts));
    if ((i & 63) == 0) machine = M();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_TEMPLATE(BM_Fire, ContainerMachine);
BENCHMARK_TEMPLATE(BM_Fire, PodMachine);
BENCHMARK_TEMPLATE(BM_Fire, ReplicationMachine);
BENCHMARK_TEMPLATE(BM_Fire, RolloutMachine);
BENCHMARK_TEMPLATE(BM_Fire, SchedulingMachine);
BENCHMARK_TEMPLATE(BM_Fire, NodeMachine);
BENCHMARK_TEMPLATE(BM_Fire, WatchMachine);

// 1,000 pods' lives (random walks of up to 40 events), interleaved into one trace.
std::vector<TraceRecord> PodTraces() {
  std::mt19937 rng(7);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  std::vector<std::vector<TraceRecord>> lives;
  for (int pod = 0; pod < 1000; ++pod) {
    auto trace = testing::GenerateTrace<PodMachine>("Pod", "uid-" + std::to_string(pod),
                                                    PodMachine::Facts{"n1", true}, 40,
                                                    testing::PodObject, pick);
    lives.emplace_back(trace.records.begin() + 2, trace.records.end());
  }
  std::vector<TraceRecord> out;
  TraceRecord list;
  list.type = "LIST";
  list.stream = "Pod";
  list.rv = "1";
  out.push_back(list);
  list.type = "WATCH";
  out.push_back(list);
  std::int64_t rv = 1;
  for (std::size_t step = 0;; ++step) {
    bool any = false;
    for (auto& life : lives) {
      if (step >= life.size()) continue;
      any = true;
      TraceRecord r = life[step];
      r.rv = std::to_string(++rv);
      r.stream = "Pod";
      r.seq = static_cast<std::int64_t>(out.size()) + 1;
      out.push_back(std::move(r));
    }
    if (!any) break;
  }
  return out;
}

// The acceptor's core: abstract states replayed per instance (no JSON).
void BM_ReplayObservations(benchmark::State& state) {
  std::vector<TraceRecord> records = PodTraces();
  std::vector<std::pair<int, Observation<PodMachine>>> observations;
  std::map<std::string, int> index;
  for (const TraceRecord& r : records) {
    if (r.uid.empty()) continue;
    int id = index.try_emplace(r.uid, static_cast<int>(index.size())).first->second;
    observations.emplace_back(id, AbstractPod(r.object, r.type == "DELETED"));
  }
  std::int64_t violations = 0;
  for (auto _ : state) {
    std::vector<InstanceReplay<PodMachine>> replays(index.size());
    for (const auto& [id, obs] : observations) {
      violations += replays[id].Observe(obs, false).kind == StepKind::kIllegal;
    }
  }
  if (violations != 0) state.SkipWithError("a generated trace was rejected");
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(observations.size()));
}
BENCHMARK(BM_ReplayObservations)->Unit(benchmark::kMillisecond);

// Parsed records through the whole acceptor (abstraction, pod, container and watch models).
void BM_AcceptRecords(benchmark::State& state) {
  const std::vector<TraceRecord> records = PodTraces();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<TraceRecord> copy = records;
    state.ResumeTiming();
    TraceAcceptor acceptor;
    for (TraceRecord& r : copy) benchmark::DoNotOptimize(acceptor.Accept(std::move(r)));
    if (!acceptor.report().violations.empty()) state.SkipWithError("a generated trace was rejected");
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(records.size()));
}
BENCHMARK(BM_AcceptRecords)->Unit(benchmark::kMillisecond);

// NDJSON text through AcceptNdjson (JSON parsing included).
void BM_AcceptNdjson(benchmark::State& state) {
  std::vector<TraceRecord> records = PodTraces();
  std::string text;
  for (const TraceRecord& r : records) text += FormatTraceRecord(r) + "\n";
  for (auto _ : state) {
    std::istringstream in(text);
    auto report = AcceptNdjson(in);
    if (!report || !report->violations.empty()) state.SkipWithError("the trace was rejected");
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(records.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_AcceptNdjson)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

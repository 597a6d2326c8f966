// Bytes as an event sequence for one model: the first byte picks the machine (in
// model/registry.h order), then each pair of bytes is an event and the facts it carries. Nothing
// aborts, every step agrees with the compiled transition table (an accepted event moves along a
// row, a rejected one changes nothing), and the machine's state invariants hold after every
// step.
#include <cstdint>
#include <cstdio>
#include <string>

#include "fuzz/fuzz_check.h"
#include "model/container/container.h"
#include "model/node/node.h"
#include "model/pod/pod.h"
#include "model/replication/replication.h"
#include "model/rollout/rollout.h"
#include "model/scheduling/scheduling.h"
#include "model/watch/watch.h"

namespace {

using namespace kref::model;

// Facts from one byte, per machine.
ContainerMachine::Facts FactsOf(ContainerMachine*, std::uint8_t b) {
  ContainerMachine::Facts f;
  f.restart_policy = static_cast<RestartPolicy>(b % 3);
  f.sidecar = b & 4;
  f.init = (b & 4) || (b & 64);
  f.pod_deleting = b & 8;
  f.exit_code = (b >> 4) & 1 ? 1 : 0;
  f.ran_for_s = (b >> 5) & 1 ? 601 : 5;
  return f;
}
PodMachine::Facts FactsOf(PodMachine*, std::uint8_t b) {
  return PodMachine::Facts{"node-" + std::to_string(b % 4), (b & 4) != 0};
}
ReplicationMachine::Facts FactsOf(ReplicationMachine*, std::uint8_t b) {
  return ReplicationMachine::Facts{b % 7};
}
RolloutMachine::Facts FactsOf(RolloutMachine*, std::uint8_t b) { return RolloutMachine::Facts{(b & 1) != 0}; }
SchedulingMachine::Facts FactsOf(SchedulingMachine*, std::uint8_t b) {
  return SchedulingMachine::Facts{(b & 1) != 0, (b & 2) != 0, (b & 4) != 0, (b & 8) ? "a" : "b"};
}
NodeMachine::Facts FactsOf(NodeMachine*, std::uint8_t b) {
  return NodeMachine::Facts{static_cast<NodeMachine::Toleration>(b % 3)};
}
WatchMachine::Facts FactsOf(WatchMachine*, std::uint8_t b) {
  WatchMachine::Facts f;
  f.rv = b >> 3;
  f.type = static_cast<WatchMachine::Type>(b % 3);
  f.send_initial_events = b & 4;
  f.initial_events_end = (b >> 2) & 1;
  return f;
}

template <class M>
void Run(const std::uint8_t* data, std::size_t size) {
  M machine;
  for (std::size_t i = 0; i + 1 < size; i += 2) {
    int event = data[i] % M::kEventCount;
    kref::model::StateKey before = machine.Key();
    Verdict verdict = machine.Fire(event, FactsOf(&machine, data[i + 1]));
    std::string why = StepDisagreement(M::Table(), before, event, verdict, machine.Key());
    if (!why.empty()) std::fprintf(stderr, "%s: %s\n", M::Table().machine.c_str(), why.c_str());
    FUZZ_CHECK(why.empty());
    if constexpr (requires { machine.BrokenInvariants(); }) {
      for (const std::string& broken : machine.BrokenInvariants()) {
        std::fprintf(stderr, "%s: %s broken in %s\n", M::Table().machine.c_str(), broken.c_str(),
                     machine.StateName().c_str());
      }
      FUZZ_CHECK(machine.BrokenInvariants().empty());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  switch (data[0] % 7) {
    case 0: Run<ContainerMachine>(data + 1, size - 1); break;
    case 1: Run<PodMachine>(data + 1, size - 1); break;
    case 2: Run<ReplicationMachine>(data + 1, size - 1); break;
    case 3: Run<RolloutMachine>(data + 1, size - 1); break;
    case 4: Run<SchedulingMachine>(data + 1, size - 1); break;
    case 5: Run<NodeMachine>(data + 1, size - 1); break;
    case 6: Run<WatchMachine>(data + 1, size - 1); break;
  }
  return 0;
}

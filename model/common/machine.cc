#include "model/common/machine.h"

#include <algorithm>
#include <ostream>

namespace kref::model {

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAccepted: return "accepted";
    case Verdict::kGuardRejected: return "guard rejected";
    case Verdict::kIllegal: return "illegal";
  }
  return "unknown";
}

std::ostream& operator<<(std::ostream& os, const Edge& edge) {
  os << edge.from << " --" << edge.event;
  if (!edge.guard.empty()) os << " [" << edge.guard << "]";
  return os << "--> " << edge.to;
}

namespace {
int IndexOf(const std::vector<std::string>& names, std::string_view name) {
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}
}  // namespace

int MachineTable::StateIndex(std::string_view name) const { return IndexOf(states, name); }
int MachineTable::EventIndex(std::string_view name) const { return IndexOf(events, name); }

std::vector<const Edge*> MachineTable::EdgesFrom(std::string_view state) const {
  std::vector<const Edge*> out;
  for (const Edge& edge : edges) {
    if (edge.from == state) out.push_back(&edge);
  }
  return out;
}

std::string KeyName(const MachineTable& table, StateKey key) {
  std::string out;
  for (int region = 0; region < table.regions(); ++region) {
    if (region > 0) out += " | ";
    int state = RegionState(key, region);
    out += state < static_cast<int>(table.states.size()) ? table.states[state] : "?";
  }
  return out;
}

std::string StepDisagreement(const MachineTable& table, StateKey before, int event,
                             Verdict verdict, StateKey after) {
  const std::string& name = table.events[event];
  auto step = [&] {
    return KeyName(table, before) + " --" + name + "--> " + KeyName(table, after) + " (" +
           std::string(VerdictName(verdict)) + ")";
  };
  if (verdict != Verdict::kAccepted) {
    return before == after ? "" : "state changed on a rejected event: " + step();
  }
  bool moved = false;
  for (int region = 0; region < table.regions(); ++region) {
    const std::string& from = table.states[RegionState(before, region)];
    const std::string& to = table.states[RegionState(after, region)];
    bool row_to_target = false;
    for (const Edge& e : table.edges) {
      if (e.from == from && e.event == name && e.to == to) row_to_target = true;
    }
    if (row_to_target) moved = true;
    if (!row_to_target && from != to) {
      return "no row explains region " + std::to_string(region) + ": " + step();
    }
  }
  return moved ? "" : "accepted with no row for the event: " + step();
}

}  // namespace kref::model

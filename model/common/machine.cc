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

}  // namespace kref::model

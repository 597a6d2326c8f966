// spec/<machine>.yaml, loaded: the human-readable source of truth every model is checked
// against (the format is in spec/README.md).
//
// Thread safety: a SpecMachine is a plain value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "impl/common/result.h"
#include "model/common/machine.h"

namespace kref::model {

struct SpecItem {  // a state, event, guard, invariant or region: a name and what it means
  std::string name;
  std::string prose;
  std::string region;   // states of a machine with regions: the region's name
  std::string initial;  // regions: the region's initial state
};

struct SpecTransition {
  Edge edge;
  std::string prose;
  std::string ref;
};

struct SpecMachine {
  std::string machine;
  std::string summary;
  std::vector<std::string> references;
  std::vector<SpecItem> regions;  // one unnamed region when the file has `initial:` instead
  std::vector<SpecItem> states;
  std::vector<SpecItem> events;
  std::vector<SpecItem> guards;
  std::vector<SpecTransition> transitions;
  std::vector<SpecItem> invariants;

  // The transition table alone, states and events in file order.
  MachineTable Table() const;
};

// Parses and checks a spec: required keys present, names unique, every transition naming
// declared states, events and guards, both ends of a row in one region, every state reachable
// from its region's initial state. InvalidArgument names the file and the first problem.
Result<SpecMachine> ParseSpec(std::string_view yaml_text, std::string_view file_name);
Result<SpecMachine> LoadSpec(const std::string& path);

// The repository's spec/<machine>.yaml (KREF_SOURCE_DIR is the source root).
std::string SpecPath(std::string_view machine);

// How two tables differ, one line per difference; empty when they are equal. States, guards
// and edges compare as sets, events as sequences (a facade numbers events in spec order).
std::vector<std::string> DiffTables(const MachineTable& spec, const MachineTable& compiled);

}  // namespace kref::model

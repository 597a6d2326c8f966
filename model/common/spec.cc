#include "model/common/spec.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace kref::model {

namespace {

Status SpecError(std::string_view file, const std::string& what) {
  return InvalidArgumentError(std::string(file) + ": " + what);
}

Result<std::string> Scalar(const YAML::Node& node, const char* key, std::string_view file,
                           std::string_view where, bool required = true) {
  YAML::Node value = node[key];
  if (!value) {
    if (!required) return std::string();
    return SpecError(file, std::string(where) + ": missing '" + key + "'");
  }
  if (!value.IsScalar()) {
    return SpecError(file, std::string(where) + ": '" + key + "' must be a string");
  }
  return value.as<std::string>();
}

Result<std::vector<SpecItem>> Items(const YAML::Node& root, const char* key, std::string_view file,
                                    bool required) {
  std::vector<SpecItem> items;
  YAML::Node list = root[key];
  if (!list) {
    if (required) return SpecError(file, std::string("missing '") + key + "'");
    return items;
  }
  if (!list.IsSequence()) return SpecError(file, std::string("'") + key + "' must be a list");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    if (!list[i].IsMap()) return SpecError(file, where + " must be a map");
    SpecItem item;
    KREF_ASSIGN_OR_RETURN(item.name, Scalar(list[i], "name", file, where));
    KREF_ASSIGN_OR_RETURN(item.prose, Scalar(list[i], "prose", file, where));
    KREF_ASSIGN_OR_RETURN(item.region, Scalar(list[i], "region", file, where, false));
    KREF_ASSIGN_OR_RETURN(item.initial, Scalar(list[i], "initial", file, where, false));
    if (!seen.insert(item.name).second) {
      return SpecError(file, where + ": '" + item.name + "' is declared twice");
    }
    items.push_back(std::move(item));
  }
  return items;
}

template <class T>
const T* Find(const std::vector<T>& items, std::string_view name) {
  for (const T& item : items) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

Status Check(const SpecMachine& spec, std::string_view file) {
  for (const SpecItem& region : spec.regions) {
    const SpecItem* initial = Find(spec.states, region.initial);
    if (!initial || initial->region != region.name) {
      return SpecError(file, "region '" + region.name + "': initial state '" + region.initial +
                                 "' is not one of its states");
    }
  }
  for (const SpecItem& state : spec.states) {
    if (!Find(spec.regions, state.region)) {
      return SpecError(file, "state '" + state.name + "': unknown region '" + state.region + "'");
    }
  }
  for (std::size_t i = 0; i < spec.transitions.size(); ++i) {
    const Edge& edge = spec.transitions[i].edge;
    std::string where = "transitions[" + std::to_string(i) + "]";
    const SpecItem* from = Find(spec.states, edge.from);
    const SpecItem* to = Find(spec.states, edge.to);
    if (!from) return SpecError(file, where + ": unknown state '" + edge.from + "'");
    if (!to) return SpecError(file, where + ": unknown state '" + edge.to + "'");
    if (from->region != to->region) {
      return SpecError(file, where + ": '" + edge.from + "' and '" + edge.to +
                                 "' are in different regions");
    }
    if (!Find(spec.events, edge.event)) {
      return SpecError(file, where + ": unknown event '" + edge.event + "'");
    }
    if (!edge.guard.empty() && !Find(spec.guards, edge.guard)) {
      return SpecError(file, where + ": unknown guard '" + edge.guard + "'");
    }
  }
  // Every state reachable, every event and guard used.
  std::set<std::string> reached;
  for (const SpecItem& region : spec.regions) reached.insert(region.initial);
  for (bool grew = true; grew;) {
    grew = false;
    for (const SpecTransition& t : spec.transitions) {
      if (reached.count(t.edge.from) && reached.insert(t.edge.to).second) grew = true;
    }
  }
  for (const SpecItem& state : spec.states) {
    if (!reached.count(state.name)) {
      return SpecError(file, "state '" + state.name + "' is unreachable");
    }
  }
  for (const SpecItem& event : spec.events) {
    bool used = std::any_of(spec.transitions.begin(), spec.transitions.end(),
                            [&](const SpecTransition& t) { return t.edge.event == event.name; });
    if (!used) return SpecError(file, "event '" + event.name + "' is in no transition");
  }
  for (const SpecItem& guard : spec.guards) {
    bool used = std::any_of(spec.transitions.begin(), spec.transitions.end(),
                            [&](const SpecTransition& t) { return t.edge.guard == guard.name; });
    if (!used) return SpecError(file, "guard '" + guard.name + "' is in no transition");
  }
  return Status::Ok();
}

Result<SpecMachine> Parse(const YAML::Node& root, std::string_view file) {
  if (!root.IsMap()) return SpecError(file, "the document must be a map");
  SpecMachine spec;
  KREF_ASSIGN_OR_RETURN(spec.machine, Scalar(root, "machine", file, "document"));
  KREF_ASSIGN_OR_RETURN(spec.summary, Scalar(root, "summary", file, "document"));
  if (YAML::Node refs = root["references"]) {
    if (!refs.IsSequence()) return SpecError(file, "'references' must be a list");
    for (const YAML::Node& ref : refs) {
      if (!ref.IsScalar()) return SpecError(file, "'references' must be a list of strings");
      spec.references.push_back(ref.as<std::string>());
    }
  }
  KREF_ASSIGN_OR_RETURN(spec.regions, Items(root, "regions", file, false));
  KREF_ASSIGN_OR_RETURN(spec.states, Items(root, "states", file, true));
  KREF_ASSIGN_OR_RETURN(spec.events, Items(root, "events", file, true));
  KREF_ASSIGN_OR_RETURN(spec.guards, Items(root, "guards", file, false));
  KREF_ASSIGN_OR_RETURN(spec.invariants, Items(root, "invariants", file, false));
  if (spec.regions.empty()) {
    SpecItem region;
    KREF_ASSIGN_OR_RETURN(region.initial, Scalar(root, "initial", file, "document"));
    spec.regions.push_back(region);
  } else if (root["initial"]) {
    return SpecError(file, "'initial' belongs to each region when there are regions");
  }
  for (const SpecItem& state : spec.states) {
    if (spec.regions.size() > 1 && state.region.empty()) {
      return SpecError(file, "state '" + state.name + "' names no region");
    }
  }
  YAML::Node rows = root["transitions"];
  if (!rows || !rows.IsSequence()) return SpecError(file, "'transitions' must be a list");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string where = "transitions[" + std::to_string(i) + "]";
    if (!rows[i].IsMap()) return SpecError(file, where + " must be a map");
    SpecTransition t;
    KREF_ASSIGN_OR_RETURN(t.edge.from, Scalar(rows[i], "from", file, where));
    KREF_ASSIGN_OR_RETURN(t.edge.event, Scalar(rows[i], "event", file, where));
    KREF_ASSIGN_OR_RETURN(t.edge.guard, Scalar(rows[i], "guard", file, where, false));
    KREF_ASSIGN_OR_RETURN(t.edge.to, Scalar(rows[i], "to", file, where));
    KREF_ASSIGN_OR_RETURN(t.prose, Scalar(rows[i], "prose", file, where));
    KREF_ASSIGN_OR_RETURN(t.ref, Scalar(rows[i], "ref", file, where));
    spec.transitions.push_back(std::move(t));
  }
  KREF_RETURN_IF_ERROR(Check(spec, file));
  return spec;
}

}  // namespace

MachineTable SpecMachine::Table() const {
  MachineTable table;
  table.machine = machine;
  for (const SpecItem& region : regions) table.initial.push_back(region.initial);
  for (const SpecItem& state : states) {
    table.states.push_back(state.name);
    int region = 0;
    for (std::size_t r = 0; r < regions.size(); ++r) {
      if (regions[r].name == state.region) region = static_cast<int>(r);
    }
    table.region_of.push_back(region);
  }
  for (const SpecItem& event : events) table.events.push_back(event.name);
  for (const SpecItem& guard : guards) table.guards.push_back(guard.name);
  for (const SpecTransition& t : transitions) table.edges.push_back(t.edge);
  return table;
}

Result<SpecMachine> ParseSpec(std::string_view yaml_text, std::string_view file_name) {
  try {
    return Parse(YAML::Load(std::string(yaml_text)), file_name);
  } catch (const YAML::Exception& e) {
    return SpecError(file_name, std::string("not YAML: ") + e.what());
  }
}

Result<SpecMachine> LoadSpec(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return ParseSpec(text.str(), path);
}

std::string SpecPath(std::string_view machine) {
  return std::string(KREF_SOURCE_DIR) + "/spec/" + std::string(machine) + ".yaml";
}

namespace {

template <class T>
void DiffSets(const std::set<T>& spec, const std::set<T>& compiled, const char* what,
              auto&& show, std::vector<std::string>& out) {
  for (const T& x : spec) {
    if (!compiled.count(x)) out.push_back(std::string(what) + " in the spec, not in the model: " + show(x));
  }
  for (const T& x : compiled) {
    if (!spec.count(x)) out.push_back(std::string(what) + " in the model, not in the spec: " + show(x));
  }
}

std::set<std::pair<std::string, std::string>> RegionalStates(const MachineTable& table) {
  // A state with the initial state of its region: region numbering may differ between the two.
  std::set<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < table.states.size(); ++i) {
    int region = i < table.region_of.size() ? table.region_of[i] : 0;
    out.emplace(table.states[i], region < table.regions() ? table.initial[region] : "");
  }
  return out;
}

}  // namespace

std::vector<std::string> DiffTables(const MachineTable& spec, const MachineTable& compiled) {
  std::vector<std::string> out;
  auto name = [](const std::string& s) { return s; };
  if (spec.machine != compiled.machine) {
    out.push_back("machine '" + spec.machine + "' vs '" + compiled.machine + "'");
  }
  DiffSets(std::set<std::string>(spec.initial.begin(), spec.initial.end()),
           std::set<std::string>(compiled.initial.begin(), compiled.initial.end()),
           "initial state", name, out);
  DiffSets(RegionalStates(spec), RegionalStates(compiled), "state",
           [](const auto& p) { return p.first + " (region of " + p.second + ")"; }, out);
  if (spec.events != compiled.events) {
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& e : v) s += (s.empty() ? "" : ", ") + e;
      return s;
    };
    out.push_back("events differ: spec [" + join(spec.events) + "], model [" +
                  join(compiled.events) + "]");
  }
  DiffSets(std::set<std::string>(spec.guards.begin(), spec.guards.end()),
           std::set<std::string>(compiled.guards.begin(), compiled.guards.end()), "guard", name,
           out);
  std::multiset<Edge> spec_edges(spec.edges.begin(), spec.edges.end());
  std::multiset<Edge> compiled_edges(compiled.edges.begin(), compiled.edges.end());
  auto show = [](const Edge& e) {
    return e.from + " --" + e.event + (e.guard.empty() ? "" : " [" + e.guard + "]") + "--> " + e.to;
  };
  DiffSets(std::set<Edge>(spec_edges.begin(), spec_edges.end()),
           std::set<Edge>(compiled_edges.begin(), compiled_edges.end()), "row", show, out);
  for (const Edge& e : std::set<Edge>(spec_edges.begin(), spec_edges.end())) {
    if (spec_edges.count(e) > 1) out.push_back("row listed twice in the spec: " + show(e));
  }
  return out;
}

}  // namespace kref::model

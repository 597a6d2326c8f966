#include "model/common/spec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/registry.h"

namespace kref::model {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr const char* kGood = R"(
machine: door
summary: a door
references: [nowhere]
initial: Closed
states:
  - {name: Closed, prose: shut}
  - {name: Open, prose: not shut}
events:
  - {name: Push, prose: push it}
  - {name: Pull, prose: pull it}
guards:
  - {name: Unlocked, prose: no key needed}
transitions:
  - {from: Closed, event: Push, guard: Unlocked, to: Open, prose: opens, ref: here}
  - {from: Open, event: Pull, to: Closed, prose: closes, ref: here}
invariants:
  - {name: OneAtATime, prose: open or closed}
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(SpecTest, ParsesTheFormat) {
  Result<SpecMachine> spec = ParseSpec(kGood, "door.yaml");
  ASSERT_TRUE(spec.has_value()) << spec.error();
  MachineTable table = spec->Table();
  EXPECT_EQ(table.machine, "door");
  EXPECT_EQ(table.initial, std::vector<std::string>{"Closed"});
  EXPECT_EQ(table.events, (std::vector<std::string>{"Push", "Pull"}));
  ASSERT_EQ(table.edges.size(), 2u);
  EXPECT_EQ(table.edges[0], (Edge{"Closed", "Push", "Unlocked", "Open"}));
  EXPECT_EQ(spec->transitions[1].prose, "closes");
  EXPECT_EQ(spec->invariants[0].name, "OneAtATime");
}

TEST(SpecTest, EveryProblemIsNamedWithTheFile) {
  struct Case {
    std::string text;
    std::string message;
  } cases[] = {
      {"[1, 2]", "door.yaml: the document must be a map"},
      {"{", "door.yaml: not YAML"},
      {Replace(kGood, "machine: door\n", ""), "missing 'machine'"},
      {Replace(kGood, "to: Open", "to: Ajar"), "transitions[0]: unknown state 'Ajar'"},
      {Replace(kGood, "event: Pull", "event: Kick"), "transitions[1]: unknown event 'Kick'"},
      {Replace(kGood, "guard: Unlocked", "guard: Locked"), "unknown guard 'Locked'"},
      {Replace(kGood, "{name: Open, prose: not shut}", "{name: Closed, prose: again}"),
       "states[1]: 'Closed' is declared twice"},
      {Replace(kGood, "- {name: Pull, prose: pull it}", "- {name: Pull, prose: pull it}\n  - {name: Kick, prose: unused}"),
       "event 'Kick' is in no transition"},
      {Replace(kGood, "- {name: Open, prose: not shut}", "- {name: Open, prose: not shut}\n  - {name: Gone, prose: never}"),
       "state 'Gone' is unreachable"},
      {Replace(kGood, ", ref: here}\n  - {from: Open", "}\n  - {from: Open"), "missing 'ref'"},
      {Replace(kGood, "initial: Closed", "initial: [Closed]"), "'initial' must be a string"},
  };
  for (const Case& c : cases) {
    Result<SpecMachine> spec = ParseSpec(c.text, "door.yaml");
    ASSERT_FALSE(spec.has_value()) << c.message;
    EXPECT_TRUE(spec.error().IsInvalidArgument());
    EXPECT_THAT(spec.error().message(), HasSubstr(c.message));
    EXPECT_THAT(spec.error().message(), HasSubstr("door.yaml: "));
  }
}

TEST(SpecTest, RegionsEachHaveAnInitialStateOfTheirOwn) {
  constexpr const char* kRegions = R"(
machine: lamp
summary: two switches
regions:
  - {name: power, initial: Off, prose: mains}
  - {name: colour, initial: Warm, prose: tint}
states:
  - {name: Off, region: power, prose: dark}
  - {name: On, region: power, prose: lit}
  - {name: Warm, region: colour, prose: yellow}
  - {name: Cold, region: colour, prose: blue}
events:
  - {name: Toggle, prose: flip}
transitions:
  - {from: Off, event: Toggle, to: On, prose: on, ref: r}
  - {from: On, event: Toggle, to: Off, prose: off, ref: r}
  - {from: Warm, event: Toggle, to: Cold, prose: c, ref: r}
)";
  Result<SpecMachine> spec = ParseSpec(kRegions, "lamp.yaml");
  ASSERT_TRUE(spec.has_value()) << spec.error();
  MachineTable table = spec->Table();
  EXPECT_EQ(table.regions(), 2);
  EXPECT_EQ(table.region_of, (std::vector<int>{0, 0, 1, 1}));

  Result<SpecMachine> crossing =
      ParseSpec(Replace(kRegions, "to: Cold", "to: On"), "lamp.yaml");
  ASSERT_FALSE(crossing.has_value());
  EXPECT_THAT(crossing.error().message(), HasSubstr("'Warm' and 'On' are in different regions"));
}

TEST(SpecTest, DiffNamesEveryDifference) {
  MachineTable spec = ParseSpec(kGood, "door.yaml")->Table();
  EXPECT_THAT(DiffTables(spec, spec), IsEmpty());

  MachineTable compiled = spec;
  compiled.edges[0].guard = "";
  compiled.edges.push_back({"Open", "Push", "", "Open"});
  std::swap(compiled.events[0], compiled.events[1]);
  compiled.states.push_back("Ajar");
  compiled.region_of.push_back(0);
  std::vector<std::string> diff = DiffTables(spec, compiled);
  EXPECT_THAT(diff, ::testing::UnorderedElementsAre(
                        "state in the model, not in the spec: Ajar (region of Closed)",
                        "events differ: spec [Push, Pull], model [Pull, Push]",
                        "row in the spec, not in the model: Closed --Push [Unlocked]--> Open",
                        "row in the model, not in the spec: Closed --Push--> Open",
                        "row in the model, not in the spec: Open --Push--> Open"));
}

TEST(SpecTest, EveryCheckedInSpecLoads) {
  for (const ModelInfo& model : AllModels()) {
    Result<SpecMachine> spec = LoadSpec(SpecPath(model.machine));
    ASSERT_TRUE(spec.has_value()) << spec.error();
    EXPECT_EQ(spec->machine, model.machine);
  }
  EXPECT_TRUE(LoadSpec(SpecPath("no-such-machine")).error().IsNotFound());
}

}  // namespace
}  // namespace kref::model

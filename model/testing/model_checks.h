// Checks every model's tests share (GoogleTest and RapidCheck), generic over a facade M with
// M::Table(), M::Facts, M::kEventCount, Fire(event, facts) and Key().
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "model/common/machine.h"
#include "model/common/spec.h"

namespace kref::model::testing {

// The compiled MSM table equals spec/<machine>.yaml.
template <class M>
void ExpectTableMatchesSpec() {
  Result<SpecMachine> spec = LoadSpec(SpecPath(M::Table().machine));
  ASSERT_TRUE(spec.has_value()) << spec.error();
  EXPECT_THAT(DiffTables(spec->Table(), M::Table()), ::testing::IsEmpty());
  EXPECT_EQ(static_cast<int>(M::Table().events.size()), M::kEventCount);
}

// The names of the spec's invariants, to compare with the ones a test checks.
inline std::set<std::string> SpecInvariants(const std::string& machine) {
  Result<SpecMachine> spec = LoadSpec(SpecPath(machine));
  std::set<std::string> names;
  if (spec) {
    for (const SpecItem& item : spec->invariants) names.insert(item.name);
  }
  return names;
}

// Fires one event, requiring the step to agree with the table (RC_FAIL otherwise).
template <class M>
Verdict FireAgreeing(M& machine, int event, const typename M::Facts& facts) {
  StateKey before = machine.Key();
  Verdict verdict = machine.Fire(event, facts);
  std::string why = StepDisagreement(M::Table(), before, event, verdict, machine.Key());
  if (!why.empty()) RC_FAIL(why);
  return verdict;
}

// Removes from `unfired` the rows that explain an accepted step.
template <class M>
void MarkFired(std::set<Edge>& unfired, StateKey before, int event, StateKey after) {
  const MachineTable& table = M::Table();
  for (int region = 0; region < table.regions(); ++region) {
    const std::string& from = table.states[RegionState(before, region)];
    const std::string& to = table.states[RegionState(after, region)];
    for (const Edge& e : table.edges) {
      if (e.from == from && e.event == table.events[event] && e.to == to) unfired.erase(e);
    }
  }
}

// The rows of M's table that no exploration fires, each event tried with each of
// facts_choices: first breadth-first over abstract states (each visited once, with the data it
// was first reached with), then `walks` random walks of `length` events for rows that depend on
// data. Empty when every row can fire. Deterministic (std::mt19937 with a fixed seed).
template <class M>
std::set<Edge> UnfiredRows(const std::vector<typename M::Facts>& facts_choices, int walks = 5000,
                           int length = 40) {
  const MachineTable& table = M::Table();
  std::set<Edge> unfired(table.edges.begin(), table.edges.end());
  std::set<StateKey> seen;
  std::vector<M> frontier(1);
  seen.insert(frontier[0].Key());
  while (!frontier.empty()) {
    std::vector<M> next;
    for (const M& from : frontier) {
      for (int event = 0; event < M::kEventCount; ++event) {
        for (const auto& facts : facts_choices) {
          M to = from;
          if (to.Fire(event, facts) != Verdict::kAccepted) continue;
          MarkFired<M>(unfired, from.Key(), event, to.Key());
          if (seen.insert(to.Key()).second) next.push_back(to);
        }
      }
    }
    frontier = std::move(next);
  }
  std::mt19937 rng(20261127);
  for (int walk = 0; walk < walks && !unfired.empty(); ++walk) {
    M machine;
    for (int step = 0; step < length; ++step) {
      int event = static_cast<int>(rng() % M::kEventCount);
      StateKey before = machine.Key();
      if (machine.Fire(event, facts_choices[rng() % facts_choices.size()]) == Verdict::kAccepted) {
        MarkFired<M>(unfired, before, event, machine.Key());
      }
    }
  }
  return unfired;
}

}  // namespace kref::model::testing

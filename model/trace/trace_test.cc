#include "model/trace/trace.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <boost/json/parse.hpp>
#include <functional>
#include <sstream>

#include "model/node/node.h"
#include "model/pod/pod.h"
#include "model/rollout/rollout.h"
#include "model/testing/traces.h"

namespace kref::model {
namespace {

using ::testing::HasSubstr;
using testing::Concretization;
using testing::DeploymentObject;
using testing::GeneratedTrace;
using testing::GenerateTrace;
using testing::NodeObject;
using testing::PodObject;

int RcPick(int n) { return *rc::gen::inRange(0, n); }

AcceptReport Replay(const std::vector<TraceRecord>& records) {
  TraceAcceptor acceptor;
  for (const TraceRecord& r : records) {
    Status s = acceptor.Accept(r);
    if (!s.ok()) RC_FAIL("record " + std::to_string(r.seq) + " refused: " + s.ToString());
  }
  return acceptor.report();
}

std::string Describe(const AcceptReport& report) {
  std::string out;
  for (const Violation& v : report.violations) out += v.ToString() + "\n";
  return out;
}

// A region state no sequence of events reaches from `from`, even ignoring every guard.
template <class M>
bool RegionUnreachable(int from_state, int to_state) {
  const MachineTable& t = M::Table();
  std::set<std::string> seen{t.states[from_state]};
  for (bool grew = true; grew;) {
    grew = false;
    for (const Edge& e : t.edges) {
      if (seen.count(e.from) && seen.insert(e.to).second) grew = true;
    }
  }
  return !seen.count(t.states[to_state]);
}

template <class M>
void CheckSoundness(const std::string& kind, const typename M::Facts& facts,
                    const Concretization& gamma) {
  GeneratedTrace trace = GenerateTrace<M>(kind, "u1", facts, *rc::gen::inRange(1, 40), gamma, RcPick);
  AcceptReport report = Replay(trace.records);
  RC_ASSERT(report.violations.empty());
  RC_ASSERT(report.records == static_cast<std::int64_t>(trace.records.size()));
  RC_ASSERT(report.started >= 1);
}

// Replaces one object record (not the first) by one whose state differs from the previous
// record's in one region, in a way no event sequence allows: the acceptor must report it.
template <class M>
void CheckSensitivity(const std::string& kind, const typename M::Facts& facts,
                      const Concretization& gamma) {
  GeneratedTrace trace = GenerateTrace<M>(kind, "u1", facts, *rc::gen::inRange(5, 40), gamma, RcPick);
  RC_PRE(trace.object_records.size() >= 2);
  const MachineTable& t = M::Table();
  std::vector<std::tuple<std::size_t, StateKey>> mutations;
  for (std::size_t i = 1; i < trace.keys.size(); ++i) {
    StateKey prev = trace.keys[i - 1];
    for (int region = 0; region < t.regions(); ++region) {
      for (int s = 0; s < static_cast<int>(t.states.size()); ++s) {
        if (t.region_of[s] != region || s == RegionState(prev, region)) continue;
        if (RegionUnreachable<M>(RegionState(prev, region), s)) {
          mutations.emplace_back(i, WithRegionState(prev, region, s));
        }
      }
    }
  }
  RC_PRE(!mutations.empty());
  auto [i, mutated] = *rc::gen::elementOf(mutations);
  std::vector<TraceRecord> records(trace.records.begin(),
                                   trace.records.begin() + trace.object_records[i] + 1);
  TraceRecord& r = records.back();
  bool removed = KeyName(t, mutated).find("Removed") != std::string::npos;
  r.type = removed ? "DELETED" : "MODIFIED";
  r.object = gamma(mutated, r.uid);
  AcceptReport report = Replay(records);
  RC_ASSERT(!report.violations.empty());
  RC_ASSERT(report.violations.back().seq == r.seq);
  RC_ASSERT(report.violations.back().step.kind == StepKind::kIllegal);
}

RC_GTEST_PROP(TraceProp, PodTracesFromTheModelAreAccepted, ()) {
  CheckSoundness<PodMachine>("Pod", PodMachine::Facts{"n1", true}, PodObject);
}
RC_GTEST_PROP(TraceProp, DeploymentTracesFromTheModelAreAccepted, ()) {
  CheckSoundness<RolloutMachine>("Deployment", RolloutMachine::Facts{true}, DeploymentObject);
}
RC_GTEST_PROP(TraceProp, NodeTracesFromTheModelAreAccepted, ()) {
  CheckSoundness<NodeMachine>("Node", NodeMachine::Facts{}, NodeObject);
}
RC_GTEST_PROP(TraceProp, MutatedPodTracesAreRejected, ()) {
  CheckSensitivity<PodMachine>("Pod", PodMachine::Facts{"n1", true}, PodObject);
}
RC_GTEST_PROP(TraceProp, MutatedDeploymentTracesAreRejected, ()) {
  CheckSensitivity<RolloutMachine>("Deployment", RolloutMachine::Facts{true}, DeploymentObject);
}

// --- Hand-written traces. ---

std::string Ndjson(std::initializer_list<const char*> lines) {
  std::string out;
  for (const char* line : lines) out += std::string(line) + "\n";
  return out;
}

Result<AcceptReport> AcceptText(const std::string& text) {
  std::istringstream in(text);
  return AcceptNdjson(in);
}

constexpr const char* kList = R"({"seq":1,"type":"LIST","stream":"pods","rv":"10"})";
constexpr const char* kWatch = R"({"seq":2,"type":"WATCH","stream":"pods","rv":"10"})";

TEST(TraceTest, APodsUsualLifeIsAccepted) {
  Result<AcceptReport> report = AcceptText(Ndjson({
      kList, kWatch,
      R"({"seq":3,"type":"ADDED","stream":"pods","kind":"Pod","object":{"metadata":{"uid":"a","name":"web","namespace":"default","resourceVersion":"11"},"spec":{"restartPolicy":"Always","containers":[{"name":"c"}]},"status":{"phase":"Pending"}}})",
      R"({"seq":4,"type":"MODIFIED","stream":"pods","kind":"Pod","object":{"metadata":{"uid":"a","name":"web","namespace":"default","resourceVersion":"12"},"spec":{"nodeName":"n1"},"status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"True"}]}}})",
      R"({"seq":5,"type":"MODIFIED","stream":"pods","kind":"Pod","object":{"metadata":{"uid":"a","name":"web","namespace":"default","resourceVersion":"13"},"spec":{"nodeName":"n1"},"status":{"phase":"Running","conditions":[{"type":"PodReadyToStartContainers","status":"True"},{"type":"Initialized","status":"True"},{"type":"ContainersReady","status":"True"},{"type":"Ready","status":"True"}],"containerStatuses":[{"name":"c","state":{"running":{}}}]}}})",
      R"({"seq":6,"type":"BOOKMARK","stream":"pods","rv":"20"})",
      R"({"seq":7,"type":"DELETED","stream":"pods","kind":"Pod","object":{"metadata":{"uid":"a","name":"web","namespace":"default","resourceVersion":"21","deletionTimestamp":"2026-11-27T13:00:00Z"},"spec":{"nodeName":"n1"},"status":{"phase":"Succeeded"}}})",
  }));
  ASSERT_TRUE(report.has_value()) << report.error();
  EXPECT_EQ(report->records, 7);
  EXPECT_TRUE(report->violations.empty()) << Describe(*report);
  EXPECT_EQ(report->started, 2);  // the pod and its container
}

TEST(TraceTest, ATerminalPodThatRunsAgainIsReportedWithWhatWasAllowed) {
  Result<AcceptReport> report = AcceptText(Ndjson({
      kList, kWatch,
      R"({"seq":3,"type":"ADDED","kind":"Pod","stream":"pods","object":{"metadata":{"uid":"a","name":"job","resourceVersion":"11"},"spec":{"nodeName":"n1"},"status":{"phase":"Succeeded","conditions":[{"type":"Initialized","status":"True"}]}}})",
      R"({"seq":4,"type":"MODIFIED","kind":"Pod","stream":"pods","object":{"metadata":{"uid":"a","name":"job","resourceVersion":"12"},"spec":{"nodeName":"n1"},"status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"}]}}})",
  }));
  ASSERT_TRUE(report.has_value()) << report.error();
  ASSERT_EQ(report->violations.size(), 1u) << Describe(*report);
  const Violation& v = report->violations[0];
  EXPECT_EQ(v.seq, 4);
  EXPECT_EQ(v.machine, "pod");
  EXPECT_EQ(v.rv_before, "11");
  EXPECT_EQ(v.rv_after, "12");
  EXPECT_THAT(v.step.before, HasSubstr("Succeeded"));
  EXPECT_THAT(v.step.observed, HasSubstr("Running"));
  EXPECT_THAT(v.step.allowed, ::testing::Contains(HasSubstr("DeletionRequested -> ")));
  EXPECT_THAT(v.object_before, HasSubstr(R"("phase":"Succeeded")"));
  EXPECT_THAT(v.ToString(), HasSubstr("seq 4: pod Pod job (a)"));
}

TEST(TraceTest, AGapAcceptsAnyReachableStateButNotAnUnreachableOne) {
  const char* added = R"({"seq":3,"type":"ADDED","kind":"Pod","stream":"pods","object":{"metadata":{"uid":"a","resourceVersion":"11"},"status":{"phase":"Pending"}}})";
  // After a relist, the pod is bound, running and ready: reachable, so accepted.
  Result<AcceptReport> ok = AcceptText(Ndjson({
      kList, kWatch, added, R"({"seq":4,"type":"ERROR","stream":"pods","code":410})",
      R"({"seq":5,"type":"LIST","stream":"pods","rv":"50","gap":true})",
      R"({"seq":6,"type":"SYNC","kind":"Pod","stream":"pods","gap":true,"object":{"metadata":{"uid":"a","resourceVersion":"40"},"spec":{"nodeName":"n1"},"status":{"phase":"Succeeded"}}})",
  }));
  ASSERT_TRUE(ok.has_value()) << ok.error();
  EXPECT_TRUE(ok->violations.empty()) << Describe(*ok);
  EXPECT_EQ(ok->gaps, 1);
  // A pod whose nodeName was cleared is unreachable whatever was missed.
  Result<AcceptReport> bad = AcceptText(Ndjson({
      kList, kWatch,
      R"({"seq":3,"type":"ADDED","kind":"Pod","stream":"pods","object":{"metadata":{"uid":"a","resourceVersion":"11"},"spec":{"nodeName":"n1"},"status":{"phase":"Pending"}}})",
      R"({"seq":4,"type":"CLOSED","stream":"pods"})",
      R"({"seq":5,"type":"LIST","stream":"pods","rv":"50","gap":true})",
      R"({"seq":6,"type":"SYNC","kind":"Pod","stream":"pods","gap":true,"object":{"metadata":{"uid":"a"},"status":{"phase":"Pending"}}})",
      R"({"seq":7,"type":"WATCH","stream":"pods","rv":"50"})",
      R"({"seq":8,"type":"MODIFIED","kind":"Pod","stream":"pods","object":{"metadata":{"uid":"a","resourceVersion":"51"},"status":{"phase":"Running"}}})",
  }));
  ASSERT_TRUE(bad.has_value()) << bad.error();
  ASSERT_EQ(bad->violations.size(), 1u) << Describe(*bad);
  EXPECT_EQ(bad->violations[0].machine, "pod");
  EXPECT_EQ(bad->violations[0].seq, 6);
  // The pod's state is unknown after that: the next version is not judged against it.
  EXPECT_EQ(bad->unchecked, 1);
}

TEST(TraceTest, WatchStreamsMustKeepResourceVersionOrder) {
  Result<AcceptReport> report = AcceptText(Ndjson({
      kList, kWatch,
      R"({"seq":3,"type":"ADDED","kind":"ConfigMap","stream":"pods","rv":"15","uid":"c"})",
      R"({"seq":4,"type":"MODIFIED","kind":"ConfigMap","stream":"pods","rv":"14","uid":"c"})",
  }));
  EXPECT_FALSE(report.has_value());  // objects are required for object events
  report = AcceptText(Ndjson({
      kList, kWatch,
      R"({"seq":3,"type":"ADDED","stream":"pods","object":{"kind":"ConfigMap","metadata":{"uid":"c","resourceVersion":"15"}}})",
      R"({"seq":4,"type":"MODIFIED","stream":"pods","object":{"kind":"ConfigMap","metadata":{"uid":"c","resourceVersion":"14"}}})",
  }));
  ASSERT_TRUE(report.has_value()) << report.error();
  EXPECT_EQ(report->unmodelled, 2);
  ASSERT_EQ(report->violations.size(), 1u);
  EXPECT_EQ(report->violations[0].machine, "watch");
  EXPECT_THAT(report->violations[0].ToString(), HasSubstr("guard rejected"));
  EXPECT_EQ(report->violations[0].rv_before, "15");
}

TEST(TraceTest, GuardsAreJudgedOnTheObservedFacts) {
  // Under restartPolicy Never a container that failed never runs again; under Always it does.
  auto pod = [](int seq, const char* policy, const char* state) {
    return std::string(R"({"seq":)") + std::to_string(seq) +
           R"(,"type":"MODIFIED","stream":"pods","object":{"kind":"Pod","metadata":{"uid":"p","resourceVersion":")" +
           std::to_string(seq + 10) + R"("},"spec":{"nodeName":"n1","restartPolicy":")" + policy +
           R"("},"status":{"phase":"Running","containerStatuses":[{"name":"c","state":{)" + state +
           R"(},"lastState":{}}]}}})";
  };
  const char* failed = R"("terminated":{"exitCode":1})";
  const char* running = R"("running":{})";
  for (const char* policy : {"Never", "Always"}) {
    std::string text = std::string(R"({"seq":1,"type":"WATCH","stream":"pods","sendInitialEvents":true})") + "\n" +
                       R"({"seq":2,"type":"BOOKMARK","stream":"pods","rv":"5","initialEventsEnd":true})" + "\n" +
                       pod(3, policy, running) + "\n" + pod(4, policy, failed) + "\n" + pod(5, policy, running) + "\n";
    Result<AcceptReport> report = AcceptText(text);
    ASSERT_TRUE(report.has_value()) << report.error();
    if (std::string_view(policy) == "Never") {
      ASSERT_EQ(report->violations.size(), 1u) << Describe(*report);
      EXPECT_EQ(report->violations[0].machine, "container");
      EXPECT_EQ(report->violations[0].seq, 5);
    } else {
      EXPECT_TRUE(report->violations.empty()) << Describe(*report);
    }
  }
}

TEST(TraceTest, BadLinesAreNamed) {
  struct Case {
    const char* line;
    const char* message;
  } cases[] = {
      {"{", "line 1: trace record: not JSON"},
      {"[1]", "not a JSON object"},
      {R"({"type":"MOVED"})", "unknown type 'MOVED'"},
      {R"({"type":"ADDED"})", "ADDED needs an 'object'"},
      {R"({"type":"ADDED","object":{"metadata":{}}})", "ADDED object has no metadata.uid"},
      {R"({"type":"LIST","gap":"yes"})", "'gap' must be a boolean"},
      {R"({"type":"LIST","seq":"1"})", "'seq' must be an integer"},
      {R"({"type":"LIST","rv":"abc"})", "rv 'abc' is not an integer"},
      {R"({"type":"LIST","object":[]})", "'object' must be an object"},
  };
  for (const Case& c : cases) {
    Result<AcceptReport> report = AcceptText(std::string(c.line) + "\n");
    ASSERT_FALSE(report.has_value()) << c.line;
    EXPECT_TRUE(report.error().IsInvalidArgument());
    EXPECT_THAT(report.error().message(), HasSubstr(c.message)) << c.line;
  }
}

TEST(TraceTest, RecordsRoundTrip) {
  Result<TraceRecord> r = ParseTraceRecord(
      R"({"seq":9,"type":"BOOKMARK","stream":"s","rv":"7","initialEventsEnd":true})");
  ASSERT_TRUE(r.has_value()) << r.error();
  Result<TraceRecord> again = ParseTraceRecord(FormatTraceRecord(*r));
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(FormatTraceRecord(*again), FormatTraceRecord(*r));
  EXPECT_TRUE(again->initial_events_end);
  EXPECT_EQ(again->rv, "7");
}

}  // namespace
}  // namespace kref::model

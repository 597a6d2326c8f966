// Abstraction functions: an API object (as JSON, from any API server) to the abstract state of
// its model and the facts the model's guards read. These are the trusted bridge between what a
// cluster shows and what the models say, so each is total (any JSON object gives an answer; a
// field that is missing or of the wrong type reads as absent) and tested on its own.
//
// Thread safety: pure functions.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <utility>
#include <vector>

#include "model/container/container.h"
#include "model/node/node.h"
#include "model/pod/pod.h"
#include "model/rollout/rollout.h"
#include "model/trace/replay.h"

namespace kref::model {

// A Pod: phase, the five conditions, deletion (`removed`: the watch said DELETED).
Observation<PodMachine> AbstractPod(const boost::json::object& pod, bool removed);

// Each container of a Pod (init containers first, then app containers), by name: its state,
// the pod's restart policy, and whether it is an init container or a sidecar (an init
// container with restartPolicy Always).
std::vector<std::pair<std::string, Observation<ContainerMachine>>> AbstractContainers(
    const boost::json::object& pod);

// A Deployment: its Progressing (by reason), Available and ReplicaFailure conditions.
Observation<RolloutMachine> AbstractDeployment(const boost::json::object& deployment);

// A Node: its Ready condition and NoExecute taints (the eviction region is not observed).
Observation<NodeMachine> AbstractNode(const boost::json::object& node);

// Seconds since the epoch of an RFC 3339 time with whole seconds ("2026-11-27T13:00:00Z"), or
// -1 when it is not one.
long long ParseRfc3339Seconds(std::string_view text);

}  // namespace kref::model

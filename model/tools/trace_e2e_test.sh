#!/usr/bin/env bash
# A trace recorded from a real API server, replayed through the models: `kref up` runs, the
# recorder (record_trace.py, python3-kubernetes) lists and watches pods, and this script plays
# scheduler and kubelet through the API (a Binding, status updates, deletion: at once for a
# Succeeded pod, graceful then forced for a running one). kref-trace must accept the well-behaved pod's life and report the one status update
# that breaks the pod model (Ready True while ContainersReady is False).
# usage: trace_e2e_test.sh path/to/kref path/to/kref-trace   (run from the repository root)
set -uo pipefail
kref=$1
kref_trace=$2
failures=0
tmp=$(mktemp -d)
pid=""
recorder=""
cleanup() {
  [[ -n $recorder ]] && kill "$recorder" 2>/dev/null && wait "$recorder" 2>/dev/null
  [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export HOME=$tmp/home
mkdir -p "$HOME"
source "$(dirname "$0")/../../impl/testing/e2e.sh"

port=$(free_port)
"$kref" up --data-dir "$tmp/cluster" --port "$port" >"$tmp/up.out" 2>"$tmp/up.err" &
pid=$!
if ! wait_until 30 "$pid" test -f "$tmp/cluster/kubeconfig" ||
   ! wait_until 30 "$pid" curl -sf "http://127.0.0.1:$port/readyz"; then
  echo "FAIL: kref up did not come up"; cat "$tmp/up.out" "$tmp/up.err"; exit 1
fi
export KUBECONFIG=$tmp/cluster/kubeconfig

/usr/bin/python3 "$(dirname "$0")/record_trace.py" --kubeconfig "$KUBECONFIG" \
  --path /api/v1/namespaces/default/pods --stream pods --out "$tmp/pods.ndjson" \
  --until-deleted end --timeout 60 >"$tmp/recorder.out" 2>&1 &
recorder=$!
if ! wait_until 30 "$recorder" grep -q '"type":"WATCH"' "$tmp/pods.ndjson"; then
  echo "FAIL: the recorder did not start watching"; cat "$tmp/recorder.out"; exit 1
fi

/usr/bin/python3 - "$KUBECONFIG" >"$tmp/out" 2>&1 <<'PY' || { echo "FAIL: driving the pods"; cat "$tmp/out"; exit 1; }
import sys
from kubernetes import client, config

config.load_kube_config(config_file=sys.argv[1])
v1 = client.CoreV1Api()
ns = "default"

def create(name):
    v1.create_namespaced_pod(ns, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name},
                                  "spec": {"containers": [{"name": "app", "image": "busybox"}]}})

def bind(name):
    body = {"apiVersion": "v1", "kind": "Binding", "metadata": {"name": name},
            "target": {"apiVersion": "v1", "kind": "Node", "name": "node-a"}}
    v1.create_namespaced_binding(ns, body, _preload_content=False)

def status(name, phase, conditions, state):
    conds = [{"type": t, "status": s} for t, s in conditions]
    cs = [{"name": "app", "image": "busybox", "imageID": "", "ready": state == "running",
           "restartCount": 0, "state": {state: {"exitCode": 0} if state == "terminated" else {}}}]
    v1.patch_namespaced_pod_status(name, ns, {"status": {"phase": phase, "conditions": conds,
                                                         "containerStatuses": cs}})

scheduled = [("PodScheduled", "True")]
# The well-behaved pod: scheduled, initialized, running and ready, succeeded, deleted.
create("web")
bind("web")
status("web", "Pending", scheduled + [("Initialized", "True"), ("PodReadyToStartContainers", "False"),
                                      ("ContainersReady", "False"), ("Ready", "False")], "waiting")
status("web", "Running", scheduled + [("Initialized", "True"), ("PodReadyToStartContainers", "True"),
                                      ("ContainersReady", "True"), ("Ready", "True")], "running")
status("web", "Succeeded", scheduled + [("Initialized", "True"), ("PodReadyToStartContainers", "False"),
                                        ("ContainersReady", "False"), ("Ready", "False")], "terminated")
v1.delete_namespaced_pod("web", ns)  # a Succeeded pod goes at once
# The pod whose kubelet claims Ready while its containers are not.
create("bad")
bind("bad")
status("bad", "Running", scheduled + [("Initialized", "True"), ("PodReadyToStartContainers", "True"),
                                      ("ContainersReady", "False"), ("Ready", "True")], "running")
v1.delete_namespaced_pod("bad", ns)  # graceful: deletionTimestamp set, the pod stays
v1.delete_namespaced_pod("bad", ns, grace_period_seconds=0)
# The end of the recording.
create("end")
v1.delete_namespaced_pod("end", ns)
PY

if ! wait "$recorder"; then echo "FAIL: the recorder failed"; cat "$tmp/recorder.out"; failures=$((failures + 1)); fi
recorder=""
grep -q '"type":"CLOSED"' "$tmp/pods.ndjson" || { echo "FAIL: the trace did not end"; failures=$((failures + 1)); }

expect "kref-trace on the recorded trace" 1 "$kref_trace" "$tmp/pods.ndjson"
expect_contains "the bad pod is reported" "pod Pod default/bad"
expect_contains "its Ready without ContainersReady" "ContainersNotReady | Ready | Live is illegal"
expect_contains "nothing else is" ", 1 violations ("
for event in '"type":"MODIFIED"' '"deletionTimestamp"' '"type":"DELETED"'; do
  grep -q "$event" "$tmp/pods.ndjson" || { echo "FAIL: the trace lacks $event"; failures=$((failures + 1)); }
done
if ((failures > 0)); then
  echo "--- trace"; cat "$tmp/pods.ndjson"; echo "--- kref-trace"; "$kref_trace" "$tmp/pods.ndjson"
fi
echo "trace_e2e: $failures failures"
((failures == 0))

#!/usr/bin/env bash
# `kref up`: starts the control plane, writes <data-dir>/kubeconfig that the real kubectl and
# python3-kubernetes use as is, stops cleanly on SIGINT, and keeps its objects across restarts.
# usage: kref_up_test.sh path/to/kref   (run from the repository root)
set -uo pipefail
kref=$1
failures=0
tmp=$(mktemp -d)
pid=""
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export HOME=$tmp/home
mkdir -p "$HOME"
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

source "$(dirname "$0")/../../testing/e2e.sh"
port=$(free_port)
start_up() {
  "$kref" up --data-dir "$tmp/cluster" --port "$port" >"$tmp/up.out" 2>"$tmp/up.err" &
  pid=$!
  local deadline=$((SECONDS + 30))
  until [[ -f $tmp/cluster/kubeconfig ]] && curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
    if ((SECONDS > deadline)) || ! kill -0 "$pid" 2>/dev/null; then
      echo "FAIL: kref up did not come up"; cat "$tmp/up.out" "$tmp/up.err"; exit 1
    fi
    sleep 0.1
  done
}
stop_up() {  # SIGINT, then the exit code must be 0
  kill -INT "$pid"
  wait "$pid"
  local rc=$?
  pid=""
  [[ $rc == 0 ]] || fail "kref up exited $rc on SIGINT"
}

start_up
grep -qF "export KUBECONFIG=$tmp/cluster/kubeconfig" "$tmp/up.out" || fail "no usage printed: $(cat "$tmp/up.out")"
export KUBECONFIG=$tmp/cluster/kubeconfig
kubectl get namespace kube-system -o name >"$tmp/out" 2>&1 || fail "kubectl with the kubeconfig: $(cat "$tmp/out")"
cat >"$tmp/cm.yaml" <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata: {name: kept}
data: {k: v}
YAML
kubectl create -f "$tmp/cm.yaml" --validate=false >/dev/null 2>"$tmp/out" || fail "create: $(cat "$tmp/out")"
/usr/bin/python3 - "$KUBECONFIG" >"$tmp/out" 2>&1 <<'PY' || fail "python3-kubernetes with the kubeconfig: $(cat "$tmp/out")"
import sys
from kubernetes import client, config
config.load_kube_config(config_file=sys.argv[1])
names = [ns.metadata.name for ns in client.CoreV1Api().list_namespace().items]
assert "kube-system" in names, names
PY
# The load driver against it (small runs: this checks that every op works, not speed).
for op in create get update list watch; do
  "$kref" bench apiserver --kubeconfig "$KUBECONFIG" --op "$op" --clients 4 --total 20 --pods 20 \
    --watchers 3 >"$tmp/out" 2>&1 || fail "bench apiserver --op $op: $(cat "$tmp/out")"
  grep -q "^$op " "$tmp/out" || fail "bench apiserver --op $op printed: $(cat "$tmp/out")"
done
stop_up

# Restarted on the same data dir, it has what it had.
start_up
kubectl get configmap kept -o jsonpath='{.data.k}' >"$tmp/out" 2>&1
[[ $(cat "$tmp/out") == v ]] || fail "after restart: $(cat "$tmp/out")"
stop_up

"$kref" up >"$tmp/out" 2>&1 && fail "kref up without --data-dir succeeded"
grep -q -- "--data-dir is required" "$tmp/out" || fail "missing --data-dir message: $(cat "$tmp/out")"

if ((failures > 0)); then echo "$failures failures"; exit 1; fi
echo "kref_up_test: all checks passed"

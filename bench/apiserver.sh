#!/usr/bin/env bash
# kref's API server under load from `kref bench apiserver`, on `kref up` (embedded store, fsync
# on every commit), the driver on the same machine: pod create, get and update with 1, 16 and
# 64 clients; the list of <pods> pods (time, and the server's RSS after); watch delivery to
# <watchers> watchers of <updates> updates. Prints one line per case.
# usage: bench/apiserver.sh [path/to/kref] [requests per case] [pods] [watchers] [updates]
set -euo pipefail
kref=${1:-build/default/impl/cmd/kref/kref}
total=${2:-5000}
pods=${3:-10000}
watchers=${4:-1000}
updates=${5:-1000}
tmp=$(mktemp -d)
pid=""
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$kref" up --data-dir "$tmp/cluster" --port "$port" >"$tmp/up.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.1; done  # polling until ready
bench() { "$kref" bench apiserver --server "http://127.0.0.1:$port" "$@"; }
rss() { awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status"; }

for clients in 1 16 64; do
  bench --namespace "c$clients" --op create --clients "$clients" --total "$total"
  bench --namespace "c$clients" --op get --clients "$clients" --total "$total" --pods "$total"
  bench --namespace "c$clients" --op update --clients "$clients" --total "$total" --pods "$total"
done
bench --namespace list --op create --clients 16 --total "$pods" >/dev/null
bench --namespace list --op list --clients 1 --total 10
echo "server RSS after listing $pods pods: $(rss)"
bench --namespace watch --op watch --watchers "$watchers" --total "$updates"
echo "server RSS at the end: $(rss)"

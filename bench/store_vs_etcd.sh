#!/usr/bin/env bash
# kref store against etcd 3.4 (Debian etcd-server) in one run, same machine, same durability
# (both fsync every commit): put throughput with 1, 16 and 256 clients (256-byte values),
# single-key and 1,000-key-prefix range throughput. Prints one line per case and server.
# usage: bench/store_vs_etcd.sh [path/to/kref] [total requests per case]
set -euo pipefail
kref=${1:-build/default/impl/cmd/kref/kref}
total=${2:-20000}
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT
port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

kport=$(port); eport=$(port); epeer=$(port)
"$kref" store --data-dir "$tmp/kref" --listen-client-urls "http://127.0.0.1:$kport" >"$tmp/kref.log" 2>&1 &
pids+=($!)
etcd --name bench --data-dir "$tmp/etcd" --listen-client-urls "http://127.0.0.1:$eport" \
  --advertise-client-urls "http://127.0.0.1:$eport" --listen-peer-urls "http://127.0.0.1:$epeer" \
  --initial-advertise-peer-urls "http://127.0.0.1:$epeer" --initial-cluster "bench=http://127.0.0.1:$epeer" \
  --logger zap --log-level error >"$tmp/etcd.log" 2>&1 &
pids+=($!)
for p in $kport $eport; do
  deadline=$((SECONDS + 30))
  until ETCDCTL_API=3 etcdctl --endpoints=127.0.0.1:$p endpoint health >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { echo "server on $p did not start"; exit 1; }
    sleep 0.1
  done
done

run() {  # run <op> <clients> [total]
  for server in kref:$kport etcd:$eport; do
    printf '%-5s ' "${server%%:*}"
    "$kref" bench store --endpoints "127.0.0.1:${server#*:}" --op "$1" --clients "$2" --total "${3:-$total}"
  done
}
run put 1 $((total / 10))
run put 16
run put 256
run range 16
run range 256
run range-prefix 16 $((total / 10))
for server in kref etcd; do
  pid=${pids[0]}; [[ $server == etcd ]] && pid=${pids[1]}
  echo "$server RSS: $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
done

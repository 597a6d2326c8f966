#!/usr/bin/env bash
# kref store against etcd 3.4 (Debian etcd-server) in one run, same machine, same durability
# (both fsync every commit): put throughput with 1, 16 and 256 clients (256-byte values), and
# the server CPU time each request costs (the load driver shares the cores with the server),
# single-key and 1,000-key-prefix range throughput, watch delivery latency with 1,000 watchers,
# then RSS after loading <keys> keys, how readers fare during a defragmentation, and the time
# each takes to restart with the keys. Prints one line per case and server.
# usage: bench/store_vs_etcd.sh [path/to/kref] [total requests per case] [keys]
set -euo pipefail
kref=${1:-build/default/impl/cmd/kref/kref}
total=${2:-20000}
keys=${3:-1000000}
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT
port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

kport=$(port); eport=$(port); epeer=$(port)
start_kref() {
  "$kref" store --data-dir "$tmp/kref" --listen-client-urls "http://127.0.0.1:$kport" >>"$tmp/kref.log" 2>&1 &
  pids[0]=$!
}
start_etcd() {
  etcd --name bench --data-dir "$tmp/etcd" --listen-client-urls "http://127.0.0.1:$eport" \
    --advertise-client-urls "http://127.0.0.1:$eport" --listen-peer-urls "http://127.0.0.1:$epeer" \
    --initial-advertise-peer-urls "http://127.0.0.1:$epeer" --initial-cluster "bench=http://127.0.0.1:$epeer" \
    --logger zap --log-level error >>"$tmp/etcd.log" 2>&1 &
  pids[1]=$!
}
ready() { "$kref" bench store --endpoints "127.0.0.1:$1" --op wait-ready --timeout 120; }
rss() { awk '/VmRSS/ {print $2, $3}' "/proc/$1/status"; }
start_kref; start_etcd
ready "$kport" >/dev/null; ready "$eport" >/dev/null

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # the server's user+system CPU
run() {  # run <op> <clients> [total]: also prints the server's CPU time per request
  for server in kref:$kport etcd:$eport; do
    local pid=${pids[0]}; [[ ${server%%:*} == etcd ]] && pid=${pids[1]}
    local before; before=$(cpu_ticks "$pid")
    printf '%-5s ' "${server%%:*}"
    "$kref" bench store --endpoints "127.0.0.1:${server#*:}" --op "$1" --clients "$2" \
      --total "${3:-$total}" | tr -d '\n'
    echo ", server CPU $((($(cpu_ticks "$pid") - before) * 1000000 / $(getconf CLK_TCK) / ${3:-$total})) us/request"
  done
}
run put 1 $((total / 10))
run put 16
run put 256
run range 16
run range 256
run range-prefix 16 $((total / 10))
echo "kref RSS after the runs: $(rss "${pids[0]}")"
echo "etcd RSS after the runs: $(rss "${pids[1]}")"
for server in kref:$kport etcd:$eport; do
  printf '%-5s ' "${server%%:*}"
  "$kref" bench store --endpoints "127.0.0.1:${server#*:}" --op watch-latency --watchers 1000 \
    --streams 100 --total 1000 --put-rate 200
done

# Scale: load, RSS, restart. Each server gets the same keys (256-byte values).
for server in kref:$kport etcd:$eport; do
  printf '%-5s ' "${server%%:*}"
  "$kref" bench store --endpoints "127.0.0.1:${server#*:}" --op load --clients 16 --total "$keys"
done
echo "kref RSS with $keys keys loaded: $(rss "${pids[0]}")"
echo "etcd RSS with $keys keys loaded: $(rss "${pids[1]}")"
echo "kref database: $(du -sh "$tmp/kref" | cut -f1); etcd database: $(du -sh "$tmp/etcd" | cut -f1)"
# Defragmentation under read load: do readers stall while it runs?
for server in kref:$kport etcd:$eport; do
  "$kref" bench store --endpoints "127.0.0.1:${server#*:}" --op range --clients 4 --total 50000 \
    >"$tmp/reads" &
  reader=$!
  sleep 0.5  # let the readers get going before the defrag
  t0=$(date +%s%N)
  ETCDCTL_API=3 etcdctl --endpoints="127.0.0.1:${server#*:}" --command-timeout=120s defrag >/dev/null
  t1=$(date +%s%N)
  wait "$reader"
  printf '%-5s defrag took %d ms; reads meanwhile: %s\n' "${server%%:*}" $(((t1 - t0) / 1000000)) \
    "$(cat "$tmp/reads")"
done
kill "${pids[0]}" "${pids[1]}"; wait "${pids[0]}" "${pids[1]}" || true
sync; echo 3 >/proc/sys/vm/drop_caches 2>/dev/null || true  # cold page cache, where allowed
start_kref; printf 'kref restart with %s keys: ' "$keys"; ready "$kport"
start_etcd; printf 'etcd restart with %s keys: ' "$keys"; ready "$eport"
echo "kref RSS after restart: $(rss "${pids[0]}")"
echo "etcd RSS after restart: $(rss "${pids[1]}")"

#!/usr/bin/env bash
# `kref store` driven by the real etcdctl 3.4 (Debian etcd-client): every verb answers as it does
# against etcd. Starts kref store on a free loopback port, stops it by its PID.
# usage: store_etcdctl_test.sh path/to/kref   (run from the repository root)
set -uo pipefail
kref=$1
failures=0
tmp=$(mktemp -d)
pid=""
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
endpoint=127.0.0.1:$port
export ETCDCTL_API=3
ctl() { etcdctl --endpoints="$endpoint" --dial-timeout=2s --command-timeout=5s "$@"; }

start_store() {  # start_store [extra kref store flags...]
  "$kref" store --name e2e --data-dir "$tmp/data" --listen-client-urls "http://$endpoint" "$@" \
    >>"$tmp/store.log" 2>&1 &
  pid=$!
  local deadline=$((SECONDS + 20))
  until ctl endpoint health >/dev/null 2>&1; do
    if ((SECONDS > deadline)) || ! kill -0 "$pid" 2>/dev/null; then
      echo "FAIL: kref store did not become healthy"; cat "$tmp/store.log"; exit 1
    fi
    sleep 0.1
  done
}
stop_store() { kill -TERM "$pid"; wait "$pid"; local rc=$?; pid=""; return $rc; }

source "$(dirname "$0")/../../testing/e2e.sh"
json() {  # json <python expression over d, the parsed output>
  /usr/bin/python3 -c "import json,sys; d=json.load(open('$tmp/out')); print($1)"
}

start_store

# put / get / del
expect "put" 0 ctl put foo bar;                 expect_output "put" "OK"
expect "get" 0 ctl get foo;                     expect_output "get" $'foo\nbar'
expect "put prev-kv" 0 ctl put foo baz --prev-kv; expect_output "put prev-kv" $'OK\nfoo\nbar'
expect "get json" 0 ctl get foo -w json
[[ $(json 'd["kvs"][0]["version"], d["kvs"][0]["create_revision"], d["kvs"][0]["mod_revision"], d["header"]["revision"], d["count"]') == "2 2 3 3 1" ]] \
  || { echo "FAIL: get json revisions: $(cat "$tmp/out")"; failures=$((failures + 1)); }
for k in a b c d; do ctl put "p/$k" "v$k" >/dev/null; done
expect "get prefix" 0 ctl get p/ --prefix --keys-only
expect_output "get prefix" $'p/a\n\np/b\n\np/c\n\np/d'
expect "get limit" 0 ctl get p/ --prefix --limit=2 -w json
[[ $(json 'len(d["kvs"]), d["more"], d["count"]') == "2 True 4" ]] \
  || { echo "FAIL: get limit: $(cat "$tmp/out")"; failures=$((failures + 1)); }
expect "get from-key" 0 ctl get p/c --from-key --print-value-only
expect_output "get from-key" $'vc\nvd'
expect "get sorted" 0 ctl get p/ --prefix --sort-by=MODIFY --order=DESCEND --print-value-only --limit=1
expect_output "get sorted" "vd"
expect "get range" 0 ctl get p/b p/d --print-value-only
expect_output "get range" $'vb\nvc'
expect "get old rev" 0 ctl get foo --rev=2 --print-value-only
expect_output "get old rev" "bar"
expect "get future rev" nonzero ctl get foo --rev=1000
expect_contains "get future rev" "etcdserver: mvcc: required revision is a future revision"
expect "del" 0 ctl del p/a;                     expect_output "del" "1"
expect "del missing" 0 ctl del p/a;             expect_output "del missing" "0"
expect "del prefix prev-kv" 0 ctl del p/ --prefix --prev-kv
expect_output "del prefix prev-kv" $'3\np/b\nvb\np/c\nvc\np/d\nvd'
expect "empty key" nonzero ctl put "" v
expect_contains "empty key" "etcdserver: key is not provided"
expect "unknown lease" nonzero ctl put k v --lease=1234
expect_contains "unknown lease" "etcdserver: requested lease not found"

# txn (interactive form: compares, blank line, success ops, blank line, failure ops)
expect "txn success" 0 ctl txn <<<$'mod("foo") > "0"\n\nput t1 yes\n\nput t1 no\n'
expect_output "txn success" $'SUCCESS\n\nOK'
expect "txn failure" 0 ctl txn <<<$'value("foo") = "nope"\n\nput t2 yes\n\nget t1\n'
expect_output "txn failure" $'FAILURE\n\nt1\nyes'

# watch: from a revision, so nothing is missed however late the stream opens
wait_for_lines() {  # wait_for_lines <file> <count>: poll with a deadline
  local deadline=$((SECONDS + 15))
  until (($(wc -l <"$1") >= $2)); do
    ((SECONDS > deadline)) && return 1
    sleep 0.05
  done
}
expect "status before watch" 0 ctl endpoint status -w json
wrev=$(json 'd[0]["Status"]["header"]["revision"]')
ctl watch w --prefix --prev-kv --rev=$((wrev + 1)) >"$tmp/watch.out" 2>&1 &
wpid=$!
ctl put w/1 a >/dev/null && ctl put w/1 b >/dev/null && ctl put x/ignored c >/dev/null && ctl del w/1 >/dev/null
if wait_for_lines "$tmp/watch.out" 13; then
  expected=$'PUT\nw/1\na\nPUT\nw/1\na\nw/1\nb\nDELETE\nw/1\nb\nw/1\n'
  if [[ "$(cat "$tmp/watch.out")" != "$(printf '%b' "$expected")" ]]; then
    echo "FAIL: watch output"; cat -A "$tmp/watch.out" | sed 's/^/  | /'; failures=$((failures + 1))
  fi
else
  echo "FAIL: watch saw too little"; sed 's/^/  | /' "$tmp/watch.out"; failures=$((failures + 1))
fi
kill "$wpid" 2>/dev/null; wait "$wpid" 2>/dev/null

# leases
expect "lease grant" 0 ctl lease grant 30
lease=$(awk '{print $2}' "$tmp/out")
expect_contains "lease grant" "granted with TTL(30s)"
expect "put with lease" 0 ctl put leased v --lease="$lease"
expect "lease timetolive" 0 ctl lease timetolive "$lease" --keys
expect_contains "lease timetolive" "granted with TTL(30s)"
expect_contains "lease timetolive" "attached keys([leased])"
expect "lease list" 0 ctl lease list
expect_contains "lease list" "found 1 leases"
expect_contains "lease list" "$lease"
expect "lease keep-alive" 0 ctl lease keep-alive --once "$lease"
expect_contains "lease keep-alive" "keepalived with TTL(30)"
expect "lease revoke" 0 ctl lease revoke "$lease"
expect_output "lease revoke" "lease $lease revoked"
expect "leased key gone" 0 ctl get leased;      expect_output "leased key gone" ""
expect "lease timetolive unknown" 0 ctl lease timetolive "$lease"
expect_contains "lease timetolive unknown" "already expired"
expect "lease revoke unknown" nonzero ctl lease revoke "$lease"
expect_contains "lease revoke unknown" "etcdserver: requested lease not found"

# the load driver works against it
for op in put range range-prefix; do
  expect "bench $op" 0 "$kref" bench store --endpoints "$endpoint" --op $op --clients 2 --total 20 --prefix-keys 5
  expect_contains "bench $op" "$op clients=2 total=20: "
done
expect "bench put count" 0 ctl get bench/put/ --prefix --keys-only -w json
[[ $(json 'd["count"]') == 20 ]] || { echo "FAIL: bench put wrote $(json 'd["count"]') keys"; failures=$((failures + 1)); }
expect "bench load" 0 "$kref" bench store --endpoints "$endpoint" --op load --clients 2 --total 250
expect_contains "bench load" "load total=250: "
expect "bench load count" 0 ctl get bench/load/ --prefix --keys-only -w json
[[ $(json 'd["count"]') == 250 ]] || { echo "FAIL: bench load wrote $(json 'd["count"]') keys"; failures=$((failures + 1)); }
expect "bench watch-latency" 0 "$kref" bench store --endpoints "$endpoint" --op watch-latency \
  --watchers 6 --streams 3 --total 10 --put-rate 100
expect_contains "bench watch-latency" "watch-latency watchers=6 streams=3 puts=10 at 100/s: 60 deliveries"
expect "bench wait-ready" 0 "$kref" bench store --endpoints "$endpoint" --op wait-ready
expect_contains "bench wait-ready" "ready after "

# compaction
expect "status json" 0 ctl endpoint status -w json
rev=$(json 'd[0]["Status"]["header"]["revision"]')
expect "compaction" 0 ctl compaction "$((rev - 1))" --physical
expect_output "compaction" "compacted revision $((rev - 1))"
expect "compaction again" nonzero ctl compaction "$((rev - 1))"
expect_contains "compaction again" "etcdserver: mvcc: required revision has been compacted"
expect "get compacted" nonzero ctl get foo --rev=2
expect_contains "get compacted" "etcdserver: mvcc: required revision has been compacted"
expect "watch compacted" nonzero ctl watch foo --rev=2
expect_contains "watch compacted" "watch was canceled (etcdserver: mvcc: required revision has been compacted)"

# maintenance and cluster
expect "endpoint health" 0 ctl endpoint health
expect_contains "endpoint health" "$endpoint is healthy: successfully committed proposal"
expect "endpoint status" 0 ctl endpoint status -w json
[[ $(json 'd[0]["Status"]["version"]') == 3.4.* ]] \
  || { echo "FAIL: status version: $(cat "$tmp/out")"; failures=$((failures + 1)); }
expect "hashkv" 0 ctl endpoint hashkv -w json
hash1=$(json 'd[0]["HashKV"]["hash"]')
expect "member list" 0 ctl member list -w json
[[ $(json 'd["members"][0]["name"], d["members"][0]["clientURLs"]') == "e2e ['http://$endpoint']" ]] \
  || { echo "FAIL: member list: $(cat "$tmp/out")"; failures=$((failures + 1)); }
expect "alarm list" 0 ctl alarm list;           expect_output "alarm list" ""
expect "defrag" 0 ctl defrag
expect_contains "defrag" "Finished defragmenting etcd member[$endpoint]"
expect "snapshot save" 0 ctl snapshot save "$tmp/snap.db"
expect_contains "snapshot save" "Snapshot saved at $tmp/snap.db"
size=$(stat -c %s "$tmp/snap.db")
((size % 512 == 32)) || { echo "FAIL: snapshot size $size is not 32 mod 512"; failures=$((failures + 1)); }

# restart: everything acknowledged is still there, revisions continue
stop_store || { echo "FAIL: kref store did not exit cleanly"; failures=$((failures + 1)); }
start_store
expect "get after restart" 0 ctl get t1 --print-value-only
expect_output "get after restart" "yes"
expect "hashkv after restart" 0 ctl endpoint hashkv -w json
[[ $(json 'd[0]["HashKV"]["hash"]') == "$hash1" ]] \
  || { echo "FAIL: hashkv changed across restart"; failures=$((failures + 1)); }
expect "put after restart" 0 ctl put after restart -w json
[[ $(json 'd["header"]["revision"]') == "$((rev + 1))" ]] \
  || { echo "FAIL: revision after restart: $(cat "$tmp/out")"; failures=$((failures + 1)); }

# automatic compaction: periodic with a 1 s retention compacts old revisions away by itself
stop_store || { echo "FAIL: kref store did not exit cleanly"; failures=$((failures + 1)); }
expect "bad retention" nonzero "$kref" store --data-dir "$tmp/bad" --auto-compaction-retention=soon
expect_output "bad retention" \
  "kref store: auto-compaction-retention \"soon\" is not a number of hours or a duration such as 30m"
start_store --auto-compaction-mode=periodic --auto-compaction-retention=1s
expect "put before auto compaction" 0 ctl put auto 1 -w json
auto_rev=$(json 'd["header"]["revision"]')
deadline=$((SECONDS + 20))
until ! ctl get auto --rev="$auto_rev" >/dev/null 2>&1; do
  ((SECONDS > deadline)) && break
  ctl put auto 2 >/dev/null
  sleep 0.1  # polling with a deadline
done
expect "get compacted revision" nonzero ctl get auto --rev="$auto_rev"
expect_contains "get compacted revision" "required revision has been compacted"

if ((failures > 0)); then
  echo "store_etcdctl_test: $failures failure(s)"; exit 1
fi
echo "store_etcdctl_test: all passed"

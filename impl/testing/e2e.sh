# Helpers for kref's e2e test scripts (source it; the script sets $tmp, and counts $failures).
# Each check prints "FAIL[ [<$backend>]]: <what>: <why>" with the output indented, and counts.

# A loopback TCP port that was free a moment ago.
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wait_until <seconds> <pid> <command...>: polls the command until it succeeds; fails when the
# time is up or process <pid> is gone.
wait_until() {
  local deadline=$((SECONDS + $1)) pid=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS > deadline)) || ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.1  # polling with a deadline
  done
}

_e2e_fail() {  # _e2e_fail <message>: prints it with the output, counts a failure
  echo "FAIL${backend:+ [$backend]}: $1"; sed 's/^/  | /' "$tmp/out"; failures=$((failures + 1))
}

# expect <description> <wanted exit code, or "nonzero"> <command...>; output in $tmp/out
expect() {
  local what=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>&1
  local got=$?
  if [[ $want == nonzero && $got == 0 ]] || [[ $want != nonzero && $got != "$want" ]]; then
    _e2e_fail "$what: exit $got, want $want"
  fi
}

# expect_output <description> <exact expected output>
expect_output() {
  if [[ "$(cat "$tmp/out")" != "$2" ]]; then
    echo "FAIL${backend:+ [$backend]}: $1: output differs"
    diff <(printf "%s\n" "$2") "$tmp/out" | cat -A | sed "s/^/  | /"
    failures=$((failures + 1))
  fi
}

# expect_contains <description> <fixed string>
expect_contains() {
  if ! grep -qF -- "$2" "$tmp/out"; then _e2e_fail "$1: output lacks: $2"; fi
}

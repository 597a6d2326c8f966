#!/usr/bin/env bash
# The kref binary as a user runs it: exit codes, output format, --help.
# usage: kref_cli_test.sh path/to/kref   (run from the repository root)
set -uo pipefail
kref=$1
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "$0")/../../testing/e2e.sh"

expect "version" 0 "$kref" version
expect_contains "version" "Kubernetes API v1.32"

expect "help" 0 "$kref" --help
expect_contains "help lists validate" "validate"
expect "validate help" 0 "$kref" validate --help
expect_contains "validate help names --validate" "--validate"

expect "no subcommand" nonzero "$kref"
expect "unknown subcommand" nonzero "$kref" bogus
expect "validate needs -f" nonzero "$kref" validate
expect "bad --validate value" nonzero "$kref" validate -f x.yaml --validate=maybe

expect "every testdata manifest is valid" 0 "$kref" validate -f impl/api/testdata
expect_contains "summary" "objects in"

cat >"$tmp/bad.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: web
YAML
expect "invalid deployment" 1 "$kref" validate -f "$tmp/bad.yaml"
expect_contains "missing image" "$tmp/bad.yaml:13: document 1: Deployment.apps \"web\" is invalid: spec.template.spec.containers[0].image: Required value"
expect_contains "selector mismatch" "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value:"

expect "stdin" 1 "$kref" validate -f - <"$tmp/bad.yaml"
expect_contains "stdin is named" "<stdin>:13: document 1:"

printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  nmae: y\n' >"$tmp/typo.yaml"
expect "unknown field, strict" 1 "$kref" validate -f "$tmp/typo.yaml"
expect_contains "unknown field" "strict decoding error: unknown field \"metadata.nmae\""
expect "unknown field, warn" 0 "$kref" validate -f "$tmp/typo.yaml" --validate=warn
expect_contains "warning" "warning: unknown field \"metadata.nmae\""
expect "unknown field, ignore" 0 "$kref" validate -f "$tmp/typo.yaml" --validate=false

printf 'a: [1\n' >"$tmp/broken.yaml"
expect "broken yaml" 1 "$kref" validate -f "$tmp/broken.yaml"
expect_contains "broken yaml names a line" "yaml: line"

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all kref CLI checks passed"

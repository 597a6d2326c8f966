#!/usr/bin/env bash
# `kref apiserver` driven by the real kubectl (/usr/bin/kubectl, which picks its v1.32 client by
# the server's /version) and by python3-kubernetes, on each storage backend: the embedded store,
# `kref store` and a real etcd 3.4, all started here on free loopback ports and stopped by PID.
# usage: apiserver_kubectl_test.sh path/to/kref   (run from the repository root)
set -uo pipefail
kref=$1
failures=0
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
export HOME=$tmp/home  # kubectl's discovery and http caches start empty
mkdir -p "$HOME"

source "$(dirname "$0")/../../testing/e2e.sh"

cat >"$tmp/app.yaml" <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels: {app: web}
data:
  color: blue
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
---
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
EOF
cat >"$tmp/x.yaml" <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata: {name: x}
data: {k: v}
EOF
cat >"$tmp/apply-v1.yaml" <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: api
        image: nginx:1.25
        env: [{name: A, value: "1"}, {name: B, value: "2"}]
      - name: side
        image: busybox
EOF
cat >"$tmp/apply-v2.yaml" <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 3
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: api
        image: nginx:1.27
        env: [{name: A, value: "1"}, {name: C, value: "3"}]
EOF
sed -e 's/nginx:1.27/nginx:1.28/' "$tmp/apply-v2.yaml" >"$tmp/apply-v3.yaml"
cat >"$tmp/unknown-field.yaml" <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata: {name: typo}
dta: {k: v}
EOF
cat >"$tmp/x2.yaml" <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata: {name: x2}
EOF
cat >"$tmp/invalid.yaml" <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: broken}
spec:
  replicas: -1
  selector: {matchLabels: {app: x}}
  template:
    metadata: {labels: {app: x}}
    spec:
      containers: [{name: c, image: i}]
EOF

# The checks, against an API server at $server.
check_api() {
  local k=(kubectl --server "$server")
  expect "version" 0 "${k[@]}" version
  expect_contains "server version" "Server Version: v1.32."
  expect "get namespaces" 0 "${k[@]}" get namespaces -o name
  expect_output "default namespaces" "namespace/default
namespace/kube-node-lease
namespace/kube-public
namespace/kube-system"
  expect "kubernetes service" 0 "${k[@]}" get service kubernetes
  expect_contains "kubernetes service row" "kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP"
  expect "create -f (3 documents)" 0 "${k[@]}" create -f "$tmp/app.yaml" --validate=false
  expect_output "create output" "configmap/settings created
deployment.apps/web created
namespace/team-a created"
  expect "get by jsonpath" 0 "${k[@]}" get configmap settings -o jsonpath='{.data.color}'
  expect_output "jsonpath value" "blue"
  expect "get -o json" 0 "${k[@]}" get deployment web -o json
  expect_contains "defaulted strategy" '"type": "RollingUpdate"'
  expect_contains "uid" '"uid": "'
  expect "label selector" 0 "${k[@]}" get deploy,cm -l app=web -o name
  expect_output "selected" "deployment.apps/web
configmap/settings"
  expect "get -A" 0 "${k[@]}" get configmaps -A -o name
  expect_output "all namespaces" "configmap/settings"
  expect "create again" nonzero "${k[@]}" create -f "$tmp/app.yaml" --validate=false
  expect_contains "AlreadyExists" 'Error from server (AlreadyExists): error when creating "'"$tmp"'/app.yaml": configmaps "settings" already exists'
  expect "invalid object" nonzero "${k[@]}" create -f "$tmp/invalid.yaml" --validate=false
  expect_contains "422 message" 'The Deployment "broken" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'
  # kubectl's generators send protobuf bodies; run and expose send JSON.
  expect "create configmap" 0 "${k[@]}" create configmap generated --from-literal=color=green --from-literal=size=3
  expect_output "create configmap output" "configmap/generated created"
  expect "generated data" 0 "${k[@]}" get configmap generated -o jsonpath='{.data.color} {.data.size}'
  expect_output "generated values" "green 3"
  expect "field selector" 0 "${k[@]}" get configmaps -A --field-selector=metadata.name=generated,metadata.namespace=default -o name
  expect_output "selected by field" "configmap/generated"
  expect "bad field selector" nonzero "${k[@]}" get pods --field-selector=spec.bogus=x
  expect_contains "field selector error" 'field label not supported: spec.bogus'
  expect "create secret" 0 "${k[@]}" create secret generic creds --from-literal=password=s3cr3t
  expect "secret data" 0 "${k[@]}" get secret creds -o jsonpath='{.data.password}'
  expect_output "secret base64" "czNjcjN0"
  expect "create deployment" 0 "${k[@]}" create deployment gen --image=nginx:1.27 --replicas=2 --port=80
  expect "create job" 0 "${k[@]}" create job once --image=busybox -- echo hi
  expect "create cronjob" 0 "${k[@]}" create cronjob tick --image=busybox --schedule='*/5 * * * *' -- date
  expect "created workloads" 0 "${k[@]}" get deployment/gen job/once cronjob/tick \
    -o jsonpath='{range .items[*]}{.kind}:{.spec.replicas}{.spec.template.spec.containers[0].command}{.spec.schedule};{end}'
  expect_output "generated workloads" 'Deployment:2;Job:["echo","hi"];CronJob:*/5 * * * *;'
  expect "job table" 0 "${k[@]}" get jobs
  expect_contains "job columns" "NAME   STATUS    COMPLETIONS   DURATION   AGE"
  expect_contains "job row" "once   Running   0/1"
  expect "create service" 0 "${k[@]}" create service nodeport np --tcp=80:8080 --node-port=30080
  expect "node port" 0 "${k[@]}" get service np -o jsonpath='{.spec.type} {.spec.ports[0].nodePort} {.spec.ports[0].targetPort}'
  expect_output "service values" "NodePort 30080 8080"
  expect "node port taken" nonzero "${k[@]}" create service nodeport np2 --tcp=81:8081 --node-port=30080
  expect_contains "node port conflict" "provided port is already allocated"
  expect "run" 0 "${k[@]}" run box --image=busybox --labels=app=box --restart=Never -- sleep 3600
  expect_output "run output" "pod/box created"
  expect "expose" 0 "${k[@]}" expose deployment gen --port=8080 --target-port=80
  expect_output "expose output" "service/gen exposed"
  expect "endpoints table" 0 "${k[@]}" get endpoints kubernetes -n default
  expect_contains "endpoints columns" "NAME         ENDPOINTS"
  expect "exposed selector" 0 "${k[@]}" get service gen -o jsonpath='{.spec.selector.app} {.spec.ports[0].targetPort}'
  expect_output "expose values" "gen 80"
  expect "describe" 0 "${k[@]}" describe deployment gen
  expect_contains "describe replicas" "Replicas:               2 desired | 0 updated | 0 total | 0 available | 0 unavailable"
  expect_contains "describe strategy" "RollingUpdateStrategy:  25% max unavailable, 25% max surge"
  expect "wait for jsonpath" 0 "${k[@]}" wait --for=jsonpath='{.spec.replicas}'=2 deployment/gen --timeout=20s
  expect_output "wait output" "deployment.apps/gen condition met"
  expect "get -o yaml" 0 "${k[@]}" get configmap generated -o yaml
  expect_contains "yaml" "  color: green"
  expect "api-versions" 0 "${k[@]}" api-versions
  expect_contains "apps/v1" "apps/v1"
  expect_contains "coordination" "coordination.k8s.io/v1"
  expect "api-resources" 0 "${k[@]}" api-resources --api-group=apps -o name
  expect_output "apps resources" "controllerrevisions.apps
daemonsets.apps
deployments.apps
replicasets.apps
statefulsets.apps"
  expect "explain" 0 "${k[@]}" explain deployment.spec.strategy
  expect_contains "explain field" "FIELD: strategy <DeploymentStrategy>"
  expect_contains "explain subfield" "rollingUpdate	<RollingUpdateDeployment>"
  expect "explain a value type" 0 "${k[@]}" explain pods.spec.containers.resources
  expect_contains "explain quantity" "limits	<map[string]Quantity>"
  expect "no such namespace" nonzero "${k[@]}" create -f "$tmp/x.yaml" -n nowhere --validate=false
  expect_contains "namespace not found" 'Error from server (NotFound): error when creating "'"$tmp"'/x.yaml": namespaces "nowhere" not found'
  expect "create in team-a" 0 "${k[@]}" create -f "$tmp/x.yaml" -n team-a --validate=false
  # apply (with kubectl's default --validate=strict: the server validates), re-apply as a
  # three-way strategic merge, diff, the default (strategic) patch and rollout restart.
  expect "apply (create)" 0 "${k[@]}" apply -f "$tmp/apply-v1.yaml"
  expect_output "apply created" "deployment.apps/api created"
  expect "apply (configure)" 0 "${k[@]}" apply -f "$tmp/apply-v2.yaml"
  expect_output "apply configured" "deployment.apps/api configured"
  expect "applied" 0 "${k[@]}" get deployment api \
    -o jsonpath='{.spec.replicas} {range .spec.template.spec.containers[*]}{.name}={.image} {range .env[*]}{.name}{end};{end}'
  expect_output "three-way merge" "3 api=nginx:1.27 AC;"
  expect "apply (unchanged)" 0 "${k[@]}" apply -f "$tmp/apply-v2.yaml"
  expect_output "apply unchanged" "deployment.apps/api unchanged"
  # A change made outside the manifest survives a re-apply: kubectl sends only the changed
  # container, and the server merges containers and env by name (their patch strategy).
  expect "set env" 0 "${k[@]}" set env deployment/api X=1
  expect "apply (image)" 0 "${k[@]}" apply -f "$tmp/apply-v3.yaml"
  expect "merged by name" 0 "${k[@]}" get deployment api \
    -o jsonpath='{range .spec.template.spec.containers[*]}{.image} {range .env[*]}{.name}{end}{end}'
  expect_output "env kept" "nginx:1.28 ACX"
  expect "apply v2 back" 0 "${k[@]}" apply -f "$tmp/apply-v2.yaml"
  expect "apply an unknown field" nonzero "${k[@]}" apply -f "$tmp/unknown-field.yaml"
  expect_contains "strict decoding" 'strict decoding error: unknown field "dta"'
  expect "strategic patch" 0 "${k[@]}" patch deployment api -p '{"spec":{"template":{"spec":{"containers":[{"name":"api","image":"nginx:1.28"}]}}}}'
  expect "rollout restart" 0 "${k[@]}" rollout restart deployment api
  expect "patched and restarted" 0 "${k[@]}" get deployment api \
    -o jsonpath='{.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].env[1].name} {.spec.template.metadata.annotations}'
  expect_contains "strategic result" "nginx:1.28 C "
  expect_contains "restartedAt" "kubectl.kubernetes.io/restartedAt"
  expect "diff" 1 "${k[@]}" diff -f "$tmp/apply-v2.yaml"
  expect_contains "diff shows the image" "-        image: nginx:1.28"
  # Server-side printing: upstream's columns.
  expect "table" 0 "${k[@]}" get configmap settings
  expect_contains "configmap columns" "NAME       DATA   AGE"
  expect_contains "configmap row" "settings   1      "
  expect "wide table" 0 "${k[@]}" get deployment web -o wide
  expect_contains "deployment wide columns" "NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR"
  expect_contains "deployment wide row" "nginx    app=web"
  expect "chunked list" 0 "${k[@]}" get namespaces --chunk-size=1 -o name
  expect_output "every chunk" "namespace/default
namespace/kube-node-lease
namespace/kube-public
namespace/kube-system
namespace/team-a"
  expect "label" 0 "${k[@]}" label deployment web tier=frontend
  expect "annotate" 0 "${k[@]}" annotate deployment web note=hello
  expect "patch --type=merge" 0 "${k[@]}" patch deployment web --type=merge -p '{"spec":{"replicas":3}}'
  expect "patch --type=json" 0 "${k[@]}" patch deployment web --type=json \
    -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27"}]'
  expect "patched fields" 0 "${k[@]}" get deployment web \
    -o jsonpath='{.metadata.labels.tier} {.metadata.annotations.note} {.spec.replicas} {.spec.template.spec.containers[0].image} {.metadata.generation}'
  expect_output "patched values" "frontend hello 3 nginx:1.27 3"
  expect "scale" 0 "${k[@]}" scale deployment web --replicas=4
  expect_output "scale output" "deployment.apps/web scaled"
  expect "scaled" 0 "${k[@]}" get deployment web -o jsonpath='{.spec.replicas} {.metadata.generation}'
  expect_output "scaled replicas" "4 4"
  expect "scale with a stale --resource-version" nonzero "${k[@]}" scale deployment web --replicas=2 --resource-version=1
  expect_contains "scale precondition" "Expected resource version to be 1"
  expect "immutable selector" nonzero "${k[@]}" patch deployment web --type=merge \
    -p '{"spec":{"selector":{"matchLabels":{"app":"other"}},"template":{"metadata":{"labels":{"app":"other"}}}}}'
  expect_contains "immutable message" 'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'
  expect "invalid patch" nonzero "${k[@]}" patch deployment web --type=merge -p '{"spec":{"replicas":-1}}'
  expect_contains "patch 422" 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'
  # get -w: the current object, then each change, as they happen.
  "${k[@]}" get configmaps -n team-a -w --output-watch-events \
    -o jsonpath='{.type} {.object.metadata.name}{"\n"}' >"$tmp/watch" 2>&1 &
  local watch_pid=$!
  wait_until 20 "$watch_pid" grep -qx "ADDED x" "$tmp/watch" ||
    { echo "FAIL [$backend]: get -w: no initial ADDED"; cat "$tmp/watch"; failures=$((failures + 1)); }
  expect "create while watching" 0 "${k[@]}" create -f "$tmp/x2.yaml" -n team-a --validate=false
  wait_until 20 "$watch_pid" grep -qx "ADDED x2" "$tmp/watch" ||
    { echo "FAIL [$backend]: get -w: no ADDED for x2"; cat "$tmp/watch"; failures=$((failures + 1)); }
  expect "delete while watching" 0 "${k[@]}" delete configmap x2 -n team-a
  wait_until 20 "$watch_pid" grep -qx "DELETED x2" "$tmp/watch" ||
    { echo "FAIL [$backend]: get -w: no DELETED for x2"; cat "$tmp/watch"; failures=$((failures + 1)); }
  kill "$watch_pid"; wait "$watch_pid" 2>/dev/null
  expect "delete" 0 "${k[@]}" delete configmap settings
  expect_output "delete output" 'configmap "settings" deleted'
  expect "get deleted" nonzero "${k[@]}" get configmap settings
  expect_contains "NotFound" 'Error from server (NotFound): configmaps "settings" not found'
  # Every kind kref serves (the API testdata, without Binding, Eviction and Scale, which are
  # posted, not applied) as one multi-document manifest: applied, applied again unchanged (no
  # object is written: every resourceVersion stays), then with an annotation added to each
  # (every object is patched by kubectl's three-way merge and takes it).
  local every=()
  mapfile -t every < <(find impl/api/testdata -name '*.yaml' ! -name binding.yaml ! -name eviction.yaml \
    ! -name scale.yaml | sort)
  /usr/bin/python3 impl/testing/applyable_manifests.py "${every[@]}" >"$tmp/every-kind.yaml"
  /usr/bin/python3 impl/testing/applyable_manifests.py "${every[@]}" --annotate e2e.kref.io/reapplied=yes \
    >"$tmp/every-kind-annotated.yaml"
  local objects
  objects=$(grep -c '^kind:' "$tmp/every-kind.yaml")
  for ns in shop data analytics ci; do "${k[@]}" create namespace "$ns" >/dev/null; done
  expect "apply every kind" 0 "${k[@]}" apply -f "$tmp/every-kind.yaml"
  if [[ $(grep -c ' created$' "$tmp/out") != "$objects" ]]; then
    _e2e_fail "apply every kind: not all $objects objects created"
  fi
  local versions='{range .items[*]}{.kind}/{.metadata.name}={.metadata.resourceVersion}{"\n"}{end}'
  expect "versions" 0 "${k[@]}" get -f "$tmp/every-kind.yaml" -o jsonpath="$versions"
  local before
  before=$(cat "$tmp/out")
  expect "re-apply every kind" 0 "${k[@]}" apply -f "$tmp/every-kind.yaml"
  expect "versions after" 0 "${k[@]}" get -f "$tmp/every-kind.yaml" -o jsonpath="$versions"
  expect_output "nothing written" "$before"
  expect "apply every kind, annotated" 0 "${k[@]}" apply -f "$tmp/every-kind-annotated.yaml"
  if [[ $(grep -c ' configured$' "$tmp/out") != "$objects" ]]; then
    _e2e_fail "annotated apply: not all $objects objects configured"
  fi
  expect "annotations" 0 "${k[@]}" get -f "$tmp/every-kind.yaml" \
    -o jsonpath='{range .items[*]}{.metadata.annotations.e2e\.kref\.io/reapplied}{"\n"}{end}'
  if [[ $(grep -cx 'yes' "$tmp/out") != "$objects" ]]; then
    _e2e_fail "not every object took the annotation"
  fi
  expect "python3-kubernetes" 0 /usr/bin/python3 - "$server" <<'EOF'
import sys
from kubernetes import client, watch
config = client.Configuration()
config.host = sys.argv[1]
api = client.CoreV1Api(client.ApiClient(config))
names = [ns.metadata.name for ns in api.list_namespace().items]
assert "team-a" in names, names
body = client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py"), data={"k": "v"})
created = api.create_namespaced_config_map("team-a", body)
assert created.metadata.resource_version, created
read = api.read_namespaced_config_map("py", "team-a")
assert read.data == {"k": "v"} and read.metadata.uid == created.metadata.uid, read
# A patch (python3-kubernetes sends a strategic merge patch for a dict body).
patched = api.patch_namespaced_config_map("py", "team-a", {"data": {"extra": "1"}, "metadata": {"labels": {"via": "python"}}})
assert patched.data == {"k": "v", "extra": "1"} and patched.metadata.labels == {"via": "python"}, patched
assert int(patched.metadata.resource_version) > int(read.metadata.resource_version), patched
try:
    api.create_namespaced_config_map("team-a", body)
    raise SystemExit("duplicate create succeeded")
except client.exceptions.ApiException as e:
    assert e.status == 409, e
# A watch from the version just written sees only what comes after it.
body.metadata.name = "py2"
api.create_namespaced_config_map("team-a", body)
seen = []
for event in watch.Watch().stream(api.list_namespaced_config_map, "team-a",
                                  resource_version=patched.metadata.resource_version,
                                  timeout_seconds=5):
    seen.append((event["type"], event["object"].metadata.name))
    break
assert seen == [("ADDED", "py2")], seen
print("python ok")
EOF
  expect_output "python result" "python ok"
}

start_apiserver() {  # start_apiserver <storage flags...>
  local port
  port=$(free_port)
  server=http://127.0.0.1:$port
  "$kref" apiserver --port "$port" "$@" >>"$tmp/apiserver.log" 2>&1 &
  apiserver_pid=$!
  pids+=("$apiserver_pid")
  if ! wait_until 30 "$apiserver_pid" curl -sf "$server/readyz"; then
    echo "FAIL [$backend]: kref apiserver did not become ready"; cat "$tmp/apiserver.log"; exit 1
  fi
}
stop_apiserver() {
  kill -TERM "$apiserver_pid"
  if ! wait "$apiserver_pid"; then echo "FAIL [$backend]: apiserver exit code"; failures=$((failures + 1)); fi
}

backend=embedded
start_apiserver --data-dir "$tmp/embedded"
check_api
stop_apiserver
# Objects outlive the process.
start_apiserver --data-dir "$tmp/embedded"
expect "restart keeps objects" 0 kubectl --server "$server" get namespace team-a -o name
stop_apiserver

backend="kref store"
store_port=$(free_port)
"$kref" store --data-dir "$tmp/store" --listen-client-urls "http://127.0.0.1:$store_port" \
  >>"$tmp/store.log" 2>&1 &
pids+=($!)
"$kref" bench store --endpoints "127.0.0.1:$store_port" --op wait-ready --timeout 30 >/dev/null
start_apiserver --etcd-servers "http://127.0.0.1:$store_port"
check_api
stop_apiserver

backend="etcd 3.4"
etcd_port=$(free_port)
peer_port=$(free_port)
etcd --name e2e --data-dir "$tmp/etcd" --listen-client-urls "http://127.0.0.1:$etcd_port" \
  --advertise-client-urls "http://127.0.0.1:$etcd_port" --listen-peer-urls "http://127.0.0.1:$peer_port" \
  --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
  --initial-cluster "e2e=http://127.0.0.1:$peer_port" --logger zap --log-level error \
  >>"$tmp/etcd.log" 2>&1 &
pids+=($!)
"$kref" bench store --endpoints "127.0.0.1:$etcd_port" --op wait-ready --timeout 30 >/dev/null
start_apiserver --etcd-servers "http://127.0.0.1:$etcd_port"
check_api
stop_apiserver

backend=flags
expect "bad etcd URL" 1 "$kref" apiserver --etcd-servers https://127.0.0.1:1
expect_output "one-line error" "kref apiserver: etcd endpoint https://127.0.0.1:1 must use http (TLS is not supported yet)"

if ((failures > 0)); then echo "$failures failures"; exit 1; fi
echo "apiserver_kubectl_test: all checks passed"

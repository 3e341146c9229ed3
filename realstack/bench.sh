#!/usr/bin/env bash
# Runs `bench` on the real stack, from one command: a real kube-apiserver + etcd + kube-controller-manager
# (realstack/up.sh), the Temporal CLI's dev server, the orchestrator jar as its own process with its
# ServiceAccount token and the shipped RBAC, the simulated child controllers in a process of their own,
# and the bench (a third JVM) that creates RRs, measures, and samples every process's CPU and RSS.
#
#   realstack/bench.sh [--dir DIR] [--keep] [--orchestrator-java-opts "OPTS"] [--orchestrator-args "ARGS"] [--] [bench options...]
#
#   --dir                     state folder (logs, kubeconfigs, pids); default: a new temporary folder
#   --keep                    leave everything running afterwards (stop: realstack/bench.sh --stop DIR)
#   --stop DIR                stop what an earlier --keep run left running in DIR
#   --orchestrator-java-opts  JVM options of the orchestrator (default: -Xms256m -Xmx2g -XX:+ExitOnOutOfMemoryError)
#   --orchestrator-args       more options of the orchestrator's `run` (e.g. "--max-concurrent-workflow-tasks=8")
#   bench options             passed to `bench` (e.g. --rate 5 --duration 60s --out bench.json)
#   KUBERNAUT_BENCH_JAR       the bench's jar (default: harness/target/kubernaut-sandbox.jar)
#   KUBERNAUT_SERVICE_JAR     the orchestrator's jar (default: orchestrator/target/kubernaut-orchestrator.jar)
#
# Needs both jars (./mvnw -B -o -q -pl harness -am package -DskipTests) and the binaries of
# realstack/install.sh (k8s, temporal). Everything listens on free 127.0.0.1 ports.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="${KUBERNAUT_BENCH_JAR:-$ROOT/harness/target/kubernaut-sandbox.jar}"
SERVICE_JAR="${KUBERNAUT_SERVICE_JAR:-$ROOT/orchestrator/target/kubernaut-orchestrator.jar}"
DIR="" KEEP=0 ORCH_OPTS="-Xms256m -Xmx2g -XX:+ExitOnOutOfMemoryError" ORCH_ARGS=""
NAMESPACE=bench

log() { printf '[bench.sh %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

stop_all() { # DIR
  local d="$1" name pid
  for name in bench-controllers orchestrator; do
    [[ -f "$d/$name.pid" ]] && { kill -TERM "$(cat "$d/$name.pid")" 2>/dev/null || true; }
  done
  [[ -f "$d/temporal.pid" ]] && { kill -INT "$(cat "$d/temporal.pid")" 2>/dev/null || true; }
  for name in bench-controllers orchestrator temporal; do
    [[ -f "$d/$name.pid" ]] || continue
    pid="$(cat "$d/$name.pid")"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$d/$name.pid"
  done
  "$HERE/down.sh" "$d"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --stop) stop_all "$2"; exit 0 ;;
    --orchestrator-java-opts) ORCH_OPTS="$2"; shift 2 ;;
    --orchestrator-args) ORCH_ARGS="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
for jar in "$SERVICE_JAR" "$JAR"; do
  [[ -f "$jar" ]] || { log "$jar is missing: ./mvnw -B -o -q -pl harness -am package -DskipTests"; exit 2; }
done
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

BIN="$("$HERE/install.sh" k8s | tail -1)"
TEMPORAL="$("$HERE/install.sh" temporal | tail -1)/temporal"
[[ -n "$DIR" ]] || DIR="$(mktemp -d "${TMPDIR:-/tmp}/kubernaut-bench.XXXXXX")"
mkdir -p "$DIR/logs"
DIR="$(cd "$DIR" && pwd)"
"$HERE/up.sh" --dir "$DIR" --bin "$BIN" >/dev/null
[[ $KEEP -eq 1 ]] || trap 'stop_all "$DIR"' EXIT
cd "$DIR"
KUBECTL=("$BIN/kubectl" --kubeconfig "$DIR/admin.kubeconfig")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

T_PORT=$(free_port)
log "Temporal dev server on 127.0.0.1:$T_PORT (SQLite file $DIR/temporal.db)"
setsid "$TEMPORAL" server start-dev --ip 127.0.0.1 --port "$T_PORT" --headless \
  --db-filename "$DIR/temporal.db" --log-level warn >> logs/temporal.log 2>&1 < /dev/null &
echo $! > temporal.pid
for _ in $(seq 1 120); do
  "$TEMPORAL" operator cluster health --address "127.0.0.1:$T_PORT" >/dev/null 2>&1 && break
  sleep 0.5
done
"$TEMPORAL" operator cluster health --address "127.0.0.1:$T_PORT" >/dev/null

log "CRDs and the orchestrator's RBAC (deploy/crds, deploy/base), namespace $NAMESPACE"
(cd "$ROOT" && "${KUBECTL[@]}" apply --server-side -f deploy/crds/ >/dev/null \
  && "${KUBECTL[@]}" wait --for condition=established --timeout=60s crd --all >/dev/null \
  && "${KUBECTL[@]}" apply -k deploy/base >/dev/null)
"${KUBECTL[@]}" create namespace "$NAMESPACE" >/dev/null
TOKEN="$("${KUBECTL[@]}" -n kubernaut-system create token kubernaut-orchestrator --duration=24h)"
API_SERVER="$("${KUBECTL[@]}" config view -o jsonpath='{.clusters[0].cluster.server}')"
cat > orchestrator.kubeconfig <<KC
apiVersion: v1
kind: Config
clusters:
- name: realstack
  cluster: {server: "$API_SERVER", certificate-authority: "$DIR/pki/ca.crt"}
users:
- name: kubernaut-orchestrator
  user: {token: "$TOKEN"}
contexts:
- name: realstack
  context: {cluster: realstack, user: kubernaut-orchestrator}
current-context: realstack
KC

HTTP_PORT=$(free_port)
log "orchestrator (java $ORCH_OPTS -jar ... run $ORCH_ARGS) with its ServiceAccount token, metrics on 127.0.0.1:$HTTP_PORT"
# shellcheck disable=SC2086
POD_NAMESPACE=kubernaut-system setsid "$JAVA" $ORCH_OPTS -jar "$SERVICE_JAR" run --http-port="$HTTP_PORT" \
  --kubeconfig="$DIR/orchestrator.kubeconfig" --temporal-address="127.0.0.1:$T_PORT" \
  --watch-namespaces="$NAMESPACE" --leader-election --log-level=WARN $ORCH_ARGS \
  >> logs/orchestrator.log 2>&1 < /dev/null &
echo $! > orchestrator.pid
for _ in $(seq 1 180); do
  kill -0 "$(cat orchestrator.pid)" 2>/dev/null || { tail -30 logs/orchestrator.log >&2; exit 1; }
  curl -sf "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null || { tail -30 logs/orchestrator.log >&2; exit 1; }

log "simulated child controllers in their own process"
setsid "$JAVA" -jar "$JAR" bench --controllers-only --kubeconfig "$DIR/admin.kubeconfig" \
  --namespace "$NAMESPACE" >> logs/controllers.log 2>&1 < /dev/null &
echo $! > bench-controllers.pid

log "bench: $*"
set +e
"$JAVA" -jar "$JAR" bench --kubeconfig "$DIR/admin.kubeconfig" --temporal-address "127.0.0.1:$T_PORT" \
  --temporal-namespace default --namespace "$NAMESPACE" --no-controllers \
  --orchestrator-metrics "http://127.0.0.1:$HTTP_PORT/metrics" \
  --process "orchestrator=$(cat orchestrator.pid)" \
  --process "kube-apiserver=$(cat kube-apiserver.pid)" \
  --process "etcd=$(cat etcd.pid)" \
  --process "temporal=$(cat temporal.pid)" \
  --process "controllers=$(cat bench-controllers.pid)" \
  --process "kube-controller-manager=$(cat kube-controller-manager.pid)" \
  "$@"
code=$?
set -e
log "logs in $DIR/logs$([[ $KEEP -eq 1 ]] && echo "; still running: realstack/bench.sh --stop $DIR")"
exit $code

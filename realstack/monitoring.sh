#!/usr/bin/env bash
# Installs the real monitoring binaries the *RealIT tests of the gateway and deploy/monitoring use:
# prometheus, promtool and alertmanager, from Debian's packages (prometheus, prometheus-alertmanager).
#
#   realstack/monitoring.sh
#
# Idempotent: when every binary is already on PATH it installs nothing and says so. Otherwise it runs
# `apt-get update` and `apt-get install -y` for the missing packages only. Exits non-zero when a binary
# is still missing afterwards. Needs root (or sudo) only when something must be installed.
set -euo pipefail

log() { printf '[monitoring %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# binary -> Debian package that ships it
declare -A PACKAGE_OF=(
  [prometheus]=prometheus
  [promtool]=prometheus
  [alertmanager]=prometheus-alertmanager
)

# Debian installs alertmanager as /usr/bin/prometheus-alertmanager; both names are accepted.
find_binary() {
  local b="$1"
  command -v "$b" 2>/dev/null && return 0
  [[ "$b" == alertmanager ]] && command -v prometheus-alertmanager 2>/dev/null && return 0
  return 1
}

missing_packages() {
  local b pkgs=()
  for b in prometheus promtool alertmanager; do
    find_binary "$b" >/dev/null || pkgs+=("${PACKAGE_OF[$b]}")
  done
  printf '%s\n' "${pkgs[@]}" | sort -u | grep -v '^$' || true
}

mapfile -t MISSING < <(missing_packages)
if ((${#MISSING[@]} == 0)); then
  log "nothing to install: every binary is present"
else
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { log "need root to install ${MISSING[*]} and there is no sudo"; exit 2; }
    SUDO="sudo"
  fi
  log "missing packages: ${MISSING[*]}; running apt-get update"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  log "installing ${MISSING[*]}"
  # --no-install-recommends keeps the install to the binaries; the packages' services are not needed.
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${MISSING[@]}"
  log "installed ${MISSING[*]}"
fi

status=0
for b in prometheus promtool alertmanager; do
  if path=$(find_binary "$b"); then
    log "$b: $path ($("$path" --version 2>&1 | head -n1))"
  else
    log "$b: still missing"
    status=1
  fi
done
exit "$status"

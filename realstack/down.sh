#!/usr/bin/env bash
# Stops what realstack/up.sh started in DIR: SIGTERM, up to 10 s grace, then SIGKILL. Keeps DIR (logs).
#
#   realstack/down.sh DIR
set -uo pipefail
DIR="${1:?usage: realstack/down.sh DIR}"
pids=()
for name in kube-controller-manager kube-apiserver etcd; do
  f="$DIR/$name.pid"
  [[ -f "$f" ]] || continue
  pid="$(cat "$f")"
  rm -f "$f"
  kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
done
for _ in $(seq 1 100); do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [[ $alive -eq 0 ]] && exit 0
  sleep 0.1
done
for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null; done
exit 0

#!/usr/bin/env bash
# Stops one component of a stack started by realstack/up.sh (SIGTERM, SIGKILL after 10 s) and starts it
# again with the same command line, ports and data; for fault tests and for trying recovery by hand.
#
#   realstack/restart.sh DIR etcd|kube-apiserver|kube-controller-manager [--down-for SECONDS]
set -euo pipefail
DIR="${1:?usage: realstack/restart.sh DIR COMPONENT [--down-for SECONDS]}"
NAME="${2:?usage: realstack/restart.sh DIR COMPONENT [--down-for SECONDS]}"
DOWN_FOR="${4:-0}"
cd "$DIR"
[[ -f "$NAME.args" ]] || { echo "no $NAME in $DIR" >&2; exit 2; }
if [[ -f "$NAME.pid" ]]; then
  pid="$(cat "$NAME.pid")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
fi
sleep "$DOWN_FOR"
mapfile -d '' args < "$NAME.args"
setsid "${args[@]}" >> "logs/$NAME.log" 2>&1 < /dev/null &
echo $! > "$NAME.pid"
echo "restarted $NAME (pid $!)"

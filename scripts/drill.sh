#!/usr/bin/env bash
# Recovery drills from docs/operations.md, run and timed on this machine (loopback only, each step
# bounded in time). They work on a data directory of their own, DRILL_DATA_DIR (target/drill-data),
# which the first drill fills (ingest; a few minutes once).
#   ./gospelib drill graph     a corrupted snapshot file (the corpus and its graph as served): the
#                              process refuses it by its checksum and rebuilds it from the database
#   ./gospelib drill reingest  the corpus itself lost: dropped from the database, ingested again from
#                              the SWORD modules, graph and indexes rebuilt; time until served again
#   ./gospelib drill backup    a backup of the running process's database, restored into a new
#                              database; time of each and the rows restored
# Prints one line per step and a summary table; writes it to target/drill-<name>.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

what=${1:-}
data=$(realpath -m "${DRILL_DATA_DIR:-target/drill-data}")
port=18098
base="http://127.0.0.1:$port"
report="target/drill-$what.md"
pid=""
trap 'stop' EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

start() { # extra spring arguments...
  # shellcheck disable=SC2046,SC2086 # the options are words
  GOSPELIB_DATA_DIR="$data" "$JAVA" $(jvm_options) $aot_opts -jar "$app_jar" serve --port "$port" "$@" \
    >>"$data/drill.log" 2>&1 &
  pid=$!
}

stop() {
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  pid=""
}

# Waits (at most LIMIT seconds) until /readyz answers 200 and John 3:16 is served.
await_served() { # limit
  local deadline=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || { say "GospeLib stopped; see $data/drill.log"; tail -20 "$data/drill.log" >&2; exit 1; }
    if curl -sf -o /dev/null "$base/readyz" && curl -sf "$base/v1/verses/John.3.16" | grep -q "God so loved"; then return 0; fi
    sleep 0.2
  done
  say "not served within $1 s; see $data/drill.log"; exit 1
}

prepare() {
  require_jdk; ensure_corpus; ensure_jar; ensure_aot_cache
  mkdir -p "$data"
  if ! ls "$data"/snapshot/*.snapshot >/dev/null 2>&1; then
    say "preparing $data (first start: ingest; minutes)"
    start --gospelib.search.semantic.enabled=false
    await_served 1800
    stop
  fi
}

row() { echo "| $1 | $2 |" >>"$report"; say "$1: $2"; }

case "$what" in
  graph)
    prepare
    printf '# Drill: a corrupted snapshot file\n\n| step | result |\n|---|---|\n' >"$report"
    snapshot=$(ls "$data"/snapshot/*.snapshot | head -1)
    size=$(stat -c %s "$snapshot")
    # overwrite 4 KiB in the middle of the file, inside the checksummed sections
    head -c 4096 /dev/urandom | dd of="$snapshot" bs=1 seek=$((size / 2)) conv=notrunc status=none
    row "snapshot file damaged" "4 KiB at offset $((size / 2)) of $(basename "$snapshot") ($((size >> 20)) MiB)"
    t=$(now); start --gospelib.search.semantic.enabled=false; await_served 600
    row "start → John 3:16 served again" "$(since "$t") s"
    if grep -q "checksum mismatch\|could not load the snapshot\|rebuilding\|from the database" "$data/drill.log"; then
      row "how" "the checksum refused the file; the corpus was loaded from the database and the file written anew"
    fi
    stop
    t=$(now); start --gospelib.search.semantic.enabled=false; await_served 120
    row "next restart (from the new file) → served" "$(since "$t") s"
    ;;
  reingest)
    prepare
    printf '# Drill: the corpus lost and ingested again\n\n| step | result |\n|---|---|\n' >"$report"
    rm -f "$data"/snapshot/*.snapshot
    t=$(now)
    # shellcheck disable=SC2046 # the options are words
    GOSPELIB_DATA_DIR="$data" "$JAVA" $(jvm_options) $aot_opts -jar "$app_jar" ingest --full >>"$data/drill.log" 2>&1
    row "full ingest from the SWORD modules" "$(since "$t") s"
    t=$(now); start --gospelib.search.semantic.enabled=false; await_served 900
    row "start → served (snapshot and graph rebuilt from the database)" "$(since "$t") s"
    ;;
  backup)
    prepare
    printf '# Drill: backup and restore\n\n| step | result |\n|---|---|\n' >"$report"
    start --gospelib.search.semantic.enabled=false; await_served 600
    t=$(now)
    # shellcheck disable=SC2046 # the options are words
    GOSPELIB_DATA_DIR="$data" "$JAVA" $(jvm_options) $aot_opts -jar "$app_jar" backup "$data/drill-backup.zip" \
      >>"$data/drill.log" 2>&1
    row "backup of the running process's database" "$(since "$t") s, $(stat -c %s "$data/drill-backup.zip") bytes"
    stop
    rm -rf "$data/restored"
    t=$(now)
    # shellcheck disable=SC2046 # the options are words
    GOSPELIB_DATA_DIR="$data/restored" "$JAVA" $(jvm_options) $aot_opts -jar "$app_jar" restore "$data/drill-backup.zip" \
      >>"$data/drill.log" 2>&1
    row "restore into a new embedded database (schema migrated first)" "$(since "$t") s: $(grep '^restored' "$data/drill.log" | tail -1)"
    ;;
  *)
    echo "usage: $0 graph|reingest|backup" >&2; exit 2 ;;
esac
say "written to $report"

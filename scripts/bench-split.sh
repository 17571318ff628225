#!/usr/bin/env bash
# The split topology's costs, measured in one run on loopback:
#  1. the gateway hop: wrk against GET /v1/verses/John.3.16 on a GospeLib process directly, through
#     nginx as a reverse proxy in front of it, and through GospeLib's gateway (a process of its own,
#     --services=gateway) in front of it; each hop's cost is its latency over the direct one;
#  2. end to end, collapsed against split: a chapter (GET /v1/passages?ref=John+3) and a signed-in
#     note write (POST /v1/me/notes) on the collapsed process, and through a gateway in front of
#     content, identity and study services, each a process of its own.
# All processes share one embedded database. Writes target/bench-split.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

duration=${BENCH_DURATION:-10s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-16}
require_jdk; ensure_corpus; ensure_jar
apt_install wrk nginx-light
work=$(mktemp -d)
db_port=15441
pids=()
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null && wait "${pids[$i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cp target/gospelib.jar "$work/bench.jar"

secret=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
common=(--gospelib.search.semantic.enabled=false --gospelib.rate-limit.anonymous.capacity=1000000000
  --gospelib.rate-limit.free.capacity=1000000000 --gospelib.internal.secret="$secret")
start() { # name port args...
  local name=$1 port=$2; shift 2
  "$JAVA" $(jvm_options) -jar "$work/bench.jar" serve --port "$port" "${common[@]}" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
}

say "starting the collapsed process (it holds the embedded database the others use; data in target/bench-data)"
start collapsed 18090 --data-dir target/bench-data --gospelib.db.embedded-port=$db_port
await_ready 18090 "${pids[-1]}" "$work/collapsed.log" || exit 1
db=(--gospelib.db.url="jdbc:postgresql://127.0.0.1:$db_port/postgres?user=postgres" --gospelib.ingest.on-start=never)
say "starting a gateway in front of it, and content, identity and study services behind a second gateway"
start gateway-to-collapsed 18080 "${db[@]}" --data-dir "$work/g1" --services=gateway \
  --gospelib.service-urls.content=http://127.0.0.1:18090
urls=(--gospelib.service-urls.content=http://127.0.0.1:18100 --gospelib.service-urls.identity=http://127.0.0.1:18200
  --gospelib.service-urls.study=http://127.0.0.1:18600)
start content 18100 "${db[@]}" "${urls[@]}" --data-dir "$work/content" --services=content
start identity 18200 "${db[@]}" "${urls[@]}" --data-dir "$work/identity" --services=identity
start study 18600 "${db[@]}" "${urls[@]}" --data-dir "$work/study" --services=study
start gateway-to-split 18070 "${db[@]}" "${urls[@]}" --data-dir "$work/g2" --services=gateway
await_ready 18080 "${pids[1]}" "$work/gateway-to-collapsed.log" || exit 1
await_ready 18100 "${pids[2]}" "$work/content.log" || exit 1
await_ready 18200 "${pids[3]}" "$work/identity.log" || exit 1
await_ready 18600 "${pids[4]}" "$work/study.log" || exit 1
await_ready 18070 "${pids[5]}" "$work/gateway-to-split.log" || exit 1

cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream gospelib { server 127.0.0.1:18090; keepalive 64; }
  server {
    listen 127.0.0.1:18081;
    location / {
      proxy_pass http://gospelib;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"

# p50 and p99 in ms, and requests per second, of one wrk run
measure() { # url [lua]
  local extra=(); [ -n "${2:-}" ] && extra=(-s "$2")
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "${extra[@]}" "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    / 50%/ {p50 = ms($2)} / 99%/ {p99 = ms($2)} /Requests\/sec/ {rps = $2} /Non-2xx/ {bad = $5}
    END {if (bad) {print "non-2xx:", bad > "/dev/stderr"; exit 1} printf "%.3f %.3f %.0f\n", p50, p99, rps}'
}
warm() { wrk -t"$threads" -c"$connections" -d"${BENCH_WARMUP:-10s}" "${@:2}" "$1" >/dev/null; }

verse=/v1/verses/John.3.16
chapter="/v1/passages?ref=John+3"
email="bench-$(date +%s%N)@example.test"
curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"benchmark password\"}" \
  http://127.0.0.1:18090/v1/auth/signup >/dev/null
token() { curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"benchmark password\"}" \
  "http://127.0.0.1:$1/v1/auth/token" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'; }
note_lua() { # port → a wrk script that writes notes with a token from that topology
  cat >"$work/note-$1.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"ref":"John 3:16","body":"a note written by the benchmark"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $(token "$1")"
LUA
  echo "$work/note-$1.lua"
}
collapsed_note=$(note_lua 18090)
split_note=$(note_lua 18070)

say "warming up every path"
for url in "http://127.0.0.1:18090$verse" "http://127.0.0.1:18081$verse" "http://127.0.0.1:18080$verse" \
    "http://127.0.0.1:18090$chapter" "http://127.0.0.1:18070$chapter"; do warm "$url"; done
warm "http://127.0.0.1:18090/v1/me/notes" -s "$collapsed_note"; warm "http://127.0.0.1:18070/v1/me/notes" -s "$split_note"

declare -A result
rounds=${BENCH_ROUNDS:-3}
cases=(direct nginx gateway chapter-collapsed chapter-split note-collapsed note-split)
declare -A url=([direct]="http://127.0.0.1:18090$verse" [nginx]="http://127.0.0.1:18081$verse"
  [gateway]="http://127.0.0.1:18080$verse" [chapter-collapsed]="http://127.0.0.1:18090$chapter"
  [chapter-split]="http://127.0.0.1:18070$chapter" [note-collapsed]="http://127.0.0.1:18090/v1/me/notes"
  [note-split]="http://127.0.0.1:18070/v1/me/notes")
declare -A lua=([note-collapsed]="$collapsed_note" [note-split]="$split_note")
for round in $(seq 1 "$rounds"); do
  for name in "${cases[@]}"; do
    result[$name,$round]=$(measure "${url[$name]}" "${lua[$name]:-}")
    say "round $round $name: p50 p99 (ms) req/s = ${result[$name,$round]}"
  done
done
median() { # case field(1 p50, 2 p99, 3 req/s)
  for round in $(seq 1 "$rounds"); do awk -v f="$2" '{print $f}' <<<"${result[$1,$round]}"; done | sort -g |
    awk '{v[NR] = $1} END {printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
hop() { awk -v a="$(median "$1" 1)" -v b="$(median direct 1)" 'BEGIN {printf "%.3f", a - b}'; }
out=target/bench-split.md
mkdir -p target
{
  echo "| case | p50 ms | p99 ms | req/s | p50 over direct (ms) |"
  echo "|---|---:|---:|---:|---:|"
  for name in direct nginx gateway; do
    echo "| $name | $(median "$name" 1) | $(median "$name" 2) | $(median "$name" 3) | $(hop "$name") |"
  done
  echo
  echo "| end to end | collapsed p50 / p99 ms | split p50 / p99 ms | split req/s over collapsed |"
  echo "|---|---:|---:|---:|"
  for what in chapter note; do
    echo "| $what | $(median "$what-collapsed" 1) / $(median "$what-collapsed" 2) | $(median "$what-split" 1) / $(median "$what-split" 2) |" \
      "$(awk -v a="$(median "$what-split" 3)" -v b="$(median "$what-collapsed" 3)" 'BEGIN {printf "%.3f", a / b}') |"
  done
} | tee "$out"
say "medians of $rounds rounds, $connections connections, $duration each; written to $out"

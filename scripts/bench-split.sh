#!/usr/bin/env bash
# The split topology's costs, measured in one run on loopback:
#  1. the gateway hop: wrk against GET /v1/verses/John.3.16 on a GospeLib process directly, through
#     nginx as a reverse proxy in front of it, and through GospeLib's gateway (a process of its own,
#     --services=gateway) in front of it; each hop's cost is its latency over the direct one, with
#     16 connections and with one, and the CPU time the proxy spends per request;
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

# CPU time (user + system, in clock ticks) of a process and its threads so far
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# p50 and p99 in ms, requests per second, and the CPU µs per request of one process (the proxy's,
# or the service's when called directly), of one wrk run
measure() { # url pid connections [lua]
  local extra=(); [ -n "${4:-}" ] && extra=(-s "$4")
  local before; before=$(cpu_ticks "$2")
  local t=$threads; [ "$3" -lt "$t" ] && t=$3
  wrk -t"$t" -c"$3" -d"$duration" --latency "${extra[@]}" "$1" | awk -v pid="$2" -v before="$before" -v tick="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    / 50%/ {p50 = ms($2)} / 99%/ {p99 = ms($2)} /Requests\/sec/ {rps = $2} /requests in/ {n = $1} /Non-2xx/ {bad = $5}
    END {if (bad) {print "non-2xx:", bad > "/dev/stderr"; exit 1}
      getline after < ("/proc/" pid "/stat"); split(after, f, " ")
      printf "%.3f %.3f %.0f %.0f\n", p50, p99, rps, (f[14] + f[15] - before) * 1000000 / tick / n}'
}
# A JVM proxy reaches its steady throughput only once its hot paths are compiled: on two shared
# cores the gateway's rose from 1,400 to 4,100 requests/s between 15 and 60 s of load.
warm() { wrk -t"$threads" -c"$connections" -d"${BENCH_WARMUP:-60s}" "${@:2}" "$1" >/dev/null; }

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

say "warming up every path (the gateways' for a minute)"
for url in "http://127.0.0.1:18090$verse" "http://127.0.0.1:18081$verse" "http://127.0.0.1:18090$chapter"; do
  BENCH_WARMUP=10s warm "$url"
done
warm "http://127.0.0.1:18080$verse"; warm "http://127.0.0.1:18070$chapter"
BENCH_WARMUP=10s warm "http://127.0.0.1:18090/v1/me/notes" -s "$collapsed_note"
BENCH_WARMUP=20s warm "http://127.0.0.1:18070/v1/me/notes" -s "$split_note"

declare -A result
rounds=${BENCH_ROUNDS:-3}
nginx_worker=$(pgrep -P "$(cat "$work/nginx.pid")" | head -1)
# each case: its URL, the process whose CPU per request it reports, and its connections (-1: one
# connection, the latency a single client sees; the others load the path with $connections)
cases=(direct nginx gateway direct-1 nginx-1 gateway-1 chapter-collapsed chapter-split note-collapsed note-split)
declare -A url=([direct]="http://127.0.0.1:18090$verse" [nginx]="http://127.0.0.1:18081$verse"
  [gateway]="http://127.0.0.1:18080$verse" [chapter-collapsed]="http://127.0.0.1:18090$chapter"
  [chapter-split]="http://127.0.0.1:18070$chapter" [note-collapsed]="http://127.0.0.1:18090/v1/me/notes"
  [note-split]="http://127.0.0.1:18070/v1/me/notes")
declare -A pid=([direct]=${pids[0]} [nginx]=$nginx_worker [gateway]=${pids[1]} [chapter-collapsed]=${pids[0]}
  [chapter-split]=${pids[5]} [note-collapsed]=${pids[0]} [note-split]=${pids[5]})
for name in direct nginx gateway; do url[$name-1]=${url[$name]}; pid[$name-1]=${pid[$name]}; done
declare -A lua=([note-collapsed]="$collapsed_note" [note-split]="$split_note")
for round in $(seq 1 "$rounds"); do
  for name in "${cases[@]}"; do
    c=$connections; [[ $name == *-1 ]] && c=1
    result[$name,$round]=$(measure "${url[$name]}" "${pid[$name]}" "$c" "${lua[$name]:-}")
    say "round $round $name: p50 p99 (ms) req/s CPU µs/request = ${result[$name,$round]}"
  done
done
median() { # case field(1 p50, 2 p99, 3 req/s, 4 CPU µs per request)
  for round in $(seq 1 "$rounds"); do awk -v f="$2" '{print $f}' <<<"${result[$1,$round]}"; done | sort -g |
    awk -v f="$2" '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf f > 2 ? "%.0f" : "%.3f", m}'
}
hop() { awk -v a="$(median "$1" 1)" -v b="$(median "$2" 1)" 'BEGIN {printf "%.3f", a - b}'; }
out=target/bench-split.md
mkdir -p target
{
  echo "| case | p50 ms | p99 ms | req/s | p50 over direct (ms) | CPU µs per request (proxy; direct: the service) |"
  echo "|---|---:|---:|---:|---:|---:|"
  for name in direct nginx gateway; do
    echo "| $name, $connections connections | $(median "$name" 1) | $(median "$name" 2) | $(median "$name" 3) | $(hop "$name" direct) | $(median "$name" 4) |"
  done
  for name in direct nginx gateway; do
    echo "| $name, 1 connection | $(median "$name-1" 1) | $(median "$name-1" 2) | $(median "$name-1" 3) | $(hop "$name-1" direct-1) | $(median "$name-1" 4) |"
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

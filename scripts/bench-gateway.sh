#!/usr/bin/env bash
# What the gateway filters cost: wrk against one public endpoint served by processes that differ
# only in the gateway (off; on with in-memory limits; on with Redis limits), all reading the same
# database, measured in turns within one run. Prints each as a ratio of the gateway-off baseline.
# Needs a Redis on 127.0.0.1:6379 for the Redis case (GOSPELIB_BENCH_REDIS_URL to change).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

duration=${BENCH_DURATION:-10s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-64}
rounds=${BENCH_ROUNDS:-3}
redis_url=${GOSPELIB_BENCH_REDIS_URL:-redis://127.0.0.1:6379}
path="/v1/verses/John.3.16"

require_jdk; ensure_corpus; ensure_jar
apt_install wrk
work=$(mktemp -d)
db_port=15439
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Generous limits: every request takes the whole path through the limiter and none is refused.
common=(--gospelib.search.semantic.enabled=false --gospelib.rate-limit.anonymous.capacity=1000000000
  --gospelib.rate-limit.free.capacity=1000000000)
start() { # name port args...
  local name=$1 port=$2; shift 2
  "$JAVA" -Xmx1g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -jar target/gospelib.jar serve \
    --port "$port" "${common[@]}" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/$name.log"; exit 1; }
    sleep 0.5
  done
  say "$name did not get ready"; exit 1
}

say "starting three GospeLib processes on one embedded database (data in target/bench-data)"
start gateway 18090 --data-dir target/bench-data --gospelib.db.embedded-port=$db_port
shared_db=(--gospelib.db.url="jdbc:postgresql://127.0.0.1:$db_port/postgres?user=postgres"
  --gospelib.ingest.on-start=never --data-dir "$work/data")
start no-gateway 18091 "${shared_db[@]}" --gospelib.gateway.enabled=false
start gateway-redis 18092 "${shared_db[@]}" --gospelib.redis.url="$redis_url"

email="bench-$(date +%s%N)@example.test"
curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"benchmark password\"}" \
  http://127.0.0.1:18090/v1/auth/signup >/dev/null
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"benchmark password\"}" \
  http://127.0.0.1:18090/v1/auth/token | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')

cat >"$work/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA

rps() { wrk -t"$threads" -c"$connections" -d"$duration" "$@" | awk '/Requests\/sec/ {print $2}'; }

declare -A cases=(
  [no-gateway]="http://127.0.0.1:18091$path"
  [gateway]="http://127.0.0.1:18090$path"
  [gateway-redis]="http://127.0.0.1:18092$path"
  [gateway-signed-in]="http://127.0.0.1:18090$path"
)
order=(no-gateway gateway gateway-redis gateway-signed-in)
declare -A total
for name in "${order[@]}"; do
  total[$name]=0
  extra=(); [ "$name" = gateway-signed-in ] && extra=(-s "$work/auth.lua")
  wrk -t"$threads" -c"$connections" -d3s "${extra[@]}" "${cases[$name]}" >/dev/null  # warm up
done
for round in $(seq 1 "$rounds"); do
  for name in "${order[@]}"; do
    extra=(); [ "$name" = gateway-signed-in ] && extra=(-s "$work/auth.lua")
    r=$(rps "${extra[@]}" "${cases[$name]}")
    say "round $round $name: $r req/s"
    total[$name]=$(awk -v a="${total[$name]}" -v b="$r" 'BEGIN {print a + b}')
  done
done
base=$(awk -v t="${total[no-gateway]}" -v n="$rounds" 'BEGIN {print t / n}')
printf '%-18s %12s %8s\n' case "req/s" ratio
for name in "${order[@]}"; do
  mean=$(awk -v t="${total[$name]}" -v n="$rounds" 'BEGIN {printf "%.0f", t / n}')
  printf '%-18s %12s %8s\n' "$name" "$mean" "$(awk -v a="$mean" -v b="$base" 'BEGIN {printf "%.3f", a / b}')"
done

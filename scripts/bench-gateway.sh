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
  # Newest first: the first process holds the database the others use.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null && wait "${pids[$i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# The processes run a copy, so a build during the run cannot swap the jar under them.
cp target/gospelib.jar "$work/bench.jar"

# Generous limits: every request takes the whole path through the limiter and none is refused.
common=(--gospelib.search.semantic.enabled=false --gospelib.rate-limit.anonymous.capacity=1000000000
  --gospelib.rate-limit.free.capacity=1000000000)
start() { # name port args...
  local name=$1 port=$2; shift 2
  "$JAVA" $(jvm_options) -jar "$work/bench.jar" serve \
    --port "$port" "${common[@]}" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  await_ready "$port" "${pids[-1]}" "$work/$name.log" || exit 1
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

# Throughput alone swings with whatever else the machine runs; the server's own CPU time per
# request (from /proc, all its threads) is steadier, and its inverse is the throughput the same
# CPU would give. Both are reported, each against the gateway-off baseline.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)

declare -A url=(
  [no-gateway]="http://127.0.0.1:18091$path"
  [gateway]="http://127.0.0.1:18090$path"
  [gateway-redis]="http://127.0.0.1:18092$path"
  [gateway-signed-in]="http://127.0.0.1:18090$path"
)
declare -A pid=([gateway]=${pids[0]} [no-gateway]=${pids[1]} [gateway-redis]=${pids[2]} [gateway-signed-in]=${pids[0]})
order=(no-gateway gateway gateway-redis gateway-signed-in)
declare -A requests seconds cpu per_round
for name in "${order[@]}"; do
  requests[$name]=0; seconds[$name]=0; cpu[$name]=0
  extra=(); [ "$name" = gateway-signed-in ] && extra=(-s "$work/auth.lua")
  wrk -t"$threads" -c"$connections" -d"${BENCH_WARMUP:-10s}" "${extra[@]}" "${url[$name]}" >/dev/null  # warm up
done
for round in $(seq 1 "$rounds"); do
  for name in "${order[@]}"; do
    extra=(); [ "$name" = gateway-signed-in ] && extra=(-s "$work/auth.lua")
    before=$(cpu_ticks "${pid[$name]}")
    out=$(wrk -t"$threads" -c"$connections" -d"$duration" "${extra[@]}" "${url[$name]}")
    after=$(cpu_ticks "${pid[$name]}")
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    t=$(awk '/requests in/ {sub(/s,$/, "", $4); print $4}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    [ -n "$non2xx" ] && { say "$name: $non2xx answers were not 2xx"; exit 1; }
    requests[$name]=$(( ${requests[$name]} + n ))
    seconds[$name]=$(awk -v a="${seconds[$name]}" -v b="$t" 'BEGIN {print a + b}')
    cpu[$name]=$(( ${cpu[$name]} + after - before ))
    per_round[$name,$round]=$(awk -v n="$n" -v t="$t" 'BEGIN {print n / t}')
    say "round $round $name: $(awk -v n="$n" -v t="$t" 'BEGIN {printf "%.0f", n / t}') req/s," \
      "$(awk -v c=$((after - before)) -v n="$n" -v hz="$ticks_per_second" 'BEGIN {printf "%.1f", c / hz * 1e6 / n}') µs CPU/request"
  done
done
rate() { awk -v n="${requests[$1]}" -v t="${seconds[$1]}" 'BEGIN {printf "%.0f", n / t}'; }
us() { awk -v c="${cpu[$1]}" -v n="${requests[$1]}" -v hz="$ticks_per_second" 'BEGIN {printf "%.1f", c / hz * 1e6 / n}'; }
# The median over rounds of each round's ratio: a case and its baseline measured a minute apart
# share most of the machine's mood.
median_ratio() {
  for round in $(seq 1 "$rounds"); do
    awk -v a="${per_round[$1,$round]}" -v b="${per_round[no-gateway,$round]}" 'BEGIN {print a / b}'
  done | sort -g | awk '{v[NR] = $1} END {printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
printf '%-18s %10s %8s %14s %14s %16s\n' case "req/s" ratio "median ratio" "µs CPU/req" "ratio at equal CPU"
for name in "${order[@]}"; do
  printf '%-18s %10s %8s %14s %14s %16s\n' "$name" "$(rate "$name")" \
    "$(awk -v a="$(rate "$name")" -v b="$(rate no-gateway)" 'BEGIN {printf "%.3f", a / b}')" "$(median_ratio "$name")" \
    "$(us "$name")" "$(awk -v a="$(us "$name")" -v b="$(us no-gateway)" 'BEGIN {printf "%.3f", b / a}')"
done

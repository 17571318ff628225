#!/usr/bin/env bash
# Whether a reader asking for one verse is kept waiting while other clients ask for large answers.
# One process, answer cache off (so every large answer is built, as for distinct URLs), rate
# limiter off; the single verse's latency from one connection (wrk -c1), in the same run:
#  1. alone (the baseline);
#  2. while 16 connections ask for large passages (36 to 45 chapters of the Psalms in three
#     translations, each request a different range) and long commentary, with large answers
#     built a few at a time (gospelib.heavy-work.permits=0: one fewer than the cores, as shipped);
#  3. the same load with the limit lifted (permits=1000: every large answer at once, as before).
# Each process is warmed up first (5 s of each kind of request). Only 127.0.0.1 is loaded; every
# step lasts BENCH_DURATION (15s).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

duration=${BENCH_DURATION:-15s}
port=18098
base="http://127.0.0.1:$port"
require_jdk; ensure_corpus; ensure_jar
apt_install wrk
work=$(mktemp -d)
server=""
stop() { [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }; server=""; }
trap 'stop; rm -rf "$work"' EXIT

start() { # permits
  # shellcheck disable=SC2046 # the options are words
  "$JAVA" $(jvm_options) -jar target/gospelib.jar serve --port "$port" --data-dir target/bench-data \
    --gospelib.db.embedded-port=15441 --gospelib.search.semantic.enabled=false --gospelib.rate-limit.enabled=false \
    --gospelib.answer-cache.max-size=0 --gospelib.heavy-work.permits="$1" >"$work/server-$1.log" 2>&1 &
  server=$!
  await_ready "$port" "$server" "$work/server-$1.log"
}

cat >"$work/large.lua" <<'LUA'
-- a different large request each time: 36 to 45 chapters of the Psalms in three translations
-- (up to 2,700 verse texts, under the 3,000 a passage may have), or the commentary on up to 200 verses
math.randomseed(os.time())
request = function()
  if math.random(4) == 1 then
    local c = math.random(1, 140)
    return wrk.format("GET", "/v1/commentary?ref=Ps%20" .. c .. "-" .. (c + math.random(2, 8)))
  end
  local a = math.random(1, 100)
  return wrk.format("GET", "/v1/passages?ref=Ps%20" .. a .. "-" .. (a + 35 + math.random(0, 9)) .. "&translations=KJV,WEB,RV1909")
end
LUA

single() { # → "p50-ms p99-ms max-ms requests"
  wrk -t1 -c1 -d"$duration" --latency "$base/v1/verses/John.3.16" |
    awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^ +Latency +[0-9]/ {max=$4} /requests in/ {n=$1}
         function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
         END {printf "%.2f %.2f %.2f %d", ms(p50), ms(p99), ms(max), n}'
}

under_load() { # → single's numbers, and the large requests' count and 503s
  wrk -t2 -c16 -d"$duration" -s "$work/large.lua" "$base" >"$work/large.txt" 2>&1 &
  local load=$!
  sleep 1
  single
  wait "$load" || true
  awk '/requests in/ {n=$1} /Non-2xx/ {bad=$NF} END {printf " %d %d", n, bad+0}' "$work/large.txt"
}

printf '%-58s %8s %8s %8s %9s %9s\n' "single verse, one connection" p50-ms p99-ms max-ms large-req non-2xx
warm_up() {
  wrk -t1 -c1 -d5s "$base/v1/verses/John.3.16" >/dev/null 2>&1 || true
  wrk -t2 -c4 -d5s -s "$work/large.lua" "$base" >/dev/null 2>&1 || true
}

start 0
warm_up
read -r p50 p99 max _ <<<"$(single)"
printf '%-58s %8s %8s %8s %9s %9s\n' "alone (baseline)" "$p50" "$p99" "$max" - -
read -r p50 p99 max _ large bad <<<"$(under_load)"
printf '%-58s %8s %8s %8s %9s %9s\n' "beside 16 large, built a few at a time (as shipped)" "$p50" "$p99" "$max" "$large" "$bad"
stop
start 1000
warm_up
read -r p50 p99 max _ large bad <<<"$(under_load)"
printf '%-58s %8s %8s %8s %9s %9s\n' "beside 16 large, all built at once (no limit)" "$p50" "$p99" "$max" "$large" "$bad"

#!/usr/bin/env bash
# What the web reader's pages weigh and cost the server, against the JSON of the same chapter
# from /v1/passages (the baseline, measured in the same run, on the same process):
#  1. rendering: the median time to first byte of 49 chapters each asked for the first time (so
#     none comes from the rendered-page cache), page vs JSON;
#  2. serving: for each page, its size as sent (gzip) and uncompressed, and throughput and latency
#     under wrk (after the first request a page comes from the rendered-page cache).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

duration=${BENCH_DURATION:-5s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-16}
port=18095

require_jdk; ensure_corpus; ensure_jar
apt_install wrk
work=$(mktemp -d)
cp target/gospelib.jar "$work/bench.jar"
"$JAVA" $(jvm_options) -jar "$work/bench.jar" serve --port "$port" \
  --data-dir target/bench-data --gospelib.db.embedded-port=15440 --gospelib.search.semantic.enabled=false \
  --gospelib.rate-limit.anonymous.capacity=1000000000 >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
say "starting GospeLib on :$port (data in target/bench-data)"
await_ready "$port" "$server" "$work/server.log"

base="http://127.0.0.1:$port"
baseline="/v1/passages?ref=John%203&translations=KJV"
pages=("/read/KJV/John/3" "/read/KJV/John/3?with=WEB,RV1909" "/read/KJV/John/3?strongs=true"
  "/read/KJV/Ps/119" "/read/KJV/John/3?v=16" "/search?q=love+one+another" "/lemmas/G26" "/")

measure() { # path → "requests/s p50-ms p99-ms"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -H 'Accept-Encoding: gzip' "$base$1" |
    awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
         function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
         END {printf "%.0f %.2f %.2f", rps, ms(p50), ms(p99)}'
}
bytes() { curl -s -o /dev/null -w '%{size_download}' "$@"; }

median_ttfb() { # url... → median seconds to first byte
  for url in "$@"; do curl -s -o /dev/null -w '%{time_starttransfer}\n' "$url"; done | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}
chapters=(); for c in $(seq 1 21); do chapters+=("John $c"); done; for c in $(seq 1 28); do chapters+=("Matt $c"); done
# warm the JVM on other books first, so the first-render sample measures rendering, not JIT
for c in $(seq 1 50); do curl -s -o /dev/null "$base/read/KJV/Gen/$c"; curl -s -o /dev/null "$base/v1/passages?ref=Gen%20$c&translations=KJV"; done
page_urls=(); json_urls=()
for ch in "${chapters[@]}"; do
  book=${ch% *}; n=${ch#* }
  page_urls+=("$base/read/KJV/$book/$n?with=WEB"); json_urls+=("$base/v1/passages?ref=$book%20$n&translations=KJV,WEB")
done
page_ttfb=$(median_ttfb "${page_urls[@]}"); json_ttfb=$(median_ttfb "${json_urls[@]}")
printf 'first render of a chapter (KJV+WEB, 49 chapters, median time to first byte): page %.2f ms, JSON %.2f ms, page/JSON %.2f\n' \
  "$(awk -v v="$page_ttfb" 'BEGIN {print v*1000}')" "$(awk -v v="$json_ttfb" 'BEGIN {print v*1000}')" \
  "$(awk -v a="$page_ttfb" -v b="$json_ttfb" 'BEGIN {printf "%.2f", a/b}')"

for path in "$baseline" "${pages[@]}"; do curl -s -o /dev/null "$base$path"; done   # warm up
read -r base_rps base_p50 base_p99 <<<"$(measure "$baseline")"
printf '%-36s %9s %9s %9s %8s %8s %8s\n' page bytes gzip req/s ratio p50-ms p99-ms
printf '%-36s %9s %9s %9s %8s %8s %8s\n' "$baseline (baseline)" "$(bytes "$base$baseline")" \
  "$(bytes --compressed "$base$baseline")" "$base_rps" "1.00" "$base_p50" "$base_p99"
for path in "${pages[@]}"; do
  read -r rps p50 p99 <<<"$(measure "$path")"
  printf '%-36s %9s %9s %9s %8s %8s %8s\n' "$path" "$(bytes "$base$path")" "$(bytes --compressed "$base$path")" \
    "$rps" "$(awk -v a="$rps" -v b="$base_rps" 'BEGIN {printf "%.2f", a/b}')" "$p50" "$p99"
done
etag=$(curl -s -D - -o /dev/null "$base/read/KJV/John/3" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
printf 'revalidation of /read/KJV/John/3 with If-None-Match: HTTP %s\n' \
  "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/read/KJV/John/3")"

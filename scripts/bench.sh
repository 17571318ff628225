#!/usr/bin/env bash
# Benchmarks, each printing its numbers as ratios against a baseline measured in the same run.
#   ./gospelib bench passages   wrk against GET /v1/passages (chapter, verse, long range), and
#                               nginx serving the very same JSON bytes as static files
#   ./gospelib bench jmh [REGEX] JMH micro-benchmarks (reference parsing, passage assembly)
#   ./gospelib bench relevance  search relevance of every ranker against Nave's Topical Bible
#                               (nDCG@10, recall@100; writes target/relevance.md)
#   ./gospelib bench references [--fail-under PERCENT]
#                               reference parser coverage per category on a generated suite of references
#                               as people write them (writes target/reference-evaluation.md)
#   ./gospelib bench gateway    wrk against GET /v1/verses/John.3.16 through the gateway filters
#                               (in-memory and Redis rate limits, anonymous and signed in) and
#                               without them, each process on the same database, same run
#   ./gospelib bench split      the gateway hop (GospeLib's gateway against nginx as a reverse proxy, both
#                               in front of the same process) and a chapter and a note write end to end,
#                               collapsed against split (writes target/bench-split.md)
#   ./gospelib bench search-vs-postgres
#                               lexical search latency and nDCG@10: Lucene against PostgreSQL
#                               full-text search on the same verses (writes target/search-vs-postgres.md)
#   ./gospelib bench study-sync concurrent sync of many users' study data against PostgreSQL,
#                               against a verse served from memory (writes target/study-sync.md)
#   ./gospelib bench graph-vs-postgres
#                               scripture graph queries: the in-memory graph against the same edges
#                               in PostgreSQL queried with recursive CTEs (writes target/graph-vs-postgres.md)
#   ./gospelib bench memory     resident memory, live heap and start times against the budgets: first start
#                               on an empty data directory, three restarts, then a mixed read load over
#                               thousands of URLs (BENCH_MEMORY_DURATION=600 s; writes target/bench-memory.md)
#   ./gospelib bench jobs       enqueue and processing rates of no-op jobs: GospeLib's queue on PostgreSQL
#                               against BullMQ on Redis, same run (writes target/bench-jobs.md)
#   ./gospelib bench webhooks   signed webhook deliveries per second to a receiver on loopback, through the
#                               delivery jobs (writes target/bench-webhooks.jsonl)
#   ./gospelib bench assistant    the study assistant on the project's question set: retrieval recall@10,
#                               refusals, citation precision (extractive, and a model that invents and
#                               misquotes), latency to the first part (writes target/bench-assistant.md)
#   ./gospelib bench notifications
#                               one day of reading-plan reminders for 100,000 readers over 30 time zones, swept,
#                               queued and sent through SMTP to a counting server on loopback: enqueue time,
#                               delivery rate, each reader exactly once (writes target/bench-notifications.md)
#   ./gospelib bench files      share cards drawn per design and format (time, size) against serving a drawn one;
#                               a reader with 10,000 notes exported by the worker as JSON, Markdown and PDF
#                               against the export built in the request (writes target/bench-files.md)
#   ./gospelib bench crash-trial [KILLS]
#                               kill -9 a worker KILLS times (100) in the middle of jobs: none lost, none
#                               duplicated in effect
#   ./gospelib bench fairness   one verse's latency alone and beside 16 clients asking for large passages
#                               and commentary, with large answers built a few at a time and without the limit
# Only loopback addresses are loaded; every run is bounded in time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

what=${1:-passages}
duration=${BENCH_DURATION:-10s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-64}

# Compiles the test classes and sets $cp to the test classpath, for benchmarks written as Java
# mains or JMH classes.
test_classpath() {
  require_jdk; ensure_maven; ensure_corpus
  mvn -q -B -DskipTests test-compile
  mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
  cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
}

case "$what" in
  jmh)
    test_classpath
    regex=${2:-.}
    exec "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$cp" \
      org.openjdk.jmh.Main "$regex" -f 1 ${JMH_ARGS:--wi 3 -w 2s -i 5 -r 2s}
    ;;
  relevance)
    test_classpath
    exec "$JAVA" -Xmx1g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -cp "$cp" \
      org.gospelib.search.internal.RelevanceEvaluation "${@:2}"
    ;;
  references)
    test_classpath
    exec "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "$cp" \
      org.gospelib.scripture.bench.ReferenceEvaluation "${@:2}"
    ;;
  search-vs-postgres)
    test_classpath
    exec "$JAVA" -Xmx1g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -cp "$cp" "${@:2}" \
      org.gospelib.search.internal.SearchVersusPostgres
    ;;
  graph-vs-postgres)
    test_classpath
    exec "$JAVA" -Xmx1g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -cp "$cp" "${@:2}" \
      org.gospelib.content.internal.corpus.GraphVersusPostgres
    ;;
  study-sync)
    test_classpath
    exec "$JAVA" -Xmx1g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -cp "$cp" "${@:2}" \
      org.gospelib.study.StudySyncBenchmark
    ;;
  gateway)
    exec scripts/bench-gateway.sh "${@:2}"
    ;;
  split)
    exec scripts/bench-split.sh "${@:2}"
    ;;
  pages)
    exec scripts/bench-pages.sh "${@:2}"
    ;;
  memory)
    exec scripts/bench-memory.sh "${@:2}"
    ;;
  fairness)
    exec scripts/bench-fairness.sh "${@:2}"
    ;;
  jobs)
    exec scripts/bench-jobs.sh "${@:2}"
    ;;
  webhooks)
    test_classpath
    # shellcheck disable=SC2046 # the options are words
    exec "$JAVA" $(jvm_options) -cp "$cp" "${@:2}" org.gospelib.webhooks.internal.WebhookDeliveryBenchmark
    ;;
  notifications)
    test_classpath
    # shellcheck disable=SC2046 # the options are words
    exec "$JAVA" $(jvm_options) -cp "$cp" "${@:2}" org.gospelib.notifications.internal.NotificationsBenchmark
    ;;
  assistant)
    test_classpath
    # shellcheck disable=SC2046 # the options are words
    exec "$JAVA" $(jvm_options) -cp "$cp" "${@:2}" org.gospelib.assistant.internal.AssistantBenchmark
    ;;
  files)
    test_classpath
    # shellcheck disable=SC2046 # the options are words
    exec "$JAVA" $(jvm_options) -cp "$cp" "${@:2}" org.gospelib.files.internal.FilesBenchmark
    ;;
  crash-trial)
    require_jdk; ensure_maven; ensure_corpus
    exec mvn -B -Dtest=WorkerCrashTests -Dsurefire.failIfNoSpecifiedTests=false -Dgospelib.crash-trial.kills="${2:-100}" \
      test-compile surefire:test
    ;;
  passages) ;;
  *) echo "usage: $0 passages|gateway|pages|memory|fairness|jobs|webhooks|notifications|assistant|files|crash-trial [kills]|jmh [regex]|relevance|references|search-vs-postgres|graph-vs-postgres|study-sync" >&2; exit 2 ;;
esac

require_jdk; ensure_corpus; ensure_jar
apt_install wrk nginx-light
work=$(mktemp -d)
app_port=18080
nginx_port=18081
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say "starting GospeLib on 127.0.0.1:$app_port (data in target/bench-data)"
"$JAVA" $(jvm_options) -jar target/gospelib.jar serve \
  --port "$app_port" --data-dir target/bench-data >"$work/app.log" 2>&1 &
app_pid=$!
await_ready "$app_port" "$app_pid" "$work/app.log"

declare -A paths=(
  [chapter]="/v1/passages?ref=John%203&translations=KJV"
  [verse]="/v1/passages?ref=John%203:16&translations=KJV"
  [long-range]="/v1/passages?ref=Rom%205-8&translations=KJV,WEB"
)
mkdir -p "$work/html"
for name in "${!paths[@]}"; do
  curl -sf "http://127.0.0.1:$app_port${paths[$name]}" -o "$work/html/$name.json"
done
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/json json; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/html;
    etag on;
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"

rps() { wrk -t"$threads" -c"$connections" -d"$duration" "$1" | awk '/Requests\/sec/ {print $2}'; }
latency() { wrk -t"$threads" -c"$connections" -d"$duration" --latency "$1" | awk '/ 50%/ {p50=$2} / 99%/ {p99=$2} END {print p50, p99}'; }

printf '%-11s %12s %12s %7s   %s\n' case gospelib/s nginx/s ratio bytes
for name in chapter verse long-range; do
  curl -s "http://127.0.0.1:$app_port${paths[$name]}" >/dev/null  # warm
  wrk -t"$threads" -c"$connections" -d3s "http://127.0.0.1:$app_port${paths[$name]}" >/dev/null
  app=$(rps "http://127.0.0.1:$app_port${paths[$name]}")
  static=$(rps "http://127.0.0.1:$nginx_port/$name.json")
  ratio=$(awk -v a="$app" -v b="$static" 'BEGIN {printf "%.2f", a / b}')
  printf '%-11s %12s %12s %7s   %s\n' "$name" "$app" "$static" "$ratio" "$(stat -c %s "$work/html/$name.json")"
done

#!/usr/bin/env bash
# ./gospelib bench jobs: enqueue and processing rates of no-op jobs through GospeLib's job queue
# (db-scheduler on the embedded PostgreSQL, as the application runs it) and through BullMQ on a
# Redis started for the run on a loopback port, same machine, same run. Writes target/bench-jobs.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

require_jdk; ensure_maven; ensure_corpus
command -v redis-server >/dev/null || apt_install redis-server
command -v npm >/dev/null || apt_install nodejs npm
work=$(mktemp -d)
redis_port=${BENCH_REDIS_PORT:-16379}
cleanup() {
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

say "compiling the benchmark"
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

say "GospeLib's queue: threads ${BENCH_JOB_THREADS:-4,32}"
# shellcheck disable=SC2046 # the options are words
"$JAVA" $(jvm_options) -cp "$cp" -Dbench.threads="${BENCH_JOB_THREADS:-4,32}" \
  org.gospelib.jobs.internal.JobQueueBenchmark | grep '^{' >"$work/gospelib.jsonl"

node_dir=target/bench-node
if [ ! -d "$node_dir/node_modules/bullmq" ]; then
  say "installing BullMQ from npm into $node_dir"
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund bullmq@6.7.6 ioredis@6.1.0 >/dev/null)
fi
cp scripts/bench-jobs/bullmq.mjs "$node_dir/"
say "BullMQ: Redis on 127.0.0.1:$redis_port, worker concurrency 50"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --dir "$work" \
  --logfile "$work/redis.log"
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
(cd "$node_dir" && REDIS_PORT=$redis_port node bullmq.mjs) >"$work/bullmq.json"

python3 - "$work/gospelib.jsonl" "$work/bullmq.json" >target/bench-jobs.md <<'PY'
import json, sys
ours = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
bull = json.loads(open(sys.argv[2]).read())
print("| queue | enqueue one by one /s | enqueue in batches of 1,000 /s | processing /s | processing vs BullMQ |")
print("|---|---:|---:|---:|---:|")
for o in ours:
    print(f"| GospeLib, {o['threads']} threads | {o['enqueueOne']:,} | {o['enqueueBatch']:,} | {o['process']:,} | {o['process'] / bull['process']:.2f}x |")
print(f"| BullMQ, concurrency {bull['concurrency']} | {bull['enqueueOne']:,} | {bull['enqueueBatch']:,} | {bull['process']:,} | 1.00x |")
print()
print(f"{ours[0]['jobs']:,} no-op jobs per run; none left unprocessed: " + ", ".join(str(o['left'] == 0) for o in ours + [bull]) + ".")
PY
cat target/bench-jobs.md

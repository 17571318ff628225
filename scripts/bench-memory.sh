#!/usr/bin/env bash
# What GospeLib costs in memory and start time, started exactly as the launcher starts it (same JVM
# settings, same class cache), against the budgets: peak RSS ≤ 1024 MiB, steady RSS ≤ 768 MiB,
# live heap ≤ 300 MiB, restart → ready ≤ 5 s.
#  1. first start on a fresh, empty data directory (target/bench-memory-data): time to /readyz 200,
#     time until the KJV and WEB search indexes are semantic (built in the background after that),
#     peak RSS (sampled every 0.5 s), RSS and live heap (after a full collection) once fully ready;
#  2. three restarts on the same data directory: start → /readyz 200, RSS and live heap at ready;
#  3. a mixed read load (wrk, 2 threads, 16 connections) over thousands of distinct URLs: passages,
#     verses, lexical and semantic search, topics, lemmas, commentary, related verses and the web
#     reader's pages, for BENCH_MEMORY_DURATION seconds (600) in chunks of a minute, RSS after each;
#     this process runs with the rate limiter off (one address would be limited to 300 requests/min).
# Prints a markdown table and writes it to target/bench-memory.md; the servers' logs and the RSS
# samples stay in target/bench-memory-logs, the data directory in target/bench-memory-data.
# Environment: BENCH_MEMORY_DURATION (seconds of load, 600), BENCH_MEMORY_TIMEOUT (seconds any one
# wait for readiness may take, 1800), GOSPELIB_HEAP and GOSPELIB_JAVA_OPTS as for the launcher.
# Only 127.0.0.1 is loaded; every step is bounded in time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

duration=${BENCH_MEMORY_DURATION:-600}
wait_limit=${BENCH_MEMORY_TIMEOUT:-1800}
[[ "$duration" =~ ^[0-9]+$ && "$duration" -gt 0 ]] || { say "BENCH_MEMORY_DURATION must be a number of seconds"; exit 2; }
[[ "$wait_limit" =~ ^[0-9]+$ && "$wait_limit" -gt 0 ]] || { say "BENCH_MEMORY_TIMEOUT must be a number of seconds"; exit 2; }
port=18097
base="http://127.0.0.1:$port"
data="$root/target/bench-memory-data"
logs="$root/target/bench-memory-logs"
report="$root/target/bench-memory.md"
restarts=3
# the budgets (MiB, seconds)
peak_budget=1024 steady_budget=768 heap_budget=300 restart_budget=5

pid="" sampler="" work="" wrk_pid=""
if [ -n "${GOSPELIB_DB_URL:-}" ]; then
  say "ignoring GOSPELIB_DB_URL: the benchmark starts from an empty data directory with the embedded PostgreSQL"
  unset GOSPELIB_DB_URL
fi

# --- processes ---------------------------------------------------------------------------------

# A process that still runs (a zombie, exited but not yet waited for, has no VmRSS).
alive() { [ -n "${1:-}" ] && grep -q '^VmRSS:' "/proc/$1/status" 2>/dev/null; }

# Waits up to TENTHS tenths of a second for PID to end. It polls rather than using the wait builtin,
# which can block for good inside the exit trap when a signal interrupted a wait.
await_exit() { # pid tenths
  local deadline=$((${EPOCHREALTIME/[.,]/} + $2 * 100000))
  while alive "$1"; do
    [ "${EPOCHREALTIME/[.,]/}" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# The embedded PostgreSQL stops with the Java process that started it; one that outlived it (the
# Java process was killed, or an earlier run was) is stopped here, after a look that the pid in
# postmaster.pid really is a postgres.
stop_stray_postgres() {
  local file="$data/postgres/postmaster.pid" pg
  [ -f "$file" ] || return 0
  pg=$(head -1 "$file" 2>/dev/null || true)
  [[ "$pg" =~ ^[0-9]+$ ]] && alive "$pg" && grep -q postgres "/proc/$pg/comm" 2>/dev/null || return 0
  say "stopping the embedded PostgreSQL ($pg) left running"
  kill -INT "$pg" 2>/dev/null || true
  await_exit "$pg" 100 || kill -KILL "$pg" 2>/dev/null || true
}

# Samples the process's resident memory every 0.5 s into FILE, one line each:
# milliseconds since the sampling started, VmRSS, RssAnon, RssFile (KiB). Ends with the process.
start_sampler() { # pid file
  local target=$1 out=$2
  (
    t0=${EPOCHREALTIME/[.,]/}
    while :; do
      rss="" anon="" file=""
      while read -r key value _; do
        case $key in VmRSS:) rss=$value ;; RssAnon:) anon=$value ;; RssFile:) file=$value ;; esac
      done <"/proc/$target/status" 2>/dev/null || break
      [ -n "$rss" ] || break
      now=${EPOCHREALTIME/[.,]/}
      echo "$(((now - t0) / 1000)) $rss $anon $file"
      sleep 0.5
    done >"$out"
  ) &
  sampler=$!
}

stop_sampler() {
  [ -n "$sampler" ] || return 0
  kill "$sampler" 2>/dev/null || true
  await_exit "$sampler" 20 || true
  sampler=""
}

# Starts GospeLib as ./gospelib serve does, on the benchmark's data directory; LABEL names its log
# and its RSS samples. Sets $pid and $started_us (when it was started, in microseconds).
start_server() { # label [spring-arguments...]
  local label=$1; shift
  if curl -s -o /dev/null --max-time 2 "$base/"; then
    say "something already answers on 127.0.0.1:$port; stop it first"; exit 1
  fi
  started_us=${EPOCHREALTIME/[.,]/}
  # shellcheck disable=SC2086 # the options are words
  GOSPELIB_DATA_DIR="$data" "$JAVA" $java_opts $aot_opts ${GOSPELIB_JAVA_OPTS:-} -jar "$root/$app_jar" serve \
    --port "$port" "$@" >"$logs/$label.log" 2>&1 &
  pid=$!
  start_sampler "$pid" "$logs/rss-$label.tsv"
}

# SIGTERM, then up to 30 s for the process (and its embedded PostgreSQL) to stop, then SIGKILL.
stop_server() {
  stop_sampler
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    if ! await_exit "$pid" 300; then
      say "GospeLib ($pid) did not stop within 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      await_exit "$pid" 50 || true
    fi
    pid=""
  fi
  stop_stray_postgres
}

cleanup() {
  if [ -n "$wrk_pid" ]; then kill "$wrk_pid" 2>/dev/null || true; await_exit "$wrk_pid" 50 || true; fi
  stop_server
  [ -n "$work" ] && rm -rf "$work"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

elapsed_ms() { local now=${EPOCHREALTIME/[.,]/}; echo $(((now - started_us) / 1000)); }

died() { # label
  say "GospeLib stopped before it was ready; the end of $logs/$1.log:"
  tail -n 40 "$logs/$1.log" >&2
  exit 1
}

# Waits, polling every 0.1 s, until /readyz answers 200; sets $ready_ms (since the start).
wait_readyz() { # label
  local code
  while :; do
    code=$(curl -s -o "$logs/readyz.json" -w '%{http_code}' --max-time 2 "$base/readyz" || true)
    if [ "$code" = 200 ]; then ready_ms=$(elapsed_ms); return 0; fi
    alive "$pid" || died "$1"
    if [ "$(elapsed_ms)" -gt $((wait_limit * 1000)) ]; then
      say "GospeLib was not ready after $wait_limit s (BENCH_MEMORY_TIMEOUT); see $logs/$1.log"; exit 1
    fi
    sleep 0.1
  done
}

# True when the readiness JSON in FILE shows the KJV and WEB search indexes semantic; prints the
# state of every index.
semantic_ready() { # file
  python3 - "$1" <<'PY'
import json, sys
try:
    with open(sys.argv[1]) as f:
        indexes = json.load(f)["components"]["search"]["details"]["indexes"]
except (OSError, ValueError, KeyError, TypeError):
    print("no search indexes yet")
    sys.exit(1)
print(", ".join(f"{k}: {'semantic' if v.get('semantic') else 'lexical'}" for k, v in sorted(indexes.items())))
sys.exit(0 if all(indexes.get(t, {}).get("semantic") is True for t in ("KJV", "WEB")) else 1)
PY
}

# Waits, polling every second, until /readyz answers 200 with both English indexes semantic; sets
# $full_ms (since the start).
wait_semantic() { # label
  local code state last=0
  while :; do
    code=$(curl -s -o "$logs/readyz.json" -w '%{http_code}' --max-time 5 "$base/readyz" || true)
    if state=$(semantic_ready "$logs/readyz.json") && [ "$code" = 200 ]; then full_ms=$(elapsed_ms); return 0; fi
    alive "$pid" || died "$1"
    if [ "$(elapsed_ms)" -gt $((wait_limit * 1000)) ]; then
      say "the semantic indexes were not built after $wait_limit s (BENCH_MEMORY_TIMEOUT): $state"; exit 1
    fi
    if [ $(($(elapsed_ms) - last)) -ge 30000 ]; then
      last=$(elapsed_ms)
      say "$((last / 1000)) s: /readyz $code; $state"
    fi
    sleep 1
  done
}

# --- measurements ------------------------------------------------------------------------------

rss_now() { # pid → "VmRSS RssAnon RssFile" in KiB
  awk '/^VmRSS:/ {r=$2} /^RssAnon:/ {a=$2} /^RssFile:/ {f=$2} END {print r+0, a+0, f+0}' "/proc/$1/status"
}

# MiB used in the heap, from the output of jcmd PID GC.heap_info on stdin: the "used" of every
# generation (Serial: DefNew and Tenured; Parallel: PSYoungGen and ParOldGen; G1: the one
# garbage-first heap; ZGC: ZHeap), not Metaspace. Right after a full collection the young
# generation is about empty, so this is the old generation: the live heap.
heap_used_mb() {
  awk '/Metaspace|class space/ {next}
       match($0, /used [0-9]+[BKMG]/) {
         v = substr($0, RSTART + 5, RLENGTH - 5); unit = substr(v, length(v)); n = substr(v, 1, length(v) - 1) + 0
         kb += unit == "B" ? n / 1024 : unit == "K" ? n : unit == "M" ? n * 1024 : n * 1048576; found = 1
       }
       END { if (!found) exit 1; printf "%.0f\n", kb / 1024 }'
}

# The live heap of PID in MiB: a full collection (jcmd GC.run), then what the heap still holds.
live_heap_mb() { # pid
  local jcmd="$JAVA_HOME/bin/jcmd"
  timeout --foreground 120 "$jcmd" "$1" GC.run >/dev/null 2>&1 || return 1
  timeout --foreground 60 "$jcmd" "$1" GC.heap_info 2>/dev/null | heap_used_mb
}

peak_kb() { awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$1"; }
mib() { if [ -n "$1" ]; then awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; else echo "n/a"; fi; }
secs() { awk -v m="$1" 'BEGIN {printf "%.1f", m / 1000}'; }
# "met" when every VALUE is at most its LIMIT, "NOT met" when one is over, "n/a" when one is missing.
verdict() { # value limit [value limit...]
  local result=met
  while [ $# -ge 2 ]; do
    if [ -z "$1" ] || [ "$1" = n/a ]; then
      [ "$result" = met ] && result=n/a
    elif ! awk -v v="$1" -v l="$2" 'BEGIN {exit !(v + 0 <= l + 0)}'; then
      result="NOT met"
    fi
    shift 2
  done
  echo "$result"
}

# --- the mixed load ----------------------------------------------------------------------------

# Each request's path is drawn at random, so that a run asks thousands of distinct URLs. Counts the
# answers per class per thread (printed by done) and appends every path a thread asks for the
# first time in a run to WORKDIR/paths-<thread>.txt (distinct paths are counted from those).
write_load_script() { # file
  cat >"$1" <<'LUA'
local books = {
  {"Gen", 50}, {"Exod", 40}, {"Lev", 27}, {"Num", 36}, {"Deut", 34}, {"Josh", 24}, {"Judg", 21},
  {"Ruth", 4}, {"1Sam", 31}, {"2Sam", 24}, {"1Kgs", 22}, {"2Kgs", 25}, {"1Chr", 29}, {"2Chr", 36},
  {"Ezra", 10}, {"Neh", 13}, {"Esth", 10}, {"Job", 42}, {"Ps", 150}, {"Prov", 31}, {"Eccl", 12},
  {"Song", 8}, {"Isa", 66}, {"Jer", 52}, {"Lam", 5}, {"Ezek", 48}, {"Dan", 12}, {"Hos", 14},
  {"Joel", 3}, {"Amos", 9}, {"Obad", 1}, {"Jonah", 4}, {"Mic", 7}, {"Nah", 3}, {"Hab", 3},
  {"Zeph", 3}, {"Hag", 2}, {"Zech", 14}, {"Mal", 4}, {"Matt", 28}, {"Mark", 16}, {"Luke", 24},
  {"John", 21}, {"Acts", 28}, {"Rom", 16}, {"1Cor", 16}, {"2Cor", 13}, {"Gal", 6}, {"Eph", 6},
  {"Phil", 4}, {"Col", 4}, {"1Thess", 5}, {"2Thess", 3}, {"1Tim", 6}, {"2Tim", 4}, {"Titus", 3},
  {"Phlm", 1}, {"Heb", 13}, {"Jas", 5}, {"1Pet", 5}, {"2Pet", 3}, {"1John", 5}, {"2John", 1},
  {"3John", 1}, {"Jude", 1}, {"Rev", 22},
}
local words = {
  "love", "faith", "hope", "grace", "mercy", "peace", "joy", "light", "life", "death", "sin",
  "truth", "spirit", "heart", "soul", "lord", "god", "jesus", "christ", "father", "son", "holy",
  "king", "kingdom", "heaven", "earth", "water", "bread", "wine", "blood", "lamb", "shepherd",
  "sheep", "fire", "word", "law", "prophet", "priest", "temple", "house", "city", "israel",
  "jerusalem", "david", "moses", "abraham", "covenant", "promise", "salvation", "saved",
  "righteous", "righteousness", "wisdom", "fear", "glory", "power", "praise", "prayer", "pray",
  "blessed", "forgive", "repent", "believe", "children", "people", "nations", "war", "sword",
  "enemy", "servant", "mountain", "river", "sea", "sun", "night", "day", "morning", "flesh",
  "body", "eternal", "judgment", "judge", "angel", "devil", "evil", "good", "gold", "silver",
  "stone", "tree", "fruit", "seed", "harvest", "field", "wilderness", "gospel", "church",
  "apostle", "disciples", "cross", "resurrection", "baptized", "widow", "stranger", "mother",
}
local spanish = {
  "amor", "fe", "dios", "cielo", "tierra", "vida", "luz", "paz", "gracia", "pueblo", "rey",
  "padre", "hijo", "agua", "pan", "camino", "palabra", "verdad", "casa", "mundo",
}
local translation_sets = {"KJV", "WEB", "RV1909", "KJV,WEB", "KJV,RV1909", "WEB,RV1909"}
local threads, count = {}, 0

function setup(thread)
  count = count + 1
  thread:set("id", count)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id * 7919)
  passed, client_errors, limited, server_errors, distinct = 0, 0, 0, 0, 0
  seen = {}
  out = io.open(args[1] .. "/paths-" .. id .. ".txt", "a")
  out:setvbuf("line")
end

local function pick(list) return list[math.random(#list)] end

local function query(list)
  local q = pick(list)
  if math.random(3) == 1 then q = q .. "%20" .. pick(list) end
  return q
end

local function next_path()
  local book = pick(books)
  local b, c, v = book[1], math.random(book[2]), math.random(20)
  local r = math.random(100)
  if r <= 22 then
    local ref, shape = b .. "%20" .. c, math.random(3)
    if shape == 2 then ref = ref .. ":" .. v
    elseif shape == 3 then ref = ref .. ":" .. v .. "-" .. (v + math.random(10)) end
    return "/v1/passages?ref=" .. ref .. "&translations=" .. pick(translation_sets)
  elseif r <= 32 then
    return "/v1/verses/" .. b .. "." .. c .. "." .. v
  elseif r <= 50 then
    if math.random(8) == 1 then
      return "/v1/search?q=" .. query(words) .. "&translation=" .. pick({"KJV", "WEB"}) .. "&mode=semantic"
    end
    local t = pick({"KJV", "WEB", "RV1909"})
    return "/v1/search?q=" .. query(t == "RV1909" and spanish or words) .. "&translation=" .. t
  elseif r <= 56 then
    return "/v1/topics?q=" .. pick(words)
  elseif r <= 66 then
    if math.random(2) == 1 then return "/v1/lemmas/G" .. math.random(5624) end
    return "/v1/lemmas/H" .. math.random(8674)
  elseif r <= 74 then
    return "/v1/commentary?ref=" .. b .. "%20" .. c .. ":" .. v
  elseif r <= 82 then
    return "/v1/verses/" .. b .. "." .. c .. "." .. v .. "/related"
  elseif r <= 94 then
    return "/read/KJV/" .. b .. "/" .. c
  end
  return "/search?q=" .. query(words)
end

function request()
  local path = next_path()
  if not seen[path] then
    seen[path] = true
    distinct = distinct + 1
    out:write(path, "\n")
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status < 400 then passed = passed + 1
  elseif status < 500 then
    client_errors = client_errors + 1
    if status == 429 then limited = limited + 1 end
  else server_errors = server_errors + 1 end
end

function done(summary, latency, requests)
  local totals = {passed = 0, client_errors = 0, limited = 0, server_errors = 0, distinct = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + (tonumber(thread:get(name)) or 0) end
  end
  io.write(string.format("load-status ok=%d 4xx=%d 429=%d 5xx=%d distinct-per-thread=%d\n", totals.passed,
    totals.client_errors, totals.limited, totals.server_errors, totals.distinct))
end
LUA
}

# --- the run -----------------------------------------------------------------------------------

require_jdk; ensure_corpus; ensure_jar; ensure_aot_cache
command -v wrk >/dev/null || apt_install wrk
command -v python3 >/dev/null || apt_install python3
java_opts=$(jvm_options)
[ -x "$JAVA_HOME/bin/jcmd" ] || { say "no jcmd in $JAVA_HOME/bin: a JDK is needed, not a JRE"; exit 1; }

mkdir -p "$root/target"
stop_stray_postgres
rm -rf "$data" "$logs"
mkdir -p "$data" "$logs"
work=$(mktemp -d)

# 1. first start on an empty data directory
say "first start on an empty data directory (target/bench-memory-data): ingest, then the semantic indexes; minutes"
start_server first-start
wait_readyz first-start
first_ready_ms=$ready_ms
say "/readyz 200 after $(secs "$first_ready_ms") s; waiting for the semantic indexes of KJV and WEB"
wait_semantic first-start
first_full_ms=$full_ms
read -r full_rss full_anon full_file <<<"$(rss_now "$pid")"
full_heap=$(live_heap_mb "$pid") || full_heap=""
stop_sampler
first_peak=$(peak_kb "$logs/rss-first-start.tsv")
say "fully ready after $(secs "$first_full_ms") s: RSS $(mib "$full_rss") MiB, live heap ${full_heap:-n/a} MiB"
stop_server

# 2. restarts on the same data directory
restart_times=() restart_rss=() restart_heap=()
for run in $(seq 1 "$restarts"); do
  start_server "restart-$run"
  wait_readyz "restart-$run"
  read -r rss _ _ <<<"$(rss_now "$pid")"
  heap=$(live_heap_mb "$pid") || heap=""
  restart_times+=("$ready_ms") restart_rss+=("$rss") restart_heap+=("${heap:-n/a}")
  say "restart $run: /readyz 200 after $(secs "$ready_ms") s; RSS $(mib "$rss") MiB, live heap ${heap:-n/a} MiB"
  stop_server
done

# 3. the mixed load, on a process started the same way but with the rate limiter off
say "starting GospeLib for the load with --gospelib.rate-limit.enabled=false"
start_server load --gospelib.rate-limit.enabled=false
wait_readyz load
load_ready_ms=$ready_ms
stop_sampler
write_load_script "$work/load.lua"
start_sampler "$pid" "$logs/rss-load.tsv"
say "mixed load for $duration s (wrk -t2 -c16, in chunks of 60 s)"
minutes_table="| minute | requests | req/s | 5xx | RSS MiB |"$'\n'"| ---: | ---: | ---: | ---: | ---: |"
total_requests=0 total_ok=0 total_4xx=0 total_429=0 total_5xx=0 total_socket_errors=0 total_timeouts=0 load_ms=0
remaining=$duration chunk=0
while [ "$remaining" -gt 0 ]; do
  chunk=$((chunk + 1))
  seconds=$((remaining < 60 ? remaining : 60))
  remaining=$((remaining - seconds))
  chunk_start=${EPOCHREALTIME/[.,]/}
  # in the background, so that a signal to this script stops it at once (see cleanup)
  timeout --foreground $((seconds + 60)) wrk -t2 -c16 -d"${seconds}s" --timeout 10s -s "$work/load.lua" "$base" \
    -- "$work" >"$logs/wrk-$chunk.txt" 2>&1 &
  wrk_pid=$!
  if ! wait "$wrk_pid"; then
    wrk_pid=""; say "wrk failed:"; cat "$logs/wrk-$chunk.txt" >&2; exit 1
  fi
  wrk_pid=""
  chunk_end=${EPOCHREALTIME/[.,]/}
  load_ms=$((load_ms + (chunk_end - chunk_start) / 1000))
  alive "$pid" || died load
  requests=$(awk '/ requests in / {print $1}' "$logs/wrk-$chunk.txt")
  read -r ok c4xx c429 c5xx <<<"$(sed -n 's/^load-status ok=\([0-9]*\) 4xx=\([0-9]*\) 429=\([0-9]*\) 5xx=\([0-9]*\).*/\1 \2 \3 \4/p' "$logs/wrk-$chunk.txt")"
  read -r socket_errors timeouts <<<"$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10, $10}' "$logs/wrk-$chunk.txt")"
  total_requests=$((total_requests + ${requests:-0})) total_ok=$((total_ok + ${ok:-0}))
  total_4xx=$((total_4xx + ${c4xx:-0})) total_429=$((total_429 + ${c429:-0})) total_5xx=$((total_5xx + ${c5xx:-0}))
  total_socket_errors=$((total_socket_errors + ${socket_errors:-0})) total_timeouts=$((total_timeouts + ${timeouts:-0}))
  read -r rss _ _ <<<"$(rss_now "$pid")"
  rate=$(awk -v n="${requests:-0}" -v us="$((chunk_end - chunk_start))" 'BEGIN {printf "%.0f", n * 1000000 / us}')
  minutes_table+=$'\n'"| $chunk | ${requests:-0} | $rate | ${c5xx:-0} | $(mib "$rss") |"
  say "minute $chunk: ${requests:-0} requests ($rate/s), ${c5xx:-0} 5xx, RSS $(mib "$rss") MiB"
done
stop_sampler
load_peak=$(peak_kb "$logs/rss-load.tsv")
read -r after_rss _ _ <<<"$(rss_now "$pid")"
after_heap=$(live_heap_mb "$pid") || after_heap=""
distinct=$(cat "$work"/paths-*.txt 2>/dev/null | sort -u | wc -l) || distinct=0
stop_server

# --- the report --------------------------------------------------------------------------------

max_of() { printf '%s\n' "$@" | awk '$1 == "n/a" {na = 1} $1 != "n/a" && (!seen || $1 + 0 > m) {m = $1 + 0; seen = 1}
  END {print na ? "n/a" : m}'; }
restart_list=$(for t in "${restart_times[@]}"; do printf '%s s, ' "$(secs "$t")"; done)
restart_list=${restart_list%, }
restart_worst=$(secs "$(max_of "${restart_times[@]}")")
restart_rss_worst=$(mib "$(max_of "${restart_rss[@]}")")
restart_heap_worst=$(max_of "${restart_heap[@]}")
first_peak_mb=$(mib "$first_peak") full_rss_mb=$(mib "$full_rss") after_rss_mb=$(mib "$after_rss")
load_peak_mb=$(mib "$load_peak") full_heap=${full_heap:-n/a} after_heap=${after_heap:-n/a}
load_span="$((duration / 60)) min"; [ $((duration % 60)) -eq 0 ] || load_span="$duration s"
load_rate=$(awk -v n="$total_requests" -v m="$load_ms" 'BEGIN {printf "%.0f", (m > 0 ? n * 1000 / m : 0)}')
no_5xx=met; [ "$total_5xx" -eq 0 ] || no_5xx="NOT met"
settings="$java_opts${aot_opts:+ $aot_opts}${GOSPELIB_JAVA_OPTS:+ $GOSPELIB_JAVA_OPTS}"
{
  echo "# GospeLib memory: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(memory_available_mb) MiB available"
  echo
  echo "Mixed load (wrk -t2 -c16, rate limiter off), RSS after each minute:"
  echo
  echo "$minutes_table"
  echo
  echo "| measure | value | budget | |"
  echo "| --- | --- | --- | --- |"
  echo "| first start: peak RSS | $first_peak_mb MiB | ≤ $peak_budget MiB | $(verdict "$first_peak_mb" $peak_budget) |"
  echo "| first start: /readyz 200 after | $(secs "$first_ready_ms") s | | |"
  echo "| first start: fully ready (semantic indexes) after | $(secs "$first_full_ms") s | | |"
  echo "| at fully ready: RSS | $full_rss_mb MiB (anon $(mib "$full_anon"), file $(mib "$full_file")) | ≤ $steady_budget MiB |" \
    "$(verdict "$full_rss_mb" $steady_budget) |"
  echo "| at fully ready: live heap | $full_heap MiB | ≤ $heap_budget MiB | $(verdict "$full_heap" $heap_budget) |"
  echo "| restart → ready ($restarts runs) | $restart_list | ≤ $restart_budget s | $(verdict "$restart_worst" $restart_budget) |"
  echo "| at ready after restart: RSS / live heap (worst of $restarts) | $restart_rss_worst / $restart_heap_worst MiB |" \
    "≤ $steady_budget / ≤ $heap_budget MiB | $(verdict "$restart_rss_worst" $steady_budget "$restart_heap_worst" $heap_budget) |"
  echo "| after $load_span mixed load: RSS / live heap / peak RSS | $after_rss_mb / $after_heap / $load_peak_mb MiB |" \
    "≤ $steady_budget / ≤ $heap_budget / ≤ $peak_budget MiB |" \
    "$(verdict "$after_rss_mb" $steady_budget "$after_heap" $heap_budget "$load_peak_mb" $peak_budget) |"
  echo "| requests / 5xx | $total_requests ($load_rate/s) / $total_5xx; 4xx $total_4xx (429: $total_429)," \
    "socket errors $total_socket_errors (timeouts $total_timeouts), $distinct distinct paths | no 5xx | $no_5xx |"
  echo "| JVM settings | \`$settings\`, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX | | |"
  echo
  echo "RSS is the Java process's (the embedded PostgreSQL runs as processes of its own). Live heap: what the"
  echo "heap holds right after a full collection (jcmd GC.run, then GC.heap_info). The load's process was"
  echo "started with --gospelib.rate-limit.enabled=false (ready after $(secs "$load_ready_ms") s); the others as"
  echo "./gospelib serve starts them."
} | tee "$report"
say "written to target/bench-memory.md; logs and RSS samples in target/bench-memory-logs"

# Shared by the launcher and the test script: find a JDK 25, install the corpus, build the jar.
# Every step says what it does, and does nothing when there is nothing to do.

say() { printf '\033[1mgospelib:\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else say "need root to run: $*"; return 1; fi
}

apt_install() {
  local missing=() installed
  # one dpkg-query for all the packages (a restart should not pay a process per package); it exits
  # non-zero when any of them is unknown, as all are on a fresh machine, which is no failure here
  installed=$( (dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true) | awk '$2 == "installed" {print $1}')
  for p in "$@"; do grep -qx "$p" <<<"$installed" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { say "please install: ${missing[*]} (no apt-get here)"; return 1; }
  say "installing ${missing[*]} (Debian packages)"
  as_root apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# A JDK's major version, from its release file when it has one (no JVM started for it).
java_major() {
  local release major
  release=$(dirname "$(dirname "$1")")/release
  if [ -f "$release" ]; then
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
    [ -n "$major" ] && { echo "$major"; return; }
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p'
}

require_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/jdk-25*)
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/java" ] && [ "$(java_major "$home/bin/java")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$home" JAVA="$home/bin/java"
      return 0
    fi
  done
  say "GospeLib needs a JDK 25 or newer; set JAVA_HOME to one (e.g. Temurin 25)"
  exit 1
}

# Memory the process may use: the container's limit (cgroup v2 or v1) when there is one,
# otherwise the machine's memory. Prints mebibytes.
memory_available_mb() {
  local limit="" total
  if [ -r /sys/fs/cgroup/memory.max ]; then limit=$(cat /sys/fs/cgroup/memory.max)
  elif [ -r /sys/fs/cgroup/memory/memory.limit_in_bytes ]; then limit=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)
  fi
  total=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo 2>/dev/null || echo 4096)
  if [[ "$limit" =~ ^[0-9]+$ ]] && [ $((limit / 1048576)) -lt "$total" ]; then echo $((limit / 1048576))
  else echo "$total"; fi
}

# The default heap follows the memory available: half of it, at least 256 MB (below that the
# corpus and its indexes do not fit) and at most 384 MB. GospeLib's live heap stays under 250 MB
# under load with every cache full, and a larger heap only fills with garbage between full
# collections, which costs resident memory (docs/performance.md). GOSPELIB_HEAP overrides it
# (e.g. 512m, 2g).
default_heap() {
  local half=$(( $(memory_available_mb) / 2 ))
  [ "$half" -gt 384 ] && half=384
  if [ "$half" -lt 256 ]; then
    say "only $(( half * 2 )) MB of memory available; GospeLib needs about 768 MB (heap of 256 MB)"
    half=256
  fi
  echo "${half}m"
}

# The JVM settings of every GospeLib process: the launcher's, the benchmarks' and the test
# suite's, so that tests see what users get. The serial collector has the smallest footprint for
# a heap this size on two cores; a young generation of at most 48 MB (every page of it is touched
# between two collections) and the free-ratio bounds keep the committed heap near the live one and
# hand memory back after the one-off work of a first start; the native heap is trimmed every
# minute (the embedding runtime frees what a batch used); an OutOfMemoryError ends the process (a
# supervisor or the next ./gospelib starts it again) instead of leaving it half-alive; two glibc
# malloc arenas instead of eight per core keep native memory small.
jvm_options() {
  echo "-Xmx${GOSPELIB_HEAP:-$(default_heap)} -XX:MaxNewSize=48m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10" \
    "-XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=60000 -XX:+ExitOnOutOfMemoryError" \
    "-XX:ReservedCodeCacheSize=96m --enable-native-access=ALL-UNNAMED"
}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# The public-domain SWORD modules GospeLib reads (never committed: installed from Debian).
CORPUS_PACKAGES=(sword-text-kjv sword-text-web sword-text-sparv sword-dict-naves sword-dict-strongs-greek
  sword-dict-strongs-hebrew sword-comm-mhcc sword-comm-scofield sword-comm-tdavid)

# The fonts study exports (PDF) and verse share images are drawn with (Latin, Greek, Hebrew, Spanish diacritics).
FONT_PACKAGES=(fonts-dejavu-core)

ensure_corpus() {
  apt_install "${FONT_PACKAGES[@]}"
  if [ -n "${GOSPELIB_INGEST_SWORD_PATH:-}" ] && [ "${GOSPELIB_INGEST_SWORD_PATH}" != /usr/share/sword ]; then
    return 0
  fi
  apt_install "${CORPUS_PACKAGES[@]}"
}

ensure_maven() {
  command -v mvn >/dev/null || apt_install maven
}

ensure_jar() {
  local jar=target/gospelib.jar
  if [ -f "$jar" ] && [ -z "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then return 0; fi
  ensure_maven
  say "building the application (mvn package)…"
  mvn -q -B -DskipTests package
}

# The JVM's ahead-of-time cache of loaded and linked classes (JEP 483/514) roughly halves the
# Spring start. It needs the jar extracted and one training run that starts the context and
# exits; the cache is rebuilt whenever the jar or the JDK changes. Sets $app_jar and $aot_opts.
# GOSPELIB_AOT_CACHE=false skips it.
ensure_aot_cache() {
  local jar=target/gospelib.jar dir=target/app
  app_jar=$jar aot_opts=""
  [ "${GOSPELIB_AOT_CACHE:-true}" = true ] || return 0
  if [ ! -f "$dir/gospelib.jar" ] || [ "$jar" -nt "$dir/gospelib.jar" ]; then
    rm -rf "$dir"
    "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
  fi
  local cache=$dir/gospelib.aot stamp=$dir/gospelib.aot.jdk
  if [ ! -f "$cache" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$JAVA $(jvm_options)" ]; then
    say "training the JVM's class cache (once per build, about 20 s)…"
    local scratch
    scratch=$(mktemp -d)
    # A throwaway data directory: the training run starts the context (and an embedded
    # PostgreSQL) and exits once it is refreshed, before any ingest or request.
    # shellcheck disable=SC2046 # the options are words
    if "$JAVA" $(jvm_options) -XX:AOTCacheOutput="$cache" \
        -Dspring.context.exit=onRefresh -jar "$PWD/$dir/gospelib.jar" serve --gospelib.data-dir="$scratch" \
        --server.port=0 --gospelib.ingest.on-start=never --gospelib.search.semantic.enabled=false \
        >"$dir/aot-training.log" 2>&1 && [ -f "$cache" ]; then
      echo "$JAVA $(jvm_options)" >"$stamp"
    else
      say "could not build the class cache (see $dir/aot-training.log); starting without it"
      rm -f "$cache"
    fi
    if [ -f "$scratch/postgres/postmaster.pid" ]; then
      kill "$(head -1 "$scratch/postgres/postmaster.pid")" 2>/dev/null || true
      sleep 1
    fi
    rm -rf "$scratch"
  fi
  app_jar=$dir/gospelib.jar
  [ -f "$cache" ] && aot_opts="-XX:AOTCache=$cache"
  return 0
}

# Waits until a GospeLib process on 127.0.0.1:PORT reports ready; if the process PID dies first,
# prints its LOG and fails. The benchmarks start their servers with it.
await_ready() { # port pid log
  local port=$1 pid=$2 log=$3
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log"; return 1; }
    sleep 0.5
  done
  say "GospeLib on :$port did not get ready"; return 1
}

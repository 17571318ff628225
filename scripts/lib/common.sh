# Shared by the launcher and the test script: find a JDK 25, install the corpus, build the jar.
# Every step says what it does, and does nothing when there is nothing to do.

say() { printf '\033[1mgospelib:\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else say "need root to run: $*"; return 1; fi
}

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { say "please install: ${missing[*]} (no apt-get here)"; return 1; }
  say "installing ${missing[*]} (Debian packages)"
  as_root apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p'; }

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

# The public-domain SWORD modules GospeLib reads (never committed: installed from Debian).
CORPUS_PACKAGES=(sword-text-kjv sword-text-web sword-text-sparv sword-dict-naves sword-dict-strongs-greek
  sword-dict-strongs-hebrew sword-comm-mhcc sword-comm-scofield sword-comm-tdavid)

ensure_corpus() {
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

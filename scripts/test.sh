#!/usr/bin/env bash
# Runs GospeLib's whole test suite, first installing what it needs: a JDK 25 (must exist),
# Maven, the SWORD corpus, SWORD's own export tool (mod2imp), which the cross-check test
# compares our reader against, and Debian's Chromium, which the browser tests drive. The tests start their own embedded PostgreSQL unless
# GOSPELIB_TEST_DB_URL names an external one.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

require_jdk
ensure_maven
ensure_corpus
apt_install libsword-utils chromium
say "running the test suite with $JAVA_HOME"
# The application under test runs with the launcher's own JVM settings (heap included).
say "JVM settings of the application under test: $(jvm_options)"
exec mvn -B -ntp verify -Dgospelib.jvm.options="$(jvm_options)" "$@"

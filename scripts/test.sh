#!/usr/bin/env bash
# Runs GospeLib's whole test suite, first installing what it needs: a JDK 25 (must exist),
# Maven, the SWORD corpus, SWORD's own export tool (mod2imp), which the cross-check test
# compares our reader against, Debian's Chromium, which the browser tests drive, Redis's server,
# and the Standard Webhooks reference library from npm. The tests start their own embedded
# PostgreSQL unless GOSPELIB_TEST_DB_URL names an external one, and their own Redis server unless
# GOSPELIB_TEST_REDIS_URL names one.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

require_jdk
ensure_maven
ensure_corpus
apt_install libsword-utils chromium redis-server
# The Standard Webhooks reference library (JavaScript), which checks our webhook signatures
# independently of our own code.
command -v npm >/dev/null || apt_install nodejs npm
if [ ! -d target/webhook-verifier/node_modules/standardwebhooks ]; then
  say "installing the Standard Webhooks reference library from npm (target/webhook-verifier)"
  mkdir -p target/webhook-verifier
  (cd target/webhook-verifier && npm init -y >/dev/null && npm install --silent --no-audit --no-fund standardwebhooks@1.3.0 >/dev/null)
fi
# Google's Pub/Sub emulator (a component of the Google Cloud CLI, not a Debian package) carries the
# topics test; without it that test fails and says so.
gcloud_bin=$(command -v gcloud || true)
if [ -z "$gcloud_bin" ] || ! ls "$(dirname "$(readlink -f "$gcloud_bin")")"/../platform/pubsub-emulator/lib/cloud-pubsub-emulator-*-all.jar >/dev/null 2>&1; then
  say "the Pub/Sub emulator is missing: install the Google Cloud CLI with its pubsub-emulator component" \
    "(https://cloud.google.com/sdk/docs/install, then: gcloud components install pubsub-emulator); the topics test will fail"
fi
say "running the test suite with $JAVA_HOME"
# The application under test runs with the launcher's own JVM settings (heap included).
say "JVM settings of the application under test: $(jvm_options)"
exec mvn -B -ntp verify -Dgospelib.jvm.options="$(jvm_options)" "$@"

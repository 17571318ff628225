#!/usr/bin/env bash
# The image's entrypoint: java with the launcher's JVM settings (the heap from the container's
# memory limit, GOSPELIB_HEAP to override) and the class cache trained when the image was built.
# Arguments are GospeLib's: serve [--services=…], worker, ingest [--full].
set -euo pipefail
source /opt/gospelib/lib/common.sh
cache=/opt/gospelib/aot/gospelib.aot
if [ "${GOSPELIB_AOT_TRAINING:-false}" = true ]; then
  # at build time: start the context, exit, and write the cache
  aot=(-XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh)
elif [ -f "$cache" ]; then
  aot=(-XX:AOTCache="$cache")
else
  aot=()
fi
[ $# -eq 0 ] && set -- serve
# shellcheck disable=SC2046 # the options are words
exec /opt/java/bin/java $(jvm_options) "${aot[@]}" ${GOSPELIB_JAVA_OPTS:-} -jar /opt/gospelib/app/gospelib.jar "$@"

#!/usr/bin/env bash
# healthcheck PORT [PATH]: exits 0 when http://127.0.0.1:PORT/PATH answers 200 (default /readyz).
# The image has no curl; bash's /dev/tcp is enough for one plain request.
set -euo pipefail
port=${1:?port} path=${2:-/readyz}
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
[[ "$status" == "HTTP/1.1 200"* ]]

#!/usr/bin/env bash
# Regenerates the versification tables in src/main/resources from the SWORD library's built-in
# systems. Needs Debian's libsword-dev and g++. The output is data (book order, verse counts,
# verse mappings), committed so that GospeLib never needs libsword at run time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../src/main/resources/org/gospelib/scripture/versification"
tmp=$(mktemp -d)
g++ -O1 -o "$tmp/dump" "$here/dump-versification.cpp" $(pkg-config --cflags --libs sword)
"$tmp/dump" "$out"
# a mapping file with only its header line maps nothing
for f in "$out"/*.to-kjv; do [ "$(wc -l < "$f")" -le 1 ] && rm "$f"; done
rm -rf "$tmp"
echo "versification tables written to $out"

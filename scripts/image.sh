#!/usr/bin/env bash
# Builds GospeLib's OCI image from deploy/image/Containerfile without a container engine:
# buildah (chroot isolation) with base images made here from Debian's packages by mmdebstrap —
# a minimal Debian bookworm, and the same with this machine's JDK 25 at /opt/java/openjdk (where
# Temurin's official image keeps it), so the file builds unchanged with Docker elsewhere.
# Tags the image gospelib:<commit> (and gospelib:dev) in buildah's local storage; prints the tag.
#   ./gospelib image             build (bases are made once and reused)
#   GOSPELIB_IMAGE_REBUILD_BASES=true ./gospelib image   make the bases again
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/common.sh
# stdout carries only the tag, at the end; everything said on the way goes to stderr
exec 3>&1 1>&2

require_jdk
ensure_jar
apt_install buildah mmdebstrap

base=localhost/gospelib-base:bookworm
jdk=localhost/gospelib-jdk:25
work=target/image
mkdir -p "$work"

has_image() { buildah inspect --type image "$1" >/dev/null 2>&1; }

if [ "${GOSPELIB_IMAGE_REBUILD_BASES:-false}" = true ] || ! has_image "$base"; then
  say "making the base image $base from Debian's packages (mmdebstrap, minbase bookworm)"
  rm -f "$work/base.tar"
  mmdebstrap --quiet --variant=minbase --include=ca-certificates bookworm "$work/base.tar" \
    "deb http://deb.debian.org/debian bookworm main" \
    "deb http://deb.debian.org/debian bookworm-updates main" \
    "deb http://deb.debian.org/debian-security bookworm-security main"
  ctr=$(buildah from scratch)
  buildah add --quiet "$ctr" "$work/base.tar" / >/dev/null
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --cmd /bin/bash "$ctr"
  buildah commit --quiet --rm "$ctr" "$base" >/dev/null
  rm -f "$work/base.tar"
fi
if [ "${GOSPELIB_IMAGE_REBUILD_BASES:-false}" = true ] || ! has_image "$jdk"; then
  say "making the JDK image $jdk from $JAVA_HOME"
  # links followed: a packaged JDK links files such as its CA certificates to the host's
  rm -rf "$work/jdk"
  cp -rL "$(readlink -f "$JAVA_HOME")" "$work/jdk"
  ctr=$(buildah from "$base")
  buildah copy --quiet "$ctr" "$work/jdk" /opt/java/openjdk >/dev/null
  buildah commit --quiet --rm "$ctr" "$jdk" >/dev/null
  rm -rf "$work/jdk"
fi

revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
[ -n "$(git status --porcelain 2>/dev/null)" ] && revision="$revision-dirty"
tag=gospelib:${revision:0:12}
say "building $tag (deploy/image/Containerfile)"
buildah bud --isolation chroot --layers --force-rm -f deploy/image/Containerfile \
  --build-arg JDK_IMAGE="$jdk" --build-arg BASE_IMAGE="$base" --build-arg REVISION="$revision" \
  --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" -t "$tag" -t gospelib:dev . >"$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log" >&2; say "the image build failed; see $work/build.log"; exit 1; }
echo "$tag" >&3

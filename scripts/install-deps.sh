#!/usr/bin/env bash
# Installs the Debian packages the integration tests need for their local S3 server (scripts/local-s3.sh):
# Ceph's RADOS Gateway, monitor and OSD (Ceph 16.2 on Debian 12) and python3. Does nothing when every program
# is already there. Runs as root (or through sudo), non-interactively.
set -euo pipefail

packages=(radosgw ceph-common ceph-mon ceph-osd python3)
# program -> package that provides it
declare -A provider=(
  [radosgw]=radosgw [radosgw-admin]=radosgw [ceph]=ceph-common [ceph-mon]=ceph-mon [monmaptool]=ceph-mon
  [ceph-osd]=ceph-osd [python3]=python3
)

missing=()
for program in "${!provider[@]}"; do
  command -v "$program" >/dev/null 2>&1 || missing+=("$program")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: everything is installed (${packages[*]})"
  exit 0
fi

echo "install-deps: missing ${missing[*]}; installing ${packages[*]} with apt-get"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: run me as root (no sudo here)" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
echo "install-deps: installed ${packages[*]} in $((SECONDS - start))s"

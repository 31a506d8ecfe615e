#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, each part only when it is missing:
# - the Debian packages of the integration tests' local S3 server (scripts/local-s3.sh): Ceph's RADOS Gateway,
#   monitor and OSD (Ceph 16.2 on Debian 12) and python3; as root (or through sudo), non-interactively;
# - PowerShell 7.6.9 as a dotnet tool in .tools/pwsh (the installed tests import the module in it).
set -euo pipefail
cd "$(dirname "$0")/.."

pwsh_version=7.6.9
install_pwsh() {
  local folder=.tools/pwsh
  if [ -x "$folder/pwsh" ] && "$folder/pwsh" -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null | grep -qx "$pwsh_version"; then
    echo "install-deps: PowerShell $pwsh_version is installed ($folder/pwsh)"
    return 0
  fi
  echo "install-deps: installing PowerShell $pwsh_version as a dotnet tool into $folder"
  rm -rf "$folder"
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet tool install PowerShell --version "$pwsh_version" --tool-path "$folder" >/dev/null
  "$folder/pwsh" -NoProfile -NonInteractive -Command '"install-deps: pwsh " + $PSVersionTable.PSVersion.ToString() + " runs"'
}
install_pwsh

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

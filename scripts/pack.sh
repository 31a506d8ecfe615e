#!/usr/bin/env bash
# Packs what LakeCircle ships, and nothing else, into artifacts/packages/:
#   LakeCircle.Core.<version>.nupkg (+ .snupkg)   the library
#   LakeCircle.Cli.<version>.nupkg                the `lakecircle` dotnet tool: points at one package per runtime,
#   LakeCircle.Cli.linux-x64.<version>.nupkg (+ .snupkg)   ReadyToRun-compiled for linux-x64 (fast start-up),
#   LakeCircle.Cli.any.<version>.nupkg       (+ .snupkg)   portable, for every other platform
#   LakeCircle.PowerShell.<version>.zip           the PowerShell module folder (LakeCircle/), also left unzipped
#                                                 in artifacts/module/LakeCircle
# Only the shipped projects are built (no test or benchmark project). The version is the one of
# Directory.Build.props. Usage: scripts/pack.sh [--configuration Release] [--output DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

configuration=Release
output=artifacts/packages
while [ $# -gt 0 ]; do
  case "$1" in
    -c|--configuration) configuration="$2"; shift 2 ;;
    -o|--output) output="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pack.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

start=$SECONDS
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' build/Version.props)"
mkdir -p "$output"
output="$(cd "$output" && pwd)"
# Only this version's files: a package left from another version would be installed by mistake.
rm -f "$output"/LakeCircle.*.nupkg "$output"/LakeCircle.*.snupkg "$output"/LakeCircle.*.zip

for project in src/LakeCircle.Core/LakeCircle.Core.csproj src/LakeCircle.Cli/LakeCircle.Cli.csproj; do
  dotnet pack "$project" -c "$configuration" --nologo -v quiet -p:PackageOutputPath="$output"
done

module_root=artifacts/module
rm -rf "$module_root/LakeCircle"
dotnet publish src/LakeCircle.PowerShell/LakeCircle.PowerShell.csproj -c "$configuration" --nologo -v quiet -o "$module_root/LakeCircle"
python3 - "$module_root" "$output/LakeCircle.PowerShell.$version.zip" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, _, files in sorted(os.walk(os.path.join(root, "LakeCircle"))):
        for name in sorted(files):
            path = os.path.join(folder, name)
            archive.write(path, os.path.relpath(path, root))
PY

echo "pack.sh: LakeCircle $version packed in $((SECONDS - start))s into $output:"
for file in "$output"/LakeCircle.*."$version".*; do
  printf '  %-48s %8d KiB\n' "$(basename "$file")" "$(( ($(stat -c %s "$file") + 1023) / 1024 ))"
done

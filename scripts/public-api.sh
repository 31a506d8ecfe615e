#!/usr/bin/env bash
# Declares the public API the build reports as undeclared (RS0016) in src/LakeCircle.Core/PublicAPI.Unshipped.txt.
# Run it after a deliberate change of the public surface, then review the diff of that file: it is the API change.
set -euo pipefail
cd "$(dirname "$0")/.."
file=src/LakeCircle.Core/PublicAPI.Unshipped.txt
new="$(dotnet build src/LakeCircle.Core -c Release --nologo 2>&1 |
  grep -oE "error RS0016: Symbol '.*' is not part of the declared public API" |
  sed -E "s/error RS0016: Symbol '(.*)' is not part of the declared public API/\1/" | sort -u || true)"
if [ -z "$new" ]; then
  echo "public-api.sh: nothing undeclared"
  exit 0
fi
{ head -n 1 "$file"; { tail -n +2 "$file"; printf '%s\n' "$new"; } | sed '/^$/d' | sort -u; } >"$file.tmp"
mv "$file.tmp" "$file"
printf '%s\n' "$new" | sed 's/^/declared: /'

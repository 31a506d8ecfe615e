#!/usr/bin/env bash
# Runs the whole LakeCircle test suite and prints one closing line "N passed, N failed" summed over every test
# project: unit, CLI and integration tests, and the installed tests, which pack what ships (scripts/pack.sh) and test
# it as installed: the dotnet tool, the sample built against the library's package, the PowerShell module in a real
# pwsh (PowerShell 7.6.9 as a dotnet tool in .tools/pwsh, installed by scripts/install-deps.sh). Exits non-zero
# when any test fails or cannot run.
# The integration tests run against a local S3 server (scripts/local-s3.sh) started here and stopped on exit;
# its endpoint and keys reach the tests as AWS_* and LCC_TEST_S3_* environment variables.
set -euo pipefail
cd "$(dirname "$0")/.."

configuration="${CONFIGURATION:-Release}"
results="$(mktemp -d)"
local_s3_started=0
cleanup() {
  if [ "$local_s3_started" -eq 1 ]; then
    scripts/local-s3.sh stop >/dev/null || echo "test.sh: could not stop the local S3 server" >&2
  fi
  rm -rf "$results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

dotnet build LakeCircle.sln -c "$configuration" --nologo -v quiet

# The integration tests' server: install its Debian packages when any is missing (says what it installs; a no-op
# when all are there).
scripts/install-deps.sh

if scripts/local-s3.sh status >/dev/null 2>&1; then
  echo "test.sh: using the local S3 server that is already running (left running afterwards)"
else
  local_s3_started=1
  if ! scripts/local-s3.sh start; then
    echo "test.sh: the local S3 server for the integration tests did not start (see above); no test ran" >&2
    exit 1
  fi
fi
# Only the LCC_TEST_S3_* variables reach the tests: the AWS_* ones (endpoint, keys) would leak into every SDK client
# the unit tests build, which must not depend on the machine they run on.
# shellcheck disable=SC1090
. <(scripts/local-s3.sh env | grep '^export LCC_TEST_S3_')

# What ships, packed as a user gets it (scripts/pack.sh): the installed tests (tests/LakeCircle.InstalledTests) install
# the tool, build the sample against the library's package and import the PowerShell module from these files.
packages="$results/packages"
if ! scripts/pack.sh --configuration "$configuration" --output "$packages"; then
  echo "test.sh: packing failed (see above); no test ran" >&2
  exit 1
fi
export LCC_TEST_PACKAGES="$packages"

status=0
dotnet test LakeCircle.sln -c "$configuration" --no-build --nologo 2>&1 | tee "$results/test.log" || status=$?

# Each test project prints: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(
  grep -E '^(Passed|Failed)! +- Failed: ' "$results/test.log" |
    sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}'
)

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
if [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi

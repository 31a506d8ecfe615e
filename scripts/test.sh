#!/usr/bin/env bash
# Runs the whole LakeCircle test suite (unit, CLI and integration tests) and prints one closing line
# "N passed, N failed" summed over every test project, plus one test for the run of the sample (samples/). Exits
# non-zero when any test fails or cannot run.
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

status=0
dotnet test LakeCircle.sln -c "$configuration" --no-build --nologo 2>&1 | tee "$results/test.log" || status=$?

# Each test project prints: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(
  grep -E '^(Passed|Failed)! +- Failed: ' "$results/test.log" |
    sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}'
)

# The sample (samples/LakeCircle.Sample), run as a consumer runs it on a copy of examples/quickstart: one more test,
# passed when it exits 0, prints the plan, sync, rollback and history lines below and leaves the endpoint's folders.
sample_test() {
  local work="$results/sample" out="$results/sample.log" line dir
  if ! dotnet run --project samples/LakeCircle.Sample -c "$configuration" --no-build -- "$work" >"$out" 2>&1; then
    echo "sample: exited non-zero" >&2
    return 1
  fi
  for line in \
    '~ acme-backups \(1 rule changed, 1 removed\)' \
    '    - manual-hotfix' \
    'Plan: 2 buckets to change \(3 rules to add, 1 to remove, 1 to change\), 1 in sync, 1 missing, 1 unmanaged\.' \
    'acme-backups: applied' \
    'acme-datalake: applied' \
    'Sync Succeeded; run record: .*/endpoint/log/[^/]+\.json' \
    'Rollback of acme-backups: Succeeded \(restored the version captured [0-9T:.+-]+\)' \
    '  [0-9T:.+-]+  before-rollback +[0-9a-f]{12}' \
    '  [0-9T:.+-]+  before-sync +[0-9a-f]{12}'; do
    if ! grep -Eqx -- "$line" "$out"; then
      echo "sample: no line matching: $line" >&2
      return 1
    fi
  done
  for dir in previous history current log; do
    if [ ! -d "$work/endpoint/$dir" ]; then
      echo "sample: no $dir/ in its endpoint" >&2
      return 1
    fi
  done
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && [ -n "$(git status --porcelain -- examples/quickstart)" ]; then
    echo "sample: examples/quickstart was modified" >&2
    return 1
  fi
}
if sample_test; then
  echo "Passed sample: samples/LakeCircle.Sample"
  passed=$((passed + 1))
else
  echo "Failed sample: samples/LakeCircle.Sample; its output:" >&2
  cat "$results/sample.log" >&2 || true
  failed=$((failed + 1))
fi

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

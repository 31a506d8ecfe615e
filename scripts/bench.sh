#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them: speed and memory figures of LakeCircle (see docs/benchmarks.md).
#
#   scripts/bench.sh [--s3] [--json] [--only fingerprints,plan,definitions,dryrun,inventory,s3,scale] [--reps N] [--warmups N]
#                    [--latency-ms N] [--concurrency 1,4,16,64,256]
#
# With --s3 it starts its own local S3 server (scripts/local-s3.sh, Ceph radosgw on 127.0.0.1) in a private
# LOCAL_S3_DIR, runs the S3 scenario against it too, and stops the server at the end, whatever happens.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"
project="$repo_root/benchmarks/LakeCircle.Benchmarks"

with_s3=0
for arg in "$@"; do
  [ "$arg" = "--s3" ] && with_s3=1
done

echo "bench: building $project (Release)" >&2
dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly >&2

if [ "$with_s3" = 1 ]; then
  s3_parent="$(mktemp -d /tmp/lcbench.XXXXXX)"
  export LOCAL_S3_DIR="$s3_parent/s3"
  cleanup() {
    "$script_dir/local-s3.sh" stop >&2 || true
    rm -rf -- "$s3_parent"
  }
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  echo "bench: starting a local S3 server in $LOCAL_S3_DIR" >&2
  "$script_dir/local-s3.sh" start >&2
  # shellcheck disable=SC1090
  . <("$script_dir/local-s3.sh" env)
fi

dotnet run -c Release --no-build --project "$project" -- "$@"

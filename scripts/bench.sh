#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them: speed and memory figures of LakeCircle (see docs/benchmarks.md).
#
#   scripts/bench.sh [--s3] [--json] [--only fingerprints,plan,definitions,dryrun,inventory,snapshot,s3,cli,startup,scale]
#                    [--reps N] [--warmups N] [--latency-ms N] [--concurrency 1,4,16,64,256] [--cli-buckets 3000,10000]
#                    [--latency-buckets 1000]
#
# With --s3 it starts its own local S3 server (scripts/local-s3.sh, Ceph radosgw on 127.0.0.1) in a private
# LOCAL_S3_DIR (with its latency gateway), runs the S3 and CLI scenarios against it too, and stops the server at
# the end, whatever happens.
# The startup and cli scenarios (run unless --only leaves them out) time the installed tool: scripts/pack.sh packs it
# first into artifacts/packages, unless LCC_BENCH_PACKAGES names a folder already packed.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"
project="$repo_root/benchmarks/LakeCircle.Benchmarks"

with_s3=0
with_startup=1
previous=""
for arg in "$@"; do
  [ "$arg" = "--s3" ] && with_s3=1
  if [ "$previous" = "--only" ]; then
    case ",$arg," in *,startup,*|*,cli,*) with_startup=1 ;; *) with_startup=0 ;; esac
  fi
  previous="$arg"
done

echo "bench: building $project and the CLI (Release)" >&2
dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
# The cli scenario runs the CLI as a whole process: its Release build (or LCC_BENCH_CLI).
dotnet build "$repo_root/src/LakeCircle.Cli" -c Release --nologo -v quiet -clp:ErrorsOnly >&2

if [ "$with_startup" = 1 ] && [ -z "${LCC_BENCH_PACKAGES:-}" ]; then
  echo "bench: packing the tool for the startup and cli scenarios (scripts/pack.sh)" >&2
  "$script_dir/pack.sh" >&2
fi

if [ "$with_s3" = 1 ]; then
  s3_parent="$(mktemp -d /tmp/lcbench.XXXXXX)"
  export LOCAL_S3_DIR="$s3_parent/s3"
  cleanup() {
    "$script_dir/local-s3.sh" stop >&2 || true
    rm -rf -- "$s3_parent"
  }
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  # With the latency gateway (about 45 ms a call) for the cli scenario; the server is thrown away at the end, so
  # the scenarios need not delete their buckets.
  export LOCAL_S3_LATENCY_GATEWAY=1 LCC_BENCH_DISPOSABLE_S3=1
  echo "bench: starting a local S3 server in $LOCAL_S3_DIR" >&2
  "$script_dir/local-s3.sh" start >&2
  # shellcheck disable=SC1090
  . <("$script_dir/local-s3.sh" env)
fi

dotnet run -c Release --no-build --project "$project" -- "$@"

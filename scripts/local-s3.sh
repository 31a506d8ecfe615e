#!/usr/bin/env bash
# A real S3 server on loopback for the integration tests: a throw-away one-machine Ceph cluster (one monitor,
# one in-memory OSD, no manager, authentication off) with a RADOS Gateway (radosgw, beast frontend) in front.
#
#   scripts/local-s3.sh start    start it (no-op when already running); prints the endpoint and key ids
#   scripts/local-s3.sh stop     stop exactly the processes it started and remove its folder
#   scripts/local-s3.sh status   exit 0 when running, 3 when not
#   scripts/local-s3.sh env      print the `export` lines of the endpoint and keys (source it)
#
# The gateway also answers STS AssumeRole: the role LCC_TEST_S3_ROLE_ARN (trusted by the main user only, s3:*) is
# created at start; its sessions act as the main user (see docs/local-s3.md, "STS AssumeRole").
#
# Folder: LOCAL_S3_DIR (default .local-s3/ at the repository root). Start timeout: LOCAL_S3_START_TIMEOUT
# seconds (default 180). Everything listens on 127.0.0.1 only. Installs nothing: see scripts/install-deps.sh.
#
# LOCAL_S3_LATENCY_GATEWAY=1 at start adds a second gateway over the same cluster (the same users and buckets)
# whose beast frontend runs without tcp_nodelay: with Nagle's algorithm on and the client's delayed ACK, an answer
# with a body arrives about 40-45 ms late, a ready-made slow server for benchmarks. Its endpoint is
# LCC_TEST_S3_LATENCY_ENDPOINT in the env output.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"
dir="${LOCAL_S3_DIR:-$repo_root/.local-s3}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
dir="${dir%/}"
start_timeout="${LOCAL_S3_START_TIMEOUT:-180}"
conf="$dir/ceph.conf"
main_user="lakecircle"
other_user="other"
role_name="lakecircle-target"
storage_classes=(STANDARD_IA ONEZONE_IA INTELLIGENT_TIERING GLACIER GLACIER_IR DEEP_ARCHIVE)
daemons=(mon.a osd.0 client.rgw.a)
# The latency gateway belongs to the cluster when it was started with one (a marker file says so).
if [ "${LOCAL_S3_LATENCY_GATEWAY:-0}" = 1 ] || [ -f "$dir/latency-gateway" ]; then
  daemons+=(client.rgw.b)
fi

log() { echo "local-s3: $*" >&2; }
die() { log "$*"; exit 1; }

# ---- dependencies -------------------------------------------------------------------------------------------
check_deps() {
  local missing=() packages=() entry binary package
  for entry in ceph-mon:ceph-mon ceph-osd:ceph-osd monmaptool:ceph-base ceph:ceph-common \
               radosgw:radosgw radosgw-admin:radosgw python3:python3 timeout:coreutils; do
    binary="${entry%%:*}" package="${entry#*:}"
    if ! command -v "$binary" >/dev/null 2>&1; then
      missing+=("$binary")
      [[ " ${packages[*]-} " == *" $package "* ]] || packages+=("$package")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "missing programs: ${missing[*]} (Debian packages: ${packages[*]})"
    log "install them with:  sudo scripts/install-deps.sh"
    log "(it runs: apt-get update && apt-get install -y --no-install-recommends radosgw ceph-common ceph-mon ceph-osd python3)"
    exit 1
  fi
}

# ---- process bookkeeping ------------------------------------------------------------------------------------
run_dir() { cat "$dir/run-dir" 2>/dev/null || echo "$dir/run"; }

# Prints the pid of a daemon this script started, when it is still alive (pid file + command line check).
daemon_pid() {
  local pidfile pid
  pidfile="$(run_dir)/$1.pid"
  [ -s "$pidfile" ] || return 1
  pid="$(tr -d '[:space:]' <"$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  # Guard against a recycled pid: the process must run with this cluster's configuration file.
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$conf" || return 1
  echo "$pid"
}

is_running() {
  local name
  [ -f "$dir/env" ] || return 1
  for name in "${daemons[@]}"; do daemon_pid "$name" >/dev/null || return 1; done
}

# Sends SIGTERM to the given daemons, waits up to 10 s, then SIGKILLs what is left.
terminate() {
  local name pid pids=() alive i
  for name in "$@"; do
    if pid="$(daemon_pid "$name")"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  [ "${#pids[@]}" -gt 0 ] || return 0
  for i in $(seq 1 100); do
    alive=0
    for pid in "${pids[@]}"; do [ -d "/proc/$pid" ] && alive=1; done
    [ "$alive" -eq 0 ] && return 0
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    if [ -d "/proc/$pid" ]; then
      log "pid $pid did not stop within 10 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

# One at a time, gateway first and monitor last: the gateway's shutdown still talks to the OSD, and an OSD
# that cannot tell the monitor it is going down waits for it.
stop_daemons() {
  terminate client.rgw.b
  terminate client.rgw.a
  terminate osd.0
  terminate mon.a
}

remove_folder() {
  local rd
  rd="$(run_dir)"
  case "$rd" in "$dir"/*) ;; /tmp/lcs3.*) rm -rf -- "$rd" ;; esac
  rm -rf -- "$dir"
}

# ---- helpers for start --------------------------------------------------------------------------------------
deadline=0
remaining() { local r=$((deadline - SECONDS)); [ "$r" -gt 0 ] && echo "$r" || echo 1; }

start_done=0
fail_start() {
  local f
  start_done=1
  if [ "$deadline" -gt 0 ] && [ "$SECONDS" -ge "$deadline" ]; then
    log "start failed: $* (the start timeout of ${start_timeout}s, LOCAL_S3_START_TIMEOUT, ran out)"
  else
    log "start failed: $*"
  fi
  for f in "$dir"/log/*.log "$dir"/log/*.out; do
    [ -s "$f" ] || continue
    echo "---- last lines of $f" >&2
    tail -n 25 "$f" >&2
  done
  stop_daemons
  log "processes stopped; logs kept in $dir/log (scripts/local-s3.sh stop removes them)"
  exit 1
}

ceph_cli() { timeout "$(remaining)" ceph -c "$conf" --connect-timeout 10 "$@"; }
rgw_admin() { timeout "$(remaining)" radosgw-admin -c "$conf" -n client.admin "$@"; }

# A free TCP port on 127.0.0.1, outside the range Ceph daemons bind to (6800-7300).
free_port() {
  python3 - <<'EOF'
import socket
while True:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    if not 6800 <= port <= 7300 and port not in (3300, 6789):
        print(port)
        break
EOF
}

random_key() { python3 -c "import secrets,string,sys; a=sys.argv[1]; print(''.join(secrets.choice(a) for _ in range(int(sys.argv[2]))))" "$@"; }

# Records how long each start step took in <dir>/log/start-timing (shown with LOCAL_S3_VERBOSE=1).
step_start=0
step() {
  local now
  now="$(date +%s.%N)"
  [ "$step_start" = 0 ] || printf '%6.2fs %s\n' "$(echo "$now - $step_start" | awk '{print $1 - $3}')" "$1" \
    >>"$dir/log/start-timing"
  [ "${LOCAL_S3_VERBOSE:-0}" = 0 ] || log "$1"
  step_start="$now"
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

print_summary() {
  # shellcheck disable=SC1091
  (. "$dir/env"
   echo "local S3 (Ceph radosgw) running at $AWS_ENDPOINT_URL_S3 (region $AWS_REGION)"
   echo "  access key id: $AWS_ACCESS_KEY_ID   other user's access key id: $LCC_TEST_S3_OTHER_ACCESS_KEY"
   echo "  environment:   . <(scripts/local-s3.sh env)   (file: $dir/env)")
}

write_conf() {
  local fsid="$1" mon_port="$2" rgw_port="$3" rd="$4" slow_port="${5:-}" sts_key="$6"
  cat >"$conf" <<EOF
# Throw-away one-machine Ceph cluster for tests; written by scripts/local-s3.sh.
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
ms mon client mode = crc
ms mon cluster mode = crc
ms mon service mode = crc
ms client mode = crc
ms cluster mode = crc
ms service mode = crc
run dir = $rd
admin socket = $rd/\$name.\$pid.asok
log file = $dir/log/\$name.log
log to stderr = false
err to stderr = false
mon cluster log file = $dir/log/cluster.log
keyring = $dir/keyring
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 1
osd pool default pgp num = 1
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0
mon warn on insecure global id reclaim = false
mon warn on insecure global id reclaim allowed = false

[mon]
mon data = $dir/mon/\$name
paxos propose interval = 0.05

[mon.a]
public addr = v2:127.0.0.1:$mon_port
pid file = $rd/mon.a.pid

[osd]
osd data = $dir/osd/\$name
osd objectstore = memstore
memstore device bytes = 2147483648
osd crush update on start = true

[osd.0]
pid file = $rd/osd.0.pid

[client.rgw.a]
pid file = $rd/client.rgw.a.pid
rgw frontends = beast endpoint=127.0.0.1:$rgw_port tcp_nodelay=1
rgw thread pool size = 64
rgw dns name = 127.0.0.1
# STS (AssumeRole) on the S3 endpoint; the key encrypts the session tokens (16 characters, random per start).
rgw s3 auth use sts = true
rgw sts key = $sts_key
EOF
  if [ -n "$slow_port" ]; then
    cat >>"$conf" <<EOF

# The latency gateway: no tcp_nodelay on purpose (see the header of scripts/local-s3.sh).
[client.rgw.b]
pid file = $rd/client.rgw.b.pid
rgw frontends = beast endpoint=127.0.0.1:$slow_port
rgw thread pool size = 64
rgw dns name = 127.0.0.1
rgw s3 auth use sts = true
rgw sts key = $sts_key
EOF
  fi
}

# ---- commands -----------------------------------------------------------------------------------------------
cmd_start() {
  check_deps
  if is_running; then
    echo "local S3 is already running"
    print_summary
    return 0
  fi
  if [ -e "$dir" ]; then
    log "removing the leftovers of an earlier run in $dir"
    stop_daemons
    remove_folder
  fi
  local t0=$SECONDS
  deadline=$((SECONDS + start_timeout))
  # Whatever ends this function early (a failed command under set -e, an interrupt) stops what it started.
  trap '[ "$start_done" = 1 ] || fail_start "interrupted or unexpected error (exit $?)"' EXIT
  trap 'exit 130' INT TERM

  mkdir -p "$dir/log" "$dir/mon/mon.a" "$dir/osd/osd.0"
  # Admin sockets are Unix sockets: their paths must stay under ~107 bytes. Fall back to a short /tmp folder.
  local rd="$dir/run"
  if [ "${#rd}" -gt 70 ]; then
    rd="$(mktemp -d /tmp/lcs3.XXXXXX)"
  else
    mkdir -p "$rd"
  fi
  echo "$rd" >"$dir/run-dir"
  step "begin"

  local fsid osd_uuid mon_port rgw_port slow_port=""
  fsid="$(python3 -c 'import uuid; print(uuid.uuid4())')"
  osd_uuid="$(python3 -c 'import uuid; print(uuid.uuid4())')"
  mon_port="$(free_port)"
  rgw_port="$(free_port)"
  while [ "$rgw_port" = "$mon_port" ]; do rgw_port="$(free_port)"; done
  if [ "${LOCAL_S3_LATENCY_GATEWAY:-0}" = 1 ]; then
    slow_port="$(free_port)"
    while [ "$slow_port" = "$mon_port" ] || [ "$slow_port" = "$rgw_port" ]; do slow_port="$(free_port)"; done
    : >"$dir/latency-gateway"
  fi
  write_conf "$fsid" "$mon_port" "$rgw_port" "$rd" "$slow_port" "$(random_key ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 16)"
  : >"$dir/keyring"

  # Monitor
  monmaptool --create --clobber --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null \
    || fail_start "monmaptool failed"
  ceph-mon -c "$conf" -i a --mkfs --monmap "$dir/monmap" >"$dir/log/mkfs-mon.out" 2>&1 \
    || fail_start "ceph-mon --mkfs failed: $(cat "$dir/log/mkfs-mon.out")"
  ceph-mon -c "$conf" -i a >>"$dir/log/mkfs-mon.out" 2>&1 || fail_start "ceph-mon did not start"
  ceph_cli mon stat >/dev/null 2>&1 || fail_start "the monitor does not answer on 127.0.0.1:$mon_port"
  step "monitor up"

  # OSD (in memory)
  local osd_id
  osd_id="$(ceph_cli osd new "$osd_uuid" 2>>"$dir/log/mkfs-osd.out")" || fail_start "ceph osd new failed"
  [ "$osd_id" = "0" ] || fail_start "unexpected OSD id '$osd_id'"
  ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid" >>"$dir/log/mkfs-osd.out" 2>&1 \
    || fail_start "ceph-osd --mkfs failed: $(cat "$dir/log/mkfs-osd.out")"
  step "OSD created"
  ceph-osd -c "$conf" -i 0 >>"$dir/log/mkfs-osd.out" 2>&1 || fail_start "ceph-osd did not start"
  until ceph_cli osd stat 2>/dev/null | grep -q '1 up'; do
    [ "$SECONDS" -lt "$deadline" ] || fail_start "the OSD did not come up within ${start_timeout}s"
    sleep 0.2
  done
  step "OSD up"

  # Users, then the extra storage classes (the first user create makes the default zonegroup and zone).
  local main_access main_secret other_access other_secret class
  main_access="$(random_key ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 20)"
  main_secret="$(random_key ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 40)"
  other_access="$(random_key ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 20)"
  other_secret="$(random_key ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 40)"
  # 20,000 buckets at most (radosgw's default is 1,000): the benchmarks hold accounts of 10,000.
  rgw_admin user create --uid="$main_user" --display-name="LakeCircle tests" --max-buckets=20000 \
    --access-key="$main_access" --secret-key="$main_secret" >/dev/null 2>>"$dir/log/admin.out" \
    || fail_start "radosgw-admin user create $main_user failed"
  rgw_admin user create --uid="$other_user" --display-name="LakeCircle tests (other account)" \
    --access-key="$other_access" --secret-key="$other_secret" >/dev/null 2>>"$dir/log/admin.out" \
    || fail_start "radosgw-admin user create $other_user failed"
  step "users created (with the rgw pools)"
  # A role the main user may assume with STS AssumeRole (its trust policy names the user; the other user is
  # refused), allowed everything on S3. The session acts as the main user (its buckets are the ones listed).
  rgw_admin role create --role-name="$role_name" \
    --assume-role-policy-doc='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam:::user/'"$main_user"'"]},"Action":["sts:AssumeRole"]}]}' \
    >/dev/null 2>>"$dir/log/admin.out" || fail_start "radosgw-admin role create $role_name failed"
  rgw_admin role-policy put --role-name="$role_name" --policy-name=s3-all \
    --policy-doc='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":"arn:aws:s3:::*"}]}' \
    >/dev/null 2>>"$dir/log/admin.out" || fail_start "radosgw-admin role-policy put $role_name failed"
  step "role $role_name created"
  # Storage classes other than STANDARD must be known to the zonegroup's and the zone's placement target, or
  # uploads with them fail (400 InvalidArgument). They all share the STANDARD data pool. In the same edit the
  # zonegroup's API name becomes the AWS SDKs' default region: with the stock name "default" radosgw rejects
  # CreateBucket with LocationConstraint us-east-1 and answers GetBucketLocation with "default". (radosgw
  # accepts signatures for any region name.) One get/set per object instead of `placement add` per class.
  local region="us-east-1"
  rgw_admin zonegroup get --rgw-zonegroup=default 2>>"$dir/log/admin.out" >"$dir/zonegroup.json" \
    || fail_start "cannot read the zonegroup"
  rgw_admin zone get --rgw-zone=default 2>>"$dir/log/admin.out" >"$dir/zone.json" \
    || fail_start "cannot read the zone"
  python3 - "$dir" "$region" "${storage_classes[@]}" <<'PY' 2>>"$dir/log/admin.out" || fail_start "cannot edit the placement"
import json, sys
folder, region, classes = sys.argv[1], sys.argv[2], sys.argv[3:]
zonegroup = json.load(open(f"{folder}/zonegroup.json"))
zonegroup["api_name"] = region
for target in zonegroup["placement_targets"]:
    if target["name"] == "default-placement":
        target["storage_classes"] = sorted(set(target.get("storage_classes", []) + ["STANDARD"] + classes))
json.dump(zonegroup, open(f"{folder}/zonegroup.json", "w"))
zone = json.load(open(f"{folder}/zone.json"))
for pool in zone["placement_pools"]:
    if pool["key"] == "default-placement":
        standard = pool["val"]["storage_classes"]["STANDARD"]["data_pool"]
        for name in classes:
            pool["val"]["storage_classes"][name] = {"data_pool": standard}
json.dump(zone, open(f"{folder}/zone.json", "w"))
PY
  rgw_admin zonegroup set --rgw-zonegroup=default --infile "$dir/zonegroup.json" >/dev/null \
    2>>"$dir/log/admin.out" || fail_start "cannot set the zonegroup (storage classes, API name $region)"
  rgw_admin zone set --rgw-zone=default --infile "$dir/zone.json" >/dev/null \
    2>>"$dir/log/admin.out" || fail_start "cannot set the zone's storage classes"
  step "storage classes added, zonegroup API name set"

  # Ceph 16.2 cannot read aws-chunked bodies with a trailing checksum, which current AWS SDKs send by default
  # for PutObject: the last two lines ask SDKs that read them for checksums only where an operation needs one.
  local endpoint="http://127.0.0.1:$rgw_port"
  (
    umask 077
    cat >"$dir/env" <<EOF
export AWS_ENDPOINT_URL_S3=$endpoint
export AWS_ACCESS_KEY_ID=$main_access
export AWS_SECRET_ACCESS_KEY=$main_secret
export AWS_REGION=$region
export LCC_TEST_S3_ENDPOINT=$endpoint
export LCC_TEST_S3_REGION=$region
export LCC_TEST_S3_ACCESS_KEY=$main_access
export LCC_TEST_S3_SECRET_KEY=$main_secret
export LCC_TEST_S3_OTHER_ACCESS_KEY=$other_access
export LCC_TEST_S3_OTHER_SECRET_KEY=$other_secret
export LCC_TEST_S3_ROLE_ARN=arn:aws:iam:::role/$role_name
export LCC_TEST_S3_STS_ENDPOINT=$endpoint
export AWS_REQUEST_CHECKSUM_CALCULATION=when_required
export AWS_RESPONSE_CHECKSUM_VALIDATION=when_required
EOF
    if [ -n "$slow_port" ]; then
      echo "export LCC_TEST_S3_LATENCY_ENDPOINT=http://127.0.0.1:$slow_port" >>"$dir/env"
    fi
  )

  # Gateway
  radosgw -c "$conf" -n client.rgw.a >"$dir/log/radosgw.out" 2>&1 || fail_start "radosgw did not start"
  if [ -n "$slow_port" ]; then
    radosgw -c "$conf" -n client.rgw.b >"$dir/log/radosgw-b.out" 2>&1 || fail_start "the latency gateway did not start"
  fi
  (
    # shellcheck disable=SC1091
    . "$dir/env"
    python3 "$script_dir/s3_probe.py" --wait "$(remaining)" --quiet
  ) 2>>"$dir/log/probe.out" || fail_start "no answer to a signed ListBuckets at $endpoint within ${start_timeout}s: $(tail -n 1 "$dir/log/probe.out")"

  if [ -n "$slow_port" ]; then
    (
      # shellcheck disable=SC1091
      . "$dir/env"
      AWS_ENDPOINT_URL_S3="$LCC_TEST_S3_LATENCY_ENDPOINT" python3 "$script_dir/s3_probe.py" --wait "$(remaining)" --quiet
    ) 2>>"$dir/log/probe.out" || fail_start "the latency gateway does not answer within ${start_timeout}s: $(tail -n 1 "$dir/log/probe.out")"
  fi
  step "signed ListBuckets answered"
  local elapsed=$((SECONDS - t0)) name pid total=0 rss detail=""
  for name in "${daemons[@]}"; do
    pid="$(daemon_pid "$name")" || fail_start "$name is not running"
    rss="$(rss_kib "$pid")"
    total=$((total + rss))
    detail+=" $name=$((rss / 1024))MiB"
  done
  start_done=1
  trap - EXIT INT TERM
  print_summary
  echo "  started in ${elapsed}s; memory (RSS):$detail, total $((total / 1024))MiB"
}

cmd_stop() {
  if [ ! -e "$dir" ]; then
    echo "local S3 is not running (no $dir)"
    return 0
  fi
  stop_daemons
  remove_folder
  echo "local S3 stopped; $dir removed"
}

cmd_status() {
  if is_running; then
    print_summary
    return 0
  fi
  echo "local S3 is not running"
  return 3
}

cmd_env() {
  is_running || die "not running: start it with scripts/local-s3.sh start"
  cat "$dir/env"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac

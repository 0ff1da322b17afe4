#!/usr/bin/env bash
# A single-node Ceph S3 gateway (radosgw, memstore OSD, no auth) on loopback, for the trace-store tests.
#   .ci/ceph-s3.sh start <dir> <port>   installs the Debian packages if missing, starts mon+osd+rgw,
#                                      prints the endpoint (http://127.0.0.1:<port>) as its last line,
#                                      writes <dir>/pids and <dir>/ceph.conf
#   .ci/ceph-s3.sh stop <dir>           stops what start started (by the pids it wrote)
#   .ci/ceph-s3.sh lc-process <dir>     runs lifecycle processing now (tests of expiry)
#   .ci/ceph-s3.sh stop-rgw <dir>       kills only the gateway (the objects stay: fault tests "S3 is down")
#   .ci/ceph-s3.sh start-rgw <dir>      starts the gateway again and waits until it answers
# `rgw lc debug interval = 10` makes a lifecycle "day" last 10 s, so expiry is testable in seconds.
# Any access key works (auth none); the tests use DEVAK/DEVSK. Memstore: data lives until stop.
set -euo pipefail

usage() { echo "usage: $0 start <dir> <port> | stop <dir> | lc-process <dir> | stop-rgw <dir> | start-rgw <dir>" >&2; exit 2; }

ensure_packages() {
  local missing=()
  for bin in ceph-mon ceph-osd radosgw radosgw-admin monmaptool uuidgen curl; do
    command -v "$bin" >/dev/null 2>&1 || missing+=("$bin")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "ceph-s3: missing ${missing[*]}; installing ceph-mon ceph-osd radosgw ceph-common uuid-runtime" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "ceph-s3: not root; run: apt-get update && apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common uuid-runtime curl" >&2
    exit 3
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends ceph-mon ceph-osd radosgw ceph-common uuid-runtime curl >&2
}

stop() {
  local d=$1
  [ -f "$d/pids" ] || return 0
  # radosgw may ignore SIGTERM: kill it first, hard, then the OSD and the monitor.
  while read -r name pid; do
    [ -n "${pid:-}" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      if [ "$name" = rgw ]; then kill -KILL "$pid" 2>/dev/null || true; else kill -TERM "$pid" 2>/dev/null || true; fi
    fi
  done < "$d/pids"
  for _ in $(seq 1 50); do
    local alive=0
    while read -r _ pid; do kill -0 "$pid" 2>/dev/null && alive=1; done < "$d/pids"
    [ $alive -eq 0 ] && break
    sleep 0.2
  done
  while read -r _ pid; do kill -KILL "$pid" 2>/dev/null || true; done < "$d/pids"
  rm -f "$d/pids"
}

port_of() { sed -n 's/^rgw frontends = beast endpoint=127.0.0.1:\([0-9]*\)$/\1/p' "$1/ceph.conf"; }

start_rgw() {
  local d=$1 port
  port=$(port_of "$d")
  # Already up (its pid recorded): a second radosgw would fail to bind and leave a dead pid in place of the live one.
  if curl -sf "http://127.0.0.1:$port/" >/dev/null && grep -q '^rgw ' "$d/pids" 2>/dev/null; then return 0; fi
  rm -f "$d/run/client.rgw.a.pid"
  CEPH_CONF=$d/ceph.conf radosgw -n client.rgw.a
  for _ in $(seq 1 50); do [ -s "$d/run/client.rgw.a.pid" ] && break; sleep 0.2; done
  sed -i '/^rgw /d' "$d/pids" 2>/dev/null || true
  echo "rgw $(cat "$d/run/client.rgw.a.pid")" >> "$d/pids"
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/" >/dev/null && return 0
    sleep 0.5
  done
  echo "ceph-s3: radosgw did not answer on 127.0.0.1:$port within 60 s; logs in $d/log" >&2
  return 1
}

stop_rgw() {
  local d=$1 pid
  pid=$(sed -n 's/^rgw //p' "$d/pids" 2>/dev/null || true)
  [ -n "$pid" ] || return 0
  kill -KILL "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  sed -i '/^rgw /d' "$d/pids"
}

start() {
  local d=$1 port=$2
  ensure_packages
  mkdir -p "$d"
  d=$(cd "$d" && pwd)
  stop "$d"
  local p
  for p in "$port" $((port + 1)) $((port + 2)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "ceph-s3: 127.0.0.1:$p is already in use (another gateway? stop it with: $0 stop <its dir>), or pick another port" >&2
      exit 4
    fi
  done
  rm -rf "${d:?}"/{run,log,mon,osd,rgw,monmap,ceph.conf}
  mkdir -p "$d"/{run,log,mon,osd,rgw}
  # Mon ports derive from the rgw port so two gateways (CI and a developer's) can run side by side.
  local mon2=$((port + 1)) mon1=$((port + 2)) fsid
  fsid=$(uuidgen)
  cat > "$d/ceph.conf" <<CONF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon2,v1:127.0.0.1:$mon1
mon initial members = a
public network = 127.0.0.0/8
public addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon max pg per osd = 1000
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
run dir = $d/run
log file = $d/log/\$name.log
admin socket = $d/run/\$name.asok
pid file = $d/run/\$name.pid
ms bind ipv6 = false
mon data = $d/mon/\$cluster-\$id
osd data = $d/osd/\$cluster-\$id
osd objectstore = memstore
memstore device bytes = 1073741824
[client.rgw.a]
ms mon client mode = crc
rgw frontends = beast endpoint=127.0.0.1:$port
rgw lc debug interval = 10
rgw data = $d/rgw
CONF
  export CEPH_CONF=$d/ceph.conf
  monmaptool --create --addv a "[v2:127.0.0.1:$mon2,v1:127.0.0.1:$mon1]" --enable-all-features --fsid "$fsid" "$d/monmap" >/dev/null
  ceph-mon --mkfs -i a --monmap "$d/monmap"
  ceph-mon -i a
  echo "mon $(cat "$d/run/mon.a.pid")" > "$d/pids"
  local osd_uuid id
  osd_uuid=$(uuidgen)
  id=$(timeout 60 ceph osd new "$osd_uuid")
  mkdir -p "$d/osd/ceph-$id"
  ceph-osd -i "$id" --mkfs --osd-uuid "$osd_uuid" 2>/dev/null
  ceph-osd -i "$id" 2>/dev/null
  echo "osd $(cat "$d/run/osd.$id.pid")" >> "$d/pids"
  if ! start_rgw "$d"; then stop "$d"; exit 1; fi
  radosgw-admin -n client.rgw.a user create --uid=dev --display-name=dev --access-key=DEVAK --secret=DEVSK >/dev/null 2>"$d/log/user-create.err"
  echo "http://127.0.0.1:$port"
}

case "${1:-}" in
  start) [ $# -eq 3 ] || usage; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || usage; stop "$2" ;;
  lc-process) [ $# -eq 2 ] || usage; CEPH_CONF=$2/ceph.conf radosgw-admin -n client.rgw.a lc process >/dev/null 2>&1 ;;
  stop-rgw) [ $# -eq 2 ] || usage; stop_rgw "$(cd "$2" && pwd)" ;;
  start-rgw) [ $# -eq 2 ] || usage; start_rgw "$(cd "$2" && pwd)" >/dev/null; echo "http://127.0.0.1:$(port_of "$2")" ;;
  *) usage ;;
esac

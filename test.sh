#!/usr/bin/env bash
# Runs every test of the solution against real parts: a private PostgreSQL cluster started here (and
# installed with apt if missing), stopped again on exit, on failure and on Ctrl+C; headless Chromium and a
# Chinese font for the browser tests (installed with apt if missing).
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Bpmn]
set -euo pipefail
cd "$(dirname "$0")"

CLUSTER_PREFIX="${TMPDIR:-/tmp}/fourduty-test-pg."

log() { printf '[test.sh] %s\n' "$*" >&2; }

# Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root), else as ourselves.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install_postgres() {
  if [ -n "$(postgres_bin)" ] && [ -x "$(postgres_bin)/initdb" ]; then return; fi
  log "PostgreSQL server not found; installing it with apt"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# The browser tests drive the system's Chromium (never a browser Playwright downloads); the screenshots need a
# Chinese font, or every character is an empty box.
install_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]} with apt for the browser tests"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# A run that was killed (SIGKILL) could not stop its cluster; stop and remove those whose owner is gone.
remove_stale_clusters() {
  local dir owner
  for dir in "$CLUSTER_PREFIX"*; do
    [ -d "$dir" ] || continue
    owner=$(cat "$dir/owner.pid" 2>/dev/null || echo "")
    if [ -n "$owner" ] && kill -0 "$owner" 2>/dev/null; then continue; fi
    log "removing stale cluster $dir"
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  done
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  log "no free port found"; return 1
}

CLUSTER_DIR=""
stop_cluster() {
  if [ -n "$CLUSTER_DIR" ] && [ -d "$CLUSTER_DIR" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$CLUSTER_DIR"
    log "PostgreSQL stopped"
  fi
}

start_cluster() {
  CLUSTER_DIR=$(mktemp -d "${CLUSTER_PREFIX}XXXXXX")
  echo $$ > "$CLUSTER_DIR/owner.pid"
  chmod 755 "$CLUSTER_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$CLUSTER_DIR"
  PG_PORT=$(free_port)
  as_postgres "$PG_BIN/initdb" -D "$CLUSTER_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durability settings are relaxed for speed: the tests kill our processes, never the database server.
  as_postgres "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -l "$CLUSTER_DIR/server.log" -w -t 60 start -o \
    "-p $PG_PORT -k $CLUSTER_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($CLUSTER_DIR)"
}

install_postgres
install_browser
PG_BIN=$(postgres_bin)
remove_stale_clusters
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
start_cluster

export FOURDUTY_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export FOURDUTY_TEST_PG_BIN="$PG_BIN"

status=0
dotnet test FourDuty.sln "$@" || status=$?
exit $status

#!/usr/bin/env bash
# Runs a load benchmark that drives real FourDuty.Host processes (deadlines, mail, inbox) against a
# private PostgreSQL cluster started here with the server's durability at its defaults (fsync on), as durable.sh does.
# Builds the Host and the bench in Release first. The cluster is stopped and removed on exit, on failure and on Ctrl+C.
# Usage: bench/load.sh SCENARIO [options, e.g. --instances 100000]
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[load.sh] %s\n' "$*" >&2; }
SCENARIO=${1:?usage: bench/load.sh SCENARIO [options]}; shift
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  log "PostgreSQL server not found (./test.sh installs it with apt)"; exit 1
fi

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  log "no free port found"; return 1
}

CLUSTER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/fourduty-load-pg.XXXXXX")
stop_cluster() {
  as_postgres "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$CLUSTER_DIR"
  log "PostgreSQL stopped"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

chmod 755 "$CLUSTER_DIR"
[ "$(id -u)" = 0 ] && chown postgres "$CLUSTER_DIR"
PG_PORT=$(free_port)
as_postgres "$PG_BIN/initdb" -D "$CLUSTER_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -l "$CLUSTER_DIR/server.log" -w -t 60 start -o \
  "-p $PG_PORT -k $CLUSTER_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($CLUSTER_DIR), fsync on"

dotnet build -c Release FourDuty.Host >/dev/null
dotnet run -c Release --project bench/FourDuty.Bench -- "$SCENARIO" \
  --postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Maximum Pool Size=200" --pgbench "$PG_BIN/pgbench" "$@"

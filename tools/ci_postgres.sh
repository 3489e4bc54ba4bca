#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, loopback only, a port
# of our own, trust auth on 127.0.0.1 (nothing else can reach it). initdb refuses to run as root, so as root
# the cluster belongs to the `postgres` user. Prints the SQLAlchemy URL of an empty database `archive` on
# stdout; the cluster is stopped by `tools/ci_postgres.sh stop DIR` or when the machine goes away.
#
#   url=$(bash tools/ci_postgres.sh start)      # -> postgresql+psycopg://postgres@127.0.0.1:PORT/archive
#   bash tools/ci_postgres.sh stop
set -euo pipefail
action="${1:-start}"
state="${ARCHIVE_DESK_PG_DIR:-${TMPDIR:-/tmp}/archive-desk-pg}"
port="${ARCHIVE_DESK_PG_PORT:-54329}"

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ]; then echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 3; fi

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$action" = "stop" ]; then
  [ -d "$state/data" ] && as_owner "$bindir/pg_ctl" -D "$state/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$state"
  exit 0
fi

if [ -d "$state/data" ] && as_owner "$bindir/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
  : # already running (a second call in the same run)
else
  [ -d "$state" ] && { as_owner "$bindir/pg_ctl" -D "$state/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$state"; }
  mkdir -p "$state"
  if [ "$(id -u)" = "0" ]; then chown postgres "$state"; fi
  as_owner "$bindir/initdb" -D "$state/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
    || as_owner "$bindir/initdb" -D "$state/data" -U postgres -A trust -E UTF8 --locale=C >"$state/initdb.log" 2>&1
  as_owner "$bindir/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=off -c full_page_writes=off -c max_connections=200" start >/dev/null
fi
as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc \
  "SELECT 1 FROM pg_database WHERE datname = 'archive'" | grep -q 1 \
  || as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres archive
echo "postgresql+psycopg://postgres@127.0.0.1:$port/archive"

#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the test suite and print its admin URL.
# Installs the server from Debian's packages when it is missing (CI runs as root on a clean machine).
# Usage: eval "$(scripts/test-postgres.sh)"   -> exports TEST_DATABASE_URL
# Stop it with: scripts/test-postgres.sh stop
set -euo pipefail

PORT="${NEWSDESK_TEST_PG_PORT:-54329}"
DIR="${NEWSDESK_TEST_PG_DIR:-/tmp/newsdesk-test-pg}"

find_bin() {
  local name="$1"
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local candidate
  candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$candidate" ] && [ -x "$candidate/$name" ]; then echo "$candidate/$name"; fi
}

as_owner() {
  # PostgreSQL refuses to run as root: run the server as the postgres user when we are root
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "stop" ]; then
  PG_CTL="$(find_bin pg_ctl)"
  [ -n "$PG_CTL" ] && [ -d "$DIR/data" ] && as_owner "$PG_CTL" -D "$DIR/data" -m fast stop >&2 || true
  exit 0
fi

if [ -z "$(find_bin initdb)" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing PostgreSQL from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  else
    echo "PostgreSQL is not installed and cannot be installed here; PostgreSQL tests will skip" >&2
    exit 0
  fi
fi
INITDB="$(find_bin initdb)"
PG_CTL="$(find_bin pg_ctl)"
PG_ISREADY="$(find_bin pg_isready)"

if ! "$PG_ISREADY" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then
  if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then useradd --system --home "$DIR" postgres; fi
  mkdir -p "$DIR"
  [ "$(id -u)" = "0" ] && chown postgres "$DIR"
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    as_owner "$INITDB" -D "$DIR/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >&2
  fi
  # tuned for a disposable test server: no fsync, sockets in the data folder, loopback only
  as_owner "$PG_CTL" -D "$DIR/data" -l "$DIR/server.log" -w -o \
    "-p $PORT -h 127.0.0.1 -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2
fi
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"

#!/usr/bin/env bash
# A throwaway PostgreSQL server for threadline's tests and benchmarks: its own cluster in a
# temporary directory, on a local port, reachable only from this machine.
#
#   eval "$(bash scripts/postgres.sh start)"   # starts it (or finds it running); prints the URL
#   bash scripts/postgres.sh status            # running or not, and the URL
#   bash scripts/postgres.sh stop              # stops it, keeps the data for a quick restart
#   bash scripts/postgres.sh destroy           # stops it and deletes the cluster
#
# `start` prints only `export THREADLINE_PG_URL=...` on stdout; progress goes to stderr and the
# server's log to $THREADLINE_PG_DIR/server.log. When PostgreSQL is not installed and we are root
# on Debian, it installs Debian's `postgresql` package first. PostgreSQL refuses to run as root,
# so as root the cluster belongs to the `postgres` user (created when missing).
#
# Environment: THREADLINE_PG_DIR (default ${TMPDIR:-/tmp}/threadline-pg), THREADLINE_PG_PORT
# (default: the first free port from 54329).
set -euo pipefail

DIR="${THREADLINE_PG_DIR:-${TMPDIR:-/tmp}/threadline-pg}"
DATA="$DIR/data"
LOG="$DIR/server.log"
SUPERUSER=threadline
DATABASE=threadline

say() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() {
  say "$*"
  exit 1
}

find_bin() {
  local dir
  for dir in "${THREADLINE_PG_BIN:-}" "$(command -v pg_config >/dev/null 2>&1 && pg_config --bindir || true)"; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  # Debian keeps the server binaries out of PATH, one directory per major version: take the newest.
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    printf '%s\n' "$dir"
    return 0
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

install_server() {
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed; install it (apt-get install postgresql) or set THREADLINE_PG_BIN"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is not available"
  say "installing Debian's postgresql package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Runs a command as the cluster's owner: ourselves, or `postgres` when we are root.
OWNER=""
as_owner() {
  if [ -z "$OWNER" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$OWNER" -- "$@"
  else
    su "$OWNER" -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

choose_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    OWNER=postgres
    if ! id "$OWNER" >/dev/null 2>&1; then
      say "creating the unprivileged user $OWNER"
      useradd --system --no-create-home --shell /usr/sbin/nologin "$OWNER"
    fi
  fi
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

url() { printf 'postgres://%s@127.0.0.1:%s/%s\n' "$SUPERUSER" "$(cat "$DIR/port")" "$DATABASE"; }

running() { [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1; }

start() {
  BIN="$(find_bin)" || {
    install_server
    BIN="$(find_bin)" || die "PostgreSQL was installed but its binaries were not found"
  }
  choose_owner
  mkdir -p "$DIR"
  [ -z "$OWNER" ] || chown "$OWNER" "$DIR"
  if running; then
    say "already running ($(url))"
    printf 'export THREADLINE_PG_URL=%s\n' "$(url)"
    return 0
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    say "creating a cluster in $DATA with $BIN"
    as_owner "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" -A trust -E UTF8 --locale=C.UTF-8 --no-sync >>"$LOG.init" 2>&1 ||
      as_owner "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" -A trust -E UTF8 --locale=C --no-sync >>"$LOG.init" 2>&1 ||
      die "initdb failed; see $LOG.init"
  fi
  local port="${THREADLINE_PG_PORT:-}"
  if [ -z "$port" ]; then
    port=54329
    while port_busy "$port"; do
      port=$((port + 1))
      [ "$port" -lt 54400 ] || die "no free port between 54329 and 54399"
    done
  elif port_busy "$port"; then
    die "port $port is in use"
  fi
  printf '%s\n' "$port" >"$DIR/port"
  say "starting on 127.0.0.1:$port (log: $LOG)"
  touch "$LOG"
  [ -z "$OWNER" ] || chown "$OWNER" "$LOG"
  as_owner "$BIN/pg_ctl" start -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR -c max_connections=100" >&2 ||
    die "the server did not start; see $LOG"
  if ! as_owner "$BIN/psql" -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d postgres -Atqc \
    "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" 2>/dev/null | grep -q 1; then
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$port" -U "$SUPERUSER" "$DATABASE" >&2 ||
      die "could not create the database $DATABASE"
  fi
  printf 'export THREADLINE_PG_URL=%s\n' "$(url)"
}

stop() {
  BIN="$(find_bin)" || {
    say "PostgreSQL is not installed: nothing to stop"
    return 0
  }
  choose_owner
  if running; then
    as_owner "$BIN/pg_ctl" stop -D "$DATA" -m fast -w >&2
  else
    say "not running"
  fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status)
  BIN="$(find_bin)" || die "PostgreSQL is not installed"
  choose_owner
  if running; then say "running: $(url)"; else
    say "not running"
    exit 3
  fi
  ;;
destroy)
  stop
  rm -rf "$DIR"
  ;;
*)
  say "usage: bash scripts/postgres.sh start|status|stop|destroy"
  exit 2
  ;;
esac

#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for logiShift Support, kept in the state dir.
#
#   deploy/local/postgres.sh up [--ephemeral]   start (idempotent); prints SUPPORT_PG_* lines on stdout
#   deploy/local/postgres.sh down               stop the cluster this state dir started
#   deploy/local/postgres.sh status             running/stopped and port (exit 0 running, 3 stopped)
#   deploy/local/postgres.sh env                SUPPORT_PG_* lines of the running cluster
#
# Environment: SUPPORT_STATE_DIR (default /var/tmp/logishift-support-<hash>), SUPPORT_PG_PORT
# (force a port), SUPPORT_PG_FAST=1 (same as --ephemeral: no fsync, for throwaway test runs).
set -euo pipefail

# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=postgres

PG_BIN=/usr/lib/postgresql/15/bin
PG_USER=support
# One database per service; each `up` creates the missing ones.
PG_DATABASES=(agent_service ticket_service faq_service notification_service)

resolve_state_dir
PG_DIR="$STATE_DIR/postgres"
DATA_DIR="$PG_DIR/data"
SOCKET_DIR="$PG_DIR/run"
PORT_FILE="$PG_DIR/port"
PASSWORD_FILE="$PG_DIR/password"
LOG_FILE="$STATE_DIR/logs/postgres.log"

# initdb and postgres refuse to run as root: as root, run them as the postgres system user.
if [ "$(id -u)" -eq 0 ]; then
  RUN_AS=postgres
  as_pg() { (cd / && runuser -u postgres -- "$@"); }
else
  RUN_AS="$(id -un)"
  as_pg() { "$@"; }
fi

ensure_binaries() { ensure_package "PostgreSQL 15" "$PG_BIN/initdb" postgresql-15; }

psql_bin() { if [ -x "$PG_BIN/psql" ]; then echo "$PG_BIN/psql"; else echo psql; fi; }

# PID of the postmaster this state dir started, or nothing.
running_pid() {
  local pid
  [ -f "$DATA_DIR/postmaster.pid" ] || return 0
  pid="$(head -n 1 "$DATA_DIR/postmaster.pid" 2>/dev/null || true)"
  # The postmaster's command line names our data dir: anything else is not ours.
  if pid_matches "$pid" postgres "-D $DATA_DIR "; then echo "$pid"; fi
}

recorded_port() { if [ -f "$PORT_FILE" ]; then cat "$PORT_FILE"; fi; }

print_env() {
  printf 'SUPPORT_PG_HOST=127.0.0.1\n'
  printf 'SUPPORT_PG_PORT=%s\n' "$(recorded_port)"
  printf 'SUPPORT_PG_USER=%s\n' "$PG_USER"
  printf 'SUPPORT_PG_PASSWORD=%s\n' "$(cat "$PASSWORD_FILE")"
}

# A real login with the password over TCP (pg_isready would also accept a wrong role).
try_login() {
  PGPASSWORD="$(cat "$PASSWORD_FILE")" PGCONNECT_TIMEOUT=3 \
    "$(psql_bin)" -w -X -q -h 127.0.0.1 -p "$1" -U "$PG_USER" -d postgres -Atc 'select 1' >/dev/null 2>&1
}

run_sql() {
  PGPASSWORD="$(cat "$PASSWORD_FILE")" \
    "$(psql_bin)" -w -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U "$PG_USER" -d postgres "${@:2}"
}

init_cluster() {
  local fast="$1" nosync=()
  # A throwaway cluster need not be flushed to disk.
  [ "$fast" = 1 ] && nosync=(--no-sync)
  log "creating a new cluster in $DATA_DIR"
  install -d -m 700 -o "$RUN_AS" "$DATA_DIR"
  if ! as_pg test -w "$DATA_DIR"; then
    die "user $RUN_AS cannot reach $DATA_DIR: every parent directory of SUPPORT_STATE_DIR must be traversable (o+x); use a dir under /var/tmp or /tmp"
  fi
  # Generated once, kept beside the cluster, readable by the invoking user only.
  (umask 077 && random_hex 16 >"$PASSWORD_FILE")
  # initdb reads the superuser password from a file the cluster user can read; removed right after.
  local pwfile="$PG_DIR/initdb-pw.tmp"
  (umask 077 && cat "$PASSWORD_FILE" >"$pwfile")
  chown "$RUN_AS" "$pwfile"
  if ! as_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U "$PG_USER" --pwfile="$pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 "${nosync[@]}" >>"$LOG_FILE" 2>&1; then
    rm -f "$pwfile"
    show_log_tail "$LOG_FILE"
    die "initdb failed"
  fi
  rm -f "$pwfile"
  # Password logins only, and only from loopback TCP or the private socket.
  cat >"$DATA_DIR/pg_hba.conf" <<'EOF'
# Written by deploy/local/postgres.sh: password (SCRAM) logins only.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
host    all       all   127.0.0.1/32  scram-sha-256
EOF
  # Our settings live in a file of their own, rewritten on every `up`.
  printf "\n# deploy/local/postgres.sh\ninclude_if_exists = 'logishift.conf'\n" >>"$DATA_DIR/postgresql.conf"
  chown "$RUN_AS" "$DATA_DIR/pg_hba.conf"
}

choose_port() {
  local port
  if [ -n "${SUPPORT_PG_PORT:-}" ]; then
    port="$SUPPORT_PG_PORT"
    port_in_use "$port" && die "SUPPORT_PG_PORT=$port is already in use"
  else
    port="$(recorded_port)"
    if [ -n "$port" ] && port_in_use "$port"; then
      log "port $port (used last time) is taken by another process; picking another"
      port=""
    fi
    [ -n "$port" ] || port="$(find_free_port 5432)"
  fi
  echo "$port" >"$PORT_FILE"
}

write_settings() {
  local port="$1" fast="$2"
  {
    echo "# Rewritten by deploy/local/postgres.sh on every up."
    echo "port = $port"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$SOCKET_DIR'"
    echo "password_encryption = 'scram-sha-256'"
    echo "max_connections = 200"
    if [ "$fast" = 1 ]; then
      echo "# --ephemeral: durability off, for throwaway test clusters only"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >"$DATA_DIR/logishift.conf"
  chown "$RUN_AS" "$DATA_DIR/logishift.conf"
}

cmd_up() {
  local fast="${SUPPORT_PG_FAST:-0}"
  [ "${1:-}" = --ephemeral ] && fast=1
  [ "$fast" = 1 ] || fast=0
  init_state_dir
  ensure_binaries
  touch "$LOG_FILE" && chown "$RUN_AS" "$LOG_FILE"

  local pid
  pid="$(running_pid)"
  if [ -n "$pid" ]; then
    log "already running (pid $pid, port $(recorded_port))"
  else
    install -d -m 700 -o "$RUN_AS" "$PG_DIR" "$SOCKET_DIR"
    choose_port
    [ -f "$DATA_DIR/PG_VERSION" ] || init_cluster "$fast"
    # No postmaster of ours runs, so a postmaster.pid here is left over from a crash; its PID may
    # since belong to another process, which would make postgres refuse to start.
    rm -f "$DATA_DIR/postmaster.pid"
    local port
    port="$(recorded_port)"
    write_settings "$port" "$fast"
    log "starting on 127.0.0.1:$port$([ "$fast" = 1 ] && echo ' (ephemeral: fsync off)')"
    # shellcheck disable=SC2094 # pg_ctl appends the server log to the same file, on purpose
    if ! as_pg "$PG_BIN/pg_ctl" start -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 -s >>"$LOG_FILE" 2>&1; then
      show_log_tail "$LOG_FILE"
      die "PostgreSQL did not start"
    fi
  fi

  local port i=0
  port="$(recorded_port)"
  until try_login "$port"; do
    i=$((i + 1))
    if [ "$i" -ge 60 ]; then
      show_log_tail "$LOG_FILE"
      cmd_down # a failed `up` leaves nothing running behind it
      die "cannot log in as $PG_USER on 127.0.0.1:$port"
    fi
    sleep 0.5
  done

  # CREATE DATABASE cannot run in a transaction: \gexec runs one statement per missing database.
  local list
  list="$(printf "'%s'," "${PG_DATABASES[@]}")"
  run_sql "$port" >/dev/null <<EOF
SELECT format('CREATE DATABASE %I OWNER %I', d, '$PG_USER')
  FROM unnest(ARRAY[${list%,}]) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d)
\gexec
EOF
  log "ready: 127.0.0.1:$port, databases: ${PG_DATABASES[*]}"
  print_env
}

# SIGINT = fast shutdown: rolls back open transactions, then a clean checkpoint; SIGQUIT = immediate.
cmd_down() { stop_running postmaster INT 30 QUIT; }

cmd_status() {
  local last=""
  [ -f "$PORT_FILE" ] && last=", last port $(recorded_port)"
  print_status postgres "port $(recorded_port), data $DATA_DIR" "$last"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 up [--ephemeral] | down | status | env" >&2; exit 2 ;;
esac

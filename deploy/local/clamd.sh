#!/usr/bin/env bash
# A private ClamAV daemon (Debian's clamd) for logiShift Support's upload scanning, listening on
# 127.0.0.1 (TCP) with its own config in the state dir. Its signature database holds ONLY a test
# signature for the EICAR anti-virus test file: no freshclam, no network. Production runs a real clamd
# with real signatures.
#
#   deploy/local/clamd.sh up       start (idempotent), check that it answers and flags EICAR;
#                                  prints SUPPORT_ATTACHMENTS_CLAMD_HOST=… and …_PORT=… on stdout
#   deploy/local/clamd.sh down     stop the clamd this state dir started
#   deploy/local/clamd.sh status   running/stopped and port (exit 0 running, 3 stopped)
#   deploy/local/clamd.sh env      the two lines of `up`, for a running clamd
#
# Environment: SUPPORT_STATE_DIR (default /var/tmp/logishift-support-<hash>), SUPPORT_CLAMD_PORT
# (force the port; default the first free one from 3310).
set -euo pipefail

# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=clamd

CLAMD_BIN=/usr/sbin/clamd
READY_TIMEOUT=60
# The standard EICAR test file (68 bytes); not a virus, detected by every scanner by convention.
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

resolve_state_dir
CLAMD_DIR="$STATE_DIR/clamd"
DB_DIR="$CLAMD_DIR/db"
CONFIG_FILE="$CLAMD_DIR/clamd.conf"
PORT_FILE="$CLAMD_DIR/port"
PID_FILE="$CLAMD_DIR/clamd.pid"
LOG_FILE="$STATE_DIR/logs/clamd.log"

ensure_binary() { ensure_package ClamAV "$CLAMD_BIN" clamav-daemon; }

# PID of the clamd of this state dir, or nothing; its config path in the command line marks it as ours.
running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if pid_matches "$pid" clamd "$CONFIG_FILE"; then echo "$pid"; fi
}

port() { cat "$PORT_FILE" 2>/dev/null || true; }

print_env() {
  printf 'SUPPORT_ATTACHMENTS_CLAMD_HOST=127.0.0.1\nSUPPORT_ATTACHMENTS_CLAMD_PORT=%s\n' "$(port)"
}

write_config() {
  mkdir -p "$DB_DIR" "$CLAMD_DIR/tmp"
  # An .ndb body signature (any file type, anywhere in the file): EICAR is found also with a line
  # break after it or inside a larger file.
  printf 'Logishift.Test.EICAR:0:*:%s\n' "$(printf '%s' "$EICAR" | od -An -tx1 -v | tr -d ' \n')" >"$DB_DIR/logishift-test.ndb"
  # No User directive: clamd keeps the user that starts it (root in CI, anyone else locally).
  cat >"$CONFIG_FILE" <<EOF
# Written by deploy/local/clamd.sh on every up.
TCPSocket $(port)
TCPAddr 127.0.0.1
DatabaseDirectory $DB_DIR
TemporaryDirectory $CLAMD_DIR/tmp
Foreground yes
LogFile $LOG_FILE
LogTime yes
# the service sends files of up to 10 MiB
StreamMaxLength 25M
# a test signature database never changes: no reload checks
SelfCheck 0
EOF
}

# True when clamd at PORT answers zPING with PONG.
ping() {
  local reply
  reply="$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"; printf "zPING\0" >&3; head -c 4 <&3' "$1" 2>/dev/null || true)"
  [ "$reply" = PONG ]
}

# What clamd says about the EICAR file sent with INSTREAM (length 68 = 0x44, then the zero terminator).
scan_eicar() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 10 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"; printf "zINSTREAM\0\0\0\0\x44%s\0\0\0\0" "$1" >&3; tr -d "\0" <&3' \
    "$1" "$EICAR" 2>/dev/null || true
}

cmd_up() {
  init_state_dir
  local pid
  pid="$(running_pid)"
  if [ -n "$pid" ]; then
    log "already running (pid $pid, 127.0.0.1:$(port))"
    print_env
    return 0
  fi
  ensure_binary
  mkdir -p "$CLAMD_DIR"
  local p
  if [ -n "${SUPPORT_CLAMD_PORT:-}" ]; then
    p="$SUPPORT_CLAMD_PORT"
    port_in_use "$p" && die "SUPPORT_CLAMD_PORT=$p is already in use"
  else
    p="$(port)"
    if [ -z "$p" ] || port_in_use "$p"; then p="$(find_free_port 3310)"; fi
  fi
  echo "$p" >"$PORT_FILE"
  write_config
  log "starting on 127.0.0.1:$p (test signature only; log $LOG_FILE)"
  local t
  t="$(now)"
  start_detached "$PID_FILE" clamd "$CLAMD_BIN" --config-file="$CONFIG_FILE"
  pid="$(cat "$PID_FILE")"
  wait_until_ready clamd "$pid" "$READY_TIMEOUT" ping "$p"
  local verdict
  verdict="$(scan_eicar "$p")"
  if [[ "$verdict" != *"Logishift.Test.EICAR"*FOUND* ]]; then
    fail_start "clamd does not flag the EICAR test file (answer: '$verdict')"
  fi
  log "ready: 127.0.0.1:$p, pid $pid ($(elapsed_since "$t"); EICAR -> $verdict)"
  print_env
}

cmd_down() { stop_running clamd TERM 15 KILL "$PID_FILE"; }

cmd_status() { print_status clamd "127.0.0.1:$(port), test signature only"; }

server_command "$@"

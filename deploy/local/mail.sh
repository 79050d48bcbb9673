#!/usr/bin/env bash
# A local mail server for logiShift Support: GreenMail (SMTP and IMAP, in memory) run as its own JVM
# from Maven Central, listening on 127.0.0.1 only. Authentication is off: every address is a mailbox
# that exists on first use, and any mailbox can be read over IMAP with its address as both login and
# password — open a customer's mail in any mail client. Nothing is delivered anywhere else.
#
#   deploy/local/mail.sh up       start (idempotent), check a real round trip (send over SMTP, find
#                                 it over IMAP); prints SUPPORT_MAIL_SMTP_HOST/PORT and
#                                 SUPPORT_MAIL_IMAP_HOST/PORT on stdout
#   deploy/local/mail.sh down     stop the server this state dir started (its mail is gone)
#   deploy/local/mail.sh status   running/stopped and ports (exit 0 running, 3 stopped)
#   deploy/local/mail.sh env      the four lines of `up`, for a running server
#
# Environment: SUPPORT_STATE_DIR (default /var/tmp/logishift-support-<hash>), SUPPORT_SMTP_PORT and
# SUPPORT_IMAP_PORT (force the ports; default the first free ones from 3025 and 3143).
set -euo pipefail

# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=mail

READY_TIMEOUT=60
MAIL_SRC="$LOCAL_DIR/mail"          # pom.xml naming the GreenMail release

resolve_state_dir
MAIL_DIR="$STATE_DIR/mail"
PORTS_FILE="$MAIL_DIR/ports"
PID_FILE="$MAIL_DIR/greenmail.pid"
LOG_FILE="$STATE_DIR/logs/mail.log"

# PID of the server of this state dir, or nothing; the marker property in its command line makes
# sure we never signal a process we did not start.
running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if pid_matches "$pid" java "-Dlogishift.mail.dir=$MAIL_DIR " GreenMailStandaloneRunner; then echo "$pid"; fi
}

recorded() { sed -n "s/^$1=//p" "$PORTS_FILE" 2>/dev/null || true; }

print_env() {
  printf 'SUPPORT_MAIL_SMTP_HOST=127.0.0.1\nSUPPORT_MAIL_SMTP_PORT=%s\n' "$(recorded smtp)"
  printf 'SUPPORT_MAIL_IMAP_HOST=127.0.0.1\nSUPPORT_MAIL_IMAP_PORT=%s\n' "$(recorded imap)"
}

# A forced port, the one used last time while free, or the first free one from DEFAULT.
pick_port() {
  local forced="$1" last="$2" default="$3" name="$4"; shift 4
  if [ -n "$forced" ]; then
    port_in_use "$forced" && die "$name=$forced is already in use"
    echo "$forced"
  elif [ -n "$last" ] && ! port_in_use "$last"; then
    echo "$last"
  else
    find_free_port "$default" "$@"
  fi
}

choose_ports() {
  local smtp imap
  smtp="$(pick_port "${SUPPORT_SMTP_PORT:-}" "$(recorded smtp)" 3025 SUPPORT_SMTP_PORT)"
  imap="$(pick_port "${SUPPORT_IMAP_PORT:-}" "$(recorded imap)" 3143 SUPPORT_IMAP_PORT "$smtp")"
  printf 'smtp=%s\nimap=%s\n' "$smtp" "$imap" >"$PORTS_FILE"
}

# Speaks a plain-text protocol on fd 3: sends LINE (if any), then reads replies until one matches
# the pattern; fails on timeout or end of stream.
converse() {
  local line="$1" until_pattern="$2" reply
  if [ -n "$line" ]; then printf '%s\r\n' "$line" >&3; fi
  while IFS= read -r -t 5 reply <&3; do
    reply="${reply%$'\r'}"
    REPLY_LINES+=("$reply")
    [[ "$reply" =~ $until_pattern ]] && return 0
  done
  return 1
}

# Sends a mail with SUBJECT to the check mailbox over SMTP.
smtp_send() {
  local port="$1" subject="$2" to="mail-check@logishift.local"
  REPLY_LINES=()
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  converse "" '^220 ' &&
    converse "HELO localhost" '^250 ' &&
    converse "MAIL FROM:<deploy-local@logishift.local>" '^250 ' &&
    converse "RCPT TO:<$to>" '^250 ' &&
    converse "DATA" '^354 ' &&
    converse "$(printf 'From: deploy-local@logishift.local\r\nTo: %s\r\nSubject: %s\r\n\r\nready check\r\n.' "$to" "$subject")" '^250 ' &&
    converse "QUIT" '^221'
  local rc=$?
  exec 3>&-
  return "$rc"
}

# True when the check mailbox holds a mail with SUBJECT, read over IMAP with the address as password.
imap_finds() {
  local port="$1" subject="$2" to="mail-check@logishift.local"
  REPLY_LINES=()
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  local rc=0
  { converse "" '^\* OK' &&
      converse "a1 LOGIN $to $to" '^a1 OK' &&
      converse "a2 SELECT INBOX" '^a2 OK' &&
      converse "a3 SEARCH SUBJECT \"$subject\"" '^a3 OK' &&
      printf '%s\n' "${REPLY_LINES[@]}" | grep -q '^\* SEARCH [0-9]'; } || rc=1
  converse "a4 LOGOUT" '^a4 ' || true
  exec 3>&-
  return "$rc"
}

# The ready check: a real round trip through both servers.
round_trip() {
  local subject="ready-check-$(random_hex 6)"
  smtp_send "$(recorded smtp)" "$subject" && imap_finds "$(recorded imap)" "$subject"
}

cmd_up() {
  init_state_dir
  command -v java >/dev/null || die "java not found (Java 17 is required)"
  already_running "SMTP 127.0.0.1:$(recorded smtp), IMAP 127.0.0.1:$(recorded imap)" && return 0
  local pid
  local cp
  cp="$(maven_classpath "$MAIL_SRC" GreenMail)"
  mkdir -p "$MAIL_DIR"
  choose_ports
  log "starting: SMTP 127.0.0.1:$(recorded smtp), IMAP 127.0.0.1:$(recorded imap) (log $LOG_FILE)"
  local t
  t="$(now)"
  start_detached "$PID_FILE" GreenMail \
    java -Xmx"${SUPPORT_MAIL_HEAP:-128m}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    "-Dlogishift.mail.dir=$MAIL_DIR" \
    -Dgreenmail.smtp.hostname=127.0.0.1 "-Dgreenmail.smtp.port=$(recorded smtp)" \
    -Dgreenmail.imap.hostname=127.0.0.1 "-Dgreenmail.imap.port=$(recorded imap)" \
    -Dgreenmail.auth.disabled \
    -cp "$cp" com.icegreen.greenmail.standalone.GreenMailStandaloneRunner
  pid="$(cat "$PID_FILE")"
  wait_until_ready GreenMail "$pid" "$READY_TIMEOUT" port_in_use "$(recorded imap)"
  wait_until_ready GreenMail "$pid" 10 round_trip
  log "ready: SMTP 127.0.0.1:$(recorded smtp), IMAP 127.0.0.1:$(recorded imap), pid $pid ($(elapsed_since "$t"))"
  print_env
}

cmd_down() { stop_running GreenMail TERM 15 KILL "$PID_FILE"; }

# One line for the server, then one each for SMTP and IMAP while it runs.
cmd_status() {
  local rc=0
  print_status mail "GreenMail; IMAP login and password = the mailbox's address" || rc=$?
  if [ "$rc" = 0 ]; then
    echo "SMTP 127.0.0.1:$(recorded smtp)"
    echo "IMAP 127.0.0.1:$(recorded imap)"
  fi
  return "$rc"
}

server_command "$@"

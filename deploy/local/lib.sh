# Shared helpers for the deploy/local scripts. Sourced, never run.
# shellcheck shell=bash

# Absolute path of the repository root (deploy/local/..).
LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"

# Human messages go to stderr: stdout is reserved for KEY=VALUE lines that callers eval.
log() { printf '[%s] %s\n' "${LOG_TAG:-local}" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "${LOG_TAG:-local}" "$*" >&2; exit 1; }

# Default state dir: one per checkout, under /var/tmp because the postgres system user
# must be able to traverse it (it cannot enter /root) and it should survive reboots.
default_state_dir() {
  local hash
  hash="$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-8)"
  printf '/var/tmp/logishift-support-%s\n' "$hash"
}

# Sets and exports STATE_DIR from SUPPORT_STATE_DIR or the default; creates nothing.
resolve_state_dir() {
  STATE_DIR="${SUPPORT_STATE_DIR:-$(default_state_dir)}"
  case "$STATE_DIR" in /?*) ;; *) die "SUPPORT_STATE_DIR must be an absolute path below /: '$STATE_DIR'" ;; esac
  STATE_DIR="${STATE_DIR%/}"
  export SUPPORT_STATE_DIR="$STATE_DIR"
}

# resolve_state_dir, then create the directory (for `up`).
init_state_dir() {
  resolve_state_dir
  if [ ! -e "$STATE_DIR/.logishift-state" ]; then
    # Never adopt (and later delete on reset) a directory that already holds something else.
    if [ -d "$STATE_DIR" ] && [ -n "$(ls -A "$STATE_DIR")" ]; then
      die "$STATE_DIR is not empty and is not a logiShift state dir; choose another SUPPORT_STATE_DIR"
    fi
    mkdir -p "$STATE_DIR"
    # o+x only (no listing): lets the postgres system user reach its own sub-directory.
    chmod 711 "$STATE_DIR"
    echo "logiShift Support local state (deploy/local)" >"$STATE_DIR/.logishift-state"
  fi
  mkdir -p "$STATE_DIR/logs"
  chmod 755 "$STATE_DIR/logs"
}

# Wall-clock seconds with decimals, for timings.
now() { printf '%s\n' "$EPOCHREALTIME"; }
elapsed_since() { awk -v s="$1" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", e - s }'; }

# True when something listens on TCP PORT (any address). ss is exact; /dev/tcp is the fallback.
port_in_use() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# Prints the first free port >= START that is not among the further arguments.
find_free_port() {
  local port="$1"; shift
  local limit=$((port + 200))
  while [ "$port" -lt "$limit" ]; do
    if ! port_in_use "$port" && [[ " $* " != *" $port "* ]]; then
      printf '%s\n' "$port"; return 0
    fi
    port=$((port + 1))
  done
  die "no free TCP port found from $1 to $limit"
}

# True when PID is a live process (a zombie waiting to be reaped counts as gone).
pid_alive() {
  local pid="$1" state
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  # Field 3 of /proc/PID/stat is the state; the command name (field 2) may hold spaces.
  state="$(sed -e 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# True when PID is alive and its command line contains every further argument.
# Used before any kill: we only signal processes that we started for this state dir.
pid_matches() {
  local pid="$1"; shift
  pid_alive "$pid" || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  local needle
  for needle in "$@"; do
    [[ "$cmdline" == *"$needle"* ]] || return 1
  done
}

# Waits up to SECONDS for PID to exit; returns 1 if it is still alive.
wait_pid_gone() {
  local pid="$1" seconds="$2" i=0
  while pid_alive "$pid"; do
    [ "$i" -ge $((seconds * 10)) ] && return 1
    sleep 0.1; i=$((i + 1))
  done
}

# Exports the KEY=VALUE lines that postgres.sh / kafka.sh print (instead of eval-ing their output).
export_lines() {
  local line
  while IFS= read -r line; do
    # shellcheck disable=SC2163 # exports NAME=value given as one word, as intended
    if [[ "$line" =~ ^[A-Z_][A-Z0-9_]*=.*$ ]]; then export "$line"; fi
  done <<<"$1"
}

# Prints the class path of the standalone pom in DIR (a server run from Maven Central jars), resolved
# with Maven once and cached in DIR/target while the pom is unchanged and every jar is still there.
maven_classpath() {
  local dir="$1" what="$2" cp_file="$1/target/classpath.txt" key_file="$1/target/classpath.key" key
  key="$(sha256sum "$dir/pom.xml" | cut -c1-16)"
  if [ -s "$cp_file" ] && [ "$(cat "$key_file" 2>/dev/null)" = "$key" ] && all_jars_exist "$cp_file"; then
    cat "$cp_file"; return 0
  fi
  log "resolving the $what class path with Maven (first time only)"
  mkdir -p "$dir/target"
  # Written under a private name first: several runs may resolve at the same time.
  if ! "$REPO_ROOT/mvnw" -B -q -f "$dir/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$cp_file.$$" >&2; then
    rm -f "$cp_file.$$"
    die "could not resolve the $what class path (see Maven output above)"
  fi
  mv "$cp_file.$$" "$cp_file"
  echo "$key" >"$key_file"
  cat "$cp_file"
}

all_jars_exist() {
  local jar
  while IFS= read -r -d: jar || [ -n "$jar" ]; do
    [ -f "$jar" ] || return 1
  done <"$1"
}

# For `up`: when the process of this state dir runs already, logs so with DESCRIPTION, prints its
# environment lines and succeeds; fails (nothing printed) when it does not run.
already_running() {
  local pid
  pid="$(running_pid)"
  [ -n "$pid" ] || return 1
  log "already running (pid $pid, $1)"
  print_env
}

# The command dispatch of a server script (up, down, status, env).
server_command() {
  case "${1:-}" in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    env) cmd_env ;;
    *) echo "usage: $0 up | down | status | env" >&2; exit 2 ;;
  esac
}

# Random lowercase hex string of N bytes (no quoting issues in URLs or shells).
random_hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

# Prints the last lines of a log file to stderr, to explain a failed start.
show_log_tail() {
  local file="$1" lines="${2:-30}"
  [ -f "$file" ] || return 0
  printf '[%s] ---- last %s lines of %s ----\n' "${LOG_TAG:-local}" "$lines" "$file" >&2
  tail -n "$lines" "$file" >&2 || true
  printf '[%s] ----\n' "${LOG_TAG:-local}" >&2
}

# The process helpers below expect the sourcing script to define running_pid (the PID of its
# process, or nothing), print_env and cmd_down, and to set LOG_FILE.

# Starts COMMAND… detached (setsid: it outlives this script and the terminal), output appended to
# LOG_FILE; waits until PID_FILE names it. The small bash writes its own PID and then becomes the
# command (exec), so PID_FILE holds the command's PID.
start_detached() {
  local pid_file="$1" what="$2"; shift 2
  rm -f "$pid_file"
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pid_file" "$@" </dev/null >>"$LOG_FILE" 2>&1 &
  local i=0
  until [ -s "$pid_file" ]; do
    i=$((i + 1)); [ "$i" -lt 50 ] || die "$what did not start (no PID file)"
    sleep 0.1
  done
}

# A failed start: shows the log, stops what may run (a failed `up` leaves nothing behind), exits.
fail_start() {
  show_log_tail "$LOG_FILE"
  cmd_down
  die "$1"
}

# Runs CHECK… every 0.2 s until it succeeds; fails the start when PID exits or after SECONDS.
wait_until_ready() {
  local what="$1" pid="$2" seconds="$3"; shift 3
  local i=0
  until "$@"; do
    pid_alive "$pid" || fail_start "$what exited during start-up"
    i=$((i + 1))
    [ "$i" -lt $((seconds * 5)) ] || fail_start "$what not ready after $seconds s"
    sleep 0.2
  done
}

# Stops the running process: SIGNAL, then LAST_SIGNAL after GRACE seconds; removes PID_FILE if given.
stop_running() {
  local what="$1" signal="$2" grace="$3" last="$4" pid_file="${5:-}" pid
  pid="$(running_pid)"
  if [ -z "$pid" ]; then
    log "not running"
  else
    log "stopping (pid $pid)"
    kill "-$signal" "$pid" 2>/dev/null || true
    if ! wait_pid_gone "$pid" "$grace"; then
      log "still running after $grace s: SIG$last"
      kill "-$last" "$pid" 2>/dev/null || true
      wait_pid_gone "$pid" 10 || die "$what $pid did not stop"
    fi
    log "stopped"
  fi
  if [ -n "$pid_file" ]; then rm -f "$pid_file"; fi
}

# `env`: the KEY=VALUE lines of the running process.
cmd_env() {
  [ -n "$(running_pid)" ] || die "not running (state dir $STATE_DIR); run: $0 up"
  print_env
}

# `status`: one line; exit code 3 when stopped (as LSB status commands do). RUNNING describes the
# running process after its pid; STOPPED_EXTRA is appended to the state dir when stopped.
print_status() {
  local name="$1" running="$2" stopped_extra="${3:-}" pid
  pid="$(running_pid)"
  if [ -n "$pid" ]; then
    echo "$name: running (pid $pid, $running)"
    return 0
  fi
  echo "$name: stopped (state dir $STATE_DIR$stopped_extra)"
  return 3
}

# Installs the Debian PACKAGE where BINARY is missing (as root; anyone else is told how).
ensure_package() {
  local what="$1" binary="$2" package="$3"
  [ -x "$binary" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    die "$what is not installed ($binary missing); run: sudo apt-get install -y $package"
  fi
  log "$what missing: installing the Debian package $package"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$package" >&2
  [ -x "$binary" ] || die "apt-get installed $package but $binary is still missing"
}

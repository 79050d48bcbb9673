#!/usr/bin/env bash
# A local Apache Kafka 4.1.2 broker (KRaft, one combined broker+controller node) for logiShift
# Support, run as its own JVM from Maven Central jars, with its data in the state dir.
#
#   deploy/local/kafka.sh up       start (idempotent), create the project topics, check a
#                                  produce/consume round trip; prints KAFKA_BOOTSTRAP_SERVERS=… on stdout
#   deploy/local/kafka.sh down     stop the broker this state dir started
#   deploy/local/kafka.sh status   running/stopped and ports (exit 0 running, 3 stopped)
#   deploy/local/kafka.sh env      KAFKA_BOOTSTRAP_SERVERS=… of the running broker
#   deploy/local/kafka.sh tool topics|consume|groups ARGS…   Kafka's CLI tools against this broker
#
# Environment: SUPPORT_STATE_DIR (default /var/tmp/logishift-support-<hash>), SUPPORT_KAFKA_PORT
# (force the broker port; only before the first start), SUPPORT_KAFKA_TOPICS (override the
# NAME:PARTITIONS list below), SUPPORT_KAFKA_HEAP (default 384m).
set -euo pipefail

# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=kafka

# Topics of the project (NAME:PARTITIONS), created on every `up` when missing.
PROJECT_TOPICS="${SUPPORT_KAFKA_TOPICS:-support.account-events:3 support.ticket-events:3 support.notifications.dlq:1}"
READY_TIMEOUT=90

KAFKA_SRC="$LOCAL_DIR/kafka"        # pom.xml, KafkaCheck.java, log4j2.properties
CACHE_DIR="$KAFKA_SRC/target"       # class path and compiled check, shared by all state dirs
CHECK_CLASSES="$CACHE_DIR/check-classes"

resolve_state_dir
KAFKA_DIR="$STATE_DIR/kafka"
DATA_DIR="$KAFKA_DIR/data"
CONFIG_FILE="$KAFKA_DIR/server.properties"
PORTS_FILE="$KAFKA_DIR/ports"
PID_FILE="$KAFKA_DIR/kafka.pid"
LOG_FILE="$STATE_DIR/logs/kafka.log"

JVM_OPTS=(-Xmx"${SUPPORT_KAFKA_HEAP:-384m}" -XX:TieredStopAtLevel=1 -Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$KAFKA_SRC/log4j2.properties" "-Dlogishift.kafka.log=$LOG_FILE")

# --- class path ------------------------------------------------------------------------------

broker_classpath() { maven_classpath "$KAFKA_SRC" "Kafka broker"; }

# Compiles KafkaCheck.java once (the source launcher would recompile it on every run).
check_classes() {
  local cp="$1"
  # compiled again when the source or the class path (a new Kafka release) is newer
  if [ ! -f "$CHECK_CLASSES/KafkaCheck.class" ] || [ "$KAFKA_SRC/KafkaCheck.java" -nt "$CHECK_CLASSES/KafkaCheck.class" ] \
      || [ "$CACHE_DIR/classpath.txt" -nt "$CHECK_CLASSES/KafkaCheck.class" ]; then
    local tmp="$CHECK_CLASSES.$$"
    javac -nowarn -d "$tmp" -cp "$cp" "$KAFKA_SRC/KafkaCheck.java" >&2 || die "cannot compile KafkaCheck.java"
    rm -rf "$CHECK_CLASSES" && mv "$tmp" "$CHECK_CLASSES"
  fi
  echo "$CHECK_CLASSES"
}

# --- process ---------------------------------------------------------------------------------

# PID of the broker of this state dir, or nothing. The marker property in its command line
# makes sure we never signal a process we did not start.
running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if pid_matches "$pid" java "-Dlogishift.kafka.dir=$KAFKA_DIR " kafka.Kafka; then echo "$pid"; fi
}

recorded() { sed -n "s/^$1=//p" "$PORTS_FILE" 2>/dev/null || true; }

bootstrap() { echo "127.0.0.1:$(recorded broker)"; }

print_env() { printf 'KAFKA_BOOTSTRAP_SERVERS=%s\n' "$(bootstrap)"; }

# Broker port from 9092 up, controller port the next free one; both reused on later starts.
# Once the storage is formatted the controller address is part of the cluster metadata
# (the KRaft voter set), so the controller port cannot move.
choose_ports() {
  local broker controller
  broker="$(recorded broker)"; controller="$(recorded controller)"
  if [ -n "$broker" ] && [ -f "$DATA_DIR/meta.properties" ]; then
    port_in_use "$controller" &&
      die "controller port $controller of this Kafka (state dir $STATE_DIR) is taken by another process"
    if port_in_use "$broker"; then
      # Clients find the broker through KAFKA_BOOTSTRAP_SERVERS, so this port may move.
      log "port $broker (used last time) is taken by another process; picking another"
      broker="$(find_free_port 9092 "$controller")"
      printf 'broker=%s\ncontroller=%s\n' "$broker" "$controller" >"$PORTS_FILE"
    fi
    return 0
  fi
  if [ -n "${SUPPORT_KAFKA_PORT:-}" ]; then
    broker="$SUPPORT_KAFKA_PORT"
    port_in_use "$broker" && die "SUPPORT_KAFKA_PORT=$broker is already in use"
  else
    broker="$(find_free_port 9092)"
  fi
  controller="$(find_free_port $((broker + 1)) "$broker")"
  printf 'broker=%s\ncontroller=%s\n' "$broker" "$controller" >"$PORTS_FILE"
}

write_config() {
  local broker controller
  broker="$(recorded broker)"; controller="$(recorded controller)"
  cat >"$CONFIG_FILE" <<EOF
# Written by deploy/local/kafka.sh on every up: one KRaft node, broker and controller in one JVM.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$broker,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$broker,CONTROLLER://127.0.0.1:$controller
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA_DIR

# One node: every internal topic with a single replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1

num.partitions=3
auto.create.topics.enable=true
# Consumers of a fresh group start at once instead of waiting 3 s for more members.
group.initial.rebalance.delay.ms=0
# The default 128 MiB dedupe buffer costs ~130 MB of RSS and breaks small heaps.
log.cleaner.dedupe.buffer.size=8388608
EOF
}

# Runs a Java main class of the broker's class path, logging to kafka.log.
run_java() {
  local cp="$1"; shift
  java "${JVM_OPTS[@]}" -cp "$cp" "$@"
}

start_broker() {
  local cp="$1"
  if [ ! -f "$DATA_DIR/meta.properties" ]; then
    mkdir -p "$DATA_DIR"
    # Cluster id: 16 random bytes, URL-safe base64 without padding (Kafka's Uuid format).
    local cluster_id
    # an id starting with '-' would be read as an option by StorageTool's argument parser
    cluster_id="-"
    while [[ "$cluster_id" == -* ]]; do
      cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    done
    log "formatting storage (cluster id $cluster_id)"
    run_java "$cp" kafka.tools.StorageTool format --standalone --cluster-id "$cluster_id" \
      --config "$CONFIG_FILE" >>"$LOG_FILE" 2>&1 || { show_log_tail "$LOG_FILE"; die "storage format failed"; }
  fi
  start_detached "$PID_FILE" "the broker" \
    java "${JVM_OPTS[@]}" "-Dlogishift.kafka.dir=$KAFKA_DIR" -cp "$cp" kafka.Kafka "$CONFIG_FILE"
}

# A failed `up` leaves nothing running behind it.
# Waits for the listener, then lets KafkaCheck create topics and do a real round trip.
wait_ready() {
  local cp="$1" pid="$2" classes
  classes="$(check_classes "$cp")"
  wait_until_ready "the broker" "$pid" "$READY_TIMEOUT" port_in_use "$(recorded broker)"
  local topic_args=() t
  for t in $PROJECT_TOPICS; do topic_args+=(--topic "$t"); done
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "-Dlog4j2.configurationFile=$KAFKA_SRC/log4j2.properties" \
    "-Dlogishift.kafka.log=$LOG_FILE" -Dlogishift.kafka.level=WARN -cp "$classes:$cp" KafkaCheck \
    --bootstrap "$(bootstrap)" --timeout "$READY_TIMEOUT" "${topic_args[@]}" &
  local check=$!
  # Watch the broker meanwhile: if it dies (e.g. its port was taken), fail now, not after the timeout.
  while pid_alive "$check"; do
    if ! pid_alive "$pid"; then
      kill "$check" 2>/dev/null || true
      wait "$check" 2>/dev/null || true
      fail_start "the broker exited during start-up"
    fi
    sleep 0.2
  done
  wait "$check" || fail_start "the broker is not ready (produce/consume check failed)"
}

# --- commands --------------------------------------------------------------------------------

cmd_up() {
  init_state_dir
  command -v java >/dev/null || die "java not found (Java 17 is required)"
  already_running "$(bootstrap)" && return 0
  local pid
  local cp
  cp="$(broker_classpath)"
  mkdir -p "$KAFKA_DIR"
  choose_ports
  write_config
  log "starting on $(bootstrap) (controller port $(recorded controller))"
  start_broker "$cp"
  pid="$(cat "$PID_FILE")"
  wait_ready "$cp" "$pid"
  log "ready: $(bootstrap), pid $pid, topics: $PROJECT_TOPICS"
  print_env
}

cmd_down() { stop_running broker TERM 30 KILL "$PID_FILE"; }

cmd_status() {
  local last=""
  [ -f "$PORTS_FILE" ] && last=", last bootstrap $(bootstrap)"
  print_status kafka "bootstrap $(bootstrap), controller port $(recorded controller)" "$last"
}

# Kafka's own CLI tools, pointed at this broker, e.g.
#   kafka.sh tool topics --list
#   kafka.sh tool consume --topic support.ticket-events --from-beginning --property print.key=true
#   kafka.sh tool groups --list
cmd_tool() {
  [ -n "$(running_pid)" ] || die "not running (state dir $STATE_DIR); run: $0 up"
  local name="${1:-}" class
  shift || true
  case "$name" in
    topics) class=org.apache.kafka.tools.TopicCommand ;;
    consume) class=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    produce) class=org.apache.kafka.tools.ConsoleProducer ;;
    groups) class=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    *) die "usage: $0 tool topics|consume|produce|groups ARGS…" ;;
  esac
  # Tools log to stderr at WARN only; their output goes to stdout as usual.
  exec java -XX:TieredStopAtLevel=1 -Xmx256m -cp "$(broker_classpath)" \
    "-Dlog4j2.configurationFile=$KAFKA_SRC/log4j2.properties" "-Dlogishift.kafka.log=/dev/stderr" \
    -Dlogishift.kafka.level=WARN "$class" --bootstrap-server "$(bootstrap)" "$@"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  tool) shift; cmd_tool "$@" ;;
  *) echo "usage: $0 up | down | status | env | tool topics|consume|produce|groups ARGS…" >&2; exit 2 ;;
esac

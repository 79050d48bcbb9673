#!/usr/bin/env bash
# Search latency of faq-service at 10,000 entries: starts the packaged service against a fresh
# database `faq_bench`, seeds 10,000 synthetic entries (seed-10k.sql) on top of the shipped ones,
# then times GET /api/support/faq/?q=… over HTTP and prints p50/p90/p99/max per query.
#
#   ./mvnw -B -f faq-service/pom.xml package -DskipTests     # once: builds target/quarkus-app
#   faq-service/bench/search-latency.sh
#
# Environment: BENCH_REQUESTS (timed requests per query, default 500), BENCH_WARMUP (default 200),
# BENCH_COMMON_SHARE (share of common logistics words in the synthetic texts, default 0.08; see
# seed-10k.sql),
# SUPPORT_PG_HOST/PORT/USER/PASSWORD to use a running PostgreSQL (otherwise a throwaway one is
# started with deploy/local/postgres.sh and removed afterwards). Prints numbers; asserts nothing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../deploy/local/lib.sh
source "$here/../../deploy/local/lib.sh"
LOG_TAG=bench

REQUESTS="${BENCH_REQUESTS:-500}"
WARMUP="${BENCH_WARMUP:-200}"
COMMON_SHARE="${BENCH_COMMON_SHARE:-0.08}"
JAR="$here/../target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || die "$JAR missing; run: ./mvnw -B -f faq-service/pom.xml package -DskipTests"

WORK="$(mktemp -d /tmp/faq-bench.XXXXXX)"
chmod 711 "$WORK"
APP_PID=""
PG_STARTED=0

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$APP_PID" ] && pid_alive "$APP_PID"; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    wait_pid_gone "$APP_PID" 30 || kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  if [ "$PG_STARTED" = 1 ]; then
    SUPPORT_STATE_DIR="$WORK/state" bash "$LOCAL_DIR/postgres.sh" down || rc=1
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${SUPPORT_PG_PORT:-}" ] || [ -z "${SUPPORT_PG_PASSWORD:-}" ]; then
  log "starting a throwaway PostgreSQL"
  PG_STARTED=1
  pg_env="$(SUPPORT_STATE_DIR="$WORK/state" bash "$LOCAL_DIR/postgres.sh" up --ephemeral)"
  while IFS= read -r line; do
    [[ "$line" =~ ^SUPPORT_PG_[A-Z]+=.*$ ]] && export "$line"
  done <<<"$pg_env"
fi
export SUPPORT_PG_HOST="${SUPPORT_PG_HOST:-127.0.0.1}" SUPPORT_PG_USER="${SUPPORT_PG_USER:-support}"

pg() {
  PGPASSWORD="$SUPPORT_PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$SUPPORT_PG_HOST" -p "$SUPPORT_PG_PORT" \
    -U "$SUPPORT_PG_USER" "$@"
}
pg -d postgres -c 'DROP DATABASE IF EXISTS faq_bench' -c 'CREATE DATABASE faq_bench' 2>/dev/null

PORT="$(find_free_port 18083)"
log "starting faq-service on 127.0.0.1:$PORT (database faq_bench)"
QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$SUPPORT_PG_HOST:$SUPPORT_PG_PORT/faq_bench" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$SUPPORT_PG_HOST:$SUPPORT_PG_PORT/faq_bench" \
  java -Xmx256m -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  pid_alive "$APP_PID" || { show_log_tail "$WORK/app.log"; die "faq-service exited"; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { show_log_tail "$WORK/app.log"; die "not ready"; }

log "seeding 10,000 entries"
t="$(now)"
pg -d faq_bench -v common_share="$COMMON_SHARE" -f "$here/seed-10k.sql" >/dev/null
log "seeded in $(elapsed_since "$t")"

BASE="http://127.0.0.1:$PORT/api/support/faq/"
# label|query string (already URL-encoded)
QUERIES=(
  "browse, lang=en|size=20"
  "browse, lang=fr (fallback)|lang=fr&size=20"
  "q=damage|q=damage"
  "q=broken parcel|q=broken%20parcel"
  "q=where is my package|q=where%20is%20my%20package"
  "q=beschädigte Pakete, lang=de|q=besch%C3%A4digte%20Pakete&lang=de"
  "q=colis perdu, lang=fr|q=colis%20perdu&lang=fr"
  "q=damaged, category=DAMAGED|q=damaged&category=DAMAGED"
  "q=2 rare words, any-word fallback|q=wen17%20wen3999"
  "q=no match|q=zzqqxx"
  "q=200 chars|q=$(printf 'parcel%%20damage%%20%.0s' $(seq 1 13))parcel"
)

# one curl process per batch: the connection is kept alive, as a gateway would
timings() {
  local url="$1" count="$2" cfg="$WORK/curl.cfg"
  : >"$cfg"
  for _ in $(seq 1 "$count"); do
    printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$cfg"
  done
  curl -s -K "$cfg" -w '%{http_code} %{time_total}\n'
}

printf '\n%d entries (common_share %s); %d timed requests per query after %d warm-up requests; load %s; ms\n' \
  "$(pg -d faq_bench -Atc 'SELECT count(*) FROM faq_entry')" "$COMMON_SHARE" "$REQUESTS" "$WARMUP" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-36s %7s %7s %7s %7s %7s %8s\n' query hits p50 p90 p99 max status
for entry in "${QUERIES[@]}"; do
  label="${entry%%|*}"
  url="$BASE?${entry#*|}"
  timings "$url" "$WARMUP" >/dev/null
  hits="$(curl -s "$url" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')"
  timings "$url" "$REQUESTS" | awk '{ print $1, $2 * 1000 }' | sort -k2 -n | awk -v label="$label" -v hits="$hits" '
    function pct(p,  i) { i = int(NR * p + 0.9999); return ms[i < 1 ? 1 : i] }
    { status[$1]++; ms[NR] = $2 }
    END {
      s = ""; for (c in status) s = s c "x" status[c] " ";
      printf "%-36s %7s %7.2f %7.2f %7.2f %7.2f %8s\n", label, hits, pct(0.50), pct(0.90), pct(0.99),
             ms[NR], s
    }'
done

# The reports step of deploy/bench/run (sourced; uses its phase, run_gatling, RUN_DIR, GW, BENCH_DIR).
# On the largest table: the report facts for the seeded tickets (sql/seed-reports.sql), then each
# report shape an admin asks for over the past year at a constant rate (Gatling, open model): months,
# weeks by category, days by agent, and the CSV of weeks. Goal: p99 <= 200 ms at 1,000,000 tickets.
REPORT_RATE="${BENCH_REPORT_RATE:-2}"
REPORT_SECS="${BENCH_REPORT_SECS:-30}"

bench_reports() {
  local size=$1 to from
  phase "reports-$size"
  psql -X -q -v ON_ERROR_STOP=1 -d ticket_service -f "$BENCH_DIR/sql/seed-reports.sql" \
    >"$RUN_DIR/seed-reports.log" 2>&1 || { cat "$RUN_DIR/seed-reports.log" >&2; die "writing the report facts failed"; }
  settle
  to=$(date -u -d tomorrow +%F)
  from=$(date -u -d "$to -1 year" +%F)
  local q="from=$from&to=$to&tz=Europe/Berlin"
  {
    echo "# name method url tokens rate seconds"
    echo "warmup-report GET $GW/api/admin/support/reports/?$q&interval=week admins $REPORT_RATE $REPORT_SECS"
    # the first report of a shape stores its settled buckets (seconds; see the ticket-service README, Reports)
    echo "warmup-report-months GET $GW/api/admin/support/reports/?$q&interval=month admins 1 20"
    echo "warmup-report-weeks-by-category GET $GW/api/admin/support/reports/?$q&interval=week&groupBy=category admins 1 20"
    echo "warmup-report-days-by-agent GET $GW/api/admin/support/reports/?$q&interval=day&groupBy=agent admins 1 20"
    echo "report-year-months GET $GW/api/admin/support/reports/?$q&interval=month admins $REPORT_RATE $REPORT_SECS"
    echo "report-year-weeks-by-category GET $GW/api/admin/support/reports/?$q&interval=week&groupBy=category admins $REPORT_RATE $REPORT_SECS"
    echo "report-year-days-by-agent GET $GW/api/admin/support/reports/?$q&interval=day&groupBy=agent admins $REPORT_RATE $REPORT_SECS"
    echo "report-csv-year-weeks GET $GW/api/admin/support/reports/export.csv?$q&interval=week admins $REPORT_RATE $REPORT_SECS"
  } >"$RUN_DIR/plan-reports.txt"
  run_gatling reports "$RUN_DIR/plan-reports.txt"
  {
    echo "tickets=$(psql -d ticket_service -Atc "select count(*) from report_ticket")"
    echo "resolutions=$(psql -d ticket_service -Atc "select count(*) from report_resolution")"
    echo "range=$from..$to"
    echo "rate=$REPORT_RATE"
  } >"$RUN_DIR/reports.properties"
  log "reports: $(tr '\n' ' ' <"$RUN_DIR/reports.properties")"
}

# The search step of deploy/bench/run (sourced by it; uses its helpers and variables): on the largest
# table, give the seeded tickets a search corpus (sql/seed-search.sql: a "lot word" per ticket found in
# ~1 of 10,000 tickets, "parcel" in half of them, the message table topped up to SEARCH_MESSAGES rows),
# then search through the gateway at SEARCH_RATE/s for SEARCH_SECS each (Gatling open model):
#   selective queries (a lot word; a 6-digit part of a delivery id) as agents and as customers, and
#   the worst case, a word in half of all tickets, as an agent and as a customer.
# Writes search.properties and the Gatling group "search" (read by Report's search section).
search_step() {
  local size="$1" messages="${SEARCH_MESSAGES:-$(( $1 * 5 ))}" t
  phase "search-$size"
  t="$(now)"
  psql -X -q -v ON_ERROR_STOP=1 -d ticket_service -v messages="$messages" -f "$BENCH_DIR/sql/seed-search.sql" \
    >"$RUN_DIR/seed-search.log" 2>&1 || { cat "$RUN_DIR/seed-search.log" >&2; die "seeding the search corpus failed"; }
  settle
  local seeded
  seeded="$(awk -v s="$t" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }')"
  # what the selective queries ask for: lot words and delivery-id digits that exist
  psql -d ticket_service -Atc "select distinct substring(subject from 'lot[0-9]{4}') from ticket where subject ~ 'lot[0-9]{4}' limit 500" \
    >"$RUN_DIR/tokens/search-lots.txt"
  psql -d ticket_service -Atc "select right(delivery_id, 6) from ticket where delivery_id is not null order by id limit 500" \
    >"$RUN_DIR/tokens/search-deliveries.txt"
  {
    echo "seedSeconds=$seeded"
    echo "tickets=$(psql -Atc "select count(*) from ticket" -d ticket_service)"
    echo "messages=$(psql -Atc "select count(*) from ticket_message" -d ticket_service)"
    echo "halfWordTickets=$(psql -Atc "select count(*) from ticket where search_document @@ support_search_query('parcel')" -d ticket_service)"
    echo "searchIndexMiB=$(psql -Atc "select (pg_relation_size('ticket_search_idx') + pg_relation_size('ticket_message_search_idx')) / 1048576" -d ticket_service)"
  } >"$RUN_DIR/search.properties"
  log "search corpus: $(tr '\n' ' ' <"$RUN_DIR/search.properties")"
  local q="$GW/api/support/tickets/search/?q=" rate="${SEARCH_RATE:-50}" secs="${SEARCH_SECS:-30}"
  {
    echo "# name method url tokens rate seconds feed"
    # every lot word twice as an agent and once as a customer first: the measured steps then see the
    # cache a running system has, not the first read of each ticket from disk. Slowly (10/s): right
    # after the seed each first read waits for the disk, and at the step's rate the warm-up queued
    # for seconds and handed that queue to the first measured step. Each step then starts after a
    # pause, so none inherits the queue of the one before (the worst cases saturate)
    echo "warmup-search GET ${q}#{ticket} agents 10 100 search-lots"
    echo "warmup-search-customer GET ${q}#{ticket} customers 10 50 search-lots"
    echo "settle-search-0 PAUSE - - 0 15"
    echo "search-selective-agent GET ${q}#{ticket} agents $rate $secs search-lots"
    echo "settle-search-1 PAUSE - - 0 5"
    echo "search-selective-customer GET ${q}#{ticket} customers $rate $secs search-lots"
    echo "settle-search-2 PAUSE - - 0 5"
    echo "search-delivery-part-agent GET ${q}#{ticket} agents $rate $secs search-deliveries"
    echo "settle-search-3 PAUSE - - 0 5"
    echo "search-half-agent GET ${q}parcel agents $rate $secs"
    echo "settle-search-4 PAUSE - - 0 15"
    echo "search-half-customer GET ${q}parcel customers $rate $secs"
  } >"$RUN_DIR/plan-search.txt"
  footprint search-before
  run_gatling search "$RUN_DIR/plan-search.txt"
  footprint search-after
}

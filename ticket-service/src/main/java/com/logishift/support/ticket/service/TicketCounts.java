package com.logishift.support.ticket.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Exact ticket counts without counting tickets: the counters per (status, priority, category,
 * assignee) of migration V9 plus their changes still in the ledger, so any combination of those
 * filters sums a few rows however many tickets exist. Folding happens here, every second, in one
 * statement that deletes exactly the ledger rows it adds (replicas may fold concurrently); readers
 * never fold and never wait for a fold, and a count is exact whether or not the ledger was folded.
 */
@ApplicationScoped
public class TicketCounts {

    private static final Logger LOG = Logger.getLogger(TicketCounts.class);
    private static final Duration FOLD_INTERVAL = Duration.ofSeconds(1);

    /**
     * SQL: every counter as it is now, possibly several rows per key (the folded row and the
     * unfolded changes); sum {@code tickets} per key. Columns: status, priority, category,
     * assignee_id, tickets.
     */
    public static final String CURRENT = """
            (SELECT status, priority, category, assignee_id, tickets FROM ticket_count
             UNION ALL
             SELECT status, priority, category, assignee_id, delta FROM ticket_count_change)""";

    private final Pool pool;
    private final Vertx vertx;
    private volatile long timer = -1;

    public TicketCounts(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
    }

    void startFolding(@Observes StartupEvent start) {
        timer = vertx.setPeriodic(FOLD_INTERVAL.toMillis(), id -> fold().subscribe().with(
                folded -> LOG.tracef("Folded %d ticket count changes", folded),
                failure -> LOG.warnf("Could not fold ticket count changes (will retry): %s", failure.getMessage())));
    }

    void stopFolding(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Whether the counters can answer the filter: a customer's own list is not a counted dimension. */
    public static boolean covers(TicketFilter filter) {
        return filter.customerId().isEmpty();
    }

    /** The exact number of tickets the filter matches; only for filters the counters {@link #covers}. */
    public Uni<Long> total(TicketFilter filter) {
        if (!covers(filter)) {
            throw new IllegalArgumentException("the ticket counters have no customer dimension");
        }
        List<String> conditions = new ArrayList<>();
        Tuple parameters = Tuple.tuple();
        filter.status().ifPresent(v -> equal(conditions, parameters, "status", v.name()));
        filter.priority().ifPresent(v -> equal(conditions, parameters, "priority", v.name()));
        filter.category().ifPresent(v -> equal(conditions, parameters, "category", v.name()));
        filter.assigneeId().ifPresent(v -> equal(conditions, parameters, "assignee_id", v));
        if (filter.unassignedOnly()) {
            conditions.add("assignee_id IS NULL");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return pool.preparedQuery("SELECT COALESCE(sum(tickets), 0)::bigint AS total FROM " + CURRENT + " c" + where)
                .execute(parameters)
                .map(rows -> rows.iterator().next().getLong("total"));
    }

    private static void equal(List<String> conditions, Tuple parameters, String column, Object value) {
        parameters.addValue(value);
        conditions.add(column + " = $" + parameters.size());
    }

    /** Moves the ledger into the counters; returns how many changes were folded. Visible for tests. */
    public Uni<Integer> fold() {
        // keys in a fixed order, so two replicas folding at once lock counter rows in the same order
        return pool.query("""
                        WITH folded AS (DELETE FROM ticket_count_change
                                        RETURNING status, priority, category, assignee_id, delta),
                             per_key AS (SELECT status, priority, category, assignee_id, sum(delta) AS delta,
                                                count(*) AS changes
                                           FROM folded GROUP BY status, priority, category, assignee_id),
                             upserted AS (INSERT INTO ticket_count AS c (status, priority, category, assignee_id, tickets)
                                          SELECT status, priority, category, assignee_id, delta FROM per_key
                                           ORDER BY status, priority, category, assignee_id
                                          ON CONFLICT (status, priority, category, assignee_id)
                                          DO UPDATE SET tickets = c.tickets + EXCLUDED.tickets)
                        SELECT COALESCE(sum(changes), 0)::int AS changes FROM per_key""").execute()
                .map(rows -> rows.iterator().next().getInteger("changes"));
    }
}

package com.logishift.support.ticket.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * Exact ticket counts without counting tickets: the counters per (status, priority, category,
 * assignee) of migration V9 plus their changes still in the ledger, so any combination of those
 * filters sums a few rows however many tickets exist. The fold is here, run every second by
 * {@link LedgerFolds}: one statement that deletes exactly the ledger rows it adds (replicas may fold
 * concurrently); readers never fold, and a count is exact whether or not the ledger was folded.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class TicketCounts {

    /**
     * The sums behind the stats' averages, and the stopped resolution clocks MET / BREACHED (V16,
     * the stats' slaMetPercent), kept per key beside the number of tickets.
     */
    private static final String VALUES = "first_responses, first_response_seconds, resolutions, resolution_seconds, "
            + "sla_met, sla_breached";

    /**
     * SQL: every counter as it is now, possibly several rows per key (the folded row and the
     * unfolded changes): sum them per key. Columns: status, priority, category, assignee_id,
     * tickets, and for the averages first_responses, first_response_seconds (their seconds since
     * creation), resolutions, resolution_seconds, sla_met, sla_breached.
     */
    public static final String CURRENT = """
            (SELECT status, priority, category, assignee_id, tickets, %1$s FROM ticket_count
             UNION ALL
             SELECT status, priority, category, assignee_id, delta, %1$s FROM ticket_count_change)"""
            .formatted(VALUES);

    private final Pool pool;

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
                        WITH folded AS (DELETE FROM ticket_count_change RETURNING *),
                             per_key AS (SELECT status, priority, category, assignee_id, sum(delta) AS tickets,
                                                sum(first_responses) AS first_responses,
                                                sum(first_response_seconds) AS first_response_seconds,
                                                sum(resolutions) AS resolutions,
                                                sum(resolution_seconds) AS resolution_seconds,
                                                sum(sla_met) AS sla_met, sum(sla_breached) AS sla_breached,
                                                count(*) AS changes
                                           FROM folded GROUP BY status, priority, category, assignee_id),
                             upserted AS (INSERT INTO ticket_count AS c
                                                 (status, priority, category, assignee_id, tickets, %1$s)
                                          SELECT status, priority, category, assignee_id, tickets, %1$s FROM per_key
                                           ORDER BY status, priority, category, assignee_id
                                          ON CONFLICT (status, priority, category, assignee_id) DO UPDATE
                                          SET tickets = c.tickets + EXCLUDED.tickets,
                                              first_responses = c.first_responses + EXCLUDED.first_responses,
                                              first_response_seconds = c.first_response_seconds + EXCLUDED.first_response_seconds,
                                              resolutions = c.resolutions + EXCLUDED.resolutions,
                                              resolution_seconds = c.resolution_seconds + EXCLUDED.resolution_seconds,
                                              sla_met = c.sla_met + EXCLUDED.sla_met,
                                              sla_breached = c.sla_breached + EXCLUDED.sla_breached)
                        SELECT COALESCE(sum(changes), 0)::int AS changes FROM per_key""".formatted(VALUES)).execute()
                .map(rows -> rows.iterator().next().getInteger("changes"));
    }
}

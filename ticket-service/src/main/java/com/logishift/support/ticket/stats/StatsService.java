package com.logishift.support.ticket.stats;

import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.ticket.service.TicketCounts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;

/**
 * The dashboard from SQL aggregates over the ticket counters ({@link TicketCounts}) — totals,
 * breakdowns, unassigned, agents' loads and the average times — a few hundred rows whatever the
 * number of tickets; the ratings from the feedback table.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class StatsService {

    private final Pool pool;

    public Uni<TicketStats> stats() {
        Uni<Breakdown> breakdown = pool.query("""
                        SELECT status, priority, category, %s AS queued, sum(tickets)::bigint AS n
                          FROM %s c
                         GROUP BY status, priority, category, queued"""
                        .formatted(TicketStatus.queueSql("c"), TicketCounts.CURRENT))
                .execute().map(Breakdown::of);
        Uni<Row> times = single("""
                SELECT (sum(first_response_seconds) / NULLIF(sum(first_responses), 0))::float8 AS first_response,
                       (sum(resolution_seconds) / NULLIF(sum(resolutions), 0))::float8 AS resolution
                  FROM %s c""".formatted(TicketCounts.CURRENT));
        Uni<Row> ratings = single("SELECT avg(rating)::float8 AS average, count(*) AS n FROM ticket_feedback");
        Uni<List<TicketStats.AgentLoad>> load = pool.query("""
                        SELECT a.id, a.name,
                               COALESCE(sum(c.tickets) FILTER (WHERE %s), 0)::bigint AS open,
                               COALESCE(sum(c.tickets) FILTER (WHERE %s), 0)::bigint AS resolved
                          FROM agent a LEFT JOIN %s c ON c.assignee_id = a.id
                         WHERE a.status = 'APPROVED'
                         GROUP BY a.id, a.name
                         ORDER BY open DESC, a.name, a.id"""
                        .formatted(TicketStatus.unresolvedSql("c.status"), TicketStatus.resolvedSql("c.status"),
                                TicketCounts.CURRENT))
                .execute()
                .map(rows -> {
                    List<TicketStats.AgentLoad> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new TicketStats.AgentLoad(r.getUUID("id"), r.getString("name"),
                            r.getLong("open"), r.getLong("resolved"))));
                    return list;
                });
        return Uni.combine().all().unis(breakdown, times, ratings, load, slaMet())
                .with((counts, t, r, loads, met) -> new TicketStats(counts.total, counts.byStatus, counts.byPriority,
                        counts.byCategory, counts.queued, r.getDouble("average"), r.getLong("n"),
                        t.getDouble("first_response"), t.getDouble("resolution"), loads, met));
    }

    /**
     * Per priority, the share of stopped resolution clocks (MET or BREACHED) that were MET, from the
     * counters (V16: tickets merged away are not counted), not from the tickets.
     */
    private Uni<Map<String, Double>> slaMet() {
        return pool.query("""
                        SELECT priority, round(100.0 * sum(sla_met) / NULLIF(sum(sla_met) + sum(sla_breached), 0), 1)::float8
                               AS met
                          FROM %s c GROUP BY priority""".formatted(TicketCounts.CURRENT))
                .execute()
                .map(rows -> {
                    Map<String, Double> met = new LinkedHashMap<>();
                    for (Priority priority : List.of(Priority.HIGH, Priority.MEDIUM, Priority.LOW)) {
                        met.put(priority.name(), null);
                    }
                    rows.forEach(row -> met.put(row.getString("priority"), row.getDouble("met")));
                    return met;
                });
    }

    /** The counters summed per status, priority and category (every value present, zero when none). */
    private record Breakdown(long total, Map<String, Long> byStatus, Map<String, Long> byPriority,
            Map<String, Long> byCategory, long queued) {

        static Breakdown of(RowSet<Row> rows) {
            Map<String, Long> byStatus = zeros(TicketStatus.values());
            Map<String, Long> byPriority = zeros(Priority.values());
            Map<String, Long> byCategory = zeros(Category.values());
            long total = 0;
            long queued = 0;
            for (Row row : rows) {
                long n = row.getLong("n");
                total += n;
                queued += row.getBoolean("queued") ? n : 0;
                byStatus.merge(row.getString("status"), n, Long::sum);
                byPriority.merge(row.getString("priority"), n, Long::sum);
                byCategory.merge(row.getString("category"), n, Long::sum);
            }
            return new Breakdown(total, byStatus, byPriority, byCategory, queued);
        }

        private static Map<String, Long> zeros(Enum<?>[] values) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Enum<?> value : values) {
                counts.put(value.name(), 0L);
            }
            return counts;
        }
    }

    private Uni<Row> single(String sql) {
        return pool.query(sql).execute().map(RowSet::iterator).map(it -> it.next());
    }
}

package com.logishift.support.ticket.stats;

import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.TicketStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregates straight from SQL: one pass per question, no rows shipped to Java. */
@ApplicationScoped
public class StatsService {

    private final Pool pool;

    public StatsService(Pool pool) {
        this.pool = pool;
    }

    public Uni<TicketStats> stats() {
        Uni<Map<String, Long>> byStatus = counts("status", TicketStatus.values());
        Uni<Map<String, Long>> byPriority = counts("priority", Priority.values());
        Uni<Map<String, Long>> byCategory = counts("category", Category.values());
        Uni<Row> times = single("""
                SELECT count(*) FILTER (WHERE %s) AS unassigned,
                       avg(extract(epoch FROM first_response_at - created_at))::float8 AS first_response,
                       avg(extract(epoch FROM resolved_at - created_at))::float8 AS resolution
                  FROM ticket""".formatted(TicketStatus.queueSql("")));
        Uni<Row> ratings = single("SELECT avg(rating)::float8 AS average, count(*) AS n FROM ticket_feedback");
        Uni<List<TicketStats.AgentLoad>> load = pool.query("""
                        SELECT a.id, a.name,
                               count(t.id) FILTER (WHERE %s) AS open,
                               count(t.id) FILTER (WHERE %s) AS resolved
                          FROM agent a LEFT JOIN ticket t ON t.assignee_id = a.id
                         WHERE a.status = 'APPROVED'
                         GROUP BY a.id, a.name
                         ORDER BY open DESC, a.name, a.id"""
                        .formatted(TicketStatus.unresolvedSql("t.status"), TicketStatus.resolvedSql("t.status")))
                .execute()
                .map(rows -> {
                    List<TicketStats.AgentLoad> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new TicketStats.AgentLoad(r.getUUID("id"), r.getString("name"),
                            r.getLong("open"), r.getLong("resolved"))));
                    return list;
                });
        return Uni.combine().all().unis(byStatus, byPriority, byCategory, times, ratings, load, slaMet())
                .with((statuses, priorities, categories, t, r, loads, met) -> new TicketStats(
                        statuses.values().stream().mapToLong(Long::longValue).sum(),
                        statuses, priorities, categories, t.getLong("unassigned"),
                        r.getDouble("average"), r.getLong("n"), t.getDouble("first_response"),
                        t.getDouble("resolution"), loads, met));
    }

    /** Per priority, the share of stopped resolution clocks (MET or BREACHED) that were MET. */
    private Uni<Map<String, Double>> slaMet() {
        return pool.query("""
                        SELECT priority, round(100.0 * count(*) FILTER (WHERE sla_res_status = 'MET') / count(*), 1)::float8
                               AS met
                          FROM ticket WHERE sla_res_status IN ('MET', 'BREACHED') GROUP BY priority""")
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

    /** Counts per value of an enum column, every value present (zero when there are none). */
    private Uni<Map<String, Long>> counts(String column, Enum<?>[] values) {
        // column is one of three constants above, never user input
        return pool.query("SELECT " + column + " AS value, count(*) AS n FROM ticket GROUP BY " + column)
                .execute()
                .map(rows -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (Enum<?> value : values) {
                        counts.put(value.name(), 0L);
                    }
                    rows.forEach(row -> counts.put(row.getString("value"), row.getLong("n")));
                    return counts;
                });
    }

    private Uni<Row> single(String sql) {
        return pool.query(sql).execute().map(RowSet::iterator).map(it -> it.next());
    }
}

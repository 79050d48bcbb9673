package com.logishift.support.ticket.assignment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * The approved agents' loads, read in one query that stays cheap however many tickets exist: the
 * load kept on each agent row plus the agent's changes still in the ledger (migration V2 explains
 * why there is a ledger). Every second the ledger is folded into the agent rows
 * ({@code service/LedgerFolds}), in one statement that deletes exactly the rows it adds, so replicas
 * may fold concurrently.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class AgentLoads {

    /** Approved agents with their loads, and their display names for the ticket views. */
    public record Snapshot(List<AgentLoad> loads, Map<UUID, String> names) {
    }

    private static final String APPROVED = """
            SELECT a.id, a.name, a.approved_at,
                   a.open_tickets + COALESCE(sum(c.delta), 0) AS open_tickets,
                   GREATEST(a.last_assigned_at, max(c.assigned_at)) AS last_assigned_at
              FROM agent a LEFT JOIN agent_load_change c ON c.agent_id = a.id
             WHERE a.status = 'APPROVED'
             GROUP BY a.id""";

    private final Pool pool;

    public Uni<Snapshot> approved() {
        return pool.query(APPROVED).execute()
                .map(rows -> {
                    List<AgentLoad> loads = new ArrayList<>();
                    Map<UUID, String> names = new HashMap<>();
                    for (Row row : rows) {
                        UUID id = row.getUUID("id");
                        loads.add(new AgentLoad(id, row.getLong("open_tickets"),
                                instant(row.getOffsetDateTime("last_assigned_at")),
                                instant(row.getOffsetDateTime("approved_at"))));
                        names.put(id, row.getString("name"));
                    }
                    return new Snapshot(loads, names);
                });
    }

    /**
     * The same, read inside the caller's Hibernate transaction after flushing it, so an agent
     * approved in that very transaction is included (the queue drain on approval).
     */
    public Uni<List<AgentLoad>> approvedInSession() {
        return Panache.getSession().flatMap(session -> session.flush()
                .flatMap(flushed -> session.createNativeQuery(APPROVED, Object[].class).getResultList()))
                .map(rows -> rows.stream()
                        .map(row -> new AgentLoad((UUID) row[0], ((Number) row[3]).longValue(),
                                instant(row[4]), instant(row[2])))
                        .toList());
    }

    /** Moves the ledger into the agent rows; returns how many changes were folded. Visible for tests. */
    public Uni<Integer> fold() {
        return pool.query("""
                        WITH folded AS (DELETE FROM agent_load_change RETURNING agent_id, delta, assigned_at),
                             per_agent AS (SELECT agent_id, sum(delta) AS delta, max(assigned_at) AS assigned_at,
                                                  count(*) AS changes
                                             FROM folded GROUP BY agent_id),
                             updated AS (UPDATE agent a
                                            SET open_tickets = a.open_tickets + p.delta,
                                                last_assigned_at = GREATEST(a.last_assigned_at, p.assigned_at)
                                           FROM per_agent p WHERE a.id = p.agent_id)
                        SELECT COALESCE(sum(changes), 0)::int AS changes FROM per_agent""").execute()
                .map(rows -> rows.iterator().next().getInteger("changes"));
    }

    private static Instant instant(Object time) {
        if (time == null || time instanceof Instant) {
            return (Instant) time;
        }
        if (time instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (time instanceof java.util.Date date) {
            return date.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + time.getClass());
    }
}

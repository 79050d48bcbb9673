package com.logishift.support.ticket.sla;

import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Keeps each ticket's clocks ({@link TicketSla}) in its row, in the transaction of the change that
 * moves them: the callers say what happened, this class reads the clocks from the (locked) ticket,
 * lets {@link TicketSla} move them and hands back the columns to write — inside the caller's own
 * statement (creation, messages: plain SQL) or as one UPDATE in the Panache session
 * ({@link #saveInSession}). Also the staff view of the clocks.
 */
@ApplicationScoped
public class SlaClocks {

    /** The ticket's SLA columns in the order of {@link #parameters}, with their SQL types. */
    private static final List<String[]> COLUMNS = List.of(
            new String[] {"sla_policy_version", "integer"},
            new String[] {"sla_fr_status", "varchar"}, new String[] {"sla_fr_used_ms", "bigint"},
            new String[] {"sla_fr_since", "timestamptz"}, new String[] {"sla_fr_due_at", "timestamptz"},
            new String[] {"sla_res_status", "varchar"}, new String[] {"sla_res_used_ms", "bigint"},
            new String[] {"sla_res_since", "timestamptz"}, new String[] {"sla_res_due_at", "timestamptz"},
            new String[] {"sla_due_at", "timestamptz"}, new String[] {"sla_next_check_at", "timestamptz"});

    /** The columns a plain-SQL reader selects so that {@link #read(Row, Ticket)} can fill the ticket. */
    public static final String SELECT_COLUMNS = COLUMNS.subList(0, 10).stream().map(c -> c[0])
            .collect(Collectors.joining(", ")) + ", sla_fired";

    /** The stored result of a change: the clocks, the due the lists sort by and when the SLA job must look next. */
    public record Write(TicketSla sla, Instant dueAt, Instant nextCheck) {
    }

    private final SlaPolicies policies;
    private final Clock clock;

    public SlaClocks(SlaPolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    // --- the changes ------------------------------------------------------------------------------

    /** A new ticket's clocks, on the given policy version (the one current when it was created). */
    public Uni<Write> opened(Ticket ticket, int policyVersion) {
        return policies.version(policyVersion).map(policy -> {
            TicketSla sla = TicketSla.open(policy, ticket.priority, ticket.createdAt);
            return store(ticket, policy, sla, ticket.createdAt);
        });
    }

    public Uni<Write> firstResponded(Ticket ticket, Instant now) {
        return change(ticket, now, (sla, policy) -> sla.firstResponded(policy, ticket.priority, now));
    }

    /** After the ticket moved to its current status. */
    public Uni<Write> statusChanged(Ticket ticket, Instant now) {
        TicketStatus to = ticket.status;
        return change(ticket, now, (sla, policy) -> sla.statusChanged(policy, ticket.priority, to, now));
    }

    /** Merged into another ticket: both clocks stop (its tickets' SLA is the target's from now on). */
    public Uni<Write> merged(Ticket ticket, Instant now) {
        return change(ticket, now, (sla, policy) -> sla.firstResponded(policy, ticket.priority, now)
                .statusChanged(policy, ticket.priority, TicketStatus.CLOSED, now));
    }

    /** After the ticket got its current priority. */
    public Uni<Write> priorityChanged(Ticket ticket, Instant now) {
        return change(ticket, now, (sla, policy) -> sla.priorityChanged(policy, ticket.priority));
    }

    /** Null when the ticket has no clocks (created before SLAs existed). */
    private Uni<Write> change(Ticket ticket, Instant now, BiFunction<TicketSla, SlaPolicy, TicketSla> move) {
        TicketSla before = read(ticket);
        if (before == null) {
            return Uni.createFrom().nullItem();
        }
        return policies.version(before.policyVersion())
                .map(policy -> store(ticket, policy, move.apply(before, policy), now));
    }

    /**
     * A RESOLVED or CLOSED ticket asks nothing of anybody: it leaves the nearest-due order and the SLA
     * job's schedule. Its clocks are kept as they are: a first-response clock nobody stopped (resolved
     * without a public answer) runs on, and a reopen brings back its due and any alert it passed.
     */
    private static Write store(Ticket ticket, SlaPolicy policy, TicketSla sla, Instant now) {
        boolean unresolved = TicketStatus.UNRESOLVED.contains(ticket.status);
        Instant due = unresolved ? sla.nearestDue() : null;
        apply(ticket, sla, due);
        return new Write(sla, due, unresolved ? sla.nextCheck(policy, ticket.priority, ticket.slaFired, now) : null);
    }

    // --- writing ----------------------------------------------------------------------------------

    /** {@code col1, col2, …} of the SLA columns, for an INSERT. */
    public static String insertColumns() {
        return COLUMNS.stream().map(c -> c[0]).collect(Collectors.joining(", "));
    }

    /** {@code CAST($first AS integer), …}: the values of {@link #insertColumns}. */
    public static String insertValues(int first) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < COLUMNS.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("CAST($").append(first + i).append(" AS ").append(COLUMNS.get(i)[1])
                    .append(')');
        }
        return sql.toString();
    }

    /** {@code col = CAST($first AS …), …}, for an UPDATE's SET; parameters from {@link #parameters}. */
    public static String assignments(int first) {
        return assignments(i -> "$" + (first + i));
    }

    private static String assignments(java.util.function.IntFunction<String> placeholder) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < COLUMNS.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(COLUMNS.get(i)[0]).append(" = CAST(").append(placeholder.apply(i))
                    .append(" AS ").append(COLUMNS.get(i)[1]).append(')');
        }
        return sql.toString();
    }

    /** Adds the values of the SLA columns; a null write (a ticket without clocks) writes nulls. */
    public static Tuple parameters(Tuple tuple, Write write) {
        values(write).forEach(tuple::addValue);
        return tuple;
    }

    private static List<Object> values(Write write) {
        java.util.ArrayList<Object> values = new java.util.ArrayList<>(COLUMNS.size());
        TicketSla sla = write == null ? null : write.sla();
        values.add(sla == null ? null : sla.policyVersion());
        for (SlaClock c : sla == null ? new SlaClock[] {null, null}
                : new SlaClock[] {sla.firstResponse(), sla.resolution()}) {
            values.add(c == null ? null : c.status().name());
            values.add(c == null ? null : c.usedMillis());
            values.add(c == null ? null : utc(c.since()));
            values.add(c == null ? null : utc(c.dueAt()));
        }
        values.add(write == null ? null : utc(write.dueAt()));
        values.add(write == null ? null : utc(write.nextCheck()));
        return values;
    }

    /** Writes the clocks in the current Panache transaction (the caller holds the row lock). */
    public static Uni<Void> saveInSession(UUID ticketId, Write write) {
        if (write == null) {
            return Uni.createFrom().voidItem();
        }
        List<Object> values = values(write);
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery("UPDATE ticket SET " + assignments(i -> ":p" + i)
                    + " WHERE id = CAST(:id AS uuid)");
            for (int i = 0; i < values.size(); i++) {
                query.setParameter("p" + i, values.get(i));
            }
            return query.setParameter("id", ticketId).executeUpdate().replaceWithVoid();
        });
    }

    // --- reading ----------------------------------------------------------------------------------

    /** Fills the ticket's SLA fields from a row that selected {@link #SELECT_COLUMNS}. */
    public static void read(Row row, Ticket t) {
        t.slaPolicyVersion = row.getInteger("sla_policy_version");
        t.slaFrStatus = row.getString("sla_fr_status");
        t.slaFrUsedMs = row.getLong("sla_fr_used_ms");
        t.slaFrSince = instant(row.getOffsetDateTime("sla_fr_since"));
        t.slaFrDueAt = instant(row.getOffsetDateTime("sla_fr_due_at"));
        t.slaResStatus = row.getString("sla_res_status");
        t.slaResUsedMs = row.getLong("sla_res_used_ms");
        t.slaResSince = instant(row.getOffsetDateTime("sla_res_since"));
        t.slaResDueAt = instant(row.getOffsetDateTime("sla_res_due_at"));
        t.slaDueAt = instant(row.getOffsetDateTime("sla_due_at"));
        t.slaFired = row.getInteger("sla_fired");
    }

    /** The ticket's clocks, or null when it has none. */
    public static TicketSla read(Ticket t) {
        if (t.slaPolicyVersion == null || t.slaFrStatus == null || t.slaResStatus == null) {
            return null;
        }
        return new TicketSla(t.slaPolicyVersion,
                new SlaClock(SlaStatus.valueOf(t.slaFrStatus), t.slaFrUsedMs, t.slaFrSince, t.slaFrDueAt),
                new SlaClock(SlaStatus.valueOf(t.slaResStatus), t.slaResUsedMs, t.slaResSince, t.slaResDueAt));
    }

    private static void apply(Ticket t, TicketSla sla, Instant due) {
        t.slaPolicyVersion = sla.policyVersion();
        t.slaFrStatus = sla.firstResponse().status().name();
        t.slaFrUsedMs = sla.firstResponse().usedMillis();
        t.slaFrSince = sla.firstResponse().since();
        t.slaFrDueAt = sla.firstResponse().dueAt();
        t.slaResStatus = sla.resolution().status().name();
        t.slaResUsedMs = sla.resolution().usedMillis();
        t.slaResSince = sla.resolution().since();
        t.slaResDueAt = sla.resolution().dueAt();
        t.slaDueAt = due;
    }

    // --- the staff view -----------------------------------------------------------------------------

    /** The clocks of each ticket as staff see them now (tickets without clocks are left out). */
    public Uni<Map<UUID, SlaView>> views(List<Ticket> tickets) {
        List<Integer> versions = tickets.stream().map(t -> t.slaPolicyVersion).filter(Objects::nonNull).toList();
        return policies.versions(versions).map(byVersion -> {
            Instant now = clock.instant();
            Map<UUID, SlaView> views = new HashMap<>();
            for (Ticket t : tickets) {
                TicketSla sla = read(t);
                if (sla != null) {
                    views.put(t.id, sla.view(byVersion.get(sla.policyVersion()), t.priority, now));
                }
            }
            return views;
        });
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

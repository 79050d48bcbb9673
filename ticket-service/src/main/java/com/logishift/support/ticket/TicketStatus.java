package com.logishift.support.ticket;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ticket lifecycle and the only legal moves between its states:
 * <pre>
 * OPEN ──▶ IN_PROGRESS ◀──▶ ON_HOLD
 *              │               │
 *              └──▶ RESOLVED ◀─┘
 *                   │   ▲ (reopen: back to IN_PROGRESS)
 *                   ▼
 *                 CLOSED
 * </pre>
 * Also the one home of two rules that SQL, HQL and Java all need: what counts as an agent's open
 * load ({@link #UNRESOLVED}) and what the agents' queue is (unassigned and {@link #QUEUED}). Code
 * builds its queries from the fragments here; the migrations that must spell them out in SQL (the
 * load trigger of V2/V3, the queue index of V4) are compared with this class by
 * {@code TicketStatusRulesTest}.
 */
public enum TicketStatus {
    OPEN,
    IN_PROGRESS,
    ON_HOLD,
    RESOLVED,
    CLOSED;

    /** Work is still to be done: counts towards an agent's load. */
    public static final Set<TicketStatus> UNRESOLVED = Collections.unmodifiableSet(EnumSet.of(OPEN, IN_PROGRESS, ON_HOLD));

    /** The queue: tickets nobody holds yet that are in this status. */
    public static final TicketStatus QUEUED = OPEN;

    /** SQL: {@code column} (a status column) is unresolved, e.g. {@code t.status IN ('OPEN', …)}. */
    public static String unresolvedSql(String column) {
        return column + " IN (" + sqlList(UNRESOLVED) + ")";
    }

    /** SQL: {@code column} is resolved (everything not unresolved). */
    public static String resolvedSql(String column) {
        return column + " IN (" + sqlList(EnumSet.complementOf(EnumSet.copyOf(UNRESOLVED))) + ")";
    }

    /** SQL: the ticket (columns of {@code alias}, or unqualified when empty) is in the queue. */
    public static String queueSql(String alias) {
        String prefix = alias.isEmpty() ? "" : alias + ".";
        return prefix + "assignee_id IS NULL AND " + prefix + "status = '" + QUEUED.name() + "'";
    }

    /** HQL on {@code Ticket}: the ticket's status is unresolved. */
    public static String unresolvedHql() {
        return "status in (" + UNRESOLVED.stream().map(TicketStatus::hqlLiteral).collect(Collectors.joining(", ")) + ")";
    }

    /** HQL on {@code Ticket}: the ticket is in the queue. */
    public static String queueHql() {
        return "assigneeId is null and status = " + hqlLiteral(QUEUED);
    }

    private static String sqlList(Set<TicketStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    private static String hqlLiteral(TicketStatus status) {
        return TicketStatus.class.getName() + "." + status.name();
    }

    public Set<TicketStatus> allowedTargets() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(ON_HOLD, RESOLVED);
            case ON_HOLD -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return allowedTargets().contains(target);
    }
}

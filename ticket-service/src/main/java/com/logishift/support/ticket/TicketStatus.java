package com.logishift.support.ticket;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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
 */
public enum TicketStatus {
    OPEN,
    IN_PROGRESS,
    ON_HOLD,
    RESOLVED,
    CLOSED;

    /** Work is still to be done: counts towards an agent's load. */
    public static final Set<TicketStatus> UNRESOLVED = Collections.unmodifiableSet(EnumSet.of(OPEN, IN_PROGRESS, ON_HOLD));

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

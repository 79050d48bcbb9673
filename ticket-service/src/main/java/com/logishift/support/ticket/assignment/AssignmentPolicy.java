package com.logishift.support.ticket.assignment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks who gets a new ticket: the approved agent with the fewest unresolved tickets; on a tie the
 * one who has waited longest for a ticket (never assigned first, then by oldest last assignment,
 * then by approval time). Plain Java, so the rule is unit-tested on its own.
 */
public final class AssignmentPolicy {

    private static final Comparator<Instant> OLDEST_FIRST_NULLS_FIRST =
            Comparator.nullsFirst(Comparator.naturalOrder());

    static final Comparator<AgentLoad> PREFERENCE = Comparator
            .comparingLong(AgentLoad::openTickets)
            .thenComparing(AgentLoad::lastAssignedAt, OLDEST_FIRST_NULLS_FIRST)
            .thenComparing(AgentLoad::approvedAt, OLDEST_FIRST_NULLS_FIRST)
            .thenComparing(AgentLoad::agentId);

    private AssignmentPolicy() {
    }

    public static Optional<AgentLoad> choose(List<AgentLoad> approvedAgents) {
        return approvedAgents.stream().min(PREFERENCE);
    }
}

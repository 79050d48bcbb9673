package com.logishift.support.ticket.assignment;

import java.time.Instant;
import java.util.UUID;

/** An approved agent and the unresolved tickets they hold right now. */
public record AgentLoad(UUID agentId, long openTickets, Instant lastAssignedAt, Instant approvedAt) {

    public AgentLoad withOneMore(Instant assignedAt) {
        return new AgentLoad(agentId, openTickets + 1, assignedAt, approvedAt);
    }
}

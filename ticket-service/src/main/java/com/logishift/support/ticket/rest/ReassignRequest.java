package com.logishift.support.ticket.rest;

/**
 * {@code {agentId}} gives the ticket to an approved agent; {@code {unassign: true}} sends an OPEN
 * ticket back to the unassigned queue. Exactly one of the two.
 */
public record ReassignRequest(String agentId, Boolean unassign) {

    public boolean unassigning() {
        return Boolean.TRUE.equals(unassign);
    }

    public boolean valid() {
        return (agentId != null && !agentId.isBlank()) != unassigning();
    }
}

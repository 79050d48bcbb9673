package com.logishift.support.ticket.service;

import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.TicketStatus;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/** The ticket list filters; each one is backed by an index (see V1__tickets.sql). */
public record TicketFilter(Optional<UUID> customerId, Optional<TicketStatus> status, Optional<Priority> priority,
        Optional<Category> category, Optional<UUID> assigneeId, boolean unassignedOnly) {

    public static TicketFilter none() {
        return new TicketFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }

    /** The agents' queue: unassigned tickets in {@link TicketStatus#QUEUED} (index ticket_queue_idx, V4). */
    public static TicketFilter queue() {
        return none().withUnassignedOnly().withStatus(TicketStatus.QUEUED);
    }

    public TicketFilter withCustomer(UUID customer) {
        return new TicketFilter(Optional.of(customer), status, priority, category, assigneeId, unassignedOnly);
    }

    public TicketFilter withAssignee(UUID assignee) {
        return new TicketFilter(customerId, status, priority, category, Optional.of(assignee), unassignedOnly);
    }

    public TicketFilter withUnassignedOnly() {
        return new TicketFilter(customerId, status, priority, category, assigneeId, true);
    }

    public TicketFilter withStatus(TicketStatus s) {
        return new TicketFilter(customerId, Optional.of(s), priority, category, assigneeId, unassignedOnly);
    }

    /** The HQL condition ({@code "1 = 1"} when unfiltered) and its named parameters. */
    String where(Map<String, Object> parameters) {
        StringJoiner where = new StringJoiner(" and ");
        where.add("1 = 1");
        customerId.ifPresent(v -> add(where, parameters, "customerId", v));
        status.ifPresent(v -> add(where, parameters, "status", v));
        priority.ifPresent(v -> add(where, parameters, "priority", v));
        category.ifPresent(v -> add(where, parameters, "category", v));
        assigneeId.ifPresent(v -> add(where, parameters, "assigneeId", v));
        if (unassignedOnly) {
            where.add("assigneeId is null");
        }
        return where.toString();
    }

    private static void add(StringJoiner where, Map<String, Object> parameters, String field, Object value) {
        where.add(field + " = :" + field);
        parameters.put(field, value);
    }
}

package com.logishift.support.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A support ticket and the rules that change it. Everything here is plain Java (no I/O), so the
 * lifecycle is unit-tested without Quarkus; the services load, call and save.
 * {@code version} makes every change optimistic: of two concurrent writers exactly one wins.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "delivery_id")
    public String deliveryId;

    @Column(name = "assignee_id")
    public UUID assigneeId;

    /** When the current assignee got the ticket. */
    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** How many times the ticket has been resolved; feedback is allowed once per resolution. */
    @Column(name = "resolution_count", nullable = false)
    public int resolutionCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The first PUBLIC staff message; set by the conversation's plain SQL only, so this entity never
     * writes it (a stale flush cannot erase it).
     */
    @Column(name = "first_response_at", insertable = false, updatable = false)
    public Instant firstResponseAt;

    /** The customer's CLOSED ticket this one follows up on, or null. */
    @Column(name = "follow_up_of", updatable = false)
    public UUID followUpOf;

    /** The ticket this one was merged into (it is CLOSED then), or null; written by plain SQL only (merge/). */
    @Column(name = "merged_into_id", insertable = false, updatable = false)
    public UUID mergedIntoId;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    // The SLA clocks (package sla/, migration V8): written by plain SQL only, always under the row lock,
    // so this entity never writes them (a stale flush cannot turn a stopped clock back on).
    @Column(name = "sla_policy_version", insertable = false, updatable = false)
    public Integer slaPolicyVersion;
    @Column(name = "sla_fr_status", insertable = false, updatable = false)
    public String slaFrStatus;
    @Column(name = "sla_fr_used_ms", insertable = false, updatable = false)
    public Long slaFrUsedMs;
    @Column(name = "sla_fr_since", insertable = false, updatable = false)
    public Instant slaFrSince;
    @Column(name = "sla_fr_due_at", insertable = false, updatable = false)
    public Instant slaFrDueAt;
    @Column(name = "sla_res_status", insertable = false, updatable = false)
    public String slaResStatus;
    @Column(name = "sla_res_used_ms", insertable = false, updatable = false)
    public Long slaResUsedMs;
    @Column(name = "sla_res_since", insertable = false, updatable = false)
    public Instant slaResSince;
    @Column(name = "sla_res_due_at", insertable = false, updatable = false)
    public Instant slaResDueAt;
    /** The nearest due of a running clock: sort=slaDue. */
    @Column(name = "sla_due_at", insertable = false, updatable = false)
    public Instant slaDueAt;
    /** Which SLA alerts were announced (bits, see sla/SlaAlert). */
    @Column(name = "sla_fired", insertable = false, updatable = false)
    public int slaFired;

    public static Ticket open(long number, Actor customer, String subject, String description, Category category,
            Priority priority, String deliveryId, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.reference = reference(number);
        ticket.subject = subject.strip();
        ticket.description = description.strip();
        ticket.category = category;
        ticket.priority = priority == null ? Priority.MEDIUM : priority;
        ticket.status = TicketStatus.OPEN;
        ticket.customerId = customer.id();
        ticket.customerName = customer.name();
        ticket.customerEmail = customer.email();
        ticket.deliveryId = deliveryId == null || deliveryId.isBlank() ? null : deliveryId.strip();
        ticket.createdAt = now;
        ticket.updatedAt = now;
        return ticket;
    }

    public static String reference(long number) {
        return String.format("SUP-%06d", number);
    }

    /** Who may see this ticket at all; a customer who may not gets a 404, never a hint it exists. */
    public boolean visibleTo(Actor actor) {
        return com.logishift.support.ticket.conversation.Audience.mayRead(actor, customerId);
    }

    /**
     * Auto-assignment or an admin's reassignment: sets the assignee and leaves the status alone.
     * Returns the previous assignee (null when it was unassigned).
     */
    public UUID assignTo(UUID agentId, Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw TicketRuleException.conflict("ticket-closed", reference + " is CLOSED and cannot be reassigned");
        }
        return handTo(agentId, now);
    }

    /** An admin sends a ticket nobody has started back to the queue. Returns the previous assignee. */
    public UUID unassign(Instant now) {
        if (status != TicketStatus.OPEN) {
            throw TicketRuleException.conflict("ticket-started", reference + " is " + status
                    + "; only an OPEN ticket can go back to the unassigned queue");
        }
        return handTo(null, now);
    }

    /**
     * The assignee was deactivated and no other agent can take over: the ticket goes back to the
     * unassigned queue, where agents (and the next approval's hand-out) find only OPEN tickets, so a
     * started ticket is OPEN again. Returns the status it had.
     */
    public TicketStatus returnToQueue(Instant now) {
        if (!TicketStatus.UNRESOLVED.contains(status)) {
            throw new IllegalStateException(reference + " is " + status + "; only unresolved tickets go back to the queue");
        }
        TicketStatus before = status;
        handTo(null, now);
        status = TicketStatus.OPEN;
        return before;
    }

    /** The assignee changes (null: back to the queue), with when it did. Returns the previous assignee. */
    private UUID handTo(UUID agentId, Instant now) {
        UUID previous = assigneeId;
        assigneeId = agentId;
        assignedAt = agentId == null ? null : now;
        updatedAt = now;
        return previous;
    }

    /**
     * An agent takes an OPEN ticket (unassigned, or auto-assigned but not started) and starts work.
     * Returns false when they already have it in progress (taking it again is harmless).
     */
    public boolean takeBy(UUID agentId, Instant now) {
        if (status != TicketStatus.OPEN) {
            if (agentId.equals(assigneeId) && (status == TicketStatus.IN_PROGRESS || status == TicketStatus.ON_HOLD)) {
                return false;
            }
            String why = assigneeId != null && TicketStatus.UNRESOLVED.contains(status)
                    ? "another agent is already working on it"
                    : "only OPEN tickets can be taken";
            throw TicketRuleException.conflict("ticket-taken", reference + " is " + status + ": " + why);
        }
        if (!agentId.equals(assigneeId)) {
            assigneeId = agentId;
            assignedAt = now;
        }
        moveTo(TicketStatus.IN_PROGRESS, now);
        return true;
    }

    /** A status change by an agent (only on tickets assigned to them) or an admin (any ticket). */
    public TicketStatus changeStatus(TicketStatus target, Actor actor, Instant now) {
        if (actor.is(Role.AGENT) && !actor.id().equals(assigneeId)) {
            throw TicketRuleException.forbidden("not-assignee",
                    "Only the assigned agent or an admin can change the status of " + reference);
        }
        if (!status.canMoveTo(target)) {
            String allowed = status.allowedTargets().isEmpty() ? "none (it is final)"
                    : status.allowedTargets().stream().map(Enum::name).collect(Collectors.joining(", "));
            throw TicketRuleException.conflict("illegal-transition", reference + " is " + status
                    + " and cannot move to " + target + "; allowed: " + allowed);
        }
        if (target == TicketStatus.IN_PROGRESS && assigneeId == null) {
            throw TicketRuleException.conflict("unassigned", reference
                    + " has no assignee; assign it before starting work");
        }
        TicketStatus from = status;
        moveTo(target, now);
        return from;
    }

    /** The customer's rating of a resolved ticket; it closes the ticket. */
    public void acceptFeedback(Instant now) {
        if (status != TicketStatus.RESOLVED) {
            throw TicketRuleException.conflict("not-resolved", reference + " is " + status
                    + "; feedback can be given once it is RESOLVED");
        }
        moveTo(TicketStatus.CLOSED, now);
    }

    /**
     * Merged into another ticket (merge/MergeRules decided it may be): CLOSED like any close, pointing
     * at the target. Returns the status it had.
     */
    public TicketStatus closeByMerge(UUID intoTicketId, Instant now) {
        TicketStatus before = status;
        moveTo(TicketStatus.CLOSED, now);
        mergedIntoId = intoTicketId;
        return before;
    }

    private void moveTo(TicketStatus target, Instant now) {
        switch (target) {
            case IN_PROGRESS -> resolvedAt = null; // a reopened ticket is resolved again later
            case RESOLVED -> {
                resolvedAt = now;
                resolutionCount++;
            }
            case CLOSED -> closedAt = now;
            default -> { }
        }
        status = target;
        updatedAt = now;
    }

    /**
     * The customer wrote on a RESOLVED ticket: the conversation goes on, so the ticket is reopened
     * (IN_PROGRESS, or OPEN when nobody has it). Returns the status it had.
     */
    public TicketStatus reopenByCustomerMessage(Instant now) {
        if (status != TicketStatus.RESOLVED) {
            throw new IllegalStateException(reference + " is " + status + "; only a RESOLVED ticket is reopened");
        }
        TicketStatus before = status;
        resolvedAt = null;
        status = assigneeId == null ? TicketStatus.OPEN : TicketStatus.IN_PROGRESS;
        updatedAt = now;
        return before;
    }

    /**
     * A priority change by the assigned agent or an admin (the same rule as a status change); not on a
     * CLOSED ticket. Returns the previous priority (equal to {@code target} when nothing changed).
     */
    public Priority changePriority(Priority target, Actor actor, Instant now) {
        if (actor.is(Role.AGENT) && !actor.id().equals(assigneeId)) {
            throw TicketRuleException.forbidden("not-assignee",
                    "Only the assigned agent or an admin can change the priority of " + reference);
        }
        if (status == TicketStatus.CLOSED) {
            throw TicketRuleException.conflict("ticket-closed", reference + " is CLOSED; its priority is final");
        }
        Priority from = priority;
        if (from != target) {
            priority = target;
            updatedAt = now;
        }
        return from;
    }

    public boolean isAssignedTo(UUID agentId) {
        return Objects.equals(assigneeId, agentId);
    }
}

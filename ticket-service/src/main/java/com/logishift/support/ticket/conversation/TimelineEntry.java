package com.logishift.support.ticket.conversation;

import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Role;
import com.logishift.support.ticket.TicketStatus;
import java.util.UUID;

/**
 * One timeline entry about to be written (its seq and time are given by the writing transaction).
 * {@code internal} entries (notes and the files of internal messages) are for staff only.
 * {@code actor} is null for the system (auto-assignment).
 */
public record TimelineEntry(TimelineKind kind, Actor actor, String from, String to, UUID messageId,
        UUID attachmentId, boolean internal) {

    public static TimelineEntry created(Actor customer) {
        return new TimelineEntry(TimelineKind.CREATED, customer, null, null, null, null, false);
    }

    /** {@code by} null: the system assigned it. */
    public static TimelineEntry assigned(Actor by, UUID fromAgent, UUID toAgent) {
        return new TimelineEntry(TimelineKind.ASSIGNED, by, text(fromAgent), text(toAgent), null, null, false);
    }

    public static TimelineEntry unassigned(Actor by, UUID fromAgent) {
        return new TimelineEntry(TimelineKind.UNASSIGNED, by, text(fromAgent), null, null, null, false);
    }

    public static TimelineEntry statusChanged(Actor by, TicketStatus from, TicketStatus to) {
        return new TimelineEntry(TimelineKind.STATUS_CHANGED, by, from.name(), to.name(), null, null, false);
    }

    public static TimelineEntry message(Actor author, UUID messageId, Visibility visibility) {
        boolean internal = visibility == Visibility.INTERNAL;
        return new TimelineEntry(internal ? TimelineKind.NOTE : TimelineKind.MESSAGE, author, null, null, messageId,
                null, internal);
    }

    /** A claimed file; {@code messageId} null for files attached at creation. */
    public static TimelineEntry attachment(Actor by, UUID attachmentId, UUID messageId, boolean internal) {
        return new TimelineEntry(TimelineKind.ATTACHMENT, by, null, null, messageId, attachmentId, internal);
    }

    public static TimelineEntry feedback(Actor customer, int rating) {
        return new TimelineEntry(TimelineKind.FEEDBACK, customer, null, Integer.toString(rating), null, null, false);
    }

    public static TimelineEntry priorityChanged(Actor by, String from, String to) {
        return new TimelineEntry(TimelineKind.PRIORITY_CHANGED, by, from, to, null, null, false);
    }

    /** An SLA alert, written by the system for staff only; {@code clock} goes in {@code to}. */
    public static TimelineEntry slaAlert(boolean breach, String clock) {
        return new TimelineEntry(breach ? TimelineKind.SLA_BREACHED : TimelineKind.SLA_WARNING, null, null, clock,
                null, null, true);
    }

    /** One ticket was merged into another; written on both, visible to the customer. */
    public static TimelineEntry merged(Actor by, String fromReference, String intoReference) {
        return new TimelineEntry(TimelineKind.MERGED, by, fromReference, intoReference, null, null, false);
    }

    /** An actor known only by id and role (an admin named in an account event). */
    public static Actor actor(UUID id, Role role) {
        return id == null ? null : new Actor(id, role, null, null);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}

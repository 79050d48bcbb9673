package com.logishift.support.ticket.conversation;

import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketRuleException;
import com.logishift.support.ticket.TicketStatus;
import java.time.Instant;

/**
 * The rules of writing in a ticket's thread, as plain Java (unit-tested without Quarkus):
 * <ul>
 * <li>customers write PUBLIC messages only (INTERNAL is 403); agents and admins must say which;</li>
 * <li>a body is 1 to 20,000 characters once stripped;</li>
 * <li>nobody writes publicly on a CLOSED ticket (409 with the id a follow-up would name); staff may
 *     still add internal notes to it, as before;</li>
 * <li>a customer's message on a RESOLVED ticket reopens it; on ON_HOLD (and any other status) it
 *     leaves the status alone; staff messages never change the status;</li>
 * <li>the ticket's first response is its first PUBLIC message by an agent or admin.</li>
 * </ul>
 */
public final class MessagePolicy {

    public static final int MAX_BODY = 20_000;

    private MessagePolicy() {
    }

    /** What a message did to its ticket. */
    public record Effect(TicketStatus reopenedFrom, boolean firstResponse) {

        public boolean reopened() {
            return reopenedFrom != null;
        }
    }

    /** The visibility the author's message gets. */
    public static Visibility visibility(Actor author, Visibility requested) {
        if (!author.role().isStaff()) {
            if (requested == Visibility.INTERNAL) {
                throw new TicketRuleException(TicketRuleException.Kind.FORBIDDEN, "staff-only",
                        "Internal messages are for agents and admins.");
            }
            return Visibility.PUBLIC;
        }
        if (requested == null) {
            throw ProblemException.invalidField("visibility",
                    "is required for agents and admins: PUBLIC (the customer sees it) or INTERNAL");
        }
        return requested;
    }

    /** The body as stored: stripped, 1 to 20,000 characters. */
    public static String body(String raw) {
        if (raw == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        String body = raw.strip();
        if (body.isEmpty()) {
            throw ProblemException.invalidField("body", "must not be blank");
        }
        if (body.length() > MAX_BODY) {
            throw ProblemException.invalidField("body", "must be at most " + MAX_BODY + " characters");
        }
        return body;
    }

    /** Applies the message's effect to the (locked) ticket, or refuses it. */
    public static Effect accept(Ticket ticket, Actor author, Visibility visibility, Instant now) {
        boolean staff = author.role().isStaff();
        if (ticket.status == TicketStatus.CLOSED && !(staff && visibility == Visibility.INTERNAL)) {
            throw new TicketClosedException(ticket.id, ticket.reference);
        }
        TicketStatus reopenedFrom = null;
        boolean firstResponse = false;
        if (!staff && ticket.status == TicketStatus.RESOLVED) {
            reopenedFrom = ticket.reopenByCustomerMessage(now);
        }
        if (staff && visibility == Visibility.PUBLIC && ticket.firstResponseAt == null) {
            ticket.firstResponseAt = now;
            firstResponse = true;
        }
        return new Effect(reopenedFrom, firstResponse);
    }
}

package com.logishift.support.ticket.conversation;

import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.Actor;
import java.util.UUID;

/**
 * The one rule of what a caller may see of a ticket's conversation, used by the messages, the
 * timeline, the live stream and the ticket view: a customer sees their own tickets only (anyone
 * else's is 404, as if it did not exist) and nothing internal — no INTERNAL message, no NOTE entry,
 * no file of an internal message. Agents and admins see everything.
 */
public final class Audience {

    private Audience() {
    }

    public static boolean seesInternal(Actor actor) {
        return actor.role().isStaff();
    }

    public static boolean mayRead(Actor actor, UUID ticketCustomerId) {
        return actor.role().isStaff() || actor.id().equals(ticketCustomerId);
    }

    /** 404 unless the caller may read the ticket; {@code customerId} null means no such ticket. */
    public static void requireTicket(Actor actor, UUID ticketId, UUID customerId) {
        if (customerId == null || !mayRead(actor, customerId)) {
            throw ProblemException.notFound("No ticket " + ticketId);
        }
    }
}

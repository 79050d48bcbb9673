package com.logishift.support.ticket.merge;

import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Role;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketRuleException;
import com.logishift.support.ticket.TicketStatus;

/**
 * When one ticket may be merged into another, as plain Java (unit-tested without Quarkus):
 * <ul>
 * <li>agents only merge tickets assigned to them (else 403), admins any;</li>
 * <li>never into itself, only between one customer's tickets;</li>
 * <li>no chains: a merged ticket is never merged again nor merged into, and the tickets merged into
 *     the source follow it to the target (the merge re-points them);</li>
 * <li>the source must still be open for work (not CLOSED), the target not CLOSED (its conversation
 *     has ended; a RESOLVED target takes the messages and stays RESOLVED).</li>
 * </ul>
 */
public final class MergeRules {

    /** Why a merge was refused: the problem's {@code reason}. */
    public enum Reason { SAME_TICKET, DIFFERENT_CUSTOMER, ALREADY_MERGED, SOURCE_CLOSED, TARGET_MERGED, TARGET_CLOSED }

    private MergeRules() {
    }

    /** Refuses a merge of the two (locked) tickets, or returns quietly. */
    public static void check(Ticket source, Ticket target, Actor actor) {
        if (actor.is(Role.AGENT) && !source.isAssignedTo(actor.id())) {
            throw new TicketRuleException(TicketRuleException.Kind.FORBIDDEN, "not-assignee",
                    "Only the assigned agent or an admin can merge " + source.reference);
        }
        if (source.id.equals(target.id)) {
            throw refused(Reason.SAME_TICKET, source.reference + " cannot be merged into itself");
        }
        if (source.mergedIntoId != null) {
            throw refused(Reason.ALREADY_MERGED, source.reference + " was already merged into another ticket");
        }
        if (source.status == TicketStatus.CLOSED) {
            throw refused(Reason.SOURCE_CLOSED, source.reference + " is CLOSED; open tickets are merged, closed "
                    + "ones stay as they ended");
        }
        if (!source.customerId.equals(target.customerId)) {
            throw refused(Reason.DIFFERENT_CUSTOMER, source.reference + " and " + target.reference
                    + " belong to different customers");
        }
        if (target.mergedIntoId != null) {
            throw refused(Reason.TARGET_MERGED, target.reference + " was itself merged into another ticket; merge "
                    + "into that one");
        }
        if (target.status == TicketStatus.CLOSED) {
            throw refused(Reason.TARGET_CLOSED, target.reference + " is CLOSED; its conversation has ended");
        }
    }

    private static MergeRefusedException refused(Reason reason, String detail) {
        return new MergeRefusedException(reason, detail);
    }
}

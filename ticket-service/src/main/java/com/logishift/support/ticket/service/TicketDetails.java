package com.logishift.support.ticket.service;

import com.logishift.support.ticket.attachment.AttachmentRef;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketFeedback;
import com.logishift.support.ticket.conversation.Message;
import com.logishift.support.ticket.merge.PossibleDuplicate;
import com.logishift.support.ticket.sla.SlaView;
import java.util.List;

/**
 * A ticket with what its views need besides the row: assignee's name, notes (the INTERNAL messages,
 * staff detail view only), feedback, the files attached at creation (detail views only) and the SLA
 * clocks as staff see them now (null until added, and for tickets without clocks), and the tickets it
 * may duplicate (staff detail view only, else null).
 */
public record TicketDetails(Ticket ticket, String assigneeName, List<Message> notes, TicketFeedback feedback,
        List<AttachmentRef> attachments, SlaView sla, List<PossibleDuplicate> possibleDuplicates) {

    public TicketDetails(Ticket ticket, String assigneeName, List<Message> notes, TicketFeedback feedback,
            List<AttachmentRef> attachments, SlaView sla) {
        this(ticket, assigneeName, notes, feedback, attachments, sla, null);
    }

    public TicketDetails(Ticket ticket, String assigneeName, List<Message> notes, TicketFeedback feedback,
            List<AttachmentRef> attachments) {
        this(ticket, assigneeName, notes, feedback, attachments, null);
    }

    public TicketDetails withSla(SlaView clocks) {
        return new TicketDetails(ticket, assigneeName, notes, feedback, attachments, clocks, possibleDuplicates);
    }

    public TicketDetails withPossibleDuplicates(List<PossibleDuplicate> found) {
        return new TicketDetails(ticket, assigneeName, notes, feedback, attachments, sla, found);
    }
}

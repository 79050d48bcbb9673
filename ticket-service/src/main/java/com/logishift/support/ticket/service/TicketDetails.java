package com.logishift.support.ticket.service;

import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketFeedback;
import com.logishift.support.ticket.conversation.Message;
import java.util.List;

/**
 * A ticket with what its views need besides the row: assignee's name, notes (the INTERNAL messages,
 * staff detail view only), feedback, and the files attached at creation (detail views only).
 */
public record TicketDetails(Ticket ticket, String assigneeName, List<Message> notes, TicketFeedback feedback,
        List<Message.FileView> attachments) {
}

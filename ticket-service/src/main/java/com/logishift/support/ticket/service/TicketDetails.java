package com.logishift.support.ticket.service;

import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketFeedback;
import com.logishift.support.ticket.TicketNote;
import java.util.List;

/** A ticket with what its views need besides the row: assignee's name, notes (staff only), feedback. */
public record TicketDetails(Ticket ticket, String assigneeName, List<TicketNote> notes, TicketFeedback feedback) {
}

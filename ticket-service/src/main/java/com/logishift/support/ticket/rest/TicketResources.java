package com.logishift.support.ticket.rest;

import com.logishift.support.ticket.rest.TicketViews.CustomerTicket;
import com.logishift.support.ticket.rest.TicketViews.StaffTicket;
import com.logishift.support.ticket.service.TicketDetails;

/** Maps service results to the two views, in one place. */
final class TicketResources {

    private TicketResources() {
    }

    static CustomerTicket customerView(TicketDetails d) {
        return CustomerTicket.of(d.ticket(), d.assigneeName(), d.feedback(), d.attachments());
    }

    static StaffTicket staffView(TicketDetails d) {
        return StaffTicket.of(d.ticket(), d.assigneeName(), d.notes(), d.feedback(), d.attachments(), d.sla(),
                d.possibleDuplicates());
    }
}

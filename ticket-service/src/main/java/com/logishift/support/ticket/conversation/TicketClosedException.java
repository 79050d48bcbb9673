package com.logishift.support.ticket.conversation;

import com.logishift.support.ticket.rest.ConflictProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A message on a CLOSED ticket: 409 {@code ticket-closed}, with the extension member
 * {@code followUpOf} naming the ticket a follow-up would continue (create it with that id).
 */
public class TicketClosedException extends RuntimeException {

    public static final String TYPE = "https://support.logishift.com/problems/ticket-closed";

    private final UUID ticketId;

    public TicketClosedException(UUID ticketId, String reference) {
        super(reference + " is CLOSED: its conversation has ended. Open a follow-up ticket "
                + "(POST /api/support/tickets/create/ with followUpOf) to continue.");
        this.ticketId = ticketId;
    }

    public UUID ticketId() {
        return ticketId;
    }

    /** The kit's problem document plus {@code followUpOf}; a client's mistake, so nothing is logged. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response closed(TicketClosedException e, UriInfo uri) {
            return ConflictProblem.of(TYPE, e.getMessage(), uri, "followUpOf", e.ticketId().toString());
        }
    }
}

package com.logishift.support.ticket.conversation;

import com.logishift.support.kit.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
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
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", TYPE);
            problem.put("title", "Conflict");
            problem.put("status", 409);
            problem.put("detail", e.getMessage());
            problem.put("instance", uri.getPath());
            problem.put("followUpOf", e.ticketId().toString());
            return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
    }
}

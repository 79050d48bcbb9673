package com.logishift.support.ticket.rest;

import com.logishift.support.kit.Page;
import com.logishift.support.kit.PageRequest;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.rest.TicketViews.StaffTicket;
import com.logishift.support.ticket.service.TicketService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agent's work lists: their assigned tickets and the unassigned queue. */
@Path("/api/agent/tickets")
@Tag(name = "agent work")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class AgentTicketResource {

    private final TicketService tickets;
    private final CurrentActor caller;

    @GET
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "The caller's assigned tickets (scope=assigned, newest first) or the unassigned "
            + "queue of OPEN tickets (scope=queue, oldest first)",
            description = "sort=slaDue: the nearest running SLA due first (resolved or closed tickets, and tickets without one, last), then the "
                    + "scope's own order.")
    public Uni<Page<StaffTicket>> work(@QueryParam("scope") @DefaultValue("assigned") String scope,
            @QueryParam("sort") String sort, @BeanParam PageRequest page) {
        boolean bySlaDue = AdminTicketResource.bySlaDue(sort);
        boolean queue = switch (scope.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "assigned" -> false;
            case "queue" -> true;
            default -> throw ProblemException.invalidField("scope", "must be assigned or queue");
        };
        return tickets.list(TicketService.agentScope(caller.get(), queue), page.page(), page.size(), queue, bySlaDue)
                .map(p -> p.map(TicketResources::staffView));
    }
}

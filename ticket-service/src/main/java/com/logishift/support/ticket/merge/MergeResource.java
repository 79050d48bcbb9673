package com.logishift.support.ticket.merge;

import com.logishift.support.kit.Ids;
import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.rest.CurrentActor;
import com.logishift.support.ticket.rest.TicketResources;
import com.logishift.support.ticket.rest.TicketViews.StaffTicket;
import com.logishift.support.ticket.service.TicketService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Merging a duplicate ticket into the one that stays. */
@Path("/api/support/tickets")
@Tag(name = "tickets")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
public class MergeResource {

    private final MergeService merges;
    private final TicketService tickets;
    private final CurrentActor caller;

    public MergeResource(MergeService merges, TicketService tickets, CurrentActor caller) {
        this.merges = merges;
        this.tickets = tickets;
        this.caller = caller;
    }

    @POST
    @Path("{id}/merge")
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "Merge this ticket into another ticket of the same customer",
            description = "{intoTicketId}. The source's assigned agent or an admin (else 403). Every message and "
                    + "internal note with its files moves to the target after its last message, in order; the "
                    + "source becomes CLOSED with mergedIntoId (its SLA clocks stop) and later messages to it land "
                    + "on the target; tickets merged into the source before now point at the target. Answers the "
                    + "target's staff view. 409 merge-not-allowed with reason SAME_TICKET, DIFFERENT_CUSTOMER, "
                    + "ALREADY_MERGED, SOURCE_CLOSED, TARGET_MERGED or TARGET_CLOSED; an unknown target is 400 on "
                    + "intoTicketId.")
    public Uni<StaffTicket> merge(@PathParam("id") String id,
            @Valid @NotNull(message = "is required") MergeRequest request) {
        Actor actor = caller.get();
        UUID source = Ids.parse("id", id);
        UUID target = Ids.parse("intoTicketId", request.intoTicketId());
        return merges.merge(actor, source, target)
                .flatMap(merged -> tickets.get(actor, merged.targetId()))
                .map(TicketResources::staffView);
    }
}

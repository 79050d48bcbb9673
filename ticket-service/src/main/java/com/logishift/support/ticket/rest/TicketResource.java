package com.logishift.support.ticket.rest;

import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.conversation.Channel;
import com.logishift.support.ticket.conversation.ConversationService;
import com.logishift.support.ticket.conversation.MessagePolicy;
import com.logishift.support.ticket.conversation.Visibility;
import com.logishift.support.ticket.merge.MergeService;
import java.util.List;
import com.logishift.support.kit.Ids;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.PageRequest;
import com.logishift.support.ticket.rest.TicketViews.StaffTicket;
import com.logishift.support.ticket.rest.TicketViews.NoteView;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.rest.TicketViews.CustomerTicket;
import com.logishift.support.ticket.service.TicketFilter;
import com.logishift.support.ticket.service.TicketService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Everything under /api/support/tickets: the seed's ticket paths for customers, agents and admins. */
@Path("/api/support/tickets")
@Tag(name = "tickets")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
@RequiredArgsConstructor
public class TicketResource {

    private final TicketService tickets;
    private final ConversationService conversation;
    private final MergeService merges;
    private final CurrentActor caller;

    @POST
    @Path("create")
    @RolesAllowed("customer")
    @Operation(summary = "Open a ticket", description = "Auto-assigned to the least-loaded approved agent, if any. "
            + "followUpOf: the id of one of the caller's own CLOSED tickets this one continues; attachmentIds: "
            + "up to 10 of the caller's own uploads.")
    public Uni<Response> create(@Valid @NotNull(message = "is required") CreateTicketRequest request) {
        return tickets.create(caller.get(), request).map(d -> Response.status(Response.Status.CREATED)
                .entity(TicketResources.customerView(d)).build());
    }

    @GET
    @RolesAllowed("customer")
    @Operation(summary = "The caller's own tickets, newest first")
    public Uni<Page<CustomerTicket>> own(@BeanParam PageRequest page) {
        Actor customer = caller.get();
        return tickets.list(TicketFilter.none().withCustomer(customer.id()), page.page(), page.size(), false)
                .map(p -> p.map(TicketResources::customerView));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"customer", "agent", "admin"})
    @Operation(summary = "One ticket", description = "Customers see their own tickets only (404 otherwise) and "
            + "never internal notes; agents and admins see notes and the allowed status moves.")
    public Uni<Object> get(@PathParam("id") String id) {
        Actor actor = caller.get();
        return tickets.get(actor, Ids.parse("id", id)).map(d -> actor.role().isStaff()
                ? TicketResources.staffView(d)
                : TicketResources.customerView(d));
    }

    @POST
    @Path("{id}/feedback")
    @RolesAllowed("customer")
    @Operation(summary = "Rate a resolved ticket (1-5 stars + comment); closes it")
    public Uni<Response> feedback(@PathParam("id") String id,
            @Valid @NotNull(message = "is required") FeedbackRequest request) {
        return tickets.submitFeedback(caller.get(), Ids.parse("id", id), request.rating(), request.comment())
                .map(d -> Response.status(Response.Status.CREATED).entity(TicketResources.customerView(d)).build());
    }

    @POST
    @Path("{id}/assign-self")
    @RolesAllowed("agent")
    @Operation(summary = "Take an OPEN ticket and start work on it (IN_PROGRESS)",
            description = "409 when another agent is already working on it; of two agents taking the same "
                    + "ticket at the same moment exactly one wins.")
    public Uni<StaffTicket> assignSelf(@PathParam("id") String id) {
        return tickets.assignSelf(caller.get(), Ids.parse("id", id)).map(TicketResources::staffView);
    }

    @PUT
    @Path("{id}/update-status")
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "Move a ticket along its lifecycle",
            description = "Agents only on tickets assigned to them. An illegal move is 409 naming the current "
                    + "status and the allowed targets.")
    public Uni<StaffTicket> updateStatus(@PathParam("id") String id,
            @Valid @NotNull(message = "is required") UpdateStatusRequest request) {
        return tickets.changeStatus(caller.get(), Ids.parse("id", id), request.status())
                .map(TicketResources::staffView);
    }

    @PUT
    @Path("{id}/update-priority")
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "Change a ticket's priority",
            description = "The assigned agent or an admin, as for update-status; not on a CLOSED ticket (409). The "
                    + "SLA clocks take the new priority's targets and keep the business time already used.")
    public Uni<StaffTicket> updatePriority(@PathParam("id") String id,
            @Valid @NotNull(message = "is required") UpdatePriorityRequest request) {
        return tickets.changePriority(caller.get(), Ids.parse("id", id), request.priority())
                .map(TicketResources::staffView);
    }

    @POST
    @Path("{id}/add-note")
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "Add an internal note (never shown to customers)")
    public Uni<Response> addNote(@PathParam("id") String id,
            @Valid @NotNull(message = "is required") AddNoteRequest request) {
        Actor author = caller.get();
        // a note is an INTERNAL message of the thread; the answer keeps the note's shape
        var draft = new ConversationService.Draft(MessagePolicy.body(request.body()), Visibility.INTERNAL, List.of(),
                null, Channel.WEB);
        return conversation.post(author, Ids.parse("id", id), draft)
                .map(posted -> Response.status(Response.Status.CREATED).entity(NoteView.of(posted.message())).build());
    }

    @POST
    @Path("{id}/reassign")
    @RolesAllowed("admin")
    @Operation(summary = "Give the ticket to another approved agent",
            description = "Body {agentId}; or {unassign: true} to send an OPEN ticket back to the queue.")
    public Uni<StaffTicket> reassign(@PathParam("id") String id,
            @NotNull(message = "is required") ReassignRequest request) {
        if (!request.valid()) {
            throw ProblemException.invalidField("agentId", "give either agentId or unassign: true");
        }
        Actor admin = caller.get();
        java.util.UUID agentId = request.unassigning() ? null : Ids.parse("agentId", request.agentId());
        return tickets.reassign(admin, Ids.parse("id", id), agentId).map(TicketResources::staffView);
    }

    @POST
    @Path("{id}/merge")
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "Merge this ticket into another ticket of the same customer",
            description = "{intoTicketId}; the source's assigned agent or an admin. Its messages, notes and files move "
                    + "to the target, it becomes CLOSED with mergedIntoId; answers the target. 409 merge-not-allowed "
                    + "with a reason (see the README); an unknown target is 400 on intoTicketId.")
    public Uni<StaffTicket> merge(@PathParam("id") String id,
            @Valid @NotNull(message = "is required") MergeRequest request) {
        Actor actor = caller.get();
        java.util.UUID source = Ids.parse("id", id);
        java.util.UUID target = Ids.parse("intoTicketId", request.intoTicketId());
        return merges.merge(actor, source, target)
                .flatMap(merged -> tickets.get(actor, merged.targetId()))
                .map(TicketResources::staffView);
    }
}

package com.logishift.support.ticket.conversation;

import com.logishift.support.kit.Ids;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.conversation.live.LiveThreads;
import com.logishift.support.ticket.conversation.live.LiveThreads.ThreadEvent;
import com.logishift.support.ticket.rest.CurrentActor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import io.smallrye.common.annotation.Blocking;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A ticket's conversation: its messages, its timeline and the live stream of both. */
@Path("/api/support/tickets")
@Tag(name = "conversation")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
@RequiredArgsConstructor
public class ConversationResource {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final ConversationService conversation;
    private final LiveThreads live;
    private final CurrentActor caller;
    private final JsonWebToken jwt;

    @GET
    @Path("{id}/messages")
    @RolesAllowed({"customer", "agent", "admin"})
    @Operation(summary = "The ticket's thread after seq `after` (default 0), oldest first",
            description = "size 1-100 (default 50); total counts the messages the caller may see. Customers see "
                    + "their own tickets (404 otherwise) and PUBLIC messages only, so they see gaps in seq.")
    public Uni<Page<Message>> messages(@PathParam("id") String id, @BeanParam SeqWindow window) {
        return conversation.messages(caller.get(), Ids.parse("id", id), window.after(), window.size(50));
    }

    @POST
    @Path("{id}/messages")
    @RolesAllowed({"customer", "agent", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write in the ticket's thread",
            description = "{body, visibility?, attachmentIds?, clientMessageId?}. Customers write PUBLIC only "
                    + "(INTERNAL is 403); agents and admins must give visibility. A customer's message reopens a "
                    + "RESOLVED ticket; on a CLOSED one it is 409 ticket-closed with followUpOf. Repeating a "
                    + "clientMessageId returns the first message with 200 and changes nothing. A message to a merged ticket "
                    + "lands on the ticket it was merged into (Location names that one).")
    public Uni<Response> post(@PathParam("id") String id,
            @Valid @NotNull(message = "is required") PostMessageRequest request) {
        Actor author = caller.get();
        UUID ticketId = Ids.parse("id", id);
        ConversationService.Draft draft = conversation.draft(author, request);
        return conversation.post(author, ticketId, draft).map(posted -> Response
                .status(posted.created() ? Response.Status.CREATED : Response.Status.OK)
                // relative on purpose: no internal host name leaves the service
                .header(HttpHeaders.LOCATION, "/api/support/tickets/" + posted.ticketId() + "/messages/")
                .entity(posted.message()).build());
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({"customer", "agent", "admin"})
    @Operation(summary = "What happened to the ticket after seq `after` (default 0), in commit order",
            description = "size 1-100 (default 100). Customers never see NOTE entries nor files of internal "
                    + "messages.")
    public Uni<Page<TimelineView>> timeline(@PathParam("id") String id, @BeanParam SeqWindow window) {
        return conversation.timeline(caller.get(), Ids.parse("id", id), window.after(), window.size(100));
    }

    @GET
    @Path("{id}/stream")
    @RolesAllowed({"customer", "agent", "admin"})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // the visibility check waits for the database; the stream itself holds no thread
    @Operation(summary = "Server-Sent Events: the ticket's timeline entries as they commit",
            description = "First `ready` with {after}, then every visible entry after `after` (or Last-Event-ID) "
                    + "as `entry` events with id = seq (MESSAGE and NOTE entries carry the message), then live ones. "
                    + "Comments keep it alive; it ends when the token expires. An account may hold 10 open streams "
                    + "(configurable); one more is 429 with Retry-After.")
    public Multi<OutboundSseEvent> stream(@PathParam("id") String id, @QueryParam("after") String after,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        Actor actor = caller.get();
        UUID ticketId = Ids.parse("id", id);
        int from = Math.max(number("after", after, 0, 0, Integer.MAX_VALUE),
                number("Last-Event-ID", lastEventId, 0, 0, Integer.MAX_VALUE));
        Instant endsAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        // checked before the stream starts: once it has, the answer is already 200
        ConversationService.requireReadable(conversation.pool(), actor, ticketId).await().atMost(CHECK_TIMEOUT);
        Runnable release = live.acquireSlot(actor.id());
        return Multi.createFrom().<ThreadEvent>emitter(
                        emitter -> live.open(emitter, ticketId, Audience.seesInternal(actor), from, endsAt))
                .map(event -> sse(sse, event))
                // the client went away, the token expired or the stream failed: the slot is free again
                .onTermination().invoke(release);
    }

    private static OutboundSseEvent sse(Sse sse, ThreadEvent event) {
        if (event instanceof ThreadEvent.Entry entry) {
            return sse.newEventBuilder().name("entry").id(Integer.toString(entry.entry().seq()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(TimelineView.class, entry.entry()).build();
        }
        if (event instanceof ThreadEvent.Ready ready) {
            return sse.newEventBuilder().name("ready").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Map.class, Map.of("after", ready.after())).build();
        }
        return sse.newEventBuilder().comment("keep-alive").build();
    }

    /** An optional whole-number query parameter within bounds, or 400 naming it. */
    static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, max == Integer.MAX_VALUE
                ? "must be a whole number of at least " + min
                : "must be a whole number from " + min + " to " + max);
    }
}

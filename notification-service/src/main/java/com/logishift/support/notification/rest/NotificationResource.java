package com.logishift.support.notification.rest;

import com.logishift.support.kit.Ids;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.PageRequest;
import com.logishift.support.kit.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.notification.NotificationRules;
import com.logishift.support.notification.mail.MailKind;
import com.logishift.support.notification.service.Inbox;
import com.logishift.support.notification.service.Preferences;
import com.logishift.support.notification.stream.LiveNotifications;
import com.logishift.support.notification.stream.StreamAuthFilter;
import com.logishift.support.notification.stream.StreamSlots;
import com.logishift.support.notification.stream.StreamTickets;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The signed-in person's notifications: list, counts, marking read, and the live stream. */
@Path("/api/notifications")
@Tag(name = "notifications")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
@RequiredArgsConstructor
public class NotificationResource {

    /** Comments on an idle stream keep proxies from closing it. */
    private static final Duration KEEPALIVE = Duration.ofSeconds(20);

    private final Inbox inbox;
    private final Preferences preferences;
    private final LiveNotifications live;
    private final StreamTickets streamTickets;
    private final StreamSlots slots;
    private final JsonWebToken jwt;

    @GET
    @Authenticated
    @Operation(summary = "Own notifications, newest first; unread=true for unread ones only",
            description = "Personal notifications and the entries of the caller's role feed (admins; approved "
                    + "agents) since they joined it, without the kinds they switched off.")
    public Uni<Page<NotificationView>> list(@QueryParam("unread") String unread, @BeanParam PageRequest page) {
        return inbox.list(me(), parseUnread(unread), page.page(), page.size()).map(p -> p.map(NotificationView::of));
    }

    @GET
    @Path("unread-count")
    @Authenticated
    @Operation(summary = "How many own notifications are unread")
    public Uni<Map<String, Long>> unreadCount() {
        return inbox.unreadCount(me()).map(count -> Map.of("count", count));
    }

    @POST
    @Path("{id}/read")
    @Authenticated
    @Operation(summary = "Mark one own notification read (someone else's is 404)")
    public Uni<NotificationView> read(@PathParam("id") String id) {
        return inbox.markRead(me(), Ids.parse("id", id)).map(NotificationView::of);
    }

    @POST
    @Path("read-all")
    @Authenticated
    @Operation(summary = "Mark every own notification read")
    public Uni<Map<String, Integer>> readAll() {
        return inbox.markAllRead(me()).map(updated -> Map.of("updated", updated));
    }

    @GET
    @Path("preferences")
    @Authenticated
    @Operation(summary = "Own notification preferences: in-app and e-mail on/off per kind, and the mails' language",
            description = "Kinds are the CloudEvent types, e.g. com.logishift.support.ticket.created.v1. inApp is "
                    + "present for the kinds the caller's role is notified of in the app, email for the kinds mailed "
                    + "to it; language (en, de) is the language of the caller's mails.")
    public Uni<PreferencesView> preferences() {
        return preferences.of(me(), receivableKinds(), mailKinds()).map(PreferencesView::of);
    }

    @PUT
    @Path("preferences")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch kinds on or off in the app or by e-mail; choose the mails' language",
            description = "{\"kinds\":{\"<kind>\":{\"inApp\":false,\"email\":false}},\"language\":\"de\"}: sets what "
                    + "is named, the rest keeps its setting. A kind the caller cannot receive, a flag that does not "
                    + "apply to the kind, an unknown language or any other field is 400. A kind switched off in the "
                    + "app is neither stored for the caller nor shown or counted; switched off for e-mail, it is not "
                    + "mailed. Answers all preferences.")
    public Uni<PreferencesView> updatePreferences(JsonNode body) {
        Set<String> kinds = receivableKinds();
        Set<String> mail = mailKinds();
        return preferences.update(me(), kinds, mail, PreferencesView.changes(body, kinds, mail))
                .map(PreferencesView::of);
    }

    @POST
    @Path("stream-ticket")
    @Authenticated
    @Operation(summary = "A one-time ticket (valid 60 s) for opening the stream from a browser's EventSource",
            description = "EventSource cannot send headers; use GET /api/notifications/stream/?ticket=… "
                    + "instead of putting the token in the URL.")
    public Uni<Map<String, Object>> streamTicket() {
        return streamTickets.issue(me()).map(ticket -> Map.of("ticket", ticket,
                "expiresIn", StreamTickets.LIFETIME.toSeconds()));
    }

    @GET
    @Path("stream")
    @PermitAll // authenticated below: by bearer token, or by a ticket StreamAuthFilter redeemed
    @Blocking // resolving the token may block; the stream itself does not hold the thread
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events: each new notification of the caller as it is created",
            description = "Authenticate with Authorization: Bearer, or with ?ticket= from POST stream-ticket. "
                    + "Events are named 'notification' with the JSON of the notification; comments keep it alive. "
                    + "An account may hold 5 open streams (configurable); one more is 429 with Retry-After.")
    public Multi<OutboundSseEvent> stream(@Context ContainerRequestContext request, @Context Sse sse) {
        UUID account = (UUID) request.getProperty(StreamAuthFilter.ACCOUNT);
        UUID recipient = account != null ? account : me();
        Runnable release = slots.acquire(recipient);
        Multi<OutboundSseEvent> notifications = inbox.audience(recipient).onFailure().invoke(release)
                .toMulti().flatMap(live::of).map(n -> sse.newEventBuilder()
                .name("notification").id(n.id().toString())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(NotificationView.class, n).build());
        Multi<OutboundSseEvent> keepalive = Multi.createFrom().ticks().every(KEEPALIVE)
                .map(tick -> sse.newEventBuilder().comment("keepalive").build());
        // announce the open stream at once, so a client knows it is live
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(sse.newEventBuilder().name("ready")
                .data("{}").build());
        return Multi.createBy().concatenating().streams(ready,
                        Multi.createBy().merging().streams(notifications, keepalive))
                // the client went away (cancellation) or the stream failed: the slot is free again
                .onTermination().invoke(release);
    }

    private UUID me() {
        if (jwt.getSubject() == null) {
            throw ProblemException.unauthorized("A valid bearer token is required.");
        }
        return Ids.parse("sub", jwt.getSubject());
    }

    /** The kinds the caller's role can receive in the app (their highest role, as the token names it). */
    private Set<String> receivableKinds() {
        return role().map(NotificationRules.KINDS_BY_ROLE::get).orElse(Set.of());
    }

    /** The kinds the caller's role can be mailed about. */
    private Set<String> mailKinds() {
        return role().map(MailKind::typesFor).orElse(Set.of());
    }

    private Optional<String> role() {
        me();
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        return Stream.of("admin", "agent", "customer").filter(groups::contains).findFirst();
    }

    private static boolean parseUnread(String unread) {
        if (unread == null || unread.isBlank()) {
            return false;
        }
        return switch (unread.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField("unread", "must be true or false");
        };
    }
}

package com.logishift.support.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.logishift.support.kit.Ids;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.PageRequest;
import com.logishift.support.kit.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Admins register partners' endpoints for the ticket events; every other role gets 403. */
@Path("/api/admin/webhooks")
@Tag(name = "webhooks", description = "Signed ticket events for partners' endpoints (admins only)")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
public class WebhookResource {

    private static final String SIGNING = " Each delivery is the ticket event as a structured-mode CloudEvent (JSON), "
            + "signed per Standard Webhooks: headers webhook-id (the same on every retry), webhook-timestamp and "
            + "webhook-signature (v1,base64(HMAC-SHA256(key, id.timestamp.body)), the key being the base64 after whsec_).";

    /** An endpoint as admins see it; {@code secret} only in the answer of POST and rotate-secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(UUID id, String url, String description, List<String> eventTypes, boolean enabled,
            String disabledReason, Instant disabledAt, Instant failingSince, Instant previousSecretExpiresAt,
            Instant createdAt, Instant updatedAt, String secret) {

        static WebhookView of(WebhookEndpoints.Endpoint e, String secret) {
            return new WebhookView(e.id(), e.url(), e.description(), e.eventTypes(), e.enabled(), e.disabledReason(),
                    e.disabledAt(), e.failingSince(), e.previousSecretExpiresAt(), e.createdAt(), e.updatedAt(), secret);
        }

        static WebhookView of(WebhookEndpoints.Endpoint e) {
            return of(e, null);
        }
    }

    private final WebhookEndpoints endpoints;
    private final Destinations destinations;
    private final ExecutorService dns;

    public WebhookResource(WebhookEndpoints endpoints, Destinations destinations, @WebhookProducers.Dns ExecutorService dns) {
        this.endpoints = endpoints;
        this.destinations = destinations;
        this.dns = dns;
    }

    @GET
    @Operation(summary = "Registered webhooks, newest first (never their secrets)")
    public Uni<Page<WebhookView>> list(@BeanParam PageRequest page) {
        return endpoints.list(page.page(), page.size()).map(p -> p.map(WebhookView::of));
    }

    @GET
    @Path("event-types")
    @Operation(summary = "The event types a webhook can subscribe to (besides \"*\")")
    public Map<String, Object> eventTypes() {
        return Map.of("items", WebhookQueue.subscribableTypes());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook; the answer carries its signing secret, shown this once",
            description = "A URL that is not https (unless allowed), carries credentials, or resolves to a loopback, "
                    + "private, link-local or metadata address (unless its host is allowed) is 400 naming url." + SIGNING)
    @APIResponse(responseCode = "201", description = "registered; `secret` (whsec_…) is never shown again")
    public Uni<Response> create(@Valid @NotNull(message = "is required") WebhookRequest request) {
        WebhookEndpoints.Settings settings = request.settings();
        return checked(settings).flatMap(endpoints::create).map(created -> Response.status(201)
                .header("Location", "/api/admin/webhooks/" + created.getKey().id() + "/")
                .entity(WebhookView.of(created.getKey(), created.getValue())).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One webhook (never its secret)")
    public Uni<WebhookView> get(@PathParam("id") String id) {
        return endpoints.find(Ids.parse("id", id)).map(WebhookView::of);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a webhook's URL, event types, description and on/off",
            description = "Enabling a webhook the system disabled (410, or failing for 24 h) sends its waiting deliveries.")
    public Uni<WebhookView> update(@PathParam("id") String id, @Valid @NotNull(message = "is required") WebhookRequest request) {
        UUID webhook = Ids.parse("id", id);
        WebhookEndpoints.Settings settings = request.settings();
        return checked(settings).flatMap(s -> endpoints.update(webhook, s)).map(WebhookView::of);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook and its delivery log")
    @APIResponse(responseCode = "204", description = "deleted")
    public Uni<Void> delete(@PathParam("id") String id) {
        return endpoints.delete(Ids.parse("id", id));
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "A new signing secret, shown this once; the old one keeps signing for 24 h",
            description = "Meanwhile webhook-signature carries both signatures, space-separated.")
    public Uni<WebhookView> rotate(@PathParam("id") String id) {
        return endpoints.rotate(Ids.parse("id", id)).map(rotated -> WebhookView.of(rotated.getKey(), rotated.getValue()));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The webhook's deliveries, newest first, each with its attempts",
            description = "status PENDING (waiting or retrying: nextAttemptAt), DELIVERED or FAILED (410, or given up); "
                    + "each attempt's response code, duration, error and the first 4 KiB of the response.")
    public Uni<Page<WebhookEndpoints.Delivery>> deliveries(@PathParam("id") String id, @BeanParam PageRequest page) {
        return endpoints.deliveries(Ids.parse("id", id), page.page(), page.size());
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery's event again",
            description = "A new delivery of the same event (same CloudEvent id, new webhook-id), due at once; "
                    + "409 while the webhook is disabled.")
    @APIResponse(responseCode = "202", description = "queued; the new delivery")
    public Uni<Response> redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        UUID webhook = Ids.parse("id", id);
        UUID delivery = Ids.parse("deliveryId", deliveryId);
        return endpoints.redeliver(webhook, delivery).map(d -> Response.status(202).entity(d).build());
    }

    /** The URL checked and resolved (DNS off the event loop); a refused one is 400 naming url. */
    private Uni<WebhookEndpoints.Settings> checked(WebhookEndpoints.Settings settings) {
        return Uni.createFrom().item(() -> destinations.resolve(settings.url()))
                .runSubscriptionOn(dns)
                .onFailure(Destinations.Refused.class).transform(e -> ProblemException.invalidField("url", e.getMessage()))
                .replaceWith(settings);
    }
}

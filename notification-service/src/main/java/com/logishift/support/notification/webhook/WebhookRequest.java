package com.logishift.support.notification.webhook;

import com.logishift.support.kit.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of registering (POST) and replacing (PUT) a webhook. */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
        @Schema(description = "https URL (http only where SUPPORT_WEBHOOK_ALLOW_HTTP is true); it must not resolve to "
                + "a loopback, private, link-local or metadata address unless its host is in SUPPORT_WEBHOOK_ALLOWED_HOSTS",
                examples = "https://partner.example.com/logishift/events")
        String url,
        @NotNull(message = "is required") @Size(min = 1, max = 50, message = "must name 1 to 50 event types")
        @Schema(description = "full CloudEvent types of ticket events, e.g. com.logishift.support.ticket.created.v1, "
                + "or \"*\" for every ticket event (also those added later)")
        List<String> eventTypes,
        @Size(max = 500, message = "must be at most 500 characters")
        String description,
        @Schema(description = "default true")
        Boolean enabled) {

    /** The settings, the event types checked against the known ones (the URL is checked by {@link Destinations}). */
    WebhookEndpoints.Settings settings() {
        Set<String> known = WebhookQueue.subscribableTypes();
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < eventTypes.size(); i++) {
            String type = eventTypes.get(i);
            if (type == null || !(type.equals(WebhookQueue.ALL) || known.contains(type))) {
                throw ProblemException.invalidField("eventTypes[" + i + "]",
                        "must be \"*\" or one of " + String.join(", ", known));
            }
            types.add(type);
        }
        return new WebhookEndpoints.Settings(url.strip(), new ArrayList<>(types), description == null ? "" : description.strip(),
                enabled == null || enabled);
    }
}

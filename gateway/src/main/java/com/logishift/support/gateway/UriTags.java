package com.logishift.support.gateway;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code uri} tag of the gateway's HTTP server metrics names a known route template or one
 * value for everything else. Without this, every path anyone requests becomes a tag value until
 * Micrometer's cap (100) is reached, after which the real routes requested later are not counted
 * at all: a few hundred anonymous requests to made-up paths would blind the metrics.
 */
@ApplicationScoped
public class UriTags {

    /** Everything that is not a route below: made-up API paths, web UI pages and files. */
    static final String UNMATCHED = "UNMATCHED";
    static final String WEB_UI = "/{web-ui}";

    /**
     * Values that stay: Quarkus' own for requests without a path to report, and this filter's (a
     * registry may apply the filters to an id more than once).
     */
    private static final Set<String> KEPT = Set.of("NOT_FOUND", "REDIRECTION", "root", "UNKNOWN",
            "/cors-preflight", "/", UNMATCHED, WEB_UI);

    private record Route(Pattern pattern, String template) {
    }

    private static final List<Route> ROUTES = new ArrayList<>();

    // the API paths (as Quarkus reports them: no trailing slash); {id} is any one segment
    static {
        route("/api/auth/(login|register|me|jwks)", "/api/auth/$1");
        route("/api/support/register-agent", "/api/support/register-agent");
        route("/api/admin/(approve|reject)-agent/[^/]+", "/api/admin/$1-agent/{id}");
        route("/api/admin/agents", "/api/admin/agents");
        route("/api/admin/agents/[^/]+", "/api/admin/agents/{id}");
        route("/api/admin/agents/[^/]+/(deactivate|reactivate)", "/api/admin/agents/{id}/$1");
        route("/api/support/tickets(/create)?", "/api/support/tickets$1");
        // search: before {id}, which would take "search" for an id
        route("/api/support/tickets/search", "/api/support/tickets/search");
        route("/api/support/tickets/[^/]+", "/api/support/tickets/{id}");
        route("/api/support/tickets/[^/]+/(feedback|assign-self|update-status|update-priority|add-note|reassign|messages|timeline|stream)",
                "/api/support/tickets/{id}/$1");
        // merge (ticket-service merge/)
        route("/api/support/tickets/[^/]+/merge", "/api/support/tickets/{id}/merge");
        route("/api/support/attachments", "/api/support/attachments");
        route("/api/support/attachments/[^/]+", "/api/support/attachments/{id}");
        route("/api/agent/tickets", "/api/agent/tickets");
        route("/api/admin/support/(tickets|stats)", "/api/admin/support/$1");
        route("/api/admin/sla/policy", "/api/admin/sla/policy");
        // reports
        route("/api/admin/support/reports(/export\\.csv)?", "/api/admin/support/reports$1");
        route("/api/support/faq", "/api/support/faq");
        route("/api/support/faq/[^/]+", "/api/support/faq/{id}");
        route("/api/support/faq/[^/]+/vote", "/api/support/faq/{id}/vote");
        route("/api/admin/faq", "/api/admin/faq");
        route("/api/admin/faq/[^/]+", "/api/admin/faq/{id}");
        route("/api/notifications(/unread-count|/read-all|/stream-ticket|/stream|/preferences|/unsubscribe)?", "/api/notifications$1");
        route("/api/notifications/[^/]+/read", "/api/notifications/{id}/read");
        // webhooks
        route("/api/admin/webhooks(/event-types)?", "/api/admin/webhooks$1");
        route("/api/admin/webhooks/[^/]+", "/api/admin/webhooks/{id}");
        route("/api/admin/webhooks/[^/]+/(rotate-secret|deliveries)", "/api/admin/webhooks/{id}/$1");
        route("/api/admin/webhooks/[^/]+/deliveries/[^/]+/redeliver", "/api/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver");
        route("/api/docs", "/api/docs");
        route("/api/docs/[^/]+/openapi", "/api/docs/{service}/openapi");
        // the management interface's own endpoints, should they be measured
        route("/q/(health|health/live|health/ready|health/started|metrics)", "/q/$1");
    }

    private static void route(String regex, String template) {
        ROUTES.add(new Route(Pattern.compile(regex), template));
    }

    @Produces
    @Singleton
    MeterFilter boundedUriTags() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (uri == null || !id.getName().startsWith("http.server")) {
                    return id;
                }
                String template = template(uri);
                if (template.equals(uri)) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                for (Tag tag : id.getTagsAsIterable()) {
                    tags.add("uri".equals(tag.getKey()) ? Tag.of("uri", template) : tag);
                }
                return id.replaceTags(tags);
            }
        };
    }

    /** The tag value for a path as Quarkus reports it. */
    static String template(String uri) {
        if (KEPT.contains(uri)) {
            return uri;
        }
        for (Route route : ROUTES) {
            var matcher = route.pattern().matcher(uri);
            if (matcher.matches()) {
                return matcher.replaceFirst(route.template());
            }
        }
        return uri.startsWith("/api/") || uri.startsWith("/q/") ? UNMATCHED : WEB_UI;
    }
}

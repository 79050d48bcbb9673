package com.logishift.support.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.gateway.RouteTable.Access;
import org.junit.jupiter.api.Test;

/** Every public API path (README, "API") goes to its owner, with or without the trailing slash, with the right access. */
class RouteTableTest {

    private static final String ID = "0b8f4a52-1c5e-4c63-9f1e-2b1f7c3d9a10";
    private static final String ONE_TICKET = "/api/support/tickets/" + ID;

    private static void routes(String method, String path, Backend backend, Access access) {
        routes(method, path, backend, access, false);
    }

    private static void routes(String method, String path, Backend backend, Access access, boolean stream) {
        for (String p : new String[] {path, path + "/"}) {
            RouteTable.Match match = RouteTable.match(method, p).orElseThrow(() -> new AssertionError(method + " " + p));
            assertEquals(backend, match.backend(), method + " " + p);
            assertEquals(access, match.access(), method + " " + p);
            assertEquals(stream, match.stream(), method + " " + p + " is a stream");
        }
    }

    @Test
    void seedAndSpecPaths() {
        routes("POST", "/api/support/tickets/create", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", "/api/support/tickets", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", ONE_TICKET, Backend.TICKET, Access.SIGNED_IN);
        routes("POST", ONE_TICKET + "/feedback", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", "/api/support/faq", Backend.FAQ, Access.PUBLIC);
        routes("GET", "/api/support/faq/" + ID, Backend.FAQ, Access.PUBLIC);
        routes("POST", "/api/support/faq/" + ID + "/vote", Backend.FAQ, Access.SIGNED_IN);
        routes("POST", "/api/support/register-agent", Backend.AGENT, Access.PUBLIC_AUTH);
        routes("GET", "/api/agent/tickets", Backend.TICKET, Access.SIGNED_IN);
        routes("POST", ONE_TICKET + "/assign-self", Backend.TICKET, Access.SIGNED_IN);
        routes("PUT", ONE_TICKET + "/update-status", Backend.TICKET, Access.SIGNED_IN);
        routes("POST", ONE_TICKET + "/add-note", Backend.TICKET, Access.SIGNED_IN);
        routes("POST", "/api/admin/approve-agent/" + ID, Backend.AGENT, Access.SIGNED_IN);
        routes("POST", "/api/admin/reject-agent/" + ID, Backend.AGENT, Access.SIGNED_IN);
        routes("GET", "/api/admin/agents", Backend.AGENT, Access.SIGNED_IN);
        routes("GET", "/api/admin/support/tickets", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", "/api/admin/support/stats", Backend.TICKET, Access.SIGNED_IN);
        // reports
        routes("GET", "/api/admin/support/reports", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", "/api/admin/support/reports/export.csv", Backend.TICKET, Access.SIGNED_IN);
        routes("POST", ONE_TICKET + "/reassign", Backend.TICKET, Access.SIGNED_IN);
        // merge
        routes("POST", ONE_TICKET + "/merge", Backend.TICKET, Access.SIGNED_IN);
        routes("POST", "/api/auth/register", Backend.AGENT, Access.PUBLIC_AUTH);
        routes("POST", "/api/auth/login", Backend.AGENT, Access.PUBLIC_AUTH);
        routes("GET", "/api/auth/me", Backend.AGENT, Access.SIGNED_IN);
        routes("GET", "/api/auth/jwks", Backend.AGENT, Access.PUBLIC);
        routes("POST", "/api/admin/faq", Backend.FAQ, Access.SIGNED_IN);
        routes("PUT", "/api/admin/faq/" + ID, Backend.FAQ, Access.SIGNED_IN);
        routes("DELETE", "/api/admin/faq/" + ID, Backend.FAQ, Access.SIGNED_IN);
        routes("GET", "/api/notifications", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("GET", "/api/notifications/unread-count", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("POST", "/api/notifications/" + ID + "/read", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("POST", "/api/notifications/read-all", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("GET", "/api/notifications/stream", Backend.NOTIFICATION, Access.STREAM, true);
    }

    @Test
    void slaAndPreferencePaths() {
        routes("GET", "/api/admin/sla/policy", Backend.TICKET, Access.SIGNED_IN);
        routes("PUT", "/api/admin/sla/policy", Backend.TICKET, Access.SIGNED_IN);
        routes("PUT", ONE_TICKET + "/update-priority", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", "/api/notifications/preferences", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("PUT", "/api/notifications/preferences", Backend.NOTIFICATION, Access.SIGNED_IN);
    }

    @Test
    void webhookPaths() {
        routes("GET", "/api/admin/webhooks", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("POST", "/api/admin/webhooks", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("GET", "/api/admin/webhooks/event-types", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("PUT", "/api/admin/webhooks/" + ID, Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("DELETE", "/api/admin/webhooks/" + ID, Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("POST", "/api/admin/webhooks/" + ID + "/rotate-secret", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("GET", "/api/admin/webhooks/" + ID + "/deliveries", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("POST", "/api/admin/webhooks/" + ID + "/deliveries/" + ID + "/redeliver", Backend.NOTIFICATION, Access.SIGNED_IN);
        assertEquals("/api/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver",
                UriTags.template("/api/admin/webhooks/" + ID + "/deliveries/" + ID + "/redeliver"));
        assertEquals("/api/admin/webhooks/event-types", UriTags.template("/api/admin/webhooks/event-types"));
    }

    @Test
    void mailUnsubscribeIsPublicAndOnlyThatPath() {
        // e-mail out: the one-click link of a mail works without sign-in (the token is signed)
        routes("GET", "/api/notifications/unsubscribe", Backend.NOTIFICATION, Access.PUBLIC);
        routes("POST", "/api/notifications/unsubscribe", Backend.NOTIFICATION, Access.PUBLIC);
        routes("PUT", "/api/notifications/unsubscribe", Backend.NOTIFICATION, Access.SIGNED_IN);
        routes("POST", "/api/notifications/unsubscribe/x", Backend.NOTIFICATION, Access.SIGNED_IN);
        assertEquals("/api/notifications/unsubscribe", UriTags.template("/api/notifications/unsubscribe"));
    }

    @Test
    void conversationPaths() {
        routes("GET", ONE_TICKET + "/messages", Backend.TICKET, Access.SIGNED_IN);
        routes("POST", ONE_TICKET + "/messages", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", ONE_TICKET + "/timeline", Backend.TICKET, Access.SIGNED_IN);
        // a live stream like the notifications', but for signed-in callers only: no one-time ticket
        routes("GET", ONE_TICKET + "/stream", Backend.TICKET, Access.SIGNED_IN, true);
        routes("POST", "/api/support/attachments", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", "/api/support/attachments/" + ID, Backend.TICKET, Access.SIGNED_IN);
        routes("DELETE", "/api/support/attachments/" + ID, Backend.TICKET, Access.SIGNED_IN);
    }

    // search (ticket-service): the tickets route covers it; its own metrics tag, not {id}
    @Test
    void searchPath() {
        routes("GET", "/api/support/tickets/search", Backend.TICKET, Access.SIGNED_IN);
        assertEquals("/api/support/tickets/search", UriTags.template("/api/support/tickets/search"));
    }

    @Test
    void onlyAGetOfOneTicketsStreamIsAStream() {
        routes("POST", ONE_TICKET + "/stream", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", "/api/support/tickets/stream", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", ONE_TICKET + "/stream/more", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", ONE_TICKET + "/streams", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", "/api/support/tickets//stream", Backend.TICKET, Access.SIGNED_IN);
        routes("GET", "/api/support/faq/" + ID + "/stream", Backend.FAQ, Access.PUBLIC);
    }

    @Test
    void lookalikesAndUnknownPathsDoNotMatch() {
        assertTrue(RouteTable.match("GET", "/api/support/faqs").isEmpty());
        assertTrue(RouteTable.match("GET", "/api/unknown").isEmpty());
        assertTrue(RouteTable.match("GET", "/api").isEmpty());
        assertTrue(RouteTable.match("POST", "/api/support/attachmentsx").isEmpty());
        assertEquals(Access.SIGNED_IN, RouteTable.match("GET", "/api/auth/login").orElseThrow().access(),
                "only POST login is public");
    }
}

package com.logishift.support.gateway;

import java.util.List;
import java.util.Optional;

/**
 * Which service owns a path, and what a caller needs to reach it. Plain Java so the whole table is
 * unit-tested: every path of the README's API tables, with and without its trailing slash.
 */
public final class RouteTable {

    /** What the edge requires before a request may pass. */
    public enum Access {
        /** anyone; no token needed (a token, if sent, is still checked) */
        PUBLIC,
        /** anyone; counted against the per-IP sign-in limit */
        PUBLIC_AUTH,
        /** a valid token, except for the notification stream's one-time ?ticket= that the service checks itself */
        STREAM,
        /** a valid token */
        SIGNED_IN
    }

    /**
     * Where a request goes and what it needs; {@code stream}: a live stream (server-sent events),
     * quiet for long stretches, so the backend's answer has no idle timeout.
     */
    public record Match(Backend backend, Access access, boolean stream) {
    }

    /**
     * {@code pattern}: a path without trailing slash; a {@code *} segment stands for any one segment.
     * Exact rules match the pattern only; the others also every path below it.
     */
    private record Rule(String method, String pattern, boolean exact, Backend backend, Access access, boolean stream) {

        Rule(String method, String pattern, boolean exact, Backend backend, Access access) {
            this(method, pattern, exact, backend, access, false);
        }

        boolean matches(String m, String path) {
            if (method != null && !method.equals(m)) {
                return false;
            }
            String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
            if (!pattern.contains("*")) {
                return exact ? p.equals(pattern) : p.equals(pattern) || p.startsWith(pattern + "/");
            }
            String[] want = pattern.split("/", -1);
            String[] have = p.split("/", -1);
            if (have.length < want.length || (exact && have.length != want.length)) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                boolean any = want[i].equals("*") && !have[i].isEmpty();
                if (!any && !want[i].equals(have[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Rule> RULES = List.of(
            // agent-service
            new Rule("POST", "/api/auth/login", true, Backend.AGENT, Access.PUBLIC_AUTH),
            new Rule("POST", "/api/auth/register", true, Backend.AGENT, Access.PUBLIC_AUTH),
            new Rule("POST", "/api/support/register-agent", true, Backend.AGENT, Access.PUBLIC_AUTH),
            new Rule("GET", "/api/auth/jwks", true, Backend.AGENT, Access.PUBLIC),
            new Rule(null, "/api/auth", false, Backend.AGENT, Access.SIGNED_IN),
            new Rule(null, "/api/admin/approve-agent", false, Backend.AGENT, Access.SIGNED_IN),
            new Rule(null, "/api/admin/reject-agent", false, Backend.AGENT, Access.SIGNED_IN),
            new Rule(null, "/api/admin/agents", false, Backend.AGENT, Access.SIGNED_IN),
            // faq-service: browsing is public, voting and management need a token
            new Rule("GET", "/api/support/faq", false, Backend.FAQ, Access.PUBLIC),
            new Rule(null, "/api/support/faq", false, Backend.FAQ, Access.SIGNED_IN),
            new Rule(null, "/api/admin/faq", false, Backend.FAQ, Access.SIGNED_IN),
            // notification-service
            new Rule("GET", "/api/notifications/stream", true, Backend.NOTIFICATION, Access.STREAM, true),
            // e-mail out: one-click unsubscribe from a mail (RFC 8058), no sign-in; the signed token is the proof
            new Rule("GET", "/api/notifications/unsubscribe", true, Backend.NOTIFICATION, Access.PUBLIC),
            new Rule("POST", "/api/notifications/unsubscribe", true, Backend.NOTIFICATION, Access.PUBLIC),
            new Rule(null, "/api/notifications", false, Backend.NOTIFICATION, Access.SIGNED_IN),
            // webhooks (notification-service; admin only, checked there)
            new Rule(null, "/api/admin/webhooks", false, Backend.NOTIFICATION, Access.SIGNED_IN),
            // ticket-service: a ticket's live thread is a stream for signed-in callers (no ?ticket=)
            new Rule("GET", "/api/support/tickets/*/stream", true, Backend.TICKET, Access.SIGNED_IN, true),
            new Rule(null, "/api/support/tickets", false, Backend.TICKET, Access.SIGNED_IN),
            new Rule(null, "/api/support/attachments", false, Backend.TICKET, Access.SIGNED_IN),
            new Rule(null, "/api/agent/tickets", false, Backend.TICKET, Access.SIGNED_IN),
            new Rule(null, "/api/admin/support", false, Backend.TICKET, Access.SIGNED_IN),
            new Rule(null, "/api/admin/sla", false, Backend.TICKET, Access.SIGNED_IN));

    private RouteTable() {
    }

    public static Optional<Match> match(String method, String path) {
        for (Rule rule : RULES) {
            if (rule.matches(method, path)) {
                return Optional.of(new Match(rule.backend(), rule.access(), rule.stream()));
            }
        }
        return Optional.empty();
    }
}

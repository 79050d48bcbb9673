package com.logishift.support.systemtests;

import static com.logishift.support.systemtests.client.Gateway.expect;
import static com.logishift.support.systemtests.client.Gateway.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Json;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.harness.SystemTest;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of the README's API tables (the seed's 13 and the additional ones) against every kind of caller,
 * through the gateway, as one table: anonymous → 401 except on the public routes; the wrong role →
 * 403; a customer asking for another customer's ticket → 404; otherwise what the service answers on
 * success. Where state matters (feedback, taking, moving, reassigning, approving …) every cell gets a
 * fresh ticket, agent or entry of its own.
 *
 * <p>The pending agent cannot even get a token (asserted first); for the table they are anonymous.
 */
@SystemTest
@Order(2) // after the flows (see junit-platform.properties); passes in any order
class PermissionMatrixTest {

    /** Who calls. The pending agent has no token, so their column is the anonymous one. */
    enum Caller {
        ANONYMOUS("anonymous"),
        CUSTOMER("customer"),
        OTHER_CUSTOMER("other customer"),
        PENDING_AGENT("pending agent (no token)"),
        AGENT("agent"),
        OTHER_AGENT("other agent"),
        ADMIN("admin");

        final String label;

        Caller(String label) {
            this.label = label;
        }

        /** Of the table's six columns (given in its order), this caller's; the pending agent's is the anonymous one. */
        <T> T column(T anonymous, T customer, T otherCustomer, T agent, T otherAgent, T admin) {
            return switch (this) {
                case ANONYMOUS, PENDING_AGENT -> anonymous;
                case CUSTOMER -> customer;
                case OTHER_CUSTOMER -> otherCustomer;
                case AGENT -> agent;
                case OTHER_AGENT -> otherAgent;
                case ADMIN -> admin;
            };
        }
    }

    /** What one cell needs: the id that replaces {id} in the path, and the request body (null: none). */
    record Target(String id, Object body) {
    }

    /** Prepares a cell; runs inside that cell's test, so a set-up failure shows where it happened. */
    @FunctionalInterface
    interface SetUp {
        Target prepare(Caller caller);
    }

    /** One row of the table: a request and the status each caller gets. */
    record Row(String method, String path, String note, SetUp setUp, boolean stream, boolean withoutToken,
            int anonymous, int customer, int otherCustomer, int agent, int otherAgent, int admin) {

        int expected(Caller caller) {
            return caller.column(anonymous, customer, otherCustomer, agent, otherAgent, admin);
        }

        String title() {
            return method + " " + path + (note == null ? "" : " (" + note + ")");
        }

        /** An SSE endpoint: a 200 is an endless stream, so only the status and headers are read. */
        Row streaming() {
            return new Row(method, path, note, setUp, true, withoutToken, anonymous, customer, otherCustomer, agent,
                    otherAgent, admin);
        }

        /** Sent without the caller's token (the caller is named by the set-up instead, e.g. a stream ticket). */
        Row tokenless() {
            return new Row(method, path, note, setUp, stream, true, anonymous, customer, otherCustomer, agent,
                    otherAgent, admin);
        }

        Row note(String text) {
            return new Row(method, path, text, setUp, stream, withoutToken, anonymous, customer, otherCustomer, agent,
                    otherAgent, admin);
        }
    }

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Integer> observed = new ConcurrentHashMap<>();

    private Gateway gateway;
    private Person admin;
    private Person customer;
    private Person otherCustomer;
    private Person pendingAgent;
    private Person agent;
    private Person otherAgent;
    private String sharedTicket; // the customer's, in progress with the agent
    private String customersNotification;
    private String faqEntry;

    private List<Row> table() {
        return List.of(
        //      method    path                                            set-up                                   anon  cust  other agent other admin
        // --- the seed's 13 --------------------------------------------------------------------------------------------------------------------------
        row("POST",   "/api/support/tickets/create/",           body(this::newTicket),                      401,  201,  201,  403,  403,  403),
        row("GET",    "/api/support/tickets/",                  none(),                                     401,  200,  200,  403,  403,  403),
        row("GET",    "/api/support/tickets/{id}/",             id(() -> sharedTicket),                     401,  200,  404,  200,  200,  200),
        row("POST",   "/api/support/tickets/{id}/feedback/",    fresh(this::resolvedTicket, FEEDBACK),      401,  201,  404,  403,  403,  403),
        row("GET",    "/api/support/faq/",                      none(),                                     200,  200,  200,  200,  200,  200),
        row("POST",   "/api/support/register-agent/",           body(this::newRegistration),                201,  201,  201,  201,  201,  201),
        row("GET",    "/api/agent/tickets/",                    none(),                                     401,  403,  403,  200,  200,  200),
        row("GET",    "/api/agent/tickets/?scope=queue",        none(),                                     401,  403,  403,  200,  200,  200),
        row("POST",   "/api/support/tickets/{id}/assign-self/", fresh(this::openTicketOfAgent),             401,  403,  403,  200,  200,  403)
                .note("OPEN, auto-assigned to the agent, not started"),
        row("POST",   "/api/support/tickets/{id}/assign-self/", fresh(this::ticketInProgress),              401,  403,  403,  200,  409,  403)
                .note("the agent is working on it"),
        row("PUT",    "/api/support/tickets/{id}/update-status/", fresh(this::ticketInProgress, ON_HOLD),   401,  403,  403,  200,  403,  200),
        row("POST",   "/api/support/tickets/{id}/add-note/",    id(() -> sharedTicket, NOTE),               401,  403,  403,  201,  201,  201),
        row("POST",   "/api/admin/approve-agent/{id}/",         fresh(this::pendingAgentId),                401,  403,  403,  403,  403,  200),
        row("GET",    "/api/admin/support/tickets/",            none(),                                     401,  403,  403,  403,  403,  200),
        row("POST",   "/api/support/tickets/{id}/reassign/",    freshWith(this::openTicketOfAgent, this::toOtherAgent), 401, 403, 403, 403, 403, 200),
        // --- what a working system adds ------------------------------------------------------------------------------------------------------------------------
        row("POST",   "/api/auth/register/",                    body(this::newRegistration),                201,  201,  201,  201,  201,  201),
        row("POST",   "/api/auth/login/",                       body(this::customersCredentials),           200,  200,  200,  200,  200,  200),
        row("GET",    "/api/auth/me/",                          none(),                                     401,  200,  200,  200,  200,  200),
        row("GET",    "/api/auth/jwks/",                        none(),                                     200,  200,  200,  200,  200,  200),
        row("POST",   "/api/admin/reject-agent/{id}/",          fresh(this::pendingAgentId, REASON),        401,  403,  403,  403,  403,  200),
        row("GET",    "/api/admin/agents/?status=PENDING",      none(),                                     401,  403,  403,  403,  403,  200),
        row("POST",   "/api/admin/agents/{id}/deactivate/",     fresh(this::approvedAgentId),               401,  403,  403,  403,  403,  200),
        row("POST",   "/api/admin/agents/{id}/reactivate/",     fresh(this::deactivatedAgentId),            401,  403,  403,  403,  403,  200),
        row("GET",    "/api/admin/agents/?status=DEACTIVATED",  none(),                                     401,  403,  403,  403,  403,  200),
        row("GET",    "/api/admin/support/stats/",              none(),                                     401,  403,  403,  403,  403,  200),
        row("GET",    "/api/support/faq/{id}/",                 id(() -> faqEntry),                         200,  200,  200,  200,  200,  200),
        row("POST",   "/api/support/faq/{id}/vote/",            id(() -> faqEntry, HELPFUL),                401,  200,  200,  200,  200,  200),
        row("POST",   "/api/admin/faq/",                        body(this::newFaqEntry),                    401,  403,  403,  403,  403,  201),
        row("PUT",    "/api/admin/faq/{id}/",                   this::draftFaqWithEdit,                     401,  403,  403,  403,  403,  200),
        row("DELETE", "/api/admin/faq/{id}/",                   fresh(this::draftFaqId),                    401,  403,  403,  403,  403,  204),
        row("GET",    "/api/notifications/",                    none(),                                     401,  200,  200,  200,  200,  200),
        row("GET",    "/api/notifications/unread-count/",       none(),                                     401,  200,  200,  200,  200,  200),
        row("POST",   "/api/notifications/{id}/read/",          id(() -> customersNotification),            401,  200,  404,  404,  404,  404)
                .note("the customer's notification"),
        row("POST",   "/api/notifications/read-all/",           none(),                                     401,  200,  200,  200,  200,  200),
        row("GET",    "/api/notifications/stream/",             none(),                                     401,  200,  200,  200,  200,  200)
                .streaming(),
        // --- the helpdesk: conversation, SLA, notification preferences --------------------------------------------------------------------------------
        row("GET",    "/api/support/tickets/{id}/messages/",    id(() -> sharedTicket),                     401,  200,  404,  200,  200,  200),
        row("POST",   "/api/support/tickets/{id}/messages/",    id(() -> sharedTicket, PUBLIC_REPLY),       401,  201,  404,  201,  201,  201),
        row("GET",    "/api/support/tickets/{id}/timeline/",    id(() -> sharedTicket),                     401,  200,  404,  200,  200,  200),
        row("GET",    "/api/support/tickets/{id}/stream/",      id(() -> sharedTicket),                     401,  200,  404,  200,  200,  200)
                .streaming(),
        row("PUT",    "/api/support/tickets/{id}/update-priority/", fresh(this::ticketInProgress, HIGH),    401,  403,  403,  200,  403,  200),
        row("GET",    "/api/admin/sla/policy/",                 none(),                                     401,  403,  403,  200,  200,  200),
        row("PUT",    "/api/admin/sla/policy/",                 body(this::currentSlaPolicy),               401,  403,  403,  403,  403,  200)
                .note("the policy as read, unchanged: a new version"),
        row("GET",    "/api/notifications/preferences/",        none(),                                     401,  200,  200,  200,  200,  200),
        // --- search ----------------------------------------------------------------------------------------------------------------------------------
        row("GET",    "/api/support/tickets/search/?q=matrix",  none(),                                     401,  200,  200,  200,  200,  200),
        // --- merge: the source's assignee or an admin, into another ticket of the same customer -------------------------------------------------------
        row("POST",   "/api/support/tickets/{id}/merge/",       freshWith(this::ticketInProgress, this::mergeTarget), 401, 403, 403, 200, 403, 200),
        // reports
        row("GET",    "/api/admin/support/reports/?from=2026-01-01&to=2026-02-01", none(),                 401,  403,  403,  403,  403,  200),
        row("GET",    "/api/admin/support/reports/export.csv?from=2026-01-01&to=2026-02-01", none(),       401,  403,  403,  403,  403,  200),
        // e-mail out: the unsubscribe link of a mail needs no sign-in; only its signed token decides (a forged one is 400)
        row("GET",    "/api/notifications/unsubscribe/?token=forged", none(),                               400,  400,  400,  400,  400,  400),
        row("POST",   "/api/notifications/unsubscribe/?token=forged", none(),                               400,  400,  400,  400,  400,  400),
        // --- beyond the contract's tables: how a browser's EventSource opens the stream, and the admin's FAQ list --------------------------------------------
        row("POST",   "/api/notifications/stream-ticket/",      none(),                                     401,  200,  200,  200,  200,  200),
        row("GET",    "/api/notifications/stream/?ticket={id}", this::streamTicket,                         401,  200,  200,  200,  200,  200)
                .streaming().tokenless().note("one-time ticket instead of a token"),
        row("GET",    "/api/admin/faq/",                        none(),                                     401,  403,  403,  403,  403,  200),
        // --- webhooks (admins only); redeliver is covered by WebhooksTest ---------------------------------------------------------------------------------------
        row("GET",    "/api/admin/webhooks/",                   none(),                                     401,  403,  403,  403,  403,  200),
        row("POST",   "/api/admin/webhooks/",                   body(PermissionMatrixTest::newWebhook),      401,  403,  403,  403,  403,  201),
        row("GET",    "/api/admin/webhooks/{id}/",              fresh(this::webhookId),                     401,  403,  403,  403,  403,  200),
        row("PUT",    "/api/admin/webhooks/{id}/",              fresh(this::webhookId, newWebhook()),       401,  403,  403,  403,  403,  200),
        row("DELETE", "/api/admin/webhooks/{id}/",              fresh(this::webhookId),                     401,  403,  403,  403,  403,  204),
        row("POST",   "/api/admin/webhooks/{id}/rotate-secret/", fresh(this::webhookId),                    401,  403,  403,  403,  403,  200),
        row("GET",    "/api/admin/webhooks/{id}/deliveries/",   fresh(this::webhookId),                     401,  403,  403,  403,  403,  200));
    }

    /** A webhook that receives nothing (disabled), registered by the admin; returns its id. */
    private static Object newWebhook() {
        return Map.of("url", "http://127.0.0.1:9/matrix", "eventTypes", List.of("*"), "enabled", false);
    }

    private String webhookId() {
        return expect(gateway.as(admin).body(newWebhook()).post("/api/admin/webhooks/"), 201).path("id").asText();
    }

    private static final Map<String, Object> FEEDBACK = Map.of("rating", 4, "comment", "Sorted out, thanks");
    private static final Map<String, Object> ON_HOLD = Map.of("status", "ON_HOLD");
    private static final Map<String, Object> NOTE = Map.of("body", "Matrix: checked with the depot.");
    private static final Map<String, Object> REASON = Map.of("reason", "Matrix: not hiring right now.");
    private static final Map<String, Object> HELPFUL = Map.of("helpful", true);
    private static final Map<String, Object> PUBLIC_REPLY = Map.of("body", "Matrix: a reply.", "visibility", "PUBLIC");
    private static final Map<String, Object> HIGH = Map.of("priority", "HIGH");

    @BeforeAll
    void meetEveryone(Gateway gateway) {
        this.gateway = gateway;
        admin = gateway.admin();
        customer = gateway.signIn(gateway.registerCustomer("Mia Matrix"));
        otherCustomer = gateway.signIn(gateway.registerCustomer("Otto Other"));
        pendingAgent = gateway.registerAgent("Pia Pending");
        List<Person> agents = gateway.approvedAgents(admin, "Alex Agent", "Olga Other");
        agent = agents.get(0);
        otherAgent = agents.get(1);

        sharedTicket = ticketInProgress();
        customersNotification = gateway.awaitNotification(customer, "any notification about the shared ticket",
                n -> sharedTicket.equals(n.path("ticketId").asText())).path("id").asText();
        faqEntry = Json.items(expect(gateway.anonymous().get("/api/support/faq/"), 200)).get(0).path("id").asText();
    }

    @Test
    @DisplayName("a pending agent cannot get a token: POST /api/auth/login/ → 403")
    void pendingAgentCannotSignIn() {
        problem(gateway.login(pendingAgent.email(), pendingAgent.password()), 403);
    }

    @TestFactory
    @DisplayName("every endpoint × every caller")
    Stream<DynamicContainer> everyEndpointForEveryCaller() {
        return table().stream().map(row -> DynamicContainer.dynamicContainer(row.title(),
                Arrays.stream(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                        caller.label + " → " + row.expected(caller), () -> check(row, caller, row.path())))));
    }

    @TestFactory
    @DisplayName("every endpoint also without its trailing slash")
    Stream<DynamicTest> everyEndpointWithoutTrailingSlash() {
        return table().stream().map(row -> {
            Caller caller = Arrays.stream(Caller.values()).filter(c -> row.expected(c) / 100 == 2).findFirst()
                    .orElse(Caller.ANONYMOUS);
            String path = row.path().replaceFirst("/(\\?|$)", "$1");
            return DynamicTest.dynamicTest(row.method() + " " + path + " as " + caller.label + " → "
                    + row.expected(caller), () -> check(row, caller, path));
        });
    }

    @AfterAll
    void printTheObservedMatrix() {
        StringBuilder out = new StringBuilder("[matrix] observed (anon, customer, other customer, pending agent, "
                + "agent, other agent, admin):\n");
        for (Row row : table()) {
            out.append(String.format(Locale.ROOT, "[matrix] %-72s", row.title()));
            for (Caller caller : Caller.values()) {
                Integer status = observed.get(row.title() + "|" + caller);
                out.append(String.format(Locale.ROOT, " %4s", status == null ? "-" : status));
            }
            out.append('\n');
        }
        System.out.print(out);
    }

    private void check(Row row, Caller caller, String pathTemplate) throws Exception {
        Target target = row.setUp().prepare(caller);
        String path = target.id() == null ? pathTemplate
                : pathTemplate.replace("{id}", URLEncoder.encode(target.id(), StandardCharsets.UTF_8));
        Person person = person(caller);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path))
                .timeout(Duration.ofSeconds(30));
        if (person != null && !row.withoutToken()) {
            request.header("Authorization", "Bearer " + person.token());
        }
        if (target.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(row.method(), HttpRequest.BodyPublishers.ofString(Json.write(target.body())));
        } else {
            // no body, no Content-Type: as a browser's fetch() sends a bare POST
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (row.stream()) {
            request.header("Accept", "text/event-stream");
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        String body;
        try (InputStream in = response.body()) {
            // a stream that opened never ends: its status is the answer
            body = row.stream() && status == 200 ? "(event stream)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (pathTemplate.equals(row.path())) {
            observed.put(row.title() + "|" + caller, status);
        }
        int expected = row.expected(caller);
        if (status != expected) {
            fail(row.method() + " " + path + " as " + caller.label + ": expected " + expected + " but got " + status
                    + ": " + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("application/problem+json"),
                    row.title() + " as " + caller.label + ": errors are problem+json, got '" + type + "'");
        }
    }

    /** Whose token the request carries: nobody's in the anonymous column. */
    private Person person(Caller caller) {
        return caller.column(null, customer, otherCustomer, agent, otherAgent, admin);
    }

    // --- the table's vocabulary ------------------------------------------------------------------

    private static Row row(String method, String path, SetUp setUp, int anonymous, int customer, int otherCustomer,
            int agent, int otherAgent, int admin) {
        return new Row(method, path, null, setUp, false, false, anonymous, customer, otherCustomer, agent, otherAgent,
                admin);
    }

    private static SetUp none() {
        return caller -> new Target(null, null);
    }

    private static SetUp body(java.util.function.Supplier<Object> body) {
        return caller -> new Target(null, body.get());
    }

    private static SetUp id(java.util.function.Supplier<String> id) {
        return caller -> new Target(id.get(), null);
    }

    private static SetUp id(java.util.function.Supplier<String> id, Object body) {
        return caller -> new Target(id.get(), body);
    }

    /** A new resource for every cell (a ticket, an agent, an entry), no body. */
    private static SetUp fresh(java.util.function.Supplier<String> resource) {
        return caller -> new Target(resource.get(), null);
    }

    /** A new resource for every cell, and a fixed body. */
    private static SetUp fresh(java.util.function.Supplier<String> resource, Object body) {
        return caller -> new Target(resource.get(), body);
    }

    /** A new resource for every cell, and a body made for it. */
    private static SetUp freshWith(java.util.function.Supplier<String> resource,
            java.util.function.Function<String, Object> body) {
        return caller -> {
            String id = resource.get();
            return new Target(id, body.apply(id));
        };
    }

    // --- fixtures: made by the customer, the agent and the admin, whoever the caller is -------------

    private Object newTicket() {
        return Map.of("subject", "Matrix parcel " + UNIQUE.incrementAndGet(), "category", "LOST",
                "description", "Never arrived.");
    }

    /** The policy as an admin reads it, to send back as it is (updatedAt is the server's to set). */
    private Object currentSlaPolicy() {
        com.fasterxml.jackson.databind.node.ObjectNode policy =
                (com.fasterxml.jackson.databind.node.ObjectNode) expect(gateway.as(admin).get("/api/admin/sla/policy/"), 200);
        policy.remove("updatedAt");
        return policy;
    }

    private Object newRegistration() {
        return gateway.registration(gateway.newPerson("Matrix Person"));
    }

    private Object customersCredentials() {
        return Map.of("email", customer.email(), "password", customer.password());
    }

    private Object toOtherAgent(String ticketId) {
        return Map.of("agentId", otherAgent.id());
    }

    /** The customer's new ticket, OPEN, assigned to the agent (by the admin, whoever got it automatically). */
    private String openTicketOfAgent() {
        String id = expect(gateway.as(customer).body(newTicket()).post("/api/support/tickets/create/"), 201)
                .path("id").asText();
        JsonNode assigned = expect(gateway.as(admin).body(Map.of("agentId", agent.id()))
                .post("/api/support/tickets/" + id + "/reassign/"), 200);
        assertEquals(agent.id(), assigned.path("assigneeId").asText());
        return id;
    }

    /** merge: a new ticket of the same customer to merge into. */
    private Object mergeTarget(String ticketId) {
        return Map.of("intoTicketId", expect(gateway.as(customer).body(newTicket()).post("/api/support/tickets/create/"),
                201).path("id").asText());
    }

    private String ticketInProgress() {
        String id = openTicketOfAgent();
        expect(gateway.as(agent).post("/api/support/tickets/" + id + "/assign-self/"), 200);
        return id;
    }

    private String resolvedTicket() {
        String id = ticketInProgress();
        expect(gateway.as(agent).body(Map.of("status", "RESOLVED")).put("/api/support/tickets/" + id + "/update-status/"),
                200);
        return id;
    }

    private String pendingAgentId() {
        return gateway.registerAgent("Matrix Applicant").id();
    }

    private String approvedAgentId() {
        Person applicant = gateway.registerAgent("Matrix Hire");
        gateway.approve(admin, applicant);
        return applicant.id();
    }

    private String deactivatedAgentId() {
        String id = approvedAgentId();
        expect(gateway.as(admin).post("/api/admin/agents/" + id + "/deactivate/"), 200);
        return id;
    }

    private Map<String, Object> faqEntry(String topicKey, String question) {
        return Map.of("topicKey", topicKey, "language", "en", "category", "OTHER", "question", question,
                "answer", "Written by the permission matrix.");
    }

    private Object newFaqEntry() {
        String topic = "matrix-" + gateway.system().runTag() + "-" + UNIQUE.incrementAndGet();
        return faqEntry(topic, "Is " + topic + " a question?");
    }

    /** A draft entry the admin just wrote; returns its id. */
    private String draftFaqId() {
        return draftFaq().path("id").asText();
    }

    private JsonNode draftFaq() {
        return expect(gateway.as(admin).body(newFaqEntry()).post("/api/admin/faq/"), 201);
    }

    /** A fresh draft and, as the body, an edit of it. */
    private Target draftFaqWithEdit(Caller caller) {
        JsonNode draft = draftFaq();
        return new Target(draft.path("id").asText(),
                faqEntry(draft.path("topicKey").asText(), "Edited: " + draft.path("question").asText()));
    }

    /** A one-time stream ticket of the caller (a made-up one for those without a token). */
    private Target streamTicket(Caller caller) {
        Person person = person(caller);
        if (person == null) {
            return new Target("made-up-ticket-" + UNIQUE.incrementAndGet(), null);
        }
        return new Target(expect(gateway.as(person).post("/api/notifications/stream-ticket/"), 200)
                .path("ticket").asText(), null);
    }
}

package com.logishift.support.systemtests;

import static com.logishift.support.systemtests.client.Gateway.expect;
import static com.logishift.support.systemtests.client.Gateway.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.client.Poll;
import com.logishift.support.systemtests.harness.SystemTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Webhooks through the gateway with the whole system: a customer's ticket reaches partners' HTTP
 * receivers on 127.0.0.1 (the harness allows that host and plain http), each request checked with
 * this test's own HMAC code. Every receiver counts only the tickets of its own test.
 */
@SystemTest
@Order(5) // after the flows (junit-platform.properties); asserts only on its own webhooks and tickets
class WebhooksTest {

    private static final String CREATED = "com.logishift.support.ticket.created.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Gateway gateway;
    private Person admin;
    private Person customer;
    private final List<String> hooks = new ArrayList<>();
    private final List<Partner> partners = new ArrayList<>();

    @BeforeAll
    void meet(Gateway gateway) {
        this.gateway = gateway;
        admin = gateway.admin();
        customer = gateway.signIn(gateway.registerCustomer("Wanda Webhook"));
    }

    @AfterEach
    void removeHooks() {
        hooks.forEach(id -> gateway.as(admin).delete("/api/admin/webhooks/" + id + "/"));
        hooks.clear();
        partners.forEach(p -> p.server.stop(0));
        partners.clear();
    }

    /** A partner's endpoint: answers the n-th request with {@code status.applyAsInt(n)}; 0 = hang until released. */
    private final class Partner {
        final HttpServer server;
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);

        Partner(IntUnaryOperator status) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> answer(exchange, status));
            server.start();
            partners.add(this);
        }

        private void answer(HttpExchange exchange, IntUnaryOperator status) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n;
            synchronized (this) {
                bodies.add(body);
                headers.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "signature", exchange.getRequestHeaders().getFirst("webhook-signature")));
                events.add(JSON.readTree(body));
                n = bodies.size();
            }
            int code = status.applyAsInt(n);
            if (code == 0) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                code = 200;
            }
            try {
                exchange.sendResponseHeaders(code, -1);
            } catch (IOException e) {
                // the sender gave up: nothing to answer
            }
            exchange.close();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
        }

        /** Requests about this ticket. */
        long about(String ticket) {
            return events.stream().filter(e -> ticket.equals(e.path("data").path("ticketId").asText())).count();
        }
    }

    @Test
    @DisplayName("a new ticket reaches the partner once, as a signed structured CloudEvent")
    void deliveriesArriveSigned() throws Exception {
        Partner partner = new Partner(n -> 200);
        JsonNode hook = register(partner.url(), List.of(CREATED));
        String ticket = newTicket();
        Poll.until("the partner got the ticket", () -> partner.about(ticket), n -> n == 1);
        int i = indexOf(partner, ticket);
        assertTrue(verifies(hook.path("secret").asText(), partner, i));
        JsonNode event = partner.events.get(i);
        assertEquals(CREATED, event.path("type").asText());
        assertEquals("1.0", event.path("specversion").asText());
        assertFalse(event.path("id").asText().isEmpty());
        assertFalse(event.path("source").asText().isEmpty());
        assertEquals(customer.id(), event.path("data").path("customerId").asText());
        JsonNode log = expect(gateway.as(admin).get("/api/admin/webhooks/" + hook.path("id").asText() + "/deliveries/"), 200);
        assertEquals("DELIVERED", log.path("items").get(0).path("status").asText());
        assertTrue(expect(gateway.as(admin).get("/api/admin/webhooks/" + hook.path("id").asText() + "/"), 200)
                .path("secret").isMissingNode(), "the secret is never shown again");
    }

    @Test
    @DisplayName("a partner failing three times gets exactly one success, always with the same webhook-id")
    void retriesKeepTheWebhookId() throws Exception {
        Partner partner = new Partner(n -> n <= 3 ? 500 : 200);
        JsonNode hook = register(partner.url(), List.of(CREATED));
        String ticket = newTicket();
        String id = hook.path("id").asText();
        Poll.until("delivered", () -> expect(gateway.as(admin).get("/api/admin/webhooks/" + id + "/deliveries/"), 200)
                .path("items").get(0).path("status").asText(), "DELIVERED"::equals);
        assertEquals(4, partner.about(ticket));
        assertEquals(1, partner.headers.stream().map(h -> h.get("id")).distinct().count());
        for (int i = 0; i < partner.bodies.size(); i++) {
            assertTrue(verifies(hook.path("secret").asText(), partner, i), "attempt " + (i + 1) + " signed");
        }
    }

    @Test
    @DisplayName("410 disables the webhook and tells the admins")
    void goneDisables() throws Exception {
        Partner partner = new Partner(n -> 410);
        String id = register(partner.url(), List.of(CREATED)).path("id").asText();
        newTicket();
        Poll.until("disabled", () -> expect(gateway.as(admin).get("/api/admin/webhooks/" + id + "/"), 200),
                w -> !w.path("enabled").asBoolean());
        gateway.awaitNotificationTitled(admin, "Webhook disabled");
    }

    @Test
    @DisplayName("a hanging partner does not delay another")
    void aHangingPartnerDelaysNobody() throws Exception {
        Partner hanging = new Partner(n -> 0);
        Partner quick = new Partner(n -> 200);
        register(hanging.url(), List.of(CREATED));
        register(quick.url(), List.of(CREATED));
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tickets.add(newTicket());
        }
        Poll.until("the quick partner has all six", () -> tickets.stream().filter(t -> quick.about(t) == 1).count(), n -> n == 6);
        assertTrue(hanging.bodies.size() <= 4, "the hanging partner holds at most 4 attempts");
        hanging.release.countDown();
    }

    @Test
    @DisplayName("internal destinations are refused (400 naming url)")
    void internalDestinationsRefused() {
        for (String url : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/",
                "http://localhost:8084/")) {
            JsonNode refused = problem(gateway.as(admin).body(Map.of("url", url, "eventTypes", List.of(CREATED)))
                    .post("/api/admin/webhooks/"), 400);
            assertEquals("url", refused.path("errors").get(0).path("field").asText(), url);
        }
    }

    @Test
    @DisplayName("after a rotation both secrets verify; a redelivery comes with a new webhook-id")
    void rotationAndRedelivery() throws Exception {
        Partner partner = new Partner(n -> 200);
        JsonNode hook = register(partner.url(), List.of(CREATED));
        String id = hook.path("id").asText();
        String rotated = expect(gateway.as(admin).post("/api/admin/webhooks/" + id + "/rotate-secret/"), 200)
                .path("secret").asText();
        assertNotEquals(hook.path("secret").asText(), rotated);
        String ticket = newTicket();
        Poll.until("delivered", () -> partner.about(ticket), n -> n == 1);
        assertTrue(verifies(hook.path("secret").asText(), partner, 0), "the old secret, during the overlap");
        assertTrue(verifies(rotated, partner, 0), "the new secret");

        String delivery = expect(gateway.as(admin).get("/api/admin/webhooks/" + id + "/deliveries/"), 200)
                .path("items").get(0).path("id").asText();
        expect(gateway.as(admin).post("/api/admin/webhooks/" + id + "/deliveries/" + delivery + "/redeliver/"), 202);
        Poll.until("redelivered", () -> partner.about(ticket), n -> n == 2);
        assertNotEquals(partner.headers.get(0).get("id"), partner.headers.get(1).get("id"));
        assertEquals(partner.events.get(0).path("id"), partner.events.get(1).path("id"), "the same event");
    }

    private JsonNode register(String url, List<String> types) {
        JsonNode hook = expect(gateway.as(admin).body(Map.of("url", url, "eventTypes", types)).post("/api/admin/webhooks/"), 201);
        hooks.add(hook.path("id").asText());
        return hook;
    }

    private String newTicket() {
        return expect(gateway.as(customer).body(Map.of("subject", "Webhook parcel", "category", "LATE",
                "description", "Still waiting.")).post("/api/support/tickets/create/"), 201).path("id").asText();
    }

    private static int indexOf(Partner partner, String ticket) {
        for (int i = 0; i < partner.events.size(); i++) {
            if (ticket.equals(partner.events.get(i).path("data").path("ticketId").asText())) {
                return i;
            }
        }
        return -1;
    }

    /** This test's own check: one of the v1 signatures is HMAC-SHA256(key, id.timestamp.body). */
    private static boolean verifies(String secret, Partner partner, int i) throws Exception {
        Map<String, String> h = partner.headers.get(i);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                (h.get("id") + "." + h.get("timestamp") + "." + partner.bodies.get(i)).getBytes(StandardCharsets.UTF_8)));
        return List.of(h.get("signature").split(" ")).contains(expected);
    }
}

package com.logishift.support.ticket.conversation;

import static com.logishift.support.ticket.conversation.MessagesTest.body;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.resetDatabase;
import static com.logishift.support.ticket.support.Api.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live thread over Server-Sent Events: what each side sees, as it commits, and a resume without gaps. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class LiveThreadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String END = "\u0000end";

    @TestHTTPResource("/")
    URI base;

    @Inject
    Pool pool;

    @jakarta.inject.Inject
    com.logishift.support.ticket.sla.SlaJob slaJob;

    record Event(String name, String id, JsonNode data) {
        String kind() {
            return data.path("kind").asText();
        }

        int seq() {
            return data.path("seq").asInt();
        }
    }

    /** One open stream, read line by line on its own thread. */
    final class Stream implements AutoCloseable {
        final HttpResponse<java.util.stream.Stream<String>> response;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Stream(String ticketId, String bearer, String query, Map<String, String> headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            base.resolve("/api/support/tickets/" + ticketId + "/stream/" + query))
                    .header("Authorization", bearer).header("Accept", "text/event-stream");
            headers.forEach(request::header);
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // closed by the test
                } finally {
                    lines.add(END);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        int status() {
            return response.statusCode();
        }

        /** The next event (comments skipped), or null when the stream ended. */
        Event next() throws Exception {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            while (true) {
                String line = lines.poll(30, TimeUnit.SECONDS);
                assertNotNull(line, "no event within 30 s");
                if (line.equals(END)) {
                    return null;
                }
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) {
                        return new Event(name, id, JSON.readTree(data.toString()));
                    }
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        }

        Event entry() throws Exception {
            Event e = next();
            assertNotNull(e, "the stream ended");
            assertEquals("entry", e.name());
            assertEquals(e.data().path("seq").asText(), e.id(), "the SSE id is the seq");
            return e;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    Stream open(Person who, String ticketId, String query) throws Exception {
        return new Stream(ticketId, who.bearer(), query, Map.of());
    }

    /** The SLA alerts are staff-only entries: a customer's catch-up skips them, a staff stream has them. */
    @Test
    void slaEntriesNeverReachACustomersStream() throws Exception {
        Person customer = Tokens.customer();
        String id = openTicket(customer);
        slaJob.pass(Instant.now().plus(Duration.ofDays(60))).await().atMost(Duration.ofMinutes(2));
        as(customer).body(body("body", "still waiting")).post(messages(id)).then().statusCode(201);
        List<String> customerKinds = new ArrayList<>();
        try (Stream customers = open(customer, id, "?after=0")) {
            assertEquals("ready", customers.next().name());
            for (Event e = customers.entry(); ; e = customers.entry()) {
                customerKinds.add(e.kind());
                if (e.kind().equals("MESSAGE")) {
                    break; // the customer's message comes after the alerts
                }
            }
        }
        assertTrue(customerKinds.stream().noneMatch(k -> k.startsWith("SLA_")), customerKinds.toString());
        List<String> staffKinds = new ArrayList<>();
        try (Stream staff = open(Tokens.agent(), id, "?after=0")) {
            assertEquals("ready", staff.next().name());
            for (Event e = staff.entry(); ; e = staff.entry()) {
                staffKinds.add(e.kind());
                if (e.kind().equals("MESSAGE")) {
                    break;
                }
            }
        }
        assertEquals(4, staffKinds.stream().filter(k -> k.startsWith("SLA_")).count(), staffKinds.toString());
    }

    @Test
    void entriesArriveAsTheyCommitAndAResumeGetsExactlyTheMissedOnes() throws Exception {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = openTicket(customer);
        int backlog = as(agent).get("/api/support/tickets/" + id + "/timeline/").then().extract().path("total");
        String secret = "internal: refund approved " + java.util.UUID.randomUUID();
        int lastSeen;
        try (Stream customers = open(customer, id, ""); Stream staff = open(agent, id, "?after=0")) {
            assertEquals(200, customers.status());
            assertTrue(customers.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            Event ready = customers.next();
            assertEquals("ready", ready.name());
            assertEquals(0, ready.data().get("after").asInt());
            assertEquals("ready", staff.next().name());
            for (int i = 1; i <= backlog; i++) {
                assertEquals(i, customers.entry().seq(), "the backlog, in order");
                assertEquals(i, staff.entry().seq());
            }

            as(agent).body(body("body", secret, "visibility", "INTERNAL")).post(messages(id)).then().statusCode(201);
            as(agent).body(body("body", "We will refund you.", "visibility", "PUBLIC")).post(messages(id)).then()
                    .statusCode(201);

            Event note = staff.entry();
            assertEquals("NOTE", note.kind());
            assertEquals(secret, note.data().path("message").path("body").asText());
            assertEquals("INTERNAL", note.data().path("message").path("visibility").asText());
            Event reply = customers.entry();
            assertEquals("MESSAGE", reply.kind(), "the note never reaches the customer: " + reply.data());
            assertEquals("We will refund you.", reply.data().path("message").path("body").asText());
            assertEquals(agent.id().toString(), reply.data().path("actor").path("id").asText());
            assertEquals(backlog + 2, reply.seq());
            assertFalse(reply.data().toString().contains(secret));
            assertEquals("MESSAGE", staff.entry().kind());
            lastSeen = reply.seq();
        }

        // while the customer is away: two messages and a status change
        take(agent, id);
        as(agent).body(body("body", "one", "visibility", "PUBLIC")).post(messages(id)).then().statusCode(201);
        as(agent).body(body("body", "two", "visibility", "PUBLIC")).post(messages(id)).then().statusCode(201);
        List<Integer> missed = as(customer).queryParam("after", lastSeen).get("/api/support/tickets/" + id + "/timeline/")
                .then().extract().jsonPath().getList("items.seq");
        assertTrue(missed.size() >= 4, missed.toString()); // (assigned,) started, one, two

        try (Stream resumed = open(customer, id, "?after=" + lastSeen)) {
            assertEquals(lastSeen, resumed.next().data().get("after").asInt());
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < missed.size(); i++) {
                got.add(resumed.entry().seq());
            }
            assertEquals(missed, got);
            // and nothing else in between: the next entry is the next thing that happens
            as(customer).body(body("body", "marker")).post(messages(id)).then().statusCode(201);
            Event marker = resumed.entry();
            assertEquals("marker", marker.data().path("message").path("body").asText());
        }

        // Last-Event-ID (an EventSource reconnecting) resumes the same way
        try (Stream reconnected = new Stream(id, customer.bearer(), "",
                Map.of("Last-Event-ID", Integer.toString(lastSeen + missed.size())))) {
            assertEquals("ready", reconnected.next().name());
            assertEquals("marker", reconnected.entry().data().path("message").path("body").asText());
        }
    }

    /**
     * Every writer announces after its commit, not only the conversation: the Panache use cases
     * (a status change) and the account-event consumer (an approval that hands out the queue, which
     * announces to every stream).
     */
    @Test
    void changesMadeOutsideTheConversationArriveLiveToo() throws Exception {
        resetDatabase(pool);
        Person customer = Tokens.customer();
        String id = openTicket(customer); // nobody to assign it to: it waits in the queue
        Person admin = Tokens.admin();
        int backlog = as(admin).get("/api/support/tickets/" + id + "/timeline/").then().extract().path("total");
        try (Stream staff = open(admin, id, "")) {
            assertEquals("ready", staff.next().name());
            for (int i = 1; i <= backlog; i++) {
                staff.entry();
            }
            Person agent = approvedAgent(pool); // the approval drains the queue: the ticket is assigned
            Event assigned = staff.entry();
            assertEquals("ASSIGNED", assigned.kind(), assigned.data().toString());
            assertEquals(agent.id().toString(), assigned.data().path("to").asText(), assigned.data().toString());

            moveTo(agent, id, "IN_PROGRESS");
            Event started = staff.entry();
            assertEquals("STATUS_CHANGED", started.kind(), started.data().toString());
            assertEquals("IN_PROGRESS", started.data().path("to").asText());
        }
    }

    @Test
    void onlyWhoMaySeeTheTicketMayStreamItAndOnlyTenAtATime() throws Exception {
        Person customer = Tokens.customer();
        String id = openTicket(customer);
        try (Stream stranger = open(Tokens.customer(), id, "")) {
            assertEquals(404, stranger.status());
        }
        try (Stream nowhere = open(customer, java.util.UUID.randomUUID().toString(), "")) {
            assertEquals(404, nowhere.status());
        }
        try (Stream bad = open(customer, id, "?after=-3")) {
            assertEquals(400, bad.status());
        }
        try (Stream anonymous = new Stream(id, "Bearer nope", "", Map.of())) {
            assertEquals(401, anonymous.status());
        }

        List<Stream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Stream s = open(customer, id, "");
                assertEquals(200, s.status());
                assertEquals("ready", s.next().name());
                streams.add(s);
            }
            try (Stream eleventh = open(customer, id, "")) {
                assertEquals(429, eleventh.status());
                assertTrue(eleventh.response.headers().firstValue("Retry-After").isPresent());
            }
            streams.remove(0).close();
            // the closed stream's slot comes back once the server noticed the client went away
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Stream again = null;
            while (System.nanoTime() < deadline) {
                Stream s = open(customer, id, "");
                if (s.status() == 200) {
                    again = s;
                    break;
                }
                s.close();
                Thread.sleep(200);
            }
            assertNotNull(again, "a slot is free again after a stream closed");
            streams.add(again);
        } finally {
            streams.forEach(Stream::close);
        }
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() throws Exception {
        Person customer = Tokens.customer();
        String id = openTicket(customer);
        String shortLived = Tokens.sign(customer.id(), "customer", customer.name(), Instant.now().plusSeconds(4));
        try (Stream s = new Stream(id, "Bearer " + shortLived, "", Map.of())) {
            assertEquals(200, s.status());
            assertEquals("ready", s.next().name());
            Event e;
            do {
                e = s.next(); // the backlog, then the end
            } while (e != null);
            assertNull(e);
        }
    }
}

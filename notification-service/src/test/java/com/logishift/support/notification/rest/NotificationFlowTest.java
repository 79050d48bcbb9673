package com.logishift.support.notification.rest;

import com.logishift.support.kit.test.Eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.notification.support.EventPublisher;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.kit.test.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events in from real Kafka, notifications out through the API and the live stream. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class NotificationFlowTest {

    private static final String T = "com.logishift.support.ticket.";

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URL base;

    Person admin;
    Person agent;
    Person otherAgent;
    Person pendingAgent;
    Person customer;

    @BeforeEach
    void directory() {
        // a known directory: exactly these admins and approved agents exist
        pool.query("TRUNCATE directory_account").execute().await().indefinitely();
        admin = Tokens.admin();
        agent = Tokens.agent();
        otherAgent = Tokens.agent();
        pendingAgent = Tokens.agent();
        customer = Tokens.customer();
        try (EventPublisher events = new EventPublisher()) {
            events.registered(admin);
            for (Person a : new Person[] {agent, otherAgent, pendingAgent}) {
                events.registered(a);
            }
            events.approved(agent);
            events.approved(otherAgent);
        }
        await(() -> count("SELECT count(*) AS n FROM directory_account WHERE role = 'agent' AND status = 'APPROVED'") == 2
                && count("SELECT count(*) AS n FROM directory_account WHERE role = 'admin'") == 1, "directory built");
    }

    @Test
    void everyRowOfTheTableReachesExactlyTheRightPeople() {
        UUID ticket = UUID.randomUUID();
        String created = ticketEvent("created", ticket, ",\"subject\":\"Crushed box\",\"category\":\"DAMAGED\",\"priority\":\"HIGH\"");
        assertRecipients(created, admin, agent, otherAgent);

        String assigned = ticketEvent("assigned", ticket, ",\"assigneeId\":\"" + agent.id() + "\",\"mode\":\"AUTO\"");
        assertRecipients(assigned, customer, agent, admin);

        // the agent changed it: they are not told of their own action (SPEC "Notifications, revised")
        String status = ticketEvent("status-changed", ticket,
                ",\"assigneeId\":\"" + agent.id() + "\",\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\",\"changedBy\":\"" + agent.id() + "\"");
        assertRecipients(status, customer, admin);

        String ownNote = ticketEvent("note-added", ticket,
                ",\"noteId\":\"" + UUID.randomUUID() + "\",\"authorId\":\"" + agent.id() + "\",\"assigneeId\":\"" + agent.id() + "\"");
        assertRecipients(ownNote, admin);
        String colleaguesNote = ticketEvent("note-added", ticket,
                ",\"noteId\":\"" + UUID.randomUUID() + "\",\"authorId\":\"" + otherAgent.id() + "\",\"assigneeId\":\"" + agent.id() + "\"");
        assertRecipients(colleaguesNote, agent, admin);

        String feedback = ticketEvent("feedback-submitted", ticket, ",\"assigneeId\":\"" + agent.id() + "\",\"rating\":5");
        assertRecipients(feedback, agent, admin);

        Person newcomer = Tokens.agent();
        try (EventPublisher events = new EventPublisher()) {
            String registered = events.registered(newcomer);
            assertRecipients(registered, admin);
            String approved = events.approved(newcomer);
            assertRecipients(approved, newcomer);
        }

        as(customer).get("/api/notifications/").then().statusCode(200)
                .body("items.title", hasItem("Ticket " + ref(ticket) + " is now In progress"))
                .body("items.ticketId", everyItem(equalTo(ticket.toString())));
    }

    @Test
    void adminsOtherThanTheActingOneHearOfADeactivationAndAReactivation() {
        Person secondAdmin = Tokens.admin();
        try (EventPublisher events = new EventPublisher()) {
            events.registered(secondAdmin);
        }
        await(() -> count("SELECT count(*) AS n FROM directory_account WHERE role = 'admin'") == 2, "two admins");

        String deactivated = activation("deactivated", admin);
        assertRecipients(deactivated, secondAdmin);
        as(secondAdmin).get("/api/notifications/").then().statusCode(200)
                .body("items.title", hasItem("Agent " + agent.name() + " deactivated"));
        // a deactivated agent no longer hears of new tickets
        String created = ticketEvent("created", UUID.randomUUID(),
                ",\"subject\":\"Late\",\"category\":\"LATE\",\"priority\":\"LOW\"");
        assertRecipients(created, admin, secondAdmin, otherAgent);

        String reactivated = activation("reactivated", secondAdmin);
        assertRecipients(reactivated, admin);
        String createdAgain = ticketEvent("created", UUID.randomUUID(),
                ",\"subject\":\"Late\",\"category\":\"LATE\",\"priority\":\"LOW\"");
        assertRecipients(createdAgain, admin, secondAdmin, agent, otherAgent);
    }

    @Test
    void aPublicMessageReachesTheOtherSideAndAnInternalOneNobody() {
        UUID ticket = UUID.randomUUID();
        String staffReply = message(ticket, agent, "AGENT", "PUBLIC", agent, 1);
        String customerMessage = message(ticket, customer, "CUSTOMER", "PUBLIC", agent, 0);
        String internal = message(ticket, otherAgent, "AGENT", "INTERNAL", agent, 0);
        String adminReply = message(ticket, admin, "ADMIN", "PUBLIC", agent, 0);
        UUID queued = UUID.randomUUID();
        String toTheQueue = message(queued, customer, "CUSTOMER", "PUBLIC", null, 2);
        // one ticket's events share a partition and are applied in order: once these later events
        // are applied, so are the ones above, and a missing notification is really missing
        assertRecipients(ticketEvent("status-changed", ticket,
                ",\"assigneeId\":\"" + agent.id() + "\",\"from\":\"IN_PROGRESS\",\"to\":\"ON_HOLD\""), customer, agent, admin);
        assertRecipients(ticketEvent("status-changed", queued,
                ",\"assigneeId\":null,\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\""), customer, admin);

        assertRecipients(staffReply, customer);
        assertRecipients(customerMessage, agent);
        assertRecipients(toTheQueue, admin);
        assertRecipients(adminReply, customer);
        assertEquals(0, count("SELECT count(*) AS n FROM inbox_entry WHERE event_id = '" + internal + "'"),
                "an internal message notifies nobody from message-added");

        as(customer).get("/api/notifications/").then().statusCode(200)
                .body("items.findAll { it.ticketId == '" + ticket + "' }.title",
                        hasItem("New reply on " + ref(ticket)))
                .body("items.findAll { it.ticketId == '" + ticket + "' }.body",
                        hasItem(agent.name() + " replied to your ticket " + ref(ticket) + " (1 attachment)."));
        as(agent).get("/api/notifications/").then().statusCode(200)
                .body("items.findAll { it.ticketId == '" + ticket + "' }.title",
                        hasItem("New message on " + ref(ticket)))
                .body("items.title", not(hasItem("New reply on " + ref(ticket))));
        as(admin).get("/api/notifications/").then().statusCode(200)
                .body("items.findAll { it.ticketId == '" + queued + "' }.body",
                        hasItem("The customer wrote on " + ref(queued) + " (2 attachments)."));
    }

    /** message-added.v1 as ticket-service sends it: ids and facts, never the body. */
    private String message(UUID ticket, Person author, String role, String visibility, Person assignee,
            int attachments) {
        return ticketEvent("message-added", ticket, ",\"messageId\":\"" + UUID.randomUUID() + "\",\"seq\":2"
                + ",\"authorId\":\"" + author.id() + "\",\"authorRole\":\"" + role + "\",\"visibility\":\""
                + visibility + "\",\"channel\":\"WEB\",\"assigneeId\":"
                + (assignee == null ? "null" : "\"" + assignee.id() + "\"") + ",\"attachmentCount\":" + attachments
                + ",\"createdAt\":\"2026-12-06T09:00:00Z\"");
    }

    /** agent.deactivated.v1 or agent.reactivated.v1 of {@link #agent} by the given admin, as agent-service sends it. */
    private String activation(String what, Person by) {
        try (EventPublisher events = new EventPublisher()) {
            return events.send(EventPublisher.accountTopic(), UUID.randomUUID().toString(),
                    "com.logishift.support.agent." + what + ".v1", agent.id(),
                    "{\"accountId\":\"" + agent.id() + "\",\"email\":\"" + agent.id() + "@example.com\",\"name\":\""
                            + agent.name() + "\",\"" + what + "By\":\"" + by.id() + "\",\"" + what
                            + "At\":\"2026-12-06T07:00:00Z\"}");
        }
    }

    @Test
    void theSameEventDeliveredTwiceNotifiesOnce() {
        UUID ticket = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = ticketData(ticket, ",\"assigneeId\":\"" + agent.id() + "\",\"from\":\"IN_PROGRESS\",\"to\":\"RESOLVED\"");
        try (EventPublisher events = new EventPublisher()) {
            events.send(EventPublisher.ticketTopic(), eventId, T + "status-changed.v1", ticket, data);
            events.send(EventPublisher.ticketTopic(), eventId, T + "status-changed.v1", ticket, data);
            // a later event proves both copies were consumed
            String later = events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), T + "feedback-submitted.v1",
                    ticket, ticketData(ticket, ",\"assigneeId\":\"" + agent.id() + "\",\"rating\":3"));
            await(() -> count("SELECT count(*) AS n FROM inbox_entry WHERE event_id = '" + later + "'") == 2, "later event");
        }
        assertEquals(1, count("SELECT count(*) AS n FROM inbox_entry WHERE event_id = '" + eventId
                + "' AND recipient_id = '" + customer.id() + "'"));
        assertRecipients(eventId, customer, agent, admin);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheNextGoodEventIsProcessed() {
        UUID key = UUID.randomUUID();
        try (EventPublisher events = new EventPublisher()) {
            events.raw(EventPublisher.ticketTopic(), key, "no headers, no json");
            events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), T + "exploded.v1", key, "{}");
            events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), T + "created.v1", key, "{\"ticketId\": 42}");
            String good = ticketEvent("status-changed", key,
                    ",\"assigneeId\":\"" + agent.id() + "\",\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\"");
            assertRecipients(good, customer, agent, admin);
        }
        try (TopicReader dlq = new TopicReader("test.notification-service.dlq")) {
            var dead = dlq.await(r -> key.toString().equals(r.key()), 3, Duration.ofSeconds(20));
            for (var record : dead) {
                assertNotNull(TopicReader.header(record, "dead-letter-reason"), "the reason travels with it");
            }
        }
    }

    @Test
    void readUnreadAndCounts() {
        UUID ticket = UUID.randomUUID();
        for (String to : new String[] {"IN_PROGRESS", "ON_HOLD", "IN_PROGRESS"}) {
            assertRecipients(ticketEvent("status-changed", ticket,
                    ",\"assigneeId\":\"" + agent.id() + "\",\"from\":\"OPEN\",\"to\":\"" + to + "\""), customer, agent, admin);
        }
        as(customer).get("/api/notifications/unread-count/").then().statusCode(200).body("count", equalTo(3));
        String first = as(customer).get("/api/notifications/?size=1").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(1)).extract().path("items[0].id");
        as(customer).post("/api/notifications/" + first + "/read/").then().statusCode(200).body("read", equalTo(true));
        as(customer).post("/api/notifications/" + first + "/read").then().statusCode(200); // again: harmless
        as(customer).get("/api/notifications/unread-count").then().body("count", equalTo(2));
        as(customer).get("/api/notifications/?unread=true").then().body("total", equalTo(2))
                .body("items.read", everyItem(equalTo(false)));
        as(customer).post("/api/notifications/read-all/").then().statusCode(200).body("updated", equalTo(2));
        as(customer).get("/api/notifications/unread-count/").then().body("count", equalTo(0));
        // the agent's own inbox is untouched: their approval plus the three changes
        as(agent).get("/api/notifications/unread-count/").then().body("count", equalTo(4));
        as(customer).get("/api/notifications/?unread=maybe").then().statusCode(400);
    }

    @Test
    void nobodySeesAnotherPersonsNotifications() {
        UUID ticket = UUID.randomUUID();
        assertRecipients(ticketEvent("status-changed", ticket,
                ",\"assigneeId\":\"" + agent.id() + "\",\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\""), customer, agent, admin);
        String customersNotification = as(customer).get("/api/notifications/").then().extract().path("items[0].id");
        as(agent).post("/api/notifications/" + customersNotification + "/read/").then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.customer()).get("/api/notifications/").then().body("total", equalTo(0));
        given().get("/api/notifications/").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/notifications/unread-count/").then().statusCode(401);
        as(customer).post("/api/notifications/not-a-uuid/read/").then().statusCode(400);
    }

    @Test
    void aConnectedStreamReceivesANotificationCreatedAfterItConnected() throws Exception {
        // bearer token in the header (non-browser clients)
        assertStreamDelivers(HttpRequest.newBuilder(URI.create(base + "api/notifications/stream/"))
                .header("Authorization", customer.bearer()));
        // one-time ticket in the URL (a browser's EventSource)
        String ticket = as(customer).post("/api/notifications/stream-ticket/").then().statusCode(200)
                .extract().path("ticket");
        assertStreamDelivers(HttpRequest.newBuilder(URI.create(base + "api/notifications/stream?ticket=" + ticket)));
        // a used ticket, a made-up one and no credentials at all are refused
        HttpClient client = HttpClient.newHttpClient();
        for (String query : new String[] {"?ticket=" + ticket, "?ticket=made-up", ""}) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(
                    URI.create(base + "api/notifications/stream/" + query)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode(), query);
        }
    }

    private void assertStreamDelivers(HttpRequest.Builder request) throws Exception {
        BlockingQueue<String> lines = openStream(request);
        UUID ticket = UUID.randomUUID();
        ticketEvent("status-changed", ticket, ",\"assigneeId\":\"" + agent.id() + "\",\"from\":\"ON_HOLD\",\"to\":\"RESOLVED\"");
        // pushed on the open stream (how fast is measured by deploy/bench, not asserted here)
        String data = waitForLine(lines, ticket.toString(), Duration.ofSeconds(30));
        assertTrue(data.contains("is now Resolved"), data);
    }

    @Test
    void aRoleFeedEntryReachesTheOpenStreamsOfTheRolesMembersOnly() throws Exception {
        BlockingQueue<String> admins = openStream(streamOf(admin));
        BlockingQueue<String> agents = openStream(streamOf(otherAgent));
        BlockingQueue<String> customers = openStream(streamOf(customer));
        BlockingQueue<String> pending = openStream(streamOf(pendingAgent));
        UUID ticket = UUID.randomUUID();
        ticketEvent("created", ticket, ",\"subject\":\"Crushed box\",\"category\":\"DAMAGED\",\"priority\":\"HIGH\"");
        assertTrue(waitForLine(admins, ticket.toString(), Duration.ofSeconds(10)).contains("New ticket " + ref(ticket)));
        assertTrue(waitForLine(agents, ticket.toString(), Duration.ofSeconds(10)).contains("New ticket " + ref(ticket)));
        // a later notification of the customer and of the pending agent: the feed entry came before it, if at all
        ticketEvent("status-changed", ticket, ",\"assigneeId\":\"" + pendingAgent.id() + "\",\"from\":\"OPEN\",\"to\":\"ON_HOLD\"");
        for (BlockingQueue<String> outsider : List.of(customers, pending)) {
            String first = waitForLine(outsider, ticket.toString(), Duration.ofSeconds(10));
            assertTrue(first.contains("is now On hold"), "not in the role's feed, yet got " + first);
        }
    }

    private HttpRequest.Builder streamOf(Person person) {
        return HttpRequest.newBuilder(URI.create(base + "api/notifications/stream/")).header("Authorization", person.bearer());
    }

    /** Opens a stream, waits for its "ready" event and collects its lines from then on. */
    private static BlockingQueue<String> openStream(HttpRequest.Builder request) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<java.util.stream.Stream<String>> open = HttpClient.newHttpClient()
                .sendAsync(request.header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertEquals(200, open.statusCode());
        Thread reader = new Thread(() -> open.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        waitForLine(lines, "event:ready", Duration.ofSeconds(10));
        return lines;
    }

    private static String waitForLine(BlockingQueue<String> lines, String containing, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.replace(" ", "").contains(containing.replace(" ", ""))) {
                return line;
            }
        }
        throw new AssertionError("no stream line containing " + containing);
    }

    private String ticketEvent(String what, UUID ticket, String extra) {
        try (EventPublisher events = new EventPublisher()) {
            return events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), T + what + ".v1", ticket,
                    ticketData(ticket, extra));
        }
    }

    private String ticketData(UUID ticket, String extra) {
        return "{\"ticketId\":\"" + ticket + "\",\"reference\":\"" + ref(ticket) + "\",\"customerId\":\""
                + customer.id() + "\"" + extra + "}";
    }

    private static String ref(UUID ticket) {
        return "SUP-" + Math.abs(ticket.hashCode() % 1_000_000);
    }

    /**
     * Waits until the event's notifications exist, then checks the recipients — personal and through
     * their role's feed (the inbox_entry view) — are exactly these.
     */
    private void assertRecipients(String eventId, Person... expected) {
        Set<String> want = new HashSet<>();
        for (Person p : expected) {
            want.add(p.id().toString());
        }
        await(() -> count("SELECT count(*) AS n FROM inbox_entry WHERE event_id = '" + eventId + "'") >= want.size(),
                "notifications for " + eventId);
        Set<String> got = new HashSet<>();
        pool.preparedQuery("SELECT recipient_id FROM inbox_entry WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely().forEach(row -> got.add(row.getUUID("recipient_id").toString()));
        assertEquals(want, got, "recipients of " + eventId);
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong("n");
    }

    private static RequestSpecification as(Person person) {
        return given().contentType(ContentType.JSON).header("Authorization", person.bearer());
    }

    private static void await(BooleanSupplier condition, String what) {
        Eventually.until(what, condition);
    }
}

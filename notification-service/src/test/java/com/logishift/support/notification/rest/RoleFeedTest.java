package com.logishift.support.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.notification.support.EventPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC "Notifications, revised": role feeds stored once and read per person with exact counts,
 * agents' "new ticket" only while it waits in the queue, nobody told of their own action, SLA
 * notices, exactly once per (event, person), and one poll's events applied in order.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class RoleFeedTest {

    private static final String T = "com.logishift.support.ticket.";

    @Inject
    Pool pool;

    Person admin;
    Person secondAdmin;
    Person agent;
    Person otherAgent;
    Person customer;

    @BeforeEach
    void staff() {
        admin = Tokens.admin();
        secondAdmin = Tokens.admin();
        agent = Tokens.agent();
        otherAgent = Tokens.agent();
        customer = Tokens.customer();
        // agents first: their registrations are announced to the admins, who join after them and so
        // start from an empty feed (account events of different people may arrive in any order)
        try (EventPublisher events = new EventPublisher()) {
            for (Person a : List.of(agent, otherAgent)) {
                events.registered(a);
                events.approved(a);
            }
        }
        Eventually.until("agents approved", () -> count("SELECT count(*) AS n FROM directory_account WHERE id IN ($1, $2) "
                + "AND feed = 'agent'", agent.id(), otherAgent.id()) == 2);
        try (EventPublisher events = new EventPublisher()) {
            for (Person a : List.of(admin, secondAdmin)) {
                events.registered(a);
            }
        }
        Eventually.until("admins known", () -> count("SELECT count(*) AS n FROM directory_account WHERE id IN ($1, $2) "
                + "AND feed = 'admin'", admin.id(), secondAdmin.id()) == 2);
        // the approvals are personal notifications of the agents; start everyone from zero
        for (Person p : List.of(agent, otherAgent)) {
            Eventually.until("approval of " + p.name(), () -> unread(p) == 1);
            as(p).post("/api/notifications/read-all/").then().statusCode(200);
        }
    }

    @Test
    void aNewTicketIsStoredOnceForEachRoleAndEveryMemberCountsItExactly() {
        UUID ticket = UUID.randomUUID();
        String created = created(ticket);
        Eventually.until("stored", () -> count("SELECT count(*) AS n FROM feed_notification WHERE event_id = $1", created) == 2);
        assertEquals(0, count("SELECT count(*) AS n FROM notification WHERE event_id = $1", created),
                "no row per person for a role-wide notification");
        for (Person p : List.of(admin, secondAdmin, agent, otherAgent)) {
            assertEquals(1, unread(p), p.name());
            as(p).get("/api/notifications/?unread=true").then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].title", equalTo("New ticket " + ref(ticket)))
                    .body("items[0].type", equalTo(T + "created.v1")).body("items[0].read", equalTo(false));
        }
        assertEquals(0, unread(customer));

        // a single read is per person; the same id is stable across members
        String id = as(admin).get("/api/notifications/").then().extract().path("items[0].id");
        assertEquals(id, as(secondAdmin).get("/api/notifications/").then().extract().path("items[0].id"));
        as(admin).post("/api/notifications/" + id + "/read/").then().statusCode(200).body("read", equalTo(true))
                .body("id", equalTo(id));
        as(admin).post("/api/notifications/" + id + "/read/").then().statusCode(200); // again: harmless
        assertEquals(0, unread(admin));
        assertEquals(1, unread(secondAdmin));
        as(admin).get("/api/notifications/?unread=true").then().body("total", equalTo(0));
        // a customer cannot read (or learn of) a feed entry
        as(customer).post("/api/notifications/" + id + "/read/").then().statusCode(404);

        // read-all is a high-water mark: later entries are unread again
        String second = created(UUID.randomUUID());
        awaitUnread(secondAdmin, 2);
        as(secondAdmin).post("/api/notifications/read-all/").then().statusCode(200).body("updated", equalTo(2));
        assertEquals(0, unread(secondAdmin));
        as(secondAdmin).get("/api/notifications/").then().body("items.read", not(hasItem(false)));
        String third = created(UUID.randomUUID());
        awaitUnread(secondAdmin, 1);
        assertEquals(2, unread(admin), "the admin read only the first one");
        as(secondAdmin).get("/api/notifications/?size=1").then().body("total", equalTo(3)).body("items", hasSize(1));
        assertEquals(List.of(third, second, created), eventsOf(secondAdmin));
    }

    @Test
    void someoneApprovedLaterSeesOnlyWhatCameAfterAndADeactivatedAgentNothing() {
        created(UUID.randomUUID());
        awaitUnread(agent, 1);
        Person newcomer = Tokens.agent();
        try (EventPublisher events = new EventPublisher()) {
            events.registered(newcomer);
            events.approved(newcomer);
        }
        awaitUnread(newcomer, 1); // their approval only, not the ticket from before
        as(newcomer).get("/api/notifications/").then().body("items.title", equalTo(List.of("You are approved")));
        UUID later = UUID.randomUUID();
        created(later);
        awaitUnread(newcomer, 2);
        as(newcomer).get("/api/notifications/").then().body("items[0].title", equalTo("New ticket " + ref(later)));

        try (EventPublisher events = new EventPublisher()) {
            events.send(EventPublisher.accountTopic(), UUID.randomUUID().toString(),
                    "com.logishift.support.agent.deactivated.v1", newcomer.id(), "{\"accountId\":\"" + newcomer.id()
                            + "\",\"name\":\"" + newcomer.name() + "\",\"deactivatedBy\":\"" + admin.id() + "\"}");
        }
        awaitUnread(newcomer, 1); // the feed is gone, the personal approval stays
        created(UUID.randomUUID());
        awaitUnread(agent, 3);
        assertEquals(1, unread(newcomer));
        // the acting admin is not told of their own deactivation; the other admin is
        as(admin).get("/api/notifications/").then().body("items.title", not(hasItem("Agent " + newcomer.name() + " deactivated")));
        as(secondAdmin).get("/api/notifications/").then().body("items.title", hasItem("Agent " + newcomer.name() + " deactivated"));
    }

    @Test
    void agentsSeeANewTicketOnlyWhileItWaitsInTheQueue() {
        UUID ticket = UUID.randomUUID();
        created(ticket);
        awaitUnread(agent, 1);
        awaitUnread(otherAgent, 1);
        // auto-assigned to the agent: their "assigned to you" replaces the queue entry; the other agent's is gone
        ticketEvent("assigned", ticket, ",\"assigneeId\":\"" + agent.id() + "\",\"mode\":\"AUTO\",\"assignedBy\":null");
        awaitUnread(otherAgent, 0);
        as(otherAgent).get("/api/notifications/?unread=true").then().body("total", equalTo(0));
        awaitUnread(agent, 1);
        as(agent).get("/api/notifications/?unread=true").then()
                .body("items.title", equalTo(List.of("Ticket " + ref(ticket) + " is assigned to you")));
        // admins keep theirs and hear of the assignment
        as(admin).get("/api/notifications/").then().body("total", equalTo(2));

        // back in the queue: the agents' entry is there again
        ticketEvent("unassigned", ticket, ",\"previousAssigneeId\":\"" + agent.id() + "\",\"unassignedBy\":\"" + admin.id() + "\"");
        awaitUnread(otherAgent, 1);
        as(otherAgent).get("/api/notifications/").then().body("items[0].title", equalTo("New ticket " + ref(ticket)));
        // the acting admin hears nothing of it, the other admin does
        awaitUnread(secondAdmin, 3);
        assertEquals(2, unread(admin));
    }

    @Test
    void nobodyIsNotifiedOfTheirOwnAction() {
        UUID ticket = UUID.randomUUID();
        // the agent takes the ticket themselves and changes its status; the customer closes it
        String took = ticketEvent("assigned", ticket, ",\"assigneeId\":\"" + agent.id() + "\",\"mode\":\"SELF\",\"assignedBy\":\"" + agent.id() + "\"");
        String moved = ticketEvent("status-changed", ticket, ",\"assigneeId\":\"" + agent.id()
                + "\",\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\",\"changedBy\":\"" + agent.id() + "\"");
        String closed = ticketEvent("status-changed", ticket, ",\"assigneeId\":\"" + agent.id()
                + "\",\"from\":\"RESOLVED\",\"to\":\"CLOSED\",\"changedBy\":\"" + customer.id() + "\"");
        assertSeenBy(took, customer, admin, secondAdmin);
        assertSeenBy(moved, customer, admin, secondAdmin);
        assertSeenBy(closed, agent, admin, secondAdmin);
        // an admin's status change: the other admin hears of it, the acting one does not
        String byAdmin = ticketEvent("status-changed", ticket, ",\"assigneeId\":\"" + agent.id()
                + "\",\"from\":\"CLOSED\",\"to\":\"IN_PROGRESS\",\"changedBy\":\"" + admin.id() + "\"");
        assertSeenBy(byAdmin, customer, agent, secondAdmin);
    }

    @Test
    void slaWarningsAndBreachesReachTheAssigneeAndTheAdminsAndAPriorityChangeNobody() {
        UUID ticket = UUID.randomUUID();
        String warning = ticketEvent("sla-warning", ticket, ",\"clock\":\"FIRST_RESPONSE\",\"priority\":\"HIGH\","
                + "\"dueAt\":\"2026-12-06T14:30:00Z\",\"assigneeId\":\"" + agent.id() + "\",\"at\":\"2026-12-06T13:42:00Z\"");
        String priority = ticketEvent("priority-changed", ticket, ",\"assigneeId\":\"" + agent.id()
                + "\",\"from\":\"LOW\",\"to\":\"HIGH\",\"changedBy\":\"" + admin.id() + "\",\"changedAt\":\"2026-12-06T13:00:00Z\"");
        String breached = ticketEvent("sla-breached", ticket, ",\"clock\":\"RESOLUTION\",\"priority\":\"HIGH\","
                + "\"dueAt\":\"2026-12-06T16:00:00Z\",\"assigneeId\":null,\"at\":\"2026-12-06T16:00:00Z\"");
        assertSeenBy(warning, agent, admin, secondAdmin);
        assertSeenBy(breached, admin, secondAdmin);
        // applied (not dead-lettered) and silent: the breach after it is stored, the change told nobody
        assertEquals(1, count("SELECT count(*) AS n FROM processed_event WHERE event_id = $1", priority));
        assertEquals(0, count("SELECT count(*) AS n FROM inbox_entry WHERE event_id = $1", priority));
        as(agent).get("/api/notifications/?unread=true").then()
                .body("items.title", equalTo(List.of("SLA warning: " + ref(ticket))))
                .body("items.body", equalTo(List.of("First response due 2026-12-06 14:30 UTC")))
                .body("items.type", equalTo(List.of(T + "sla-warning.v1")));
        as(admin).get("/api/notifications/").then()
                .body("items.title", equalTo(List.of("SLA breached: " + ref(ticket), "SLA warning: " + ref(ticket))))
                .body("items[0].body", equalTo("Resolution was due 2026-12-06 16:00 UTC"));
    }

    @Test
    void aRedeliveredEventNotifiesEachPersonOnce() {
        UUID ticket = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = data(ticket, ",\"subject\":\"Wet\",\"category\":\"DAMAGED\",\"priority\":\"LOW\"");
        try (EventPublisher events = new EventPublisher()) {
            events.send(EventPublisher.ticketTopic(), eventId, T + "created.v1", ticket, data);
            events.send(EventPublisher.ticketTopic(), eventId, T + "created.v1", ticket, data);
        }
        // a later event of the ticket proves both copies were consumed
        String later = ticketEvent("status-changed", ticket, ",\"assigneeId\":null,\"from\":\"OPEN\",\"to\":\"ON_HOLD\"");
        assertSeenBy(later, customer, admin, secondAdmin);
        // and again, in a later poll
        try (EventPublisher events = new EventPublisher()) {
            events.send(EventPublisher.ticketTopic(), eventId, T + "created.v1", ticket, data);
        }
        String last = ticketEvent("status-changed", ticket, ",\"assigneeId\":null,\"from\":\"ON_HOLD\",\"to\":\"OPEN\"");
        assertSeenBy(last, customer, admin, secondAdmin);
        assertEquals(2, count("SELECT count(*) AS n FROM feed_notification WHERE event_id = $1", eventId));
        assertSeenBy(eventId, admin, secondAdmin, agent, otherAgent);
        assertEquals(3, unread(admin));
    }

    @Test
    void aTicketsEventsSentInARowAreAppliedInOrder() {
        // assigned, unassigned, assigned …: whether the agents' entry is shown depends on the order
        UUID assignedLast = UUID.randomUUID();
        UUID unassignedLast = UUID.randomUUID();
        try (EventPublisher events = new EventPublisher()) {
            for (UUID ticket : List.of(assignedLast, unassignedLast)) {
                events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), T + "created.v1", ticket,
                        data(ticket, ",\"subject\":\"Lost\",\"category\":\"LOST\",\"priority\":\"HIGH\""));
                for (int i = 0; i < 3; i++) {
                    events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), T + "assigned.v1", ticket,
                            data(ticket, ",\"assigneeId\":\"" + agent.id() + "\",\"mode\":\"AUTO\""));
                    events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), T + "unassigned.v1", ticket,
                            data(ticket, ",\"previousAssigneeId\":\"" + agent.id() + "\",\"unassignedBy\":\"" + admin.id() + "\""));
                }
            }
            events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), T + "assigned.v1", assignedLast,
                    data(assignedLast, ",\"assigneeId\":\"" + agent.id() + "\",\"mode\":\"AUTO\""));
        }
        String marker = ticketEvent("status-changed", assignedLast, ",\"assigneeId\":null,\"from\":\"OPEN\",\"to\":\"ON_HOLD\"");
        String marker2 = ticketEvent("status-changed", unassignedLast, ",\"assigneeId\":null,\"from\":\"OPEN\",\"to\":\"ON_HOLD\"");
        assertSeenBy(marker, customer, admin, secondAdmin);
        assertSeenBy(marker2, customer, admin, secondAdmin);
        as(otherAgent).get("/api/notifications/?unread=true").then()
                .body("items.title", equalTo(List.of("New ticket " + ref(unassignedLast))));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String created(UUID ticket) {
        return ticketEvent("created", ticket, ",\"subject\":\"Crushed box\",\"category\":\"DAMAGED\",\"priority\":\"HIGH\"");
    }

    private String ticketEvent(String what, UUID ticket, String extra) {
        try (EventPublisher events = new EventPublisher()) {
            return events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), T + what + ".v1", ticket,
                    data(ticket, extra));
        }
    }

    private String data(UUID ticket, String extra) {
        return "{\"ticketId\":\"" + ticket + "\",\"reference\":\"" + ref(ticket) + "\",\"customerId\":\"" + customer.id()
                + "\"" + extra + "}";
    }

    static String ref(UUID ticket) {
        return "SUP-" + Math.abs(ticket.hashCode() % 1_000_000);
    }

    /** Waits until the event is applied, then checks exactly these people see it (of everyone in this test). */
    private void assertSeenBy(String eventId, Person... expected) {
        Eventually.until("event " + eventId + " applied", () -> count(
                "SELECT count(*) AS n FROM processed_event WHERE event_id = $1", eventId) == 1);
        for (Person p : List.of(admin, secondAdmin, agent, otherAgent, customer)) {
            boolean want = List.of(expected).contains(p);
            assertEquals(want ? 1 : 0, count("SELECT count(*) AS n FROM inbox_entry WHERE event_id = $1 AND recipient_id = $2",
                    eventId, p.id()), p.name() + " sees " + eventId);
        }
    }

    private List<String> eventsOf(Person p) {
        List<String> ids = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT event_id FROM inbox_entry WHERE recipient_id = $1 ORDER BY created_at DESC, id DESC")
                .execute(Tuple.of(p.id())).await().indefinitely().forEach(r -> ids.add(r.getString("event_id")));
        return ids;
    }

    private void awaitUnread(Person p, int n) {
        Eventually.until(p.name() + " has " + n + " unread", () -> unread(p) == n);
    }

    static int unread(Person p) {
        return as(p).get("/api/notifications/unread-count/").then().statusCode(200).extract().path("count");
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong("n");
    }

    static RequestSpecification as(Person person) {
        return given().contentType(ContentType.JSON).header("Authorization", person.bearer());
    }
}

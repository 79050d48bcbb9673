package com.logishift.support.ticket.conversation;

import static com.logishift.support.ticket.conversation.MessagesTest.body;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.await;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.take;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.ticket.support.AccountEventsPublisher;
import com.logishift.support.ticket.support.Api;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every change of a ticket leaves its timeline entry, with who did it and what moved, in commit order. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class TimelineTest {

    @Inject
    Pool pool;

    private static String ticket(String id) {
        return "/api/support/tickets/" + id;
    }

    private static JsonPath timeline(Person who, String id) {
        return as(who).get(ticket(id) + "/timeline/").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aTicketsWholeLifeOnItsTimeline() {
        Api.resetDatabase(pool); // so creation assigns to the agent approved here
        Person first = approvedAgent(pool);
        Person second = approvedAgent(pool);
        Person admin = Tokens.admin();
        Person customer = Tokens.customer();
        String id = openTicket(customer);
        String auto = as(admin).get(ticket(id)).then().extract().path("assigneeId");
        Person other = auto.equals(first.id().toString()) ? second : first;
        Person initial = other == first ? second : first;

        as(admin).body(Map.of("agentId", other.id().toString())).post(ticket(id) + "/reassign/").then().statusCode(200);
        as(admin).body(Map.of("unassign", true)).post(ticket(id) + "/reassign/").then().statusCode(200);
        take(initial, id);
        String messageId = as(customer).body(body("body", "any news?")).post(messages(id)).then().statusCode(201)
                .extract().path("id");
        String secret = "secret note " + java.util.UUID.randomUUID();
        String noteId = as(initial).body(Map.of("body", secret)).post(ticket(id) + "/add-note/").then()
                .statusCode(201).extract().path("id");
        moveTo(initial, id, "RESOLVED");
        as(customer).body(Map.of("rating", 5)).post(ticket(id) + "/feedback/").then().statusCode(201);

        JsonPath staff = timeline(admin, id);
        List<String> kinds = List.of("CREATED", "ASSIGNED", "ASSIGNED", "UNASSIGNED", "ASSIGNED", "STATUS_CHANGED",
                "MESSAGE", "NOTE", "STATUS_CHANGED", "STATUS_CHANGED", "FEEDBACK");
        assertEquals(kinds, staff.getList("items.kind"));
        assertEquals(IntStream.rangeClosed(1, kinds.size()).boxed().toList(), staff.getList("items.seq"));
        assertEquals(kinds.size(), staff.getInt("total"));

        // CREATED by the customer
        assertEquals(customer.id().toString(), staff.getString("items[0].actor.id"));
        assertEquals(customer.name(), staff.getString("items[0].actor.name"));
        assertEquals("CUSTOMER", staff.getString("items[0].actor.role"));
        // auto-assignment: by the system
        assertNull(staff.get("items[1].actor"));
        assertEquals(initial.id().toString(), staff.getString("items[1].to"));
        assertEquals(initial.name(), staff.getString("items[1].toName"));
        // the admin's reassignment, with both names
        assertEquals("ADMIN", staff.getString("items[2].actor.role"));
        assertEquals(initial.id().toString(), staff.getString("items[2].from"));
        assertEquals(initial.name(), staff.getString("items[2].fromName"));
        assertEquals(other.id().toString(), staff.getString("items[2].to"));
        assertEquals(other.name(), staff.getString("items[2].toName"));
        // back to the queue
        assertEquals(other.id().toString(), staff.getString("items[3].from"));
        assertEquals(other.name(), staff.getString("items[3].fromName"));
        assertNull(staff.get("items[3].to"));
        // taken: assigned to self and started
        assertEquals(initial.id().toString(), staff.getString("items[4].actor.id"));
        assertEquals("AGENT", staff.getString("items[4].actor.role"));
        assertEquals("OPEN", staff.getString("items[5].from"));
        assertEquals("IN_PROGRESS", staff.getString("items[5].to"));
        assertEquals(messageId, staff.getString("items[6].messageId"));
        assertEquals(noteId, staff.getString("items[7].messageId"));
        assertEquals("RESOLVED", staff.getString("items[8].to"));
        assertEquals("CLOSED", staff.getString("items[9].to"));
        assertEquals(customer.id().toString(), staff.getString("items[9].actor.id"));
        assertEquals("5", staff.getString("items[10].to"));
        assertEquals("CUSTOMER", staff.getString("items[10].actor.role"));

        // the customer's timeline: everything but the note
        String customerView = as(customer).get(ticket(id) + "/timeline/").then().statusCode(200)
                .body("total", equalTo(kinds.size() - 1)).extract().asString();
        JsonPath customers = JsonPath.from(customerView);
        assertFalse(customers.getList("items.kind").contains("NOTE"));
        assertFalse(customerView.contains(noteId), customerView);
        assertFalse(customerView.contains(secret), customerView);

        // paging by seq
        as(admin).queryParam("after", 7).queryParam("size", 2).get(ticket(id) + "/timeline/").then().statusCode(200)
                .body("items.seq", contains(8, 9)).body("size", equalTo(2)).body("page", equalTo(0));
        as(customer).queryParam("after", 7).queryParam("size", 2).get(ticket(id) + "/timeline/").then()
                .body("items.seq", contains(9, 10));
        as(admin).queryParam("size", 101).get(ticket(id) + "/timeline/").then().statusCode(400)
                .body("errors.field", contains("size"));
    }

    @Test
    void aDeactivatedAgentsHandOverIsOnTheTimeline() {
        Api.resetDatabase(pool);
        Person leaving = approvedAgent(pool);
        Person customer = Tokens.customer();
        String reassigned = openTicket(customer);
        Person staying = approvedAgent(pool);
        Person admin = Tokens.admin();
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.deactivated(leaving.id(), leaving.name(), admin.id());
        }
        await(() -> timeline(admin, reassigned).getList("items.kind").size() == 3, "hand-over on the timeline");
        JsonPath moved = timeline(admin, reassigned);
        assertEquals("ASSIGNED", moved.getString("items[2].kind"));
        assertNull(moved.get("items[2].actor"), "the system handed it over");
        assertEquals(leaving.id().toString(), moved.getString("items[2].from"));
        assertEquals(staying.id().toString(), moved.getString("items[2].to"));

        // with nobody left, the ticket goes back to the queue, by the admin who deactivated
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.deactivated(staying.id(), staying.name(), admin.id());
        }
        await(() -> timeline(admin, reassigned).getList("items.kind").size() == 4, "back to the queue");
        JsonPath queued = timeline(admin, reassigned);
        assertEquals("UNASSIGNED", queued.getString("items[3].kind"));
        assertEquals(admin.id().toString(), queued.getString("items[3].actor.id"));
        assertEquals("ADMIN", queued.getString("items[3].actor.role"));
        assertEquals(staying.id().toString(), queued.getString("items[3].from"));
    }
}

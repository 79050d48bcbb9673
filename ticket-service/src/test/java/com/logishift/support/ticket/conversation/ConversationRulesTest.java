package com.logishift.support.ticket.conversation;

import static com.logishift.support.ticket.conversation.MessagesTest.body;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.resolvedTicket;
import static com.logishift.support.ticket.support.Api.takenTicket;
import static com.logishift.support.ticket.support.Api.ticketBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a message does to its ticket: reopening, the closed end of a conversation, the first response. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class ConversationRulesTest {

    private static String ticket(String id) {
        return "/api/support/tickets/" + id;
    }

    @Test
    void aCustomerMessageReopensAResolvedTicketAndIsOnTheTimeline() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = resolvedTicket(customer, agent);
        long version = as(agent).get(ticket(id)).then().extract().jsonPath().getLong("version");

        as(customer).body(body("body", "It is still broken.")).post(messages(id)).then().statusCode(201);
        as(agent).get(ticket(id)).then().body("status", equalTo("IN_PROGRESS")).body("resolvedAt", nullValue())
                .body("version", equalTo((int) version + 1)); // the plain-SQL reopen bumps the optimistic lock
        // (whether creation auto-assigned depends on the agents other tests approved: look at the end)
        var timeline = as(customer).get(ticket(id) + "/timeline/").then().statusCode(200).extract().jsonPath();
        List<String> kinds = timeline.getList("items.kind");
        int n = kinds.size();
        assertEquals(List.of("STATUS_CHANGED", "MESSAGE", "STATUS_CHANGED"), kinds.subList(n - 3, n));
        assertEquals("RESOLVED", timeline.getString("items[" + (n - 1) + "].from"));
        assertEquals("IN_PROGRESS", timeline.getString("items[" + (n - 1) + "].to"));
        assertEquals(customer.id().toString(), timeline.getString("items[" + (n - 1) + "].actor.id"));
        assertEquals("CUSTOMER", timeline.getString("items[" + (n - 1) + "].actor.role"));
        // and the reopened ticket goes on as usual
        moveTo(agent, id, "RESOLVED");
        as(agent).get(ticket(id)).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void onHoldStaysOnHoldAndStaffMessagesNeverMoveTheStatus() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = takenTicket(customer, agent);
        moveTo(agent, id, "ON_HOLD");
        as(customer).body(body("body", "Any news?")).post(messages(id)).then().statusCode(201);
        as(agent).get(ticket(id)).then().body("status", equalTo("ON_HOLD"));
        moveTo(agent, id, "RESOLVED");
        as(agent).body(body("body", "Refund sent.", "visibility", "PUBLIC")).post(messages(id)).then().statusCode(201);
        as(Tokens.admin()).body(body("body", "ok", "visibility", "INTERNAL")).post(messages(id)).then().statusCode(201);
        as(agent).get(ticket(id)).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void aClosedConversationPointsToAFollowUp() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = resolvedTicket(customer, agent);
        as(customer).body(Map.of("rating", 4)).post(ticket(id) + "/feedback/").then().statusCode(201);

        as(customer).body(body("body", "One more thing")).post(messages(id)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://support.logishift.com/problems/ticket-closed"))
                .body("status", equalTo(409))
                .body("detail", containsString("follow-up"))
                .body("followUpOf", equalTo(id));
        as(agent).body(body("body", "thanks", "visibility", "PUBLIC")).post(messages(id)).then().statusCode(409);
        as(agent).body(body("body", "for the record", "visibility", "INTERNAL")).post(messages(id)).then()
                .statusCode(201);

        Map<String, Object> followUp = ticketBody("Same vase, second parcel");
        followUp.put("followUpOf", id);
        String next = as(customer).body(followUp).post("/api/support/tickets/create/").then().statusCode(201)
                .body("followUpOf", equalTo(id)).body("attachments", org.hamcrest.Matchers.hasSize(0))
                .extract().path("id");
        as(customer).get(ticket(next)).then().body("followUpOf", equalTo(id));
        as(agent).get(ticket(next)).then().body("followUpOf", equalTo(id));
        as(customer).get(ticket(id)).then().body("followUpOf", nullValue());
    }

    @Test
    void aFollowUpMustNameTheCallersOwnClosedTicket() {
        Person customer = Tokens.customer();
        Person other = Tokens.customer();
        String open = openTicket(customer);
        String othersClosed = closedTicket(other);
        for (Object bad : List.of(open, othersClosed, UUID.randomUUID().toString(), "not-a-uuid", 12, "")) {
            Map<String, Object> request = ticketBody("Follow-up");
            request.put("followUpOf", bad);
            as(customer).body(request).post("/api/support/tickets/create/").then().statusCode(400)
                    .body("errors.field", contains("followUpOf"));
        }
        Map<String, Object> files = ticketBody("With files");
        files.put("attachmentIds", List.of("nope"));
        as(customer).body(files).post("/api/support/tickets/create/").then().statusCode(400)
                .body("errors.field", contains("attachmentIds"));
    }

    private static String closedTicket(Person customer) {
        Person agent = Tokens.agent();
        String id = resolvedTicket(customer, agent);
        as(customer).body(Map.of("rating", 2)).post(ticket(id) + "/feedback/").then().statusCode(201);
        return id;
    }

    @Test
    void theFirstResponseIsTheFirstPublicStaffMessage() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = takenTicket(customer, agent);
        as(customer).body(body("body", "hello?")).post(messages(id)).then().statusCode(201);
        as(agent).body(body("body", "internal", "visibility", "INTERNAL")).post(messages(id)).then().statusCode(201);
        as(customer).get(ticket(id)).then().body("firstResponseAt", nullValue());
        String at = as(agent).body(body("body", "Hi, looking into it", "visibility", "PUBLIC")).post(messages(id))
                .then().statusCode(201).extract().path("createdAt");
        as(agent).body(body("body", "second", "visibility", "PUBLIC")).post(messages(id)).then().statusCode(201);
        String recorded = as(customer).get(ticket(id)).then().body("firstResponseAt", notNullValue())
                .extract().path("firstResponseAt");
        assertNotNull(recorded);
        assertEquals(java.time.Instant.parse(at), java.time.Instant.parse(recorded));
        // a later Panache write of the ticket (a status change) keeps it
        moveTo(agent, id, "ON_HOLD");
        as(customer).get(ticket(id)).then().body("firstResponseAt", equalTo(recorded));
    }
}

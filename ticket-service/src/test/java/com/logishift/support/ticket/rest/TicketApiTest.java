package com.logishift.support.ticket.rest;

import static com.logishift.support.ticket.support.Api.anonymous;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.ticketBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A ticket's whole life through the seed's endpoints, with the rules each step must keep. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class TicketApiTest {

    @Inject
    Pool pool;

    @ParameterizedTest
    @ValueSource(strings = {"/api/support/tickets/create/", "/api/support/tickets/create"})
    void customerOpensATicketWithOrWithoutTrailingSlash(String path) {
        Person customer = Tokens.customer();
        as(customer).body(ticketBody("Broken vase")).post(path).then().statusCode(201)
                .body("id", notNullValue())
                .body("reference", matchesPattern("SUP-\\d{6}"))
                .body("subject", equalTo("Broken vase"))
                .body("category", equalTo("DAMAGED"))
                .body("priority", equalTo("HIGH"))
                .body("status", equalTo("OPEN"))
                .body("deliveryId", equalTo("DLV-2026-0001"))
                .body("createdAt", notNullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("notes")));
    }

    @Test
    void priorityDefaultsToMedium() {
        Map<String, Object> body = ticketBody("Late delivery");
        body.remove("priority");
        body.remove("deliveryId");
        as(Tokens.customer()).body(body).post("/api/support/tickets/create/").then().statusCode(201)
                .body("priority", equalTo("MEDIUM"))
                .body("deliveryId", nullValue());
    }

    @Test
    void badTicketInputIsNamed() {
        Person customer = Tokens.customer();
        invalid(customer, Map.of("category", "BROKEN"), "category");
        invalid(customer, Map.of("priority", "URGENT"), "priority");
        invalid(customer, Map.of("subject", "ab"), "subject");
        invalid(customer, Map.of("subject", "x".repeat(201)), "subject");
        invalid(customer, Map.of("description", "   "), "description");
        invalid(customer, Map.of("description", "x".repeat(10_001)), "description");
        invalid(customer, Map.of("deliveryId", "DLV 1; DROP TABLE ticket"), "deliveryId");
        Map<String, Object> missing = ticketBody("x y z");
        missing.remove("category");
        as(customer).body(missing).post("/api/support/tickets/create/").then().statusCode(400)
                .body("errors.field", hasItem("category"));
        as(customer).body("{\"subject\": ").post("/api/support/tickets/create/").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void customersListOnlyTheirOwnTicketsNewestFirst() {
        Person customer = Tokens.customer();
        String first = openTicket(customer);
        String second = openTicket(customer);
        openTicket(Tokens.customer());
        as(customer).get("/api/support/tickets/").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(second))
                .body("items[1].id", equalTo(first))
                .body("page", equalTo(0))
                .body("size", equalTo(20));
        as(customer).get("/api/support/tickets?size=1&page=1").then().statusCode(200)
                .body("items[0].id", equalTo(first));
    }

    @Test
    void anotherCustomersTicketIs404AndABadIdIs400() {
        String ticket = openTicket(Tokens.customer());
        as(Tokens.customer()).get("/api/support/tickets/" + ticket + "/").then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.customer()).get("/api/support/tickets/" + UUID.randomUUID() + "/").then().statusCode(404);
        as(Tokens.customer()).get("/api/support/tickets/42/").then().statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    @Test
    void aTicketsWholeLifeWithNotesThatNeverReachTheCustomer() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = openTicket(customer);
        String base = "/api/support/tickets/" + id;

        as(agent).post(base + "/assign-self/").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("assigneeId", equalTo(agent.id().toString()))
                .body("allowedTransitions", hasItems("ON_HOLD", "RESOLVED"));
        String secret = "Internal: customer has 3 earlier claims " + UUID.randomUUID();
        as(agent).body(Map.of("body", secret)).post(base + "/add-note/").then().statusCode(201)
                .body("body", equalTo(secret))
                .body("authorId", equalTo(agent.id().toString()));
        status(agent, id, "ON_HOLD", 200);
        status(agent, id, "IN_PROGRESS", 200);
        status(agent, id, "RESOLVED", 200);

        // staff see the note; the customer's view has no trace of it
        as(Tokens.admin()).get(base + "/").then().statusCode(200)
                .body("notes.body", hasItem(secret));
        as(Tokens.agent()).get(base).then().statusCode(200).body("notes", hasSize(1));
        String customerView = as(customer).get(base + "/").then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("feedbackAllowed", equalTo(true))
                .extract().asString();
        assertFalse(customerView.contains(secret), customerView);
        assertFalse(customerView.contains("notes"), customerView);
        String customerList = as(customer).get("/api/support/tickets/").then().statusCode(200).extract().asString();
        assertFalse(customerList.contains(secret));

        // feedback: only the owner, only once, closes the ticket
        as(Tokens.customer()).body(Map.of("rating", 5)).post(base + "/feedback/").then().statusCode(404);
        as(customer).body(Map.of("rating", 0)).post(base + "/feedback/").then().statusCode(400)
                .body("errors.field", hasItem("rating"));
        as(customer).body(Map.of("rating", 6)).post(base + "/feedback/").then().statusCode(400);
        as(customer).body(Map.of("rating", 4, "comment", "x".repeat(2001))).post(base + "/feedback/")
                .then().statusCode(400).body("errors.field", hasItem("comment"));
        as(customer).body(Map.of("rating", 4, "comment", "Quick and kind")).post(base + "/feedback/")
                .then().statusCode(201)
                .body("status", equalTo("CLOSED"))
                .body("feedback.rating", equalTo(4))
                .body("feedback.comment", equalTo("Quick and kind"))
                .body("closedAt", notNullValue());
        as(customer).body(Map.of("rating", 1)).post(base + "/feedback/").then().statusCode(409);
        status(agent, id, "IN_PROGRESS", 409);
    }

    @Test
    void everyLegalMoveAndASampleOfIllegalOnes() {
        Person agent = Tokens.agent();
        Person admin = Tokens.admin();
        String id = openTicket(Tokens.customer());
        // back to the queue (it may have been auto-assigned to an agent another test approved)
        as(admin).body(Map.of("unassign", true)).post("/api/support/tickets/" + id + "/reassign/")
                .then().statusCode(200);
        status(admin, id, "IN_PROGRESS", 409); // no assignee
        status(agent, id, "RESOLVED", 403);    // not theirs
        as(agent).post("/api/support/tickets/" + id + "/assign-self/").then().statusCode(200);
        as(agent).body(Map.of("status", "CLOSED")).put("/api/support/tickets/" + id + "/update-status/")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("is IN_PROGRESS"))
                .body("detail", containsString("allowed: ON_HOLD, RESOLVED"));
        status(agent, id, "OPEN", 409);
        status(agent, id, "IN_PROGRESS", 409);
        status(agent, id, "ON_HOLD", 200);
        status(agent, id, "ON_HOLD", 409);
        status(agent, id, "RESOLVED", 200);
        status(agent, id, "ON_HOLD", 409);
        status(agent, id, "IN_PROGRESS", 200); // reopen
        status(Tokens.agent(), id, "RESOLVED", 403);
        status(admin, id, "RESOLVED", 200);     // admins move any ticket
        status(admin, id, "CLOSED", 200);
        status(admin, id, "IN_PROGRESS", 409);
        as(agent).body(Map.of("status", "DONE")).put("/api/support/tickets/" + id + "/update-status")
                .then().statusCode(400).body("errors.field", hasItem("status"))
                .body("detail", containsString("OPEN, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED"));
        as(agent).body(Map.of()).put("/api/support/tickets/" + id + "/update-status")
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void selfAssignRules() {
        Person agent = Tokens.agent();
        String id = openTicket(Tokens.customer());
        String path = "/api/support/tickets/" + id + "/assign-self/";
        as(agent).post(path).then().statusCode(200);
        as(agent).post(path).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        as(Tokens.agent()).post(path).then().statusCode(409)
                .body("detail", containsString("another agent is already working on it"));
    }

    @Test
    void notesAreBoundedAndNeedABody() {
        String id = openTicket(Tokens.customer());
        Person agent = Tokens.agent();
        as(agent).body(Map.of("body", " ")).post("/api/support/tickets/" + id + "/add-note/")
                .then().statusCode(400).body("errors.field", hasItem("body"));
        as(agent).body(Map.of("body", "x".repeat(5001))).post("/api/support/tickets/" + id + "/add-note/")
                .then().statusCode(400);
        as(agent).body(Map.of("body", "ok")).post("/api/support/tickets/" + UUID.randomUUID() + "/add-note/")
                .then().statusCode(404);
    }

    @Test
    void agentWorkListsAndAdminFilters() {
        Person agent = Tokens.agent();
        Person customer = Tokens.customer();
        String mine = openTicket(customer);
        as(agent).post("/api/support/tickets/" + mine + "/assign-self/").then().statusCode(200);
        as(agent).get("/api/agent/tickets/").then().statusCode(200)
                .body("items.id", hasItem(mine))
                .body("items.assigneeId", everyItem(equalTo(agent.id().toString())));
        as(agent).get("/api/agent/tickets/?scope=queue&size=100").then().statusCode(200)
                .body("items.status", everyItem(equalTo("OPEN")))
                .body("items.assigneeId", everyItem(nullValue()))
                .body("items.id", not(hasItem(mine)));
        as(agent).get("/api/agent/tickets/?scope=everything").then().statusCode(400)
                .body("errors.field", hasItem("scope"));

        Person admin = Tokens.admin();
        as(admin).get("/api/admin/support/tickets/?assigneeId=" + agent.id()).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(mine));
        as(admin).get("/api/admin/support/tickets/?status=in_progress&priority=HIGH&category=DAMAGED&size=100")
                .then().statusCode(200)
                .body("items.status", everyItem(equalTo("IN_PROGRESS")))
                .body("items.priority", everyItem(equalTo("HIGH")))
                .body("items.id", hasItem(mine));
        as(admin).get("/api/admin/support/tickets/?unassigned=true&size=100").then().statusCode(200)
                .body("items.assigneeId", everyItem(nullValue()));
        as(admin).get("/api/admin/support/tickets/?status=NOPE").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        as(admin).get("/api/admin/support/tickets/?assigneeId=nope").then().statusCode(400)
                .body("errors.field", hasItem("assigneeId"));
        as(admin).get("/api/admin/support/tickets/?unassigned=maybe").then().statusCode(400);
        as(admin).get("/api/admin/support/tickets/?size=0").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void adminReassignsOnlyToApprovedAgents() {
        Person admin = Tokens.admin();
        Person target = approvedAgent(pool);
        String id = openTicket(Tokens.customer());
        String path = "/api/support/tickets/" + id + "/reassign/";
        as(admin).body(Map.of("agentId", target.id().toString())).post(path).then().statusCode(200)
                .body("assigneeId", equalTo(target.id().toString()))
                .body("assigneeName", equalTo(target.name()))
                .body("status", equalTo("OPEN"));
        as(admin).body(Map.of("agentId", UUID.randomUUID().toString())).post(path).then().statusCode(400)
                .body("errors.field", hasItem("agentId"))
                .body("detail", containsString("approved agent"));
        as(admin).body(Map.of("agentId", "bob")).post(path).then().statusCode(400);
        as(admin).body(Map.of()).post(path).then().statusCode(400).body("errors.field", hasItem("agentId"));
        as(admin).body(Map.of("unassign", true)).post(path).then().statusCode(200)
                .body("assigneeId", nullValue());
    }

    @Test
    void anonymousCallsAre401AndForgedTokensToo() {
        anonymous().get("/api/support/tickets/").then().statusCode(401).contentType("application/problem+json");
        anonymous().header("Authorization", "Bearer not.a.token").get("/api/support/tickets/").then().statusCode(401);
        String expired = Tokens.sign(UUID.randomUUID(), "admin", "Old", java.time.Instant.now().minusSeconds(3600));
        anonymous().header("Authorization", "Bearer " + expired).get("/api/admin/support/tickets/").then().statusCode(401);
    }

    private static void status(Person actor, String id, String target, int expected) {
        as(actor).body(Map.of("status", target)).put("/api/support/tickets/" + id + "/update-status/")
                .then().statusCode(expected);
    }

    private static void invalid(Person customer, Map<String, Object> override, String field) {
        Map<String, Object> body = ticketBody("Valid subject");
        body.putAll(override);
        as(customer).body(body).post("/api/support/tickets/create/").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}

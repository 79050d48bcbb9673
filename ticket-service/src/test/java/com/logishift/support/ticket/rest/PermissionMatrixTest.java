package com.logishift.support.ticket.rest;

import static com.logishift.support.ticket.support.Api.anonymous;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.ticketBody;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's permission matrix, every endpoint against anonymous, the owner customer, another
 * customer, the assigned agent, another agent and an admin.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class PermissionMatrixTest {

    @Inject
    Pool pool;

    Person owner;
    Person otherCustomer;
    Person agent;
    Person otherAgent;
    Person admin;

    @BeforeEach
    void people() {
        owner = Tokens.customer();
        otherCustomer = Tokens.customer();
        agent = Tokens.agent();
        otherAgent = Tokens.agent();
        admin = Tokens.admin();
    }

    /** An OPEN ticket of the owner, taken by the agent (IN_PROGRESS). */
    private String ticketInProgress() {
        String id = openTicket(owner);
        as(agent).post("/api/support/tickets/" + id + "/assign-self/").then().statusCode(200);
        return id;
    }

    private String resolvedTicket() {
        String id = ticketInProgress();
        as(agent).body(Map.of("status", "RESOLVED")).put("/api/support/tickets/" + id + "/update-status/")
                .then().statusCode(200);
        return id;
    }

    @Test
    void createTicket() {
        String path = "/api/support/tickets/create/";
        anonymous().body(ticketBody("Lost parcel")).post(path).then().statusCode(401);
        as(owner).body(ticketBody("Lost parcel")).post(path).then().statusCode(201);
        as(agent).body(ticketBody("Lost parcel")).post(path).then().statusCode(403);
        as(admin).body(ticketBody("Lost parcel")).post(path).then().statusCode(403);
    }

    @Test
    void listOwnTickets() {
        String path = "/api/support/tickets/";
        anonymous().get(path).then().statusCode(401);
        as(owner).get(path).then().statusCode(200);
        as(agent).get(path).then().statusCode(403);
        as(admin).get(path).then().statusCode(403);
    }

    @Test
    void viewOneTicket() {
        String path = "/api/support/tickets/" + ticketInProgress() + "/";
        anonymous().get(path).then().statusCode(401);
        as(owner).get(path).then().statusCode(200);
        as(otherCustomer).get(path).then().statusCode(404);
        as(agent).get(path).then().statusCode(200);
        as(otherAgent).get(path).then().statusCode(200);
        as(admin).get(path).then().statusCode(200);
    }

    @Test
    void submitFeedback() {
        String path = "/api/support/tickets/" + resolvedTicket() + "/feedback/";
        Map<String, Object> body = Map.of("rating", 5, "comment", "Great");
        anonymous().body(body).post(path).then().statusCode(401);
        as(otherCustomer).body(body).post(path).then().statusCode(404);
        as(agent).body(body).post(path).then().statusCode(403);
        as(admin).body(body).post(path).then().statusCode(403);
        as(owner).body(body).post(path).then().statusCode(201);
    }

    @Test
    void agentWorkList() {
        for (String path : new String[] {"/api/agent/tickets/", "/api/agent/tickets/?scope=queue"}) {
            anonymous().get(path).then().statusCode(401);
            as(owner).get(path).then().statusCode(403);
            as(agent).get(path).then().statusCode(200);
            as(admin).get(path).then().statusCode(200);
        }
    }

    @Test
    void assignSelf() {
        String path = "/api/support/tickets/" + openTicket(owner) + "/assign-self/";
        anonymous().post(path).then().statusCode(401);
        as(owner).post(path).then().statusCode(403);
        as(admin).post(path).then().statusCode(403);
        as(agent).post(path).then().statusCode(200);
        as(otherAgent).post(path).then().statusCode(409);
    }

    @Test
    void updateStatus() {
        String path = "/api/support/tickets/" + ticketInProgress() + "/update-status/";
        anonymous().body(Map.of("status", "ON_HOLD")).put(path).then().statusCode(401);
        as(owner).body(Map.of("status", "ON_HOLD")).put(path).then().statusCode(403);
        as(otherCustomer).body(Map.of("status", "ON_HOLD")).put(path).then().statusCode(403);
        as(otherAgent).body(Map.of("status", "ON_HOLD")).put(path).then().statusCode(403);
        as(agent).body(Map.of("status", "ON_HOLD")).put(path).then().statusCode(200);
        as(admin).body(Map.of("status", "IN_PROGRESS")).put(path).then().statusCode(200);
    }

    @Test
    void addNote() {
        String path = "/api/support/tickets/" + ticketInProgress() + "/add-note/";
        Map<String, Object> note = Map.of("body", "Called the depot");
        anonymous().body(note).post(path).then().statusCode(401);
        as(owner).body(note).post(path).then().statusCode(403);
        as(otherCustomer).body(note).post(path).then().statusCode(403);
        as(agent).body(note).post(path).then().statusCode(201);
        as(otherAgent).body(note).post(path).then().statusCode(201);
        as(admin).body(note).post(path).then().statusCode(201);
    }

    @Test
    void adminTicketListAndStats() {
        for (String path : new String[] {"/api/admin/support/tickets/", "/api/admin/support/stats/"}) {
            anonymous().get(path).then().statusCode(401);
            as(owner).get(path).then().statusCode(403);
            as(agent).get(path).then().statusCode(403);
            as(admin).get(path).then().statusCode(200);
        }
    }

    @Test
    void reassign() {
        Person target = approvedAgent(pool);
        String path = "/api/support/tickets/" + ticketInProgress() + "/reassign/";
        Map<String, Object> body = Map.of("agentId", target.id().toString());
        anonymous().body(body).post(path).then().statusCode(401);
        as(owner).body(body).post(path).then().statusCode(403);
        as(agent).body(body).post(path).then().statusCode(403);
        as(admin).body(body).post(path).then().statusCode(200);
    }

    @Test
    void aTokenWithoutASupportRoleIsForbidden() {
        RequestSpecification stranger = anonymous().header("Authorization",
                "Bearer " + Tokens.sign(java.util.UUID.randomUUID(), "driver", "Dan", java.time.Instant.now().plusSeconds(600)));
        stranger.get("/api/support/tickets/").then().statusCode(403);
    }
}

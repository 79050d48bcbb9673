package com.logishift.support.ticket.rest;

import static com.logishift.support.ticket.support.Api.anonymous;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.resolvedTicket;
import static com.logishift.support.ticket.support.Api.takenTicket;
import static com.logishift.support.ticket.support.Api.ticketBody;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.ticket.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
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
        return takenTicket(owner, agent);
    }

    /**
     * One endpoint's row of the matrix: the same request sent as each caller in turn, in the order
     * written (an earlier caller's success can change what a later one gets), each with its status.
     */
    private static Row row(Function<RequestSpecification, Response> request) {
        return new Row(request);
    }

    private record Row(Function<RequestSpecification, Response> request) {

        Row anonymous(int status) {
            request.apply(Api.anonymous()).then().statusCode(status);
            return this;
        }

        Row as(Person caller, int status) {
            request.apply(Api.as(caller)).then().statusCode(status);
            return this;
        }
    }

    @Test
    void createTicket() {
        Map<String, Object> body = ticketBody("Lost parcel");
        row(r -> r.body(body).post("/api/support/tickets/create/"))
                .anonymous(401).as(owner, 201).as(agent, 403).as(admin, 403);
    }

    @Test
    void listOwnTickets() {
        row(r -> r.get("/api/support/tickets/")).anonymous(401).as(owner, 200).as(agent, 403).as(admin, 403);
    }

    @Test
    void viewOneTicket() {
        String path = "/api/support/tickets/" + ticketInProgress() + "/";
        row(r -> r.get(path)).anonymous(401).as(owner, 200).as(otherCustomer, 404)
                .as(agent, 200).as(otherAgent, 200).as(admin, 200);
    }

    @Test
    void submitFeedback() {
        String path = "/api/support/tickets/" + resolvedTicket(owner, agent) + "/feedback/";
        Map<String, Object> body = Map.of("rating", 5, "comment", "Great");
        row(r -> r.body(body).post(path)).anonymous(401).as(otherCustomer, 404)
                .as(agent, 403).as(admin, 403).as(owner, 201);
    }

    @Test
    void agentWorkList() {
        for (String path : new String[] {"/api/agent/tickets/", "/api/agent/tickets/?scope=queue"}) {
            row(r -> r.get(path)).anonymous(401).as(owner, 403).as(agent, 200).as(admin, 200);
        }
    }

    @Test
    void assignSelf() {
        String path = "/api/support/tickets/" + openTicket(owner) + "/assign-self/";
        row(r -> r.post(path)).anonymous(401).as(owner, 403).as(admin, 403)
                .as(agent, 200).as(otherAgent, 409);
    }

    @Test
    void updateStatus() {
        String path = "/api/support/tickets/" + ticketInProgress() + "/update-status/";
        row(r -> r.body(Map.of("status", "ON_HOLD")).put(path)).anonymous(401).as(owner, 403)
                .as(otherCustomer, 403).as(otherAgent, 403).as(agent, 200);
        row(r -> r.body(Map.of("status", "IN_PROGRESS")).put(path)).as(admin, 200);
    }

    @Test
    void addNote() {
        String path = "/api/support/tickets/" + ticketInProgress() + "/add-note/";
        Map<String, Object> note = Map.of("body", "Called the depot");
        row(r -> r.body(note).post(path)).anonymous(401).as(owner, 403).as(otherCustomer, 403)
                .as(agent, 201).as(otherAgent, 201).as(admin, 201);
    }

    @Test
    void adminTicketListAndStats() {
        for (String path : new String[] {"/api/admin/support/tickets/", "/api/admin/support/stats/"}) {
            row(r -> r.get(path)).anonymous(401).as(owner, 403).as(agent, 403).as(admin, 200);
        }
    }

    @Test
    void reassign() {
        Person target = approvedAgent(pool);
        String path = "/api/support/tickets/" + ticketInProgress() + "/reassign/";
        Map<String, Object> body = Map.of("agentId", target.id().toString());
        row(r -> r.body(body).post(path)).anonymous(401).as(owner, 403).as(agent, 403).as(admin, 200);
    }

    @Test
    void aTokenWithoutASupportRoleIsForbidden() {
        RequestSpecification stranger = anonymous().header("Authorization",
                "Bearer " + Tokens.sign(java.util.UUID.randomUUID(), "driver", "Dan", java.time.Instant.now().plusSeconds(600)));
        stranger.get("/api/support/tickets/").then().statusCode(403);
    }
}

package com.logishift.support.ticket.support;

import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.Tokens;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Helpers the ticket-service integration tests share. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(Tokens.Person person) {
        return anonymous().header("Authorization", person.bearer());
    }

    public static Map<String, Object> ticketBody(String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("category", "DAMAGED");
        body.put("description", "The parcel arrived with a crushed corner and a broken vase inside.");
        body.put("priority", "HIGH");
        body.put("deliveryId", "DLV-2026-0001");
        return body;
    }

    /** Opens a ticket as the customer; returns its id. */
    public static String openTicket(Tokens.Person customer) {
        return as(customer).body(ticketBody("Broken vase")).post("/api/support/tickets/create/")
                .then().statusCode(201).extract().path("id");
    }

    /** Opens a ticket of the given category and priority as the customer; returns its id. */
    public static String openTicket(Tokens.Person customer, String category, String priority) {
        Map<String, Object> body = ticketBody(category + " " + priority);
        body.put("category", category);
        body.put("priority", priority);
        return as(customer).body(body).post("/api/support/tickets/create/")
                .then().statusCode(201).extract().path("id");
    }

    /** A new ticket of the customer's, taken by the agent (IN_PROGRESS); returns its id. */
    public static String takenTicket(Tokens.Person customer, Tokens.Person agent) {
        String id = openTicket(customer);
        take(agent, id);
        return id;
    }

    /** The agent takes the ticket (assign-self). */
    public static void take(Tokens.Person agent, String ticketId) {
        as(agent).post("/api/support/tickets/" + ticketId + "/assign-self/").then().statusCode(200);
    }

    /** A new ticket of the customer's, taken by the agent and RESOLVED; returns its id. */
    public static String resolvedTicket(Tokens.Person customer, Tokens.Person agent) {
        String id = takenTicket(customer, agent);
        moveTo(agent, id, "RESOLVED");
        return id;
    }

    /** The ticket's conversation: its messages, and where a new one is posted. */
    public static String messages(String ticketId) {
        return "/api/support/tickets/" + ticketId + "/messages/";
    }

    /** Changes the ticket's status as {@code who}, which must succeed. */
    public static void moveTo(Tokens.Person who, String ticketId, String status) {
        as(who).body(Map.of("status", status)).put("/api/support/tickets/" + ticketId + "/update-status/")
                .then().statusCode(200);
    }

    /** Publishes the agent's registration and approval and waits until ticket-service knows them. */
    public static Tokens.Person approvedAgent(Pool pool) {
        Tokens.Person agent = Tokens.agent();
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.registeredAgent(agent.id(), agent.name());
            events.approved(agent.id(), agent.name());
        }
        await(() -> "APPROVED".equals(agentStatus(pool, agent.id())), "agent " + agent.id() + " approved");
        return agent;
    }

    public static String agentStatus(Pool pool, UUID agentId) {
        var rows = pool.preparedQuery("SELECT status FROM agent WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(agentId)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString("status");
    }

    /** Empties ticket-service's tables, for tests that need to know every row (stats, assignment). */
    public static void resetDatabase(Pool pool) {
        pool.query("TRUNCATE ticket_feedback, ticket_message, ticket_timeline, inbound_mail, ticket, agent, agent_load_change, attachment, attachment_content").execute().await().indefinitely();
    }

    public static void await(BooleanSupplier condition, String what) {
        Eventually.until(what, condition);
    }
}

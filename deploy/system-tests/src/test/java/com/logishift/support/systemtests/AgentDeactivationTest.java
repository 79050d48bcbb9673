package com.logishift.support.systemtests;

import static com.logishift.support.systemtests.client.Gateway.expect;
import static com.logishift.support.systemtests.client.Gateway.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.client.Poll;
import com.logishift.support.systemtests.harness.SupportSystem;
import com.logishift.support.systemtests.harness.SystemTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An admin deactivates an agent: sign-in is refused, and the agent's token — still unexpired — is
 * refused by the gateway and by every service reached directly, once their revocation lists
 * refresh (every 2 s in the system tests, 20 s by default). Reactivated, they sign in again; the
 * old token stays dead.
 */
@SystemTest
@Order(5) // after the flows, whose stats check is exact only on an empty system (junit-platform.properties)
class AgentDeactivationTest {

    /** What the agent's token is tried on: a path of each service (status before → after: 401). */
    private static final Map<String, String> PROBES = Map.of(
            "ticket-service", "/api/agent/tickets/",
            "notification-service", "/api/notifications/unread-count/",
            "faq-service", "/api/admin/faq/");

    @Test
    @DisplayName("a deactivated agent's token is refused at the gateway and at every service; reactivated, they sign in again")
    void deactivatedAgentsTokenIsRefusedEverywhere(Gateway gateway, SupportSystem system) {
        Person admin = gateway.admin();
        Person agent = gateway.registerAgent("Dee Activated");
        gateway.approve(admin, agent);
        gateway.signIn(agent);
        String oldToken = agent.token();
        expect(gateway.as(agent).get("/api/agent/tickets/"), 200);
        assertEquals(200, direct(system, "ticket-service", oldToken, PROBES.get("ticket-service")));
        assertEquals(200, direct(system, "notification-service", oldToken, PROBES.get("notification-service")));
        assertEquals(403, direct(system, "faq-service", oldToken, PROBES.get("faq-service")), "an agent, not an admin");

        JsonNode deactivated = expect(gateway.as(admin).post("/api/admin/agents/" + agent.id() + "/deactivate/"), 200);
        assertEquals("DEACTIVATED", deactivated.path("status").asText());

        JsonNode refusal = problem(gateway.login(agent.email(), agent.password()), 403);
        assertTrue(refusal.path("type").asText().endsWith("/account-deactivated"), refusal.toString());

        Poll.until("the gateway to refuse the deactivated agent's token",
                () -> gateway.as(agent).get("/api/agent/tickets/").statusCode(), status -> status == 401);
        problem(gateway.as(agent).get("/api/auth/me/"), 401);
        PROBES.forEach((service, path) -> Poll.until(service + " to refuse the deactivated agent's token",
                () -> direct(system, service, oldToken, path), status -> status == 401));

        expect(gateway.as(admin).post("/api/admin/agents/" + agent.id() + "/reactivate/"), 200);
        // a token from a later second than the deactivation: sign in until it is (at most a second)
        Poll.until("a fresh token of the reactivated agent to work",
                () -> gateway.as(gateway.signIn(agent)).get("/api/agent/tickets/").statusCode(), status -> status == 200);
        assertEquals(401, direct(system, "ticket-service", oldToken, PROBES.get("ticket-service")),
                "the token from before the deactivation stays refused");
        assertEquals(401, RestAssured.given().baseUri(gateway.url()).header("Authorization", "Bearer " + oldToken)
                .get("/api/agent/tickets/").statusCode());
    }

    private static int direct(SupportSystem system, String service, String token, String path) {
        return RestAssured.given().baseUri(system.serviceUrl(service)).header("Authorization", "Bearer " + token)
                .accept("application/json").get(path).statusCode();
    }
}

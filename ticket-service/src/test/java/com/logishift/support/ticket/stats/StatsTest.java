package com.logishift.support.ticket.stats;

import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.resetDatabase;
import static com.logishift.support.ticket.support.Api.take;
import static com.logishift.support.ticket.support.Api.ticketBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin stats on a data set whose every number is known. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class StatsTest {

    @Inject
    Pool pool;

    @Test
    void statsOnAKnownDataSet() {
        resetDatabase(pool);
        Person customer = Tokens.customer();
        Person admin = Tokens.admin();

        // 1 LOST/LOW left in the queue (no agent yet)
        String queued = open(customer, "LOST", "LOW");
        Person agent = approvedAgent(pool); // takes the queued one
        // 2 DAMAGED/HIGH: one resolved and rated 4, one resolved and rated 2
        String rated4 = open(customer, "DAMAGED", "HIGH");
        String rated2 = open(customer, "DAMAGED", "HIGH");
        // 1 LATE/MEDIUM in progress
        String working = open(customer, "LATE", "MEDIUM");
        for (String id : new String[] {rated4, rated2, working}) {
            take(agent, id);
            // the first response is the first public staff message
            as(agent).body(Map.of("body", "Looking into it.", "visibility", "PUBLIC"))
                    .post(messages(id)).then().statusCode(201);
        }
        for (String id : new String[] {rated4, rated2}) {
            moveTo(agent, id, "RESOLVED");
        }
        as(customer).body(Map.of("rating", 4)).post("/api/support/tickets/" + rated4 + "/feedback/").then().statusCode(201);
        as(customer).body(Map.of("rating", 2)).post("/api/support/tickets/" + rated2 + "/feedback/").then().statusCode(201);
        // 1 more unassigned: sent back to the queue by the admin
        String requeued = open(customer, "QUALITY", "MEDIUM");
        as(admin).body(Map.of("unassign", true)).post("/api/support/tickets/" + requeued + "/reassign/").then().statusCode(200);

        // pin the times so the averages are exact: first response after 60 s (DAMAGED) / 240 s (LATE), resolution after 600 s / 1800 s
        pool.query("""
                UPDATE ticket SET created_at = now() - interval '1 day',
                       first_response_at = now() - interval '1 day' + (CASE WHEN category = 'DAMAGED' THEN interval '60 s' ELSE interval '240 s' END),
                       resolved_at = CASE WHEN resolved_at IS NULL THEN NULL
                                          WHEN id = '%s' THEN now() - interval '1 day' + interval '600 s'
                                          ELSE now() - interval '1 day' + interval '1800 s' END
                 WHERE first_response_at IS NOT NULL""".formatted(rated4)).execute().await().indefinitely();

        as(admin).get("/api/admin/support/stats/").then().statusCode(200)
                .body("total", equalTo(5))
                .body("byStatus.OPEN", equalTo(2))
                .body("byStatus.IN_PROGRESS", equalTo(1))
                .body("byStatus.ON_HOLD", equalTo(0))
                .body("byStatus.RESOLVED", equalTo(0))
                .body("byStatus.CLOSED", equalTo(2))
                .body("byPriority.HIGH", equalTo(2))
                .body("byPriority.MEDIUM", equalTo(2))
                .body("byPriority.LOW", equalTo(1))
                .body("byCategory.DAMAGED", equalTo(2))
                .body("byCategory.LOST", equalTo(1))
                .body("byCategory.LATE", equalTo(1))
                .body("byCategory.QUALITY", equalTo(1))
                .body("byCategory.OTHER", equalTo(0))
                .body("unassigned", equalTo(1))
                .body("averageRating", equalTo(3.0f))
                .body("ratings", equalTo(2))
                .body("averageFirstResponseSeconds", equalTo(120.0f))
                .body("averageResolutionSeconds", equalTo(1200.0f))
                .body("agentLoad", hasSize(1))
                .body("agentLoad[0].agentId", equalTo(agent.id().toString()))
                .body("agentLoad[0].openTickets", equalTo(2))
                .body("agentLoad[0].resolvedTickets", equalTo(2));
        // the queued ticket went to the agent on approval and is still OPEN (not started)
        as(admin).get("/api/admin/support/tickets/" + "?assigneeId=" + agent.id() + "&status=OPEN").then()
                .body("items[0].id", equalTo(queued));
    }

    private static String open(Person customer, String category, String priority) {
        Map<String, Object> body = ticketBody("Stats " + category);
        body.put("category", category);
        body.put("priority", priority);
        return as(customer).body(body).post("/api/support/tickets/create/").then().statusCode(201).extract().path("id");
    }
}

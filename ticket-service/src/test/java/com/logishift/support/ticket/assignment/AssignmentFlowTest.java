package com.logishift.support.ticket.assignment;

import static com.logishift.support.kit.test.Parallel.inParallel;
import static com.logishift.support.ticket.support.Api.agentStatus;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.await;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.resetDatabase;
import static com.logishift.support.ticket.support.Api.take;
import static com.logishift.support.ticket.support.Topics.accountEventsDeadLetters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.logishift.support.ticket.support.AccountEventsPublisher;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.TopicReader;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Auto-assignment, the queue drain on approval, the self-assign race, and the read model's consumer. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class AssignmentFlowTest {

    @Inject
    Pool pool;

    @Inject
    AgentLoads agentLoads;

    @Test
    void ticketsWaitWithoutAgentsAndGoToTheLeastLoadedOneAfterApprovals() {
        resetDatabase(pool);
        Person customer = Tokens.customer();

        String queued = openTicket(customer);
        assertNull(assignee(queued), "no approved agent: the ticket waits in the queue");

        Person first = approvedAgent(pool);
        await(() -> first.id().toString().equals(assignee(queued)), "the queue drains to the approved agent");

        Person second = approvedAgent(pool);
        String next = openTicket(customer);
        assertEquals(second.id().toString(), assignee(next), "least loaded: second has 0, first has 1");

        String tie = openTicket(customer);
        assertEquals(first.id().toString(), assignee(tie), "tie at 1 each: first waited longest");

        // work that is resolved no longer counts as load
        take(first, queued);
        moveTo(first, queued, "RESOLVED");
        String afterResolve = openTicket(customer);
        assertEquals(second.id().toString(), assignee(afterResolve),
                "1 unresolved each; second last received a ticket before first did");
    }

    @Test
    void theLoadKeptOnEachAgentRowMatchesTheirTicketsAfterEveryKindOfChange() {
        resetDatabase(pool);
        Person customer = Tokens.customer();
        Person admin = Tokens.admin();
        String queued = openTicket(customer);
        Person first = approvedAgent(pool);
        await(() -> first.id().toString().equals(assignee(queued)), "the queue drains to the approved agent");
        Person second = approvedAgent(pool);
        String a = openTicket(customer);
        String b = openTicket(customer);
        assertLoadsMatchTickets("after the drain and two auto-assignments");

        take(second, queued);
        assertLoadsMatchTickets("after assign-self took a ticket from another agent");
        as(admin).body(java.util.Map.of("agentId", first.id().toString()))
                .post("/api/support/tickets/" + a + "/reassign/").then().statusCode(200);
        as(admin).body(java.util.Map.of("unassign", true))
                .post("/api/support/tickets/" + b + "/reassign/").then().statusCode(200);
        assertLoadsMatchTickets("after an admin reassigned one ticket and unassigned another");

        moveTo(second, queued, "ON_HOLD");
        moveTo(second, queued, "RESOLVED");
        assertLoadsMatchTickets("after on-hold and resolution");
        as(customer).body(java.util.Map.of("rating", 4)).post("/api/support/tickets/" + queued + "/feedback/")
                .then().statusCode(201);
        assertLoadsMatchTickets("after the customer's feedback closed the ticket");
        assertEquals(0L, openTickets(second.id()), "second's only ticket is closed");
    }

    /** The load read for assignment (row + ledger) and, once folded, the row alone equal the tickets. */
    private void assertLoadsMatchTickets(String when) {
        java.util.Map<UUID, Long> actual = new java.util.HashMap<>();
        pool.query("""
                        SELECT a.id, (SELECT count(*) FROM ticket t WHERE t.assignee_id = a.id
                                          AND t.status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD')) AS actual
                          FROM agent a WHERE a.status = 'APPROVED'""").execute().await().indefinitely()
                .forEach(row -> actual.put(row.getUUID("id"), row.getLong("actual")));
        java.util.Map<UUID, Long> read = new java.util.HashMap<>();
        agentLoads.approved().await().indefinitely().loads()
                .forEach(load -> read.put(load.agentId(), load.openTickets()));
        assertEquals(actual, read, "loads read for assignment " + when);

        agentLoads.fold().await().indefinitely();
        java.util.Map<UUID, Long> folded = new java.util.HashMap<>();
        pool.query("SELECT id, open_tickets FROM agent WHERE status = 'APPROVED'").execute().await().indefinitely()
                .forEach(row -> folded.put(row.getUUID("id"), row.getLong("open_tickets")));
        assertEquals(actual, folded, "loads on the agent rows after folding the ledger " + when);
    }

    private long openTickets(UUID agentId) {
        return agentLoads.approved().await().indefinitely().loads().stream()
                .filter(load -> load.agentId().equals(agentId)).findFirst().orElseThrow().openTickets();
    }

    @Test
    void exactlyOneOfManyConcurrentSelfAssignsWins() throws Exception {
        String ticket = openTicket(Tokens.customer());
        int contenders = 8;
        List<Person> agents = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            agents.add(Tokens.agent());
        }
        List<Integer> statuses = inParallel(contenders,
                i -> as(agents.get(i)).post("/api/support/tickets/" + ticket + "/assign-self/").statusCode());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "exactly one agent gets the ticket");
        assertEquals(contenders - 1, statuses.stream().filter(status -> status == 409).count(),
                "everyone else is told it is taken");
        // and the winner is the one the ticket names
        String winner = assignee(ticket);
        as(agents.stream().filter(a -> a.id().toString().equals(winner)).findFirst().orElseThrow())
                .body(java.util.Map.of("status", "ON_HOLD")).put("/api/support/tickets/" + ticket + "/update-status/")
                .then().statusCode(200);
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndAPoisonMessageDoesNotStopTheConsumer() {
        UUID agentId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.sendGarbage(agentId);
            events.send(UUID.randomUUID().toString(), "com.logishift.support.agent.approved.v1", agentId, "{\"oops\": ");
            events.send(eventId, "com.logishift.support.agent.approved.v1", agentId,
                    "{\"accountId\":\"" + agentId + "\",\"name\":\"Redelivered\",\"approvedAt\":\"2026-11-25T10:00:00Z\"}");
            events.send(eventId, "com.logishift.support.agent.approved.v1", agentId,
                    "{\"accountId\":\"" + agentId + "\",\"name\":\"Changed on redelivery\",\"approvedAt\":\"2026-11-25T11:00:00Z\"}");
        }
        await(() -> "APPROVED".equals(agentStatus(pool, agentId)), "the good event after the poison ones is applied");
        String name = pool.preparedQuery("SELECT name FROM agent WHERE id = $1").execute(Tuple.of(agentId))
                .await().indefinitely().iterator().next().getString("name");
        assertEquals("Redelivered", name, "the second delivery of the same event id changed nothing");

        try (TopicReader dlq = new TopicReader(accountEventsDeadLetters())) {
            var dead = dlq.await(r -> agentId.toString().equals(r.key()), 2, Duration.ofSeconds(20));
            for (var record : dead) {
                assertEquals(true, TopicReader.header(record, "dead-letter-reason") != null,
                        "the dead letter says why");
            }
        }
    }

    private String assignee(String ticketId) {
        var row = pool.preparedQuery("SELECT assignee_id FROM ticket WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(ticketId))).await().indefinitely().iterator().next();
        UUID id = row.getUUID("assignee_id");
        return id == null ? null : id.toString();
    }
}

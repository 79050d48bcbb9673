package com.logishift.support.ticket.agent;

import static com.logishift.support.ticket.support.Api.agentStatus;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.await;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.resetDatabase;
import static com.logishift.support.ticket.support.Api.resolvedTicket;
import static com.logishift.support.ticket.support.Api.takenTicket;
import static com.logishift.support.ticket.support.Topics.accountEventsDeadLetters;
import static com.logishift.support.ticket.support.Topics.ticketEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * agent.deactivated.v1 and agent.reactivated.v1, produced to the real topic: the agent leaves and
 * rejoins the assignees, their unresolved tickets go to the others (or the queue) with events.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class AgentDeactivationTest {

    private static final String ASSIGNED = "com.logishift.support.ticket.assigned.v1";
    private static final String UNASSIGNED = "com.logishift.support.ticket.unassigned.v1";
    private static final String STATUS_CHANGED = "com.logishift.support.ticket.status-changed.v1";

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    Pool pool;

    @Test
    void aDeactivatedAgentsUnresolvedTicketsGoToTheLeastLoadedOthersOnceAndTheyGetNoMore() throws Exception {
        resetDatabase(pool);
        Person customer = Tokens.customer();
        Person admin = Tokens.admin();
        Person leaving = approvedAgent(pool);
        String open = openTicket(customer);
        String started = takenTicket(customer, leaving);
        String onHold = takenTicket(customer, leaving);
        moveTo(leaving, onHold, "ON_HOLD");
        String resolved = resolvedTicket(customer, leaving);
        Person second = approvedAgent(pool);
        Person third = approvedAgent(pool);

        String eventId;
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            eventId = events.deactivated(leaving.id(), leaving.name(), admin.id());
        }
        await(() -> "DEACTIVATED".equals(agentStatus(pool, leaving.id())) && unresolvedOf(leaving.id()) == 0,
                "the deactivated agent's unresolved tickets are handed over");

        Set<String> others = Set.of(second.id().toString(), third.id().toString());
        for (String id : List.of(open, started, onHold)) {
            assertTrue(others.contains(assignee(id)), id + " went to one of the other agents");
        }
        Map<String, Long> perAgent = List.of(open, started, onHold).stream()
                .collect(Collectors.groupingBy(this::assignee, Collectors.counting()));
        assertEquals(Set.of(1L, 2L), Set.copyOf(perAgent.values()), "least loaded first: 2 and 1, " + perAgent);
        assertEquals("OPEN", status(open));
        assertEquals("IN_PROGRESS", status(started), "the status stays as it was");
        assertEquals("ON_HOLD", status(onHold));
        assertEquals(leaving.id().toString(), assignee(resolved), "resolved work keeps its history");

        try (TopicReader topic = new TopicReader(ticketEvents())) {
            List<ConsumerRecord<String, String>> assigned = topic.await(r -> ASSIGNED.equals(TopicReader.header(r, "ce_type"))
                    && Set.of(open, started, onHold).contains(r.key())
                    && r.value().contains("\"previousAssigneeId\":\"" + leaving.id() + "\""), 3, Duration.ofSeconds(20));
            for (ConsumerRecord<String, String> record : assigned) {
                JsonNode data = json.readTree(record.value());
                assertEquals("AUTO", data.get("mode").asText());
                assertEquals(assignee(record.key()), data.get("assigneeId").asText());
                assertEquals(status(record.key()), data.get("status").asText());
            }
        }

        // the same event again (at-least-once delivery) changes nothing: after a later event on the
        // same key (same partition, so applied after it) there are still exactly three hand-overs
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.send(eventId, "com.logishift.support.agent.deactivated.v1", leaving.id(),
                    "{\"accountId\":\"" + leaving.id() + "\",\"name\":\"Renamed\",\"deactivatedBy\":\"" + admin.id()
                            + "\",\"deactivatedAt\":\"2026-12-01T10:00:00Z\"}");
            events.send(UUID.randomUUID().toString(), "com.logishift.support.account.registered.v1", leaving.id(),
                    "{\"accountId\":\"" + leaving.id() + "\",\"name\":\"Marker\",\"role\":\"agent\"}");
        }
        await(() -> "Marker".equals(agentName(leaving.id())), "the event after the redelivery is applied");
        assertEquals(3L, handOverEvents(leaving.id()), "a redelivered deactivation hands nothing over twice");
        assertEquals("DEACTIVATED", agentStatus(pool, leaving.id()));

        // no new ticket goes to a deactivated agent; a reactivated one is an assignee again
        for (int i = 0; i < 3; i++) {
            assertNotEquals(leaving.id().toString(), assignee(openTicket(customer)));
        }
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.reactivated(leaving.id(), leaving.name(), admin.id());
        }
        await(() -> "APPROVED".equals(agentStatus(pool, leaving.id())), "the agent is reactivated");
        assertEquals(leaving.id().toString(), assignee(openTicket(customer)), "least loaded again: no open work");
    }

    @Test
    void withNobodyElseTheTicketsGoBackToTheQueueAndReactivationHandsThemOutAgain() {
        resetDatabase(pool);
        Person customer = Tokens.customer();
        Person admin = Tokens.admin();
        Person only = approvedAgent(pool);
        String open = openTicket(customer);
        String started = takenTicket(customer, only);

        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.deactivated(only.id(), only.name(), admin.id());
        }
        await(() -> "DEACTIVATED".equals(agentStatus(pool, only.id())) && unresolvedOf(only.id()) == 0,
                "the tickets left the deactivated agent");
        for (String id : List.of(open, started)) {
            assertNull(assignee(id), id + " is in the queue");
            assertEquals("OPEN", status(id), "the queue holds OPEN tickets");
        }
        as(Tokens.agent()).queryParam("scope", "queue").get("/api/agent/tickets/").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItems(open, started));
        // (one reader, one pass: a reader skips what its predicate does not match)
        try (TopicReader topic = new TopicReader(ticketEvents())) {
            topic.await(r -> UNASSIGNED.equals(TopicReader.header(r, "ce_type")) && Set.of(open, started).contains(r.key())
                    && r.value().contains("\"unassignedBy\":\"" + admin.id() + "\"")
                    || STATUS_CHANGED.equals(TopicReader.header(r, "ce_type")) && started.equals(r.key())
                    && r.value().contains("\"from\":\"IN_PROGRESS\"") && r.value().contains("\"to\":\"OPEN\"")
                    && r.value().contains("\"changedBy\":\"" + admin.id() + "\""), 3, Duration.ofSeconds(20));
        }

        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.reactivated(only.id(), only.name(), admin.id());
        }
        await(() -> only.id().toString().equals(assignee(open)) && only.id().toString().equals(assignee(started)),
                "reactivation drains the queue as an approval does");
    }

    @Test
    void aDeactivationWithoutTheAdminOrWithABadIdIsDeadLettered() {
        UUID agentId = UUID.randomUUID();
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.send(UUID.randomUUID().toString(), "com.logishift.support.agent.deactivated.v1", agentId,
                    "{\"accountId\":\"" + agentId + "\",\"name\":\"No admin\",\"deactivatedAt\":\"2026-12-01T10:00:00Z\"}");
            events.send(UUID.randomUUID().toString(), "com.logishift.support.agent.reactivated.v1", agentId,
                    "{\"accountId\":\"not-a-uuid\",\"reactivatedBy\":\"" + UUID.randomUUID() + "\"}");
        }
        try (TopicReader dlq = new TopicReader(accountEventsDeadLetters())) {
            dlq.await(r -> agentId.toString().equals(r.key()), 2, Duration.ofSeconds(20));
        }
        assertNull(agentStatus(pool, agentId));
    }

    private long unresolvedOf(UUID agentId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM ticket WHERE assignee_id = $1 "
                        + "AND status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD')")
                .execute(Tuple.of(agentId)).await().indefinitely().iterator().next().getLong("n");
    }

    private long handOverEvents(UUID agentId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM outbox_event WHERE event_type = $1 "
                        + "AND payload::jsonb ->> 'previousAssigneeId' = $2")
                .execute(Tuple.of(ASSIGNED, agentId.toString())).await().indefinitely().iterator().next().getLong("n");
    }

    private String agentName(UUID agentId) {
        var rows = pool.preparedQuery("SELECT name FROM agent WHERE id = $1").execute(Tuple.of(agentId))
                .await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString("name");
    }

    private String assignee(String ticketId) {
        UUID id = row(ticketId).getUUID("assignee_id");
        return id == null ? null : id.toString();
    }

    private String status(String ticketId) {
        return row(ticketId).getString("status");
    }

    private io.vertx.mutiny.sqlclient.Row row(String ticketId) {
        return pool.preparedQuery("SELECT assignee_id, status FROM ticket WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(ticketId))).await().indefinitely().iterator().next();
    }
}

package com.logishift.support.ticket.event;

import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.takenTicket;
import static com.logishift.support.kit.test.TopicReader.header;
import static com.logishift.support.kit.test.TopicReader.headers;
import static com.logishift.support.ticket.support.Topics.ticketEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.AsyncApiContract;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.TopicReader;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What ticket-service really publishes is what its AsyncAPI document promises: every event type,
 * produced through the API and read back from Kafka, conforms to the payload and header schema of
 * its type in src/main/asyncapi/ticket-events.yaml, with no field the document does not describe.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class TicketEventContractTest {

    private static final AsyncApiContract CONTRACT =
            AsyncApiContract.read(Path.of("src/main/asyncapi/ticket-events.yaml"));
    private static final String PREFIX = "com.logishift.support.ticket.";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The types the tests below produce through the API; a new type needs a case here. */
    private static final Set<String> PRODUCED_HERE = Set.of(PREFIX + "created.v1", PREFIX + "assigned.v1",
            PREFIX + "unassigned.v1", PREFIX + "status-changed.v1", PREFIX + "note-added.v1",
            PREFIX + "feedback-submitted.v1", PREFIX + "message-added.v1", PREFIX + "priority-changed.v1",
            PREFIX + "sla-warning.v1", PREFIX + "sla-breached.v1", PREFIX + "merged.v1");

    @Inject
    Pool pool;

    @Inject
    com.logishift.support.ticket.sla.SlaJob slaJob;

    @Test
    void everyTypeTheCodeSendsIsDocumentedOnItsTopicAndCheckedHere() {
        for (TicketEventType type : TicketEventType.values()) {
            assertTrue(CONTRACT.types().contains(type.type()), type.type() + " is missing from the AsyncAPI document");
            assertTrue(PRODUCED_HERE.contains(type.type()), type.type() + " has no case in this contract test");
        }
        assertEquals(Set.of("support.ticket-events"), CONTRACT.addresses());
    }

    @Test
    void aTicketsLifecycleEventsConformToTheirSchemas() {
        Person first = approvedAgent(pool);
        Person second = approvedAgent(pool);
        Person admin = Tokens.admin();
        Person customer = Tokens.customer();
        String id = openTicket(customer); // created, assigned (AUTO)
        String base = "/api/support/tickets/" + id;
        as(admin).body(Map.of("unassign", true)).post(base + "/reassign/").then().statusCode(200);
        as(first).post(base + "/assign-self/").then().statusCode(200); // assigned (SELF), status-changed
        as(admin).body(Map.of("agentId", second.id().toString())).post(base + "/reassign/").then().statusCode(200);
        as(second).body(Map.of("body", "Internal: called the depot \u2014 \"quoted\" and ünïcode"))
                .post(base + "/add-note/").then().statusCode(201);
        moveTo(second, id, "RESOLVED");
        as(customer).body(Map.of("rating", 4, "comment", "Quick")).post(base + "/feedback/").then().statusCode(201);

        // created, assigned ×3, unassigned, status-changed ×3, note-added, feedback-submitted, and the
        // message-added of the note (add-note writes an INTERNAL message)
        List<String> types = checkRecordsOf(id, 11, type -> true);
        Set<String> lifecycle = new HashSet<>(PRODUCED_HERE);
        lifecycle.removeAll(Set.of(PREFIX + "message-added.v1", PREFIX + "priority-changed.v1",
                PREFIX + "sla-warning.v1", PREFIX + "sla-breached.v1", PREFIX + "merged.v1"));
        assertTrue(new HashSet<>(types).containsAll(lifecycle), "every lifecycle type was produced and checked: " + types);
    }

    /**
     * message-added.v1 (the conversation): a customer's PUBLIC message and a staff INTERNAL one, which
     * also keeps emitting note-added.v1.
     */
    @Test
    void messageEventsConformToTheirSchemas() {
        Person agent = approvedAgent(pool);
        Person customer = Tokens.customer();
        String id = takenTicket(customer, agent); // created, assigned (AUTO), assigned, status-changed
        as(customer).body(Map.of("body", "Any news about my parcel?")).post(messages(id)).then().statusCode(201);
        as(agent).body(Map.of("body", "Depot says Tuesday", "visibility", "INTERNAL")).post(messages(id))
                .then().statusCode(201);
        as(agent).body(Map.of("body", "It arrives on Tuesday.", "visibility", "PUBLIC")).post(messages(id))
                .then().statusCode(201);

        // whether assign-self also assigned depends on whom auto-assignment chose: count the message events
        List<String> types = checkRecordsOf(id, 4,
                type -> type.equals(PREFIX + "message-added.v1") || type.equals(PREFIX + "note-added.v1"));
        assertEquals(3, types.stream().filter((PREFIX + "message-added.v1")::equals).count(), types.toString());
        assertTrue(types.contains(PREFIX + "note-added.v1"), types.toString());
    }

    /** priority-changed.v1, and the SLA job's sla-warning.v1 and sla-breached.v1 (its pass run days ahead). */
    @Test
    void priorityAndSlaEventsConformToTheirSchemas() {
        Person admin = Tokens.admin();
        String id = openTicket(Tokens.customer());
        as(admin).body(Map.of("priority", "LOW")).put("/api/support/tickets/" + id + "/update-priority/")
                .then().statusCode(200);
        slaJob.pass(java.time.Instant.now().plus(Duration.ofDays(60))).await().atMost(Duration.ofMinutes(2));
        List<String> types = checkRecordsOf(id, 5, type -> type.equals(PREFIX + "priority-changed.v1")
                || type.startsWith(PREFIX + "sla-"));
        assertEquals(List.of(PREFIX + "priority-changed.v1", PREFIX + "sla-warning.v1", PREFIX + "sla-breached.v1",
                PREFIX + "sla-warning.v1", PREFIX + "sla-breached.v1"), types);
    }

    /** merged.v1: a customer's second ticket merged into the first. */
    @Test
    void mergeEventsConformToTheirSchemas() {
        Person customer = Tokens.customer();
        String target = openTicket(customer), id = openTicket(customer);
        as(Tokens.admin()).body(Map.of("intoTicketId", target)).post("/api/support/tickets/" + id + "/merge/")
                .then().statusCode(200);
        assertEquals(List.of(PREFIX + "merged.v1"), checkRecordsOf(id, 1, (PREFIX + "merged.v1")::equals));
    }

    @Test
    void theCheckRefusesWhatTheDocumentDoesNotAllow() throws Exception {
        // the schema check itself must bite, or the passing tests above prove nothing
        String type = PREFIX + "note-added.v1";
        String good = "{\"ticketId\":\"7d3f2b7c-3f1e-4a8e-9a59-1f0c2a0e7b11\",\"reference\":\"SUP-000001\","
                + "\"noteId\":\"7d3f2b7c-3f1e-4a8e-9a59-1f0c2a0e7b12\",\"authorId\":\"7d3f2b7c-3f1e-4a8e-9a59-1f0c2a0e7b13\","
                + "\"assigneeId\":null,\"addedAt\":\"2026-12-06T09:00:00Z\"}";
        CONTRACT.assertPayload(type, good);
        for (String bad : List.of(good.replace("}", ",\"body\":\"internal text\"}"),
                good.replace("\"noteId\":\"7d3f2b7c-3f1e-4a8e-9a59-1f0c2a0e7b12\",", ""),
                good.replace("2026-12-06T09:00:00Z", "yesterday"))) {
            assertFalse(CONTRACT.payloadViolations(type, JSON.readTree(bad)).isEmpty(), bad);
        }
    }

    /** Reads the ticket's records, checks each against its type's schemas; returns their types in order. */
    private static List<String> checkRecordsOf(String ticketId, int count, Predicate<String> ofType) {
        List<String> types = new ArrayList<>();
        try (TopicReader reader = new TopicReader(ticketEvents())) {
            for (ConsumerRecord<String, String> record : reader.await(
                    r -> ticketId.equals(r.key()) && ofType.test(header(r, "ce_type")), count,
                    Duration.ofSeconds(20))) {
                String type = header(record, "ce_type");
                CONTRACT.assertHeaders(type, headers(record));
                CONTRACT.assertPayload(type, record.value());
                types.add(type);
            }
        }
        return types;
    }
}

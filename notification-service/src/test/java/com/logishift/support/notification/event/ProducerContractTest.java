package com.logishift.support.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.logishift.support.kit.test.AsyncApiContract;
import com.logishift.support.notification.Directory;
import com.logishift.support.notification.Draft;
import com.logishift.support.notification.NotificationRules;
import com.logishift.support.notification.SupportEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The events this service reads are the ones the producers publish. For every type the rules
 * understand, a sample payload shaped as the producer sends it (every field the rules read, optional
 * ones included) conforms to the schema of its type in the PRODUCER's AsyncAPI document (read from
 * the producer's module, strictly: no field the producer does not document), the rules turn it into
 * notifications, and every field without which the rules refuse the event is one the producer
 * promises to send (required there).
 */
class ProducerContractTest {

    private static final AsyncApiContract TICKETS =
            AsyncApiContract.read(Path.of("../ticket-service/src/main/asyncapi/ticket-events.yaml"));
    private static final AsyncApiContract ACCOUNTS =
            AsyncApiContract.read(Path.of("../agent-service/src/main/asyncapi/account-events.yaml"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final UUID TICKET = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID CUSTOMER = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final UUID AGENT = UUID.fromString("33333333-3333-4333-8333-333333333333");
    private static final UUID OTHER_AGENT = UUID.fromString("44444444-4444-4444-8444-444444444444");
    private static final UUID ADMIN = UUID.fromString("55555555-5555-4555-8555-555555555555");
    private static final String AT = "2026-12-06T09:00:00Z";
    private static final Directory DIRECTORY = new Directory(Map.of(AGENT, "Ada", OTHER_AGENT, "Bob", ADMIN, "Root"));

    /**
     * Types the rules already understand whose producer documents them on another branch of this
     * round (ticket-service's SLA work): checked against the producer's schema as soon as it has them.
     */
    private static final Set<String> NOT_YET_DOCUMENTED_BY_PRODUCER = Set.of(
            "ticket.sla-warning", "ticket.sla-breached", "ticket.priority-changed");

    /** Types that notify nobody (the timeline shows them). */
    private static final Set<String> SILENT = Set.of("ticket.priority-changed");

    /** Fields not read by the rules but by EventProcessor's directory update, which refuses the event without them. */
    private static final Map<String, List<String>> REQUIRED_ELSEWHERE = Map.of(
            "account.registered", List.of("accountId", "role", "status"));

    /** One sample per type, as the producer sends it. */
    private static final Map<String, ObjectNode> SAMPLES = new LinkedHashMap<>();

    static {
        ticket("created", "subject", "Crushed box", "category", "DAMAGED", "priority", "HIGH", "status", "OPEN",
                "customerId", CUSTOMER, "deliveryId", "DLV-2026-0001", "createdAt", AT);
        ticket("assigned", "customerId", CUSTOMER, "assigneeId", AGENT, "previousAssigneeId", OTHER_AGENT,
                "mode", "ADMIN", "assignedBy", ADMIN, "status", "IN_PROGRESS", "assignedAt", AT);
        ticket("unassigned", "customerId", CUSTOMER, "previousAssigneeId", AGENT, "unassignedBy", ADMIN,
                "unassignedAt", AT);
        ticket("status-changed", "customerId", CUSTOMER, "assigneeId", AGENT, "from", "OPEN", "to", "IN_PROGRESS",
                "changedBy", AGENT, "changedAt", AT);
        ticket("note-added", "noteId", UUID.randomUUID(), "authorId", OTHER_AGENT, "assigneeId", AGENT,
                "addedAt", AT);
        ticket("message-added", "messageId", UUID.randomUUID(), "seq", 3, "authorId", AGENT, "authorRole", "AGENT",
                "authorName", "Alice", "visibility", "PUBLIC", "channel", "WEB", "customerId", CUSTOMER,
                "assigneeId", AGENT, "attachmentCount", 1, "body", "Your parcel is on its way.", "createdAt", AT);
        ticket("feedback-submitted", "customerId", CUSTOMER, "assigneeId", AGENT, "rating", 4, "submittedAt", AT);
        ticket("priority-changed", "customerId", CUSTOMER, "assigneeId", AGENT, "from", "LOW", "to", "HIGH",
                "changedBy", AGENT, "changedAt", AT);
        ticket("sla-warning", "clock", "FIRST_RESPONSE", "priority", "HIGH", "dueAt", AT, "customerId", CUSTOMER,
                "assigneeId", AGENT, "at", AT);
        ticket("sla-breached", "clock", "RESOLUTION", "priority", "HIGH", "dueAt", AT, "customerId", CUSTOMER,
                "assigneeId", AGENT, "at", AT);
        ticket("merged", "intoTicketId", UUID.randomUUID(), "intoReference", "SUP-000045", "customerId", CUSTOMER,
                "assigneeId", AGENT, "mergedBy", AGENT, "mergedAt", AT, "movedMessages", 3);
        sample("account.registered", "accountId", OTHER_AGENT, "email", "bob@example.com", "name", "Bob",
                "role", "agent", "status", "PENDING", "registeredAt", AT);
        sample("agent.approved", "accountId", OTHER_AGENT, "email", "bob@example.com", "name", "Bob",
                "approvedBy", ADMIN, "approvedAt", AT);
        sample("agent.rejected", "accountId", OTHER_AGENT, "email", "bob@example.com", "name", "Bob",
                "reason", "Not on the roster", "rejectedBy", ADMIN, "rejectedAt", AT);
        sample("agent.deactivated", "accountId", AGENT, "email", "ada@example.com", "name", "Ada",
                "deactivatedBy", UUID.randomUUID(), "deactivatedAt", AT);
        sample("agent.reactivated", "accountId", AGENT, "email", "ada@example.com", "name", "Ada",
                "reactivatedBy", UUID.randomUUID(), "reactivatedAt", AT);
    }

    @Test
    void everyTypeTheRulesUnderstandHasASample() {
        assertEquals(NotificationRules.KNOWN_TYPES, SAMPLES.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachSampleIsWhatTheProducerPublishesAndTheRulesUnderstandIt() {
        return SAMPLES.entrySet().stream().map(sample -> DynamicTest.dynamicTest(sample.getKey(), () -> {
            String type = SupportEvent.PREFIX + sample.getKey() + ".v1";
            AsyncApiContract producer = sample.getKey().startsWith("ticket.") ? TICKETS : ACCOUNTS;
            boolean documented = producer.types().contains(type);
            assertTrue(documented || NOT_YET_DOCUMENTED_BY_PRODUCER.contains(sample.getKey()),
                    type + " is not in its producer's AsyncAPI document");
            if (documented) {
                producer.assertPayload(type, JSON.writeValueAsString(sample.getValue()));
            }

            List<Draft> drafts = draft(type, sample.getValue());
            assertEquals(SILENT.contains(sample.getKey()), drafts.isEmpty(),
                    "the sample notifies somebody (so every rule of the type ran), unless the type is silent");

            // a field the rules cannot do without must be one the producer always sends
            List<String> needed = new ArrayList<>(REQUIRED_ELSEWHERE.getOrDefault(sample.getKey(), List.of()));
            sample.getValue().fieldNames().forEachRemaining(field -> {
                ObjectNode without = sample.getValue().deepCopy();
                without.remove(field);
                try {
                    draft(type, without);
                } catch (SupportEvent.MalformedEventException e) {
                    needed.add(field);
                }
            });
            Set<String> required = documented ? producer.requiredFields(type) : Set.copyOf(needed);
            for (String field : needed) {
                assertTrue(required.contains(field), type + "." + field + " is needed here but optional for its producer");
            }
        }));
    }

    private static List<Draft> draft(String type, ObjectNode data) {
        return NotificationRules.draftsFor(new SupportEvent(UUID.randomUUID().toString(), type, data), DIRECTORY);
    }

    private static void ticket(String what, Object... fields) {
        Object[] all = new Object[fields.length + 4];
        all[0] = "ticketId";
        all[1] = TICKET;
        all[2] = "reference";
        all[3] = "SUP-000123";
        System.arraycopy(fields, 0, all, 4, fields.length);
        sample("ticket." + what, all);
    }

    private static void sample(String type, Object... fields) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            node.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        SAMPLES.put(type, node);
    }
}

package com.logishift.support.notification.event;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.notification.NotificationRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The events this service reads are the ones the producers publish: every type it understands is
 * in the producer's AsyncAPI document, with every field the rules read.
 */
class ProducerContractTest {

    private static final Map<String, List<String>> FIELDS_READ = Map.ofEntries(
            Map.entry("ticket.created", List.of("ticketId", "reference", "subject", "category", "priority")),
            Map.entry("ticket.assigned", List.of("ticketId", "reference", "customerId", "assigneeId", "mode")),
            Map.entry("ticket.unassigned", List.of("ticketId", "reference", "previousAssigneeId")),
            Map.entry("ticket.status-changed", List.of("ticketId", "reference", "customerId", "assigneeId", "from", "to")),
            Map.entry("ticket.note-added", List.of("ticketId", "reference", "authorId", "assigneeId")),
            Map.entry("ticket.feedback-submitted", List.of("ticketId", "reference", "assigneeId", "rating")),
            Map.entry("account.registered", List.of("accountId", "role", "status", "name")),
            Map.entry("agent.approved", List.of("accountId", "name")),
            Map.entry("agent.rejected", List.of("accountId", "name", "reason")),
            Map.entry("agent.deactivated", List.of("accountId", "name", "deactivatedBy")),
            Map.entry("agent.reactivated", List.of("accountId", "name", "reactivatedBy")));

    @Test
    void everyTypeAndFieldWeReadIsPublished() throws IOException {
        String tickets = Files.readString(Path.of("../ticket-service/src/main/asyncapi/ticket-events.yaml"));
        String accounts = Files.readString(Path.of("../agent-service/src/main/asyncapi/account-events.yaml"));
        assertTrue(FIELDS_READ.keySet().containsAll(NotificationRules.KNOWN_TYPES));
        FIELDS_READ.forEach((type, fields) -> {
            String doc = type.startsWith("ticket.") ? tickets : accounts;
            String name = "name: com.logishift.support." + type + ".v1";
            int at = doc.indexOf(name);
            assertTrue(at >= 0, type + " is not in the producer's AsyncAPI document");
            // the message's own section runs to the next message name
            int end = doc.indexOf("name: com.logishift.support.", at + name.length());
            String section = doc.substring(at, end < 0 ? doc.length() : end);
            for (String field : fields) {
                assertTrue(section.contains(" " + field + ": {"), type + "." + field + " is not published");
            }
        });
    }
}

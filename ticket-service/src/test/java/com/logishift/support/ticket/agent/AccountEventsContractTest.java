package com.logishift.support.ticket.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.logishift.support.kit.test.AsyncApiContract;
import com.logishift.support.ticket.agent.EventFailures.InvalidEventException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The account events ticket-service acts on are the ones agent-service publishes. For every type
 * {@link AccountEvent} understands, a sample payload shaped as agent-service sends it conforms to
 * the schema of its type in the PRODUCER's AsyncAPI document (strictly: no field it does not
 * document), {@link AccountEvent#parse} reads every field of it back, and every field without which
 * the parse refuses the event is one the producer promises to send (required there).
 */
class AccountEventsContractTest {

    private static final AsyncApiContract PRODUCER =
            AsyncApiContract.read(Path.of("../agent-service/src/main/asyncapi/account-events.yaml"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AT = "2026-12-06T09:00:00Z";

    @TestFactory
    Stream<DynamicTest> eachTypeWeReadIsPublishedAsWeParseIt() {
        return Arrays.stream(AccountEvent.Type.values()).map(type -> DynamicTest.dynamicTest(type.ceType, () -> {
            UUID account = UUID.randomUUID();
            UUID admin = UUID.randomUUID();
            ObjectNode sample = JSON.createObjectNode().put("accountId", account.toString())
                    .put("email", "ada@example.com").put("name", "Ada Lovelace");
            sample.put(type.atField, AT);
            if (type == AccountEvent.Type.REGISTERED) {
                sample.put("role", "agent").put("status", "PENDING");
            }
            if (type.byField != null) {
                sample.put(type.byField, admin.toString());
            }
            if (type == AccountEvent.Type.REJECTED) {
                sample.put("reason", "Not on the roster");
            }
            PRODUCER.assertPayload(type.ceType, JSON.writeValueAsString(sample));

            AccountEvent event = AccountEvent.parse("e1", type.ceType, sample);
            assertNotNull(event);
            assertEquals(type, event.type());
            assertEquals(account, event.accountId());
            assertEquals("Ada Lovelace", event.name());
            assertEquals("ada@example.com", event.email());
            assertEquals(Instant.parse(AT), event.at());
            assertEquals(type.byField == null ? null : admin, event.by());
            assertEquals(type == AccountEvent.Type.REGISTERED ? "agent" : null, event.role());

            // a field the parse cannot do without must be one the producer always sends
            List<String> needed = new ArrayList<>();
            sample.fieldNames().forEachRemaining(field -> {
                ObjectNode without = sample.deepCopy();
                without.remove(field);
                try {
                    AccountEvent.parse("e2", type.ceType, without);
                } catch (InvalidEventException e) {
                    needed.add(field);
                }
            });
            assertTrue(needed.contains("accountId"), "the check itself works: " + needed);
            for (String field : needed) {
                assertTrue(PRODUCER.requiredFields(type.ceType).contains(field),
                        type.ceType + "." + field + " is needed here but optional for agent-service");
            }
        }));
    }
}

package com.logishift.support.ticket.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The account events ticket-service acts on are the ones agent-service publishes: every type
 * {@link AccountEvent} understands is in the producer's AsyncAPI document, with every field it reads.
 */
class AccountEventsContractTest {

    @Test
    void everyTypeAndFieldWeReadIsPublished() throws IOException {
        String doc = Files.readString(Path.of("../agent-service/src/main/asyncapi/account-events.yaml"));
        for (AccountEvent.Type type : AccountEvent.Type.values()) {
            String name = "name: " + type.ceType;
            int at = doc.indexOf(name);
            assertTrue(at >= 0, type.ceType + " is not in the producer's AsyncAPI document");
            int end = doc.indexOf("name: com.logishift.support.", at + name.length());
            String section = doc.substring(at, end < 0 ? doc.length() : end);
            List<String> fields = new ArrayList<>(List.of("accountId", "name", "email", type.atField));
            if (type == AccountEvent.Type.REGISTERED) {
                fields.add("role");
            }
            if (type.byField != null) {
                fields.add(type.byField);
            }
            for (String field : fields) {
                assertTrue(section.contains(" " + field + ": {"), type.ceType + "." + field + " is not published");
            }
        }
    }
}

package com.logishift.support.agent.event;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published AsyncAPI document names every event type and every field the code sends. */
class AccountEventContractTest {

    private static String contract() throws IOException {
        return Files.readString(Path.of("src/main/asyncapi/account-events.yaml"));
    }

    @Test
    void everyEventTypeIsDocumented() throws IOException {
        String doc = contract();
        for (AccountEventType type : AccountEventType.values()) {
            assertTrue(doc.contains("name: " + type.type()), type.type() + " missing from the AsyncAPI document");
        }
        assertTrue(doc.contains("address: support.account-events"));
    }

    @Test
    void everyPayloadFieldIsDocumented() throws IOException {
        String doc = contract();
        for (Class<?> payload : List.of(AccountEvents.AccountRegistered.class, AccountEvents.AgentApproved.class,
                AccountEvents.AgentRejected.class, AccountEvents.AgentDeactivated.class,
                AccountEvents.AgentReactivated.class)) {
            Arrays.stream(payload.getRecordComponents()).forEach(component -> assertTrue(
                    doc.contains(" " + component.getName() + ": {"),
                    payload.getSimpleName() + "." + component.getName() + " missing from the AsyncAPI document"));
        }
    }
}

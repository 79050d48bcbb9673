package com.logishift.support.ticket.event;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published AsyncAPI document names every event type and every field the code sends. */
class TicketEventContractTest {

    private static String contract() throws IOException {
        return Files.readString(Path.of("src/main/asyncapi/ticket-events.yaml"));
    }

    @Test
    void everyEventTypeIsDocumented() throws IOException {
        String doc = contract();
        for (TicketEventType type : TicketEventType.values()) {
            assertTrue(doc.contains("name: " + type.type()), type.type() + " missing from the AsyncAPI document");
        }
        assertTrue(doc.contains("address: support.ticket-events"));
    }

    @Test
    void everyPayloadFieldIsDocumented() throws IOException {
        String doc = contract();
        for (Class<?> payload : List.of(TicketEvents.Created.class, TicketEvents.Assigned.class, TicketEvents.Unassigned.class,
                TicketEvents.StatusChanged.class, TicketEvents.NoteAdded.class, TicketEvents.MessageAdded.class,
                TicketEvents.FeedbackSubmitted.class)) {
            Arrays.stream(payload.getRecordComponents()).forEach(component -> assertTrue(
                    doc.contains(" " + component.getName() + ": {"),
                    payload.getSimpleName() + "." + component.getName() + " missing from the AsyncAPI document"));
        }
    }
}

package com.logishift.support.notification.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.notification.SupportEvent;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who is mailed about what (MailRules), and the unsubscribe token's signature, on their own. */
class MailRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER = "22222222-2222-4222-8222-222222222222";
    private static final String AGENT = "33333333-3333-4333-8333-333333333333";

    @Test
    void eachKindGoesToItsRecipientAndNeverToWhoeverActed() throws Exception {
        assertEquals(UUID.fromString(CUSTOMER), decide("created", "\"subject\":\"Wet\"").orElseThrow().recipientId());
        MailDraft reply = decide("message-added", message(AGENT, "AGENT", "PUBLIC")).orElseThrow();
        assertEquals(MailKind.REPLY, reply.kind());
        assertEquals("the text", reply.data().get("body"));
        assertEquals("Ada", reply.data().get("authorName"));
        assertTrue(decide("message-added", message(AGENT, "AGENT", "INTERNAL")).isEmpty(), "internal");
        assertTrue(decide("message-added", message(CUSTOMER, "CUSTOMER", "PUBLIC")).isEmpty(), "the customer's own");
        assertTrue(decide("status-changed", "\"to\":\"IN_PROGRESS\",\"changedBy\":\"" + AGENT + "\"").isEmpty());
        assertEquals(MailKind.RESOLVED, decide("status-changed", "\"to\":\"RESOLVED\",\"changedBy\":\"" + AGENT + "\"")
                .orElseThrow().kind());
        assertTrue(decide("status-changed", "\"to\":\"RESOLVED\",\"changedBy\":\"" + CUSTOMER + "\"").isEmpty());
        assertEquals(UUID.fromString(AGENT), decide("assigned", "\"assigneeId\":\"" + AGENT + "\",\"assignedBy\":null")
                .orElseThrow().recipientId());
        assertTrue(decide("assigned", "\"assigneeId\":\"" + AGENT + "\",\"assignedBy\":\"" + AGENT + "\"").isEmpty());
        assertTrue(decide("note-added", "\"authorId\":\"" + AGENT + "\"").isEmpty());
        // NUL would make jsonb refuse the row, and with it the whole event
        assertFalse(decide("created", "\"subject\":\"a\\u0000b\"").orElseThrow().data().get("subject").contains("\u0000"));
    }

    @Test
    void aTokenNamesItsPersonAndKindAndNothingElseVerifies() {
        UnsubscribeTokens tokens = new UnsubscribeTokens("a-secret-that-is-long-enough-0123456789");
        UUID person = UUID.randomUUID();
        String token = tokens.issue(person, MailKind.REPLY);
        assertEquals(new UnsubscribeTokens.Subject(person, MailKind.REPLY), tokens.verify(token));
        assertThrows(ProblemException.class, () -> new UnsubscribeTokens("another-secret-long-enough-0123456789")
                .verify(token));
        assertThrows(ProblemException.class, () -> tokens.verify(token.replace('.', '_')));
        assertThrows(ProblemException.class, () -> tokens.verify(null));
        assertThrows(IllegalStateException.class, () -> new UnsubscribeTokens("too short"));
    }

    private static Optional<MailDraft> decide(String type, String fields) throws Exception {
        return MailRules.decide(new SupportEvent(UUID.randomUUID().toString(),
                SupportEvent.PREFIX + "ticket." + type + ".v1", JSON.readTree("{\"ticketId\":\"" + UUID.randomUUID()
                        + "\",\"reference\":\"SUP-000001\",\"customerId\":\"" + CUSTOMER + "\"," + fields + "}")));
    }

    private static String message(String author, String role, String visibility) {
        return "\"authorId\":\"" + author + "\",\"authorRole\":\"" + role + "\",\"authorName\":\"Ada\",\"visibility\":\""
                + visibility + "\",\"body\":\"the text\"";
    }
}

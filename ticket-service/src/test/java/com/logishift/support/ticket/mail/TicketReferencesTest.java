package com.logishift.support.ticket.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which ticket a mail answers, from its headers and subject. */
class TicketReferencesTest {

    private static final String DOMAIN = "support.logishift.local";
    private static final UUID A = UUID.fromString("0b6f1c7e-3d1a-4c55-9a51-1f0d8c2e7a10");
    private static final UUID B = UUID.fromString("9e1f6a3b-77c2-4f0e-8d1d-5a2b3c4d5e6f");

    private static String id(UUID ticket, String domain) {
        return "<t-" + ticket + ".m-" + UUID.randomUUID() + "@" + domain + ">";
    }

    @Test
    void inReplyToComesFirstThenTheNewestReference() {
        String references = id(A, DOMAIN) + " <CAJx@mail.gmail.com>\r\n " + id(B, DOMAIN);
        assertEquals(List.of(B, A), TicketReferences.ticketIds(null, references, DOMAIN));
        assertEquals(List.of(A, B), TicketReferences.ticketIds(id(A, DOMAIN), references, DOMAIN));
    }

    @Test
    void otherDomainsAndOtherShapesAreNotOurs() {
        assertEquals(List.of(), TicketReferences.ticketIds(id(A, "evil.example"), null, DOMAIN));
        assertEquals(List.of(), TicketReferences.ticketIds("<t-not-a-uuid.m-1@" + DOMAIN + ">", null, DOMAIN));
        assertEquals(List.of(), TicketReferences.ticketIds("<" + A + "@" + DOMAIN + ">", null, DOMAIN));
        assertEquals(List.of(A), TicketReferences.ticketIds(id(A, DOMAIN.toUpperCase()), null, DOMAIN));
    }

    @Test
    void missingHeadersMatchNothing() {
        assertEquals(List.of(), TicketReferences.ticketIds(null, null, DOMAIN));
        assertEquals(Optional.empty(), TicketReferences.subjectReference(null));
        assertEquals(Optional.empty(), TicketReferences.subjectReference("Broken vase"));
    }

    @Test
    void aHugeReferencesHeaderIsReadFromItsEnd() {
        StringBuilder references = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            references.append("<noise-").append(i).append("@example.com> ");
        }
        references.append(id(A, DOMAIN));
        assertEquals(List.of(A), TicketReferences.ticketIds(null, references.toString(), DOMAIN));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            many.append(id(UUID.randomUUID(), DOMAIN)).append(' ');
        }
        assertTrue(TicketReferences.ticketIds(null, many.toString(), DOMAIN).size() <= TicketReferences.MAX_IDS);
    }

    @Test
    void theSubjectTokenIsFoundInRepliesAndForwards() {
        assertEquals(Optional.of("SUP-000123"), TicketReferences.subjectReference("Re: [SUP-000123] Broken vase"));
        assertEquals(Optional.of("SUP-000123"), TicketReferences.subjectReference("AW: WG: [sup-000123] Vase"));
        assertEquals(Optional.of("SUP-1234567"), TicketReferences.subjectReference("Fwd: [SUP-1234567]"));
        assertEquals(Optional.empty(), TicketReferences.subjectReference("SUP-000123 without brackets"));
        assertEquals(Optional.empty(), TicketReferences.subjectReference("[SUP-12] too short"));
    }

    @Test
    void decodedSubjectsMatch() throws Exception {
        InboundMail mail = Mails.parse("replies/gmail-de.eml"); // subject is an encoded word
        assertEquals(Optional.of("SUP-000123"), TicketReferences.subjectReference(mail.subject()));
        assertEquals(Optional.of("SUP-000123"), TicketReferences.subjectReference(Mails.parse("odd-charsets.eml")
                .subject()));
    }
}

package com.logishift.support.systemtests;

import static com.logishift.support.systemtests.client.Gateway.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Inbox;
import com.logishift.support.systemtests.client.Json;
import com.logishift.support.systemtests.client.LiveStream;
import com.logishift.support.systemtests.client.MailToSupport;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.client.Poll;
import com.logishift.support.systemtests.harness.SupportSystem;
import com.logishift.support.systemtests.harness.SystemTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * E-mail in, end to end: mails sent over SMTP to the support mailbox of the run's GreenMail are read by
 * ticket-service over IMAP. The customer's answer with a photo appears in the thread, live on the open
 * stream; an out-of-office reply and an unknown sender change nothing; a stranger answering a ticket gets
 * one polite reply and nothing lands.
 */
@SystemTest
@Order(5) // after the flows, whose stats check is exact only on an empty system (junit-platform.properties)
class MailInTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Test
    @DisplayName("the customer answers by e-mail with a photo: the answer is in the thread, live on the open stream")
    void customersMailAnswerAppearsLive(Gateway gateway, SupportSystem system) throws Exception {
        Opened opened = opened(gateway, "Mila Mail");
        Person customer = opened.customer();
        String ticketId = opened.id();
        String url = gateway.url() + "/api/support/tickets/" + ticketId + "/stream/";
        try (LiveStream stream = LiveStream.open(url, customer.token())) {
            assertEquals(200, stream.status());
            stream.next("ready", Duration.ofSeconds(20));
            MailToSupport.from(system, customer.email(), "Re: [" + opened.reference() + "] Vase broken")
                    .text("The photo of the broken vase.\n\nAm 05.12.2026 um 10:12 schrieb logiShift Support "
                            + "<support@logishift.local>:\n> Haben Sie ein Foto?\n")
                    .attach(PNG, "image/png", "vase.png")
                    .send();

            JsonNode live;
            do { // the stream first replays the ticket's earlier entries (CREATED, maybe ASSIGNED)
                live = Json.parse(stream.next("entry", MAIL_WAIT).data());
            } while (!"MESSAGE".equals(live.path("kind").asText()));
            String entry = live.toString();
            assertEquals("The photo of the broken vase.", live.path("message").path("body").asText(), entry);
            assertEquals("EMAIL", live.path("message").path("channel").asText(), entry);
        }
        JsonNode thread = expect(gateway.as(customer).get("/api/support/tickets/" + ticketId + "/messages/"), 200);
        JsonNode message = thread.path("items").get(0);
        assertEquals("The photo of the broken vase.", message.path("body").asText());
        assertEquals("CUSTOMER", message.path("authorRole").asText());
        assertEquals("image/png", message.path("attachments").get(0).path("contentType").asText());
        byte[] photo = gateway.as(customer).get("/api/support/attachments/"
                + message.path("attachments").get(0).path("id").asText() + "/").then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(PNG, photo);
    }

    @Test
    @DisplayName("an out-of-office reply and an unknown sender's mail create, reopen and answer nothing")
    void machinesAndUnknownSendersChangeNothing(Gateway gateway, SupportSystem system) throws Exception {
        Opened opened = opened(gateway, "Otto Office");
        Person customer = opened.customer();
        String outOfOfficeId = MailToSupport
                .from(system, customer.email(), "Automatic reply: [" + opened.reference() + "] Vase")
                .header("Auto-Submitted", "auto-replied")
                .text("I am out of the office until Monday.")
                .send();

        String stranger = "unknown." + UUID.randomUUID() + "@elsewhere.test";
        String unknownId = MailToSupport.from(system, stranger, "Where is my parcel?").text("Please call me.").send();

        assertEquals("AUTOMATIC", outcome(system, outOfOfficeId));
        assertEquals("UNKNOWN_SENDER", outcome(system, unknownId));
        JsonNode thread = expect(gateway.as(customer).get("/api/support/tickets/" + opened.id() + "/messages/"), 200);
        assertEquals(0, thread.path("total").asInt());
        assertEquals(0, count(system, "SELECT count(*) FROM ticket WHERE lower(customer_email) = ?", stranger));
        assertEquals(0, Inbox.messages(customer.email()).stream().filter(m -> subjectOf(m).contains("could not be added"))
                .count());
        assertEquals(0, Inbox.messages(stranger).size());
    }

    @Test
    @DisplayName("a stranger answering a ticket gets one polite reply that quotes nothing, and nothing lands")
    void aStrangerGetsOnePoliteReply(Gateway gateway, SupportSystem system) throws Exception {
        Opened opened = opened(gateway, "Carla Customer");
        Person customer = opened.customer();
        String reference = opened.reference();
        String stranger = "stranger." + UUID.randomUUID() + "@elsewhere.test";
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(MailToSupport.from(system, stranger, "Re: [" + reference + "] Vase broken")
                    .named(customer.email()) // the name pretends to be the customer
                    .text("Let me see it. Password: tangerine.")
                    .send());
        }
        for (String id : sent) {
            assertEquals("NOT_THE_CUSTOMER", outcome(system, id));
        }
        List<MimeMessage> replies = Poll.until("the polite reply", MAIL_WAIT, () -> Inbox.messages(stranger),
                list -> !list.isEmpty());
        assertEquals(1, replies.size(), "one reply for two mails");
        MimeMessage reply = replies.get(0);
        assertEquals("auto-replied", reply.getHeader("Auto-Submitted")[0]);
        String text = (String) reply.getContent();
        assertFalse(text.contains(reference) || reply.getSubject().contains(reference), text);
        assertFalse(text.contains("tangerine"), text);
        JsonNode thread = expect(gateway.as(customer).get("/api/support/tickets/" + opened.id() + "/messages/"), 200);
        assertEquals(0, thread.path("total").asInt());
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** A new customer's new ticket. */
    private record Opened(Person customer, String id, String reference) {
    }

    private static Opened opened(Gateway gateway, String name) {
        Person customer = gateway.signIn(gateway.registerCustomer(name));
        JsonNode ticket = expect(gateway.as(customer).body(Map.of("subject", "Vase broken in transit", "category",
                "DAMAGED", "description", "The vase arrived in pieces.")).post("/api/support/tickets/create/"), 201);
        return new Opened(customer, ticket.path("id").asText(), ticket.path("reference").asText());
    }

    /** What ticket-service did with the mail, once it has read it. */
    private static String outcome(SupportSystem system, String messageId) {
        return Poll.until("ticket-service to read mail " + messageId, MAIL_WAIT, () -> {
            try (Connection db = system.database("ticket-service");
                    PreparedStatement query = db.prepareStatement("SELECT outcome FROM inbound_mail WHERE message_id = ?")) {
                query.setString(1, messageId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, value -> value != null);
    }

    private static long count(SupportSystem system, String sql, String parameter) throws SQLException {
        try (Connection db = system.database("ticket-service"); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return String.valueOf(mail.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }
}

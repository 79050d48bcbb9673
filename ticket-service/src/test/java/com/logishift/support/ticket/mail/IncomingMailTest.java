package com.logishift.support.ticket.mail;

import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.openTicket;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.ticket.support.AccountEventsPublisher;
import com.logishift.support.ticket.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Mail sent over SMTP to the support mailbox of the real GreenMail that deploy/local/test starts, read by
 * the service's own IMAP poller: replies land in the thread, machines and strangers change nothing.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class IncomingMailTest {

    private static final Duration WAIT = InboundRows.WAIT;
    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @Inject
    Pool pool;

    @Inject
    MailInConfig config;

    // --- the customer's replies ---------------------------------------------------------------------

    @Test
    void theCustomersReplyWithAPhotoBecomesAPublicEmailMessage() throws Exception {
        Person customer = Tokens.customer();
        String ticketId = openTicket(customer);
        String reference = reference(ticketId);
        String messageId = newMessageId();
        MimeMessage mail = mail(email(customer), "Re: [" + reference + "] Broken vase", messageId);
        mail.setHeader("In-Reply-To", ourMessageId(ticketId));
        MimeMultipart parts = new MimeMultipart();
        parts.addBodyPart(text("Here is a photo of the vase.\n\nOn Sat, Dec 5, 2026 at 10:12 AM logiShift Support "
                + "<support@logishift.local> wrote:\n> Could you send a photo?\n"));
        parts.addBodyPart(file(PNG, "image/png", "vase.png"));
        mail.setContent(parts);
        send(mail);

        assertEquals("POSTED", outcome(messageId));
        JsonPath thread = thread(customer, ticketId);
        assertEquals(1, thread.getList("items").size());
        assertEquals("Here is a photo of the vase.", thread.getString("items[0].body"));
        assertEquals("EMAIL", thread.getString("items[0].channel"));
        assertEquals("PUBLIC", thread.getString("items[0].visibility"));
        assertEquals("CUSTOMER", thread.getString("items[0].authorRole"));
        assertEquals(customer.id().toString(), thread.getString("items[0].authorId"));
        assertEquals("image/png", thread.getString("items[0].attachments[0].contentType"));
        assertEquals("vase.png", thread.getString("items[0].attachments[0].filename"));
        String fileId = thread.getString("items[0].attachments[0].id");
        byte[] bytes = as(customer).get("/api/support/attachments/" + fileId + "/").then().statusCode(200)
                .extract().asByteArray();
        assertTrue(java.util.Arrays.equals(PNG, bytes));
        // the timeline and the outbox saw it like any other message
        as(customer).get("/api/support/tickets/" + ticketId + "/timeline/").then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.hasItem("MESSAGE"));
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND event_type LIKE "
                + "'%message-added.v1'", ticketId));
    }

    @Test
    void theSameMailTwiceIsOneMessage() throws Exception {
        Person customer = Tokens.customer();
        String ticketId = openTicket(customer);
        String messageId = newMessageId();
        for (int i = 0; i < 2; i++) {
            MimeMessage mail = mail(email(customer), "Re: [" + reference(ticketId) + "] Broken vase", messageId);
            mail.setText("Only once, please.");
            send(mail);
        }
        assertEquals("POSTED", outcome(messageId));
        Eventually.until("both copies read", WAIT, () -> messagesOf(ticketId) == 1 && mailboxEmpty());
        assertEquals(1L, messagesOf(ticketId));
    }

    @Test
    void aReplyToAResolvedTicketReopensIt() throws Exception {
        Person customer = Tokens.customer();
        String ticketId = Api.resolvedTicket(customer, Api.approvedAgent(pool));
        String messageId = newMessageId();
        MimeMessage mail = mail(email(customer).toUpperCase(), "Re: still broken", messageId);
        mail.setHeader("References", "<other@example.com> " + ourMessageId(ticketId));
        mail.setText("The replacement is broken too.");
        send(mail);
        assertEquals("POSTED", outcome(messageId));
        as(customer).get("/api/support/tickets/" + ticketId + "/").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void aReplyToAMergedTicketLandsOnItsTarget() throws Exception {
        Person customer = Tokens.customer();
        String source = openTicket(customer);
        String target = openTicket(customer);
        pool.preparedQuery("UPDATE ticket SET merged_into_id = $2, status = 'CLOSED' WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(source), UUID.fromString(target))).await().indefinitely();
        String messageId = sendText(email(customer), "Re: [" + reference(source) + "] Broken vase",
                "Answering the old one.");
        assertEquals("POSTED", outcome(messageId));
        assertEquals(0L, messagesOf(source));
        assertEquals(1L, messagesOf(target));
    }

    @Test
    void aReplyToAClosedTicketOpensAFollowUp() throws Exception {
        Person customer = Tokens.customer();
        String closed = openTicket(customer);
        pool.preparedQuery("UPDATE ticket SET status = 'CLOSED' WHERE id = $1").execute(Tuple.of(UUID.fromString(closed)))
                .await().indefinitely();
        String messageId = sendText(email(customer), "Re: [" + reference(closed) + "] Broken vase",
                "It happened again.");
        assertEquals("FOLLOW_UP", outcome(messageId));
        Row created = one("SELECT t.follow_up_of, t.description, t.category FROM inbound_mail m JOIN ticket t "
                + "ON t.id = m.ticket_id WHERE m.message_id = $1", messageId);
        assertEquals(closed, created.getUUID("follow_up_of").toString());
        assertEquals("It happened again.", created.getString("description"));
    }

    @Test
    void aFlaggedAttachmentIsLeftOutAndNamed() throws Exception {
        Person customer = Tokens.customer();
        String ticketId = openTicket(customer);
        String messageId = newMessageId();
        MimeMessage mail = mail(email(customer), "Re: [" + reference(ticketId) + "] Broken vase", messageId);
        MimeMultipart parts = new MimeMultipart();
        parts.addBodyPart(text("Two files."));
        parts.addBodyPart(file(EICAR.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "text/plain", "eicar.txt"));
        parts.addBodyPart(file(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, "application/zip", "bomb.zip"));
        mail.setContent(parts);
        send(mail);
        assertEquals("POSTED", outcome(messageId));
        JsonPath thread = thread(customer, ticketId);
        assertEquals(0, thread.getList("items[0].attachments").size());
        String body = thread.getString("items[0].body");
        assertTrue(body.startsWith("Two files."), body);
        assertTrue(body.contains("\"eicar.txt\" was not attached"), body);
        assertTrue(body.contains("\"bomb.zip\" was not attached"), body);
    }

    // --- machines, strangers, unknown senders ----------------------------------------------------------

    @Test
    void anOutOfOfficeReplyChangesNothing() throws Exception {
        Person customer = Tokens.customer();
        String ticketId = Api.resolvedTicket(customer, Api.approvedAgent(pool));
        String messageId = newMessageId();
        MimeMessage mail = mail(email(customer), "Automatic reply: [" + reference(ticketId) + "] Broken vase",
                messageId);
        mail.setHeader("In-Reply-To", ourMessageId(ticketId));
        mail.setHeader("Auto-Submitted", "auto-replied");
        mail.setText("I am out of the office until Monday.");
        send(mail);
        assertEquals("AUTOMATIC", outcome(messageId));
        assertEquals(0L, messagesOf(ticketId));
        as(customer).get("/api/support/tickets/" + ticketId + "/").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        assertEquals(0, inbox(email(customer)).size());
    }

    @Test
    void anUnknownSenderCreatesNothingAndHearsNothing() throws Exception {
        String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
        String messageId = sendText(stranger, "My parcel", "Where is my parcel?");
        assertEquals("UNKNOWN_SENDER", outcome(messageId));
        assertEquals(0L, count("SELECT count(*) FROM ticket WHERE lower(customer_email) = $1", stranger));
        assertEquals(0, inbox(stranger).size());
    }

    @Test
    void aStrangerReplyingToATicketGetsOnePoliteReplyAndNothingLands() throws Exception {
        Person customer = Tokens.customer();
        String ticketId = openTicket(customer);
        String reference = reference(ticketId);
        String stranger = "Stranger-" + UUID.randomUUID() + "@Example.org";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String messageId = newMessageId();
            ids.add(messageId);
            // the display name pretends to be the customer
            MimeMessage mail = mail(stranger, "Re: [" + reference + "] Broken vase", messageId);
            mail.setFrom(new InternetAddress(stranger, email(customer)));
            mail.setHeader("In-Reply-To", ourMessageId(ticketId));
            mail.setText("Let me in on it. Secret words: raspberry.");
            send(mail);
        }
        for (String id : ids) {
            assertEquals("NOT_THE_CUSTOMER", outcome(id));
        }
        assertEquals(0L, messagesOf(ticketId));
        List<MimeMessage> replies = Eventually.value("the polite reply", WAIT, () -> inbox(stranger.toLowerCase()),
                list -> !list.isEmpty());
        assertEquals(1, replies.size());
        MimeMessage reply = replies.get(0);
        assertEquals("auto-replied", reply.getHeader("Auto-Submitted")[0]);
        assertEquals(ids.get(0), reply.getHeader("In-Reply-To")[0]);
        String text = (String) reply.getContent();
        assertFalse(text.contains(reference), text);
        assertFalse(text.contains("raspberry"), text);
        assertFalse(reply.getSubject().contains(reference), reply.getSubject());
        assertFalse(reply.getHeader("Message-ID")[0].startsWith("<t-"));
    }

    @Test
    void aKnownCustomersNewMailOpensATicket() throws Exception {
        UUID accountId = UUID.randomUUID();
        String address = "new-" + accountId + "@example.com";
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.send(UUID.randomUUID().toString(), "com.logishift.support.account.registered.v1", accountId,
                    "{\"accountId\":\"" + accountId + "\",\"email\":\"" + address.toUpperCase()
                            + "\",\"name\":\"Nina New\",\"role\":\"customer\",\"status\":\"ACTIVE\",\"registeredAt\":\""
                            + Instant.now() + "\"}");
        }
        Eventually.until("the customer is known", WAIT,
                () -> count("SELECT count(*) FROM mail_customer WHERE id = $1", accountId) == 1);
        String messageId = newMessageId();
        MimeMessage mail = mail(address, "=?UTF-8?Q?Vase_zerbrochen_=E2=80=93_bitte_um_Hilfe?=", messageId);
        mail.setHeader("Subject", "=?UTF-8?Q?Vase_zerbrochen_=E2=80=93_bitte_um_Hilfe?=");
        mail.setText("Die Vase kam zerbrochen an.\n\n-- \nNina");
        send(mail);
        assertEquals("CREATED", outcome(messageId));
        Row ticket = one("SELECT t.customer_id, t.customer_name, t.subject, t.description, t.category, t.priority "
                + "FROM inbound_mail m JOIN ticket t ON t.id = m.ticket_id WHERE m.message_id = $1", messageId);
        assertEquals(accountId, ticket.getUUID("customer_id"));
        assertEquals("Nina New", ticket.getString("customer_name"));
        assertEquals("Vase zerbrochen – bitte um Hilfe", ticket.getString("subject"));
        assertEquals("Die Vase kam zerbrochen an.", ticket.getString("description"));
        assertEquals("OTHER", ticket.getString("category"));
        assertEquals("MEDIUM", ticket.getString("priority"));
    }

    @Test
    void beyondTheHourlyLimitMailsAreOnlyStored() throws Exception {
        Person customer = Tokens.customer();
        String ticketId = openTicket(customer);
        for (int i = 0; i < config.inbound().maxPerHour(); i++) {
            pool.preparedQuery("INSERT INTO inbound_mail (message_id, sender, outcome, received_at) "
                            + "VALUES ($1, $2, 'AUTOMATIC', $3)")
                    .execute(Tuple.of(newMessageId(), email(customer), Instant.now().atOffset(ZoneOffset.UTC)))
                    .await().indefinitely();
        }
        String messageId = sendText(email(customer), "Re: [" + reference(ticketId) + "] loop", "One more.");
        assertEquals("RATE_LIMITED", outcome(messageId));
        assertEquals(0L, messagesOf(ticketId));
    }

    @Test
    void hostileMailsAreStoredAndDoNothing() throws Exception {
        Person customer = Tokens.customer();
        String ticketId = openTicket(customer);
        String several = newMessageId();
        MimeMessage mail = mail(email(customer), "Re: [" + reference(ticketId) + "] x", several);
        mail.setHeader("From", email(customer) + ", evil@example.net");
        mail.setText("Two senders.");
        send(mail);
        assertEquals("INVALID_SENDER", outcome(several));

        String bounce = newMessageId();
        MimeMessage report = mail("MAILER-DAEMON@example.net", "Undelivered Mail Returned to Sender", bounce);
        MimeMultipart parts = new MimeMultipart("report; report-type=delivery-status");
        parts.addBodyPart(text("Your message to " + email(customer) + " could not be delivered."));
        report.setContent(parts);
        report.setHeader("In-Reply-To", ourMessageId(ticketId));
        send(report);
        assertEquals("AUTOMATIC", outcome(bounce));

        String empty = sendText(email(customer), "Re: [" + reference(ticketId) + "] x", "\u0000\u0000 \n\n");
        assertEquals("EMPTY", outcome(empty));
        assertEquals(0L, messagesOf(ticketId));
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static String email(Person person) {
        return Mails.address(person);
    }

    private String ourMessageId(String ticketId) {
        return Mails.ourMessageId(ticketId, config.domain());
    }

    private static String newMessageId() {
        return Mails.newMessageId();
    }

    private String reference(String ticketId) {
        return InboundRows.reference(pool, ticketId);
    }

    private MimeMessage mail(String from, String subject, String messageId) throws Exception {
        return Mails.message(Mails.smtp(config.smtp().host(), config.smtp().port()), from, config.mailbox().user(),
                subject, messageId);
    }

    /** Sends a plain text mail to the support mailbox; returns its Message-ID. */
    private String sendText(String from, String subject, String text) throws Exception {
        String messageId = newMessageId();
        MimeMessage mail = mail(from, subject, messageId);
        mail.setText(text);
        send(mail);
        return messageId;
    }

    private static MimeBodyPart text(String text) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8");
        return part;
    }

    private static MimeBodyPart file(byte[] bytes, String type, String name) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private static void send(MimeMessage mail) throws Exception {
        Mails.send(mail);
    }

    /** The outcome stored for the mail, once the poller has read it. */
    private String outcome(String messageId) {
        return InboundRows.outcome(pool, messageId);
    }

    private static JsonPath thread(Person customer, String ticketId) {
        return as(customer).get(messages(ticketId)).then().statusCode(200)
                .extract().jsonPath();
    }

    private long count(String sql, Object parameter) {
        return InboundRows.count(pool, sql, parameter);
    }

    private long messagesOf(String ticketId) {
        return count("SELECT count(*) FROM ticket_message WHERE ticket_id = $1", UUID.fromString(ticketId));
    }

    private Row one(String sql, Object parameter) {
        return InboundRows.one(pool, sql, parameter);
    }

    private boolean mailboxEmpty() {
        try {
            return inbox(config.mailbox().user()).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** The mails in someone's GreenMail inbox (auth is off: the address is login and password). */
    private List<MimeMessage> inbox(String address) throws Exception {
        Properties properties = new Properties();
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(config.imap().host(), config.imap().port(), address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(new MimeMessage((MimeMessage) message));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }
}

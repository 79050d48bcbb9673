package com.logishift.support.notification.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.notification.support.EventPublisher;
import com.logishift.support.notification.support.Mailbox;
import com.logishift.support.notification.support.Mailbox.Received;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * E-mail out against the real GreenMail of deploy/local, read back over IMAP: who is mailed about
 * what, in which language, threaded, exactly once per (event, recipient), never an internal note,
 * and the one-click unsubscribe.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class MailOutTest {

    private static final String T = "com.logishift.support.ticket.";
    private static final Duration MAIL = Duration.ofSeconds(30);
    private static final Pattern MESSAGE_ID =
            Pattern.compile("<t-([0-9a-f-]{36})\\.m-([0-9a-f-]{36})@support\\.logishift\\.local>");

    @Inject
    Pool pool;

    @Test
    void theCustomerIsAcknowledgedRepliedToAndToldOfTheResolutionInOneThreadWithoutInternalNotes() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        register(customer, "customer", "ACTIVE");
        register(agent, "agent", "APPROVED");
        UUID ticket = UUID.randomUUID();
        String reference = "SUP-" + (100_000 + Math.abs(ticket.hashCode() % 800_000));
        String created;
        try (EventPublisher events = new EventPublisher()) {
            created = ticketEvent(events, "created", ticket, reference, customer,
                    "\"subject\":\"Crushed <b>box</b>\\nsecond line\",\"category\":\"DAMAGED\",\"priority\":\"HIGH\"");
            // the same event again (a redelivery: same CloudEvent id) mails nobody twice
            events.send(EventPublisher.ticketTopic(), created, T + "created.v1", ticket, data(ticket, reference,
                    customer, "\"subject\":\"Crushed <b>box</b>\\nsecond line\",\"category\":\"DAMAGED\",\"priority\":\"HIGH\""));
        }
        List<Received> first = awaitMails(customer, 1);
        Received ack = first.get(0);
        assertTrue(ack.subject().startsWith("[" + reference + "] "), ack.subject());
        assertTrue(ack.subject().contains("Crushed <b>box</b> second line"), "one line: " + ack.subject());
        Matcher id = MESSAGE_ID.matcher(ack.messageId());
        assertTrue(id.matches(), ack.messageId());
        assertEquals(ticket.toString(), id.group(1));
        assertTrue(ack.from().contains("support@logishift.local"), ack.from());
        assertTrue(ack.replyTo().contains("support@logishift.local"), ack.replyTo());
        assertNull(ack.inReplyTo(), "the first mail about a ticket starts the thread");
        assertTrue(ack.text().contains(reference) && ack.text().contains("/tickets/" + ticket), ack.text());
        assertTrue(ack.html().contains("Crushed &lt;b&gt;box&lt;/b&gt;"), "HTML escapes the subject: " + ack.html());
        assertEquals("List-Unsubscribe=One-Click", ack.listUnsubscribePost());
        assertTrue(ack.listUnsubscribe().startsWith("<http://localhost:8080/api/notifications/unsubscribe/?token="),
                ack.listUnsubscribe());
        // the row turns SENT just after the SMTP server answered, which may be after the test read the mail
        assertEquals(ack.messageId(), Eventually.value("the outbox row SENT", Eventually.DEFAULT,
                () -> one("SELECT max(message_id) AS v FROM mail_outbox WHERE event_id = $1 AND status = 'SENT'", created),
                java.util.Objects::nonNull), "the sent row keeps its Message-ID");

        String secret = "internal " + UUID.randomUUID();
        String reply = "Your parcel is on its way.\nTracking: <DLV-1> & more";
        try (EventPublisher events = new EventPublisher()) {
            // an internal note is never mailed, not even if a producer put its text on the topic
            ticketEvent(events, "message-added", ticket, reference, customer, message(agent, "AGENT", "INTERNAL", secret));
            // the customer's own message: nobody is mailed about their own action
            ticketEvent(events, "message-added", ticket, reference, customer,
                    message(customer, "CUSTOMER", "PUBLIC", "my own words"));
            ticketEvent(events, "message-added", ticket, reference, customer, message(agent, "AGENT", "PUBLIC", reply));
            // resolved by the customer themself: no mail; then by the agent: the rating link
            ticketEvent(events, "status-changed", ticket, reference, customer,
                    "\"from\":\"IN_PROGRESS\",\"to\":\"RESOLVED\",\"changedBy\":\"" + customer.id() + "\",\"assigneeId\":null,"
                            + "\"changedAt\":\"2026-12-06T10:00:00Z\"");
            ticketEvent(events, "status-changed", ticket, reference, customer,
                    "\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\",\"changedBy\":\"" + agent.id() + "\",\"assigneeId\":null,"
                            + "\"changedAt\":\"2026-12-06T10:00:00Z\"");
            ticketEvent(events, "status-changed", ticket, reference, customer,
                    "\"from\":\"IN_PROGRESS\",\"to\":\"RESOLVED\",\"changedBy\":\"" + agent.id() + "\",\"assigneeId\":null,"
                            + "\"changedAt\":\"2026-12-06T10:00:00Z\"");
        }
        List<Received> all = awaitMails(customer, 3);
        Received replied = all.get(1);
        Received resolved = all.get(2);
        assertTrue(replied.subject().startsWith("[" + reference + "] "), replied.subject());
        assertTrue(replied.text().contains(reply), replied.text());
        assertTrue(replied.html().contains("Tracking: &lt;DLV-1&gt; &amp; more"), replied.html());
        assertTrue(replied.subject().contains(agent.name()), replied.subject());
        assertTrue(resolved.subject().startsWith("[" + reference + "] "), resolved.subject());
        assertTrue(resolved.text().contains("http://localhost:8080/tickets/" + ticket), resolved.text());
        for (Received later : List.of(replied, resolved)) {
            assertEquals(ack.messageId(), later.inReplyTo(), "threaded under the first mail");
            assertEquals(ack.messageId(), later.references());
            assertTrue(MESSAGE_ID.matcher(later.messageId()).matches(), later.messageId());
        }
        for (Received mail : all) {
            assertFalse(mail.text().contains(secret) || mail.html().contains(secret), "an internal note in a mail");
            assertFalse(mail.text().contains("my own words"), "the customer's own message mailed back");
        }
        assertEquals(0L, count("SELECT count(*) AS n FROM mail_outbox WHERE data::text LIKE $1", "%" + secret + "%"));
        // sent rows do not keep the reply's text
        assertEquals(0L, count("SELECT count(*) AS n FROM mail_outbox WHERE status = 'SENT' AND data::text LIKE $1",
                "%parcel%"));
        Eventually.until("no more mails", () -> pending(customer) == 0);
        assertEquals(3, Mailbox.read(address(customer)).size(), "exactly three mails");
    }

    @Test
    void theAssigneeIsMailedInTheirLanguageUnlessTheyTookItThemselves() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        Person admin = Tokens.admin();
        register(agent, "agent", "APPROVED");
        as(agent).body("{\"language\":\"de\"}").put("/api/notifications/preferences/").then().statusCode(200)
                .body("language", equalTo("de"))
                .body("kinds.'" + T + "assigned.v1'.email", equalTo(true));
        UUID ticket = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String self;
        try (EventPublisher events = new EventPublisher()) {
            self = ticketEvent(events, "assigned", other, "SUP-000002", customer, assigned(agent, agent));
            ticketEvent(events, "assigned", ticket, "SUP-000001", customer, assigned(agent, admin));
        }
        Eventually.until("the self-assignment applied",
                () -> count("SELECT count(*) AS n FROM processed_event WHERE event_id = $1", self) == 1);
        Received mail = awaitMails(agent, 1).get(0);
        assertEquals("[SUP-000001] Ticket Ihnen zugewiesen", mail.subject());
        assertTrue(mail.text().contains("Guten Tag " + agent.name()), mail.text());
        assertTrue(mail.html().contains("lang=\"de\""), mail.html());
        Eventually.until("no more mails", () -> pending(agent) == 0);
        assertEquals(1, Mailbox.read(address(agent)).size(), "self-assignment is not mailed");
    }

    @Test
    void oneClickUnsubscribeStopsThatKindOnlyWithoutSignIn() {
        Person customer = Tokens.customer();
        register(customer, "customer", "ACTIVE");
        UUID ticket = UUID.randomUUID();
        try (EventPublisher events = new EventPublisher()) {
            ticketEvent(events, "created", ticket, "SUP-000003", customer,
                    "\"subject\":\"Late\",\"category\":\"DELAYED\",\"priority\":\"LOW\"");
        }
        Received ack = awaitMails(customer, 1).get(0);
        String url = ack.listUnsubscribe().substring(1, ack.listUnsubscribe().length() - 1);
        String token = URLDecoder.decode(url.substring(url.indexOf("token=") + 6), StandardCharsets.UTF_8);
        String path = "/api/notifications/unsubscribe/";

        // GET only asks (link scanners follow links): nothing changes
        given().queryParam("token", token).get(path).then().statusCode(200).contentType("text/html")
                .body(containsString("<form method=\"post\">"));
        as(customer).get("/api/notifications/preferences/").then().body("kinds.'" + T + "created.v1'.email", equalTo(true));
        // what a mail client sends (RFC 8058): no token of any kind but the link's
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .queryParam("token", token).post(path).then().statusCode(200)
                .body("kind", equalTo(T + "created.v1")).body("email", equalTo(false));
        // a person's browser gets a page; repeating it is harmless
        given().contentType("application/x-www-form-urlencoded").accept("text/html,application/xhtml+xml")
                .formParam("List-Unsubscribe", "One-Click").queryParam("token", token).post(path).then()
                .statusCode(200).contentType("text/html").body(containsString("no more e-mails"));
        as(customer).get("/api/notifications/preferences/").then()
                .body("kinds.'" + T + "created.v1'.email", equalTo(false))
                .body("kinds.'" + T + "message-added.v1'.email", equalTo(true))
                .body("kinds.'" + T + "message-added.v1'.inApp", equalTo(true));

        UUID next = UUID.randomUUID();
        String later;
        try (EventPublisher events = new EventPublisher()) {
            later = ticketEvent(events, "created", next, "SUP-000004", customer,
                    "\"subject\":\"Later\",\"category\":\"DELAYED\",\"priority\":\"LOW\"");
            ticketEvent(events, "message-added", next, "SUP-000004", customer,
                    message(Tokens.agent(), "AGENT", "PUBLIC", "still mailed"));
        }
        List<Received> mails = awaitMails(customer, 2);
        assertTrue(mails.get(1).text().contains("still mailed"), "other kinds still come");
        assertEquals(1L, count("SELECT count(*) AS n FROM processed_event WHERE event_id = $1", later));
        assertEquals(0L, count("SELECT count(*) AS n FROM mail_outbox WHERE event_id = $1", later));
    }

    @Test
    void aForgedDamagedOrMissingTokenIs400AndChangesNothing() {
        Person customer = Tokens.customer();
        UnsubscribeTokens tokens = new UnsubscribeTokens("another-secret-of-enough-length-0123456789");
        String genuine = io.quarkus.arc.Arc.container().instance(UnsubscribeTokens.class).get()
                .issue(customer.id(), MailKind.CREATED);
        char last = genuine.charAt(genuine.length() - 2);
        List<String> refused = List.of(
                tokens.issue(customer.id(), MailKind.CREATED), // signed with another secret
                genuine.substring(0, genuine.length() - 2) + (last == 'A' ? 'B' : 'A') + genuine.charAt(genuine.length() - 1),
                genuine.replaceFirst("^.", genuine.charAt(0) == 'A' ? "B" : "A"), // someone else's id, same signature
                genuine.substring(0, genuine.indexOf('.')), "", ".", "a.b", "x".repeat(10_000), "bad\u0000token",
                genuine + "\u0000");
        for (String token : refused) {
            for (String method : List.of("GET", "POST")) {
                given().queryParam("token", token).request(method, "/api/notifications/unsubscribe/").then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("type", equalTo("https://support.logishift.com/problems/invalid-request"))
                        .body("errors[0].field", equalTo("token"));
            }
        }
        given().post("/api/notifications/unsubscribe/").then().statusCode(400).body("errors[0].field", equalTo("token"));
        assertEquals(0L, count("SELECT count(*) AS n FROM preference WHERE account_id = $1", customer.id()));
    }

    // --- helpers ------------------------------------------------------------------------------

    static String address(Person person) {
        return person.id() + "@example.com"; // what EventPublisher.account registers
    }

    private void register(Person person, String role, String status) {
        try (EventPublisher events = new EventPublisher()) {
            events.account("com.logishift.support.account.registered.v1", person.id(), role, status, person.name());
        }
        Eventually.until(person.name() + " known with an address", () -> count(
                "SELECT count(*) AS n FROM directory_account WHERE id = $1 AND email IS NOT NULL", person.id()) == 1);
    }

    static List<Received> awaitMails(Person person, int n) {
        return Eventually.value(n + " mail(s) for " + person.name(), MAIL, () -> Mailbox.read(address(person)),
                mails -> mails.size() >= n);
    }

    private static String ticketEvent(EventPublisher events, String type, UUID ticket, String reference,
            Person customer, String fields) {
        return events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), T + type + ".v1", ticket,
                data(ticket, reference, customer, fields));
    }

    private static String data(UUID ticket, String reference, Person customer, String fields) {
        return "{\"ticketId\":\"" + ticket + "\",\"reference\":\"" + reference + "\",\"customerId\":\""
                + customer.id() + "\"," + fields + "}";
    }

    private static String message(Person author, String role, String visibility, String body) {
        return "\"messageId\":\"" + UUID.randomUUID() + "\",\"seq\":1,\"authorId\":\"" + author.id()
                + "\",\"authorRole\":\"" + role + "\",\"authorName\":\"" + author.name() + "\",\"visibility\":\""
                + visibility + "\",\"channel\":\"WEB\",\"assigneeId\":null,\"attachmentCount\":0,\"body\":\""
                + body.replace("\n", "\\n") + "\",\"createdAt\":\"2026-12-06T10:00:00Z\"";
    }

    private static String assigned(Person assignee, Person by) {
        return "\"assigneeId\":\"" + assignee.id() + "\",\"previousAssigneeId\":null,\"mode\":\"ADMIN\",\"assignedBy\":\""
                + by.id() + "\",\"status\":\"IN_PROGRESS\",\"assignedAt\":\"2026-12-06T10:00:00Z\"";
    }

    private long pending(Person recipient) {
        return count("SELECT count(*) AS n FROM mail_outbox WHERE status = 'PENDING' AND recipient_id = $1",
                recipient.id());
    }

    private static RequestSpecification as(Person person) {
        return given().contentType(ContentType.JSON).header("Authorization", person.bearer());
    }

    private String one(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getString("v");
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong("n");
    }
}

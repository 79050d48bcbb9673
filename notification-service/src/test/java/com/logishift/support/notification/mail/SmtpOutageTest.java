package com.logishift.support.notification.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.ErrorLog;
import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.TcpProxy;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.notification.support.EventPublisher;
import com.logishift.support.notification.support.Mailbox;
import com.logishift.support.notification.support.Mailbox.Received;
import com.logishift.support.notification.support.SmtpProxyTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server goes away for a minute while 100 tickets are created: the mails wait and are retried
 * with backoff (the test profile's base 0.5 s, at most 2 s), and once it is back every ticket has
 * exactly one acknowledgement, none twice. The service's SMTP runs through a proxy the test cuts (connections refused), so
 * GreenMail and the other test classes are not disturbed.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(value = SmtpProxyTestResource.class, restrictToAnnotatedClass = true)
class SmtpOutageTest {

    private static final int TICKETS = 100;
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Test
    void mailsQueuedWhileSmtpIsDownAreSentOnceEachAfterwards() throws Exception {
        Person customer = Tokens.customer();
        try (EventPublisher events = new EventPublisher()) {
            events.account("com.logishift.support.account.registered.v1", customer.id(), "customer", "ACTIVE",
                    customer.name());
        }
        Eventually.until("the customer is known", () -> count(
                "SELECT count(*) AS n FROM directory_account WHERE id = $1 AND email IS NOT NULL", customer.id()) == 1);
        TcpProxy smtp = SmtpProxyTestResource.proxy();
        Set<String> references = new HashSet<>();
        smtp.cut();
        long restoreAt = System.nanoTime() + OUTAGE.toNanos();
        try (ErrorLog warnings = ErrorLog.open(Level.WARNING)) {
            try (EventPublisher events = new EventPublisher()) {
                for (int i = 0; i < TICKETS; i++) {
                    UUID ticket = UUID.randomUUID();
                    String reference = "SUP-%06d".formatted(900_000 + i);
                    references.add(reference);
                    events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(),
                            "com.logishift.support.ticket.created.v1", ticket, "{\"ticketId\":\"" + ticket
                                    + "\",\"reference\":\"" + reference + "\",\"customerId\":\"" + customer.id()
                                    + "\",\"subject\":\"Parcel " + i + "\",\"category\":\"DELAYED\",\"priority\":\"LOW\"}");
                }
            }
            // every mail queued; a round stops at its first failure, so while the server is away one mail
            // at a time is tried (and backed off) rather than all of them hammering it
            Eventually.until("all mails queued, and tries failing", OUTAGE, () -> count(
                    "SELECT count(*) AS n FROM mail_outbox WHERE recipient_id = $1 AND status = 'PENDING'",
                    customer.id()) == TICKETS && count("SELECT count(*) AS n FROM mail_outbox WHERE recipient_id = $1 "
                    + "AND attempts >= 2 AND last_error IS NOT NULL", customer.id()) > 0);
            // the rest of the minute: the mails keep waiting (the outage's length, not an assertion on time)
            Thread.sleep(Math.max(0, (restoreAt - System.nanoTime()) / 1_000_000));
            assertEquals(0, Mailbox.read(MailOutTest.address(customer)).size(), "nothing got through the cut");
            // many attempts failed, but the outage is one WARN, not one per attempt (a slow database's
            // "sending paused" WARN is another matter)
            assertEquals(1, warnings.errors().stream()
                    .filter(line -> line.startsWith(MailSender.class.getName() + ": Mail ") && line.contains(" not sent "))
                    .count(), warnings.errors()::toString);
        } finally {
            smtp.restore();
        }
        List<Received> mails = Eventually.value(TICKETS + " mails", Duration.ofSeconds(120),
                () -> Mailbox.read(MailOutTest.address(customer)), received -> received.size() >= TICKETS);
        Eventually.until("all marked sent", Duration.ofSeconds(60), () -> count(
                "SELECT count(*) AS n FROM mail_outbox WHERE recipient_id = $1 AND status = 'SENT'", customer.id()) == TICKETS);
        mails = Mailbox.read(MailOutTest.address(customer));
        assertEquals(TICKETS, mails.size(), "exactly one mail per ticket");
        assertEquals(references, mails.stream().map(m -> m.subject().substring(1, 11)).collect(Collectors.toSet()));
        assertEquals(TICKETS, mails.stream().map(Received::messageId).distinct().count());
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong("n");
    }
}

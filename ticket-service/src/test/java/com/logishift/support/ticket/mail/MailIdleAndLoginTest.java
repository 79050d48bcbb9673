package com.logishift.support.ticket.mail;

import static com.logishift.support.ticket.support.Api.openTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.ErrorLog;
import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.TcpProxy;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Against a GreenMail of the test's own with authentication on ({@link OwnMailServerTestResource}): the
 * service polls only every 10 minutes there, so a mail read within {@link #SOON} was announced by IMAP
 * IDLE; the polite reply has to log in to the SMTP server.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(value = OwnMailServerTestResource.class, restrictToAnnotatedClass = true)
class MailIdleAndLoginTest {

    /** Far below the 10 minutes of the poll. */
    private static final Duration SOON = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    MailInConfig config;

    @Inject
    MailPoller poller;

    // --- IMAP IDLE ------------------------------------------------------------------------------------

    @Test
    void mailIsReadAsSoonAsIdleAnnouncesIt() throws Exception {
        assertEquals(Duration.ofMinutes(10), config.pollInterval());
        Person customer = Tokens.customer();
        String ticketId = openTicket(customer);
        for (int i = 0; i < 2; i++) { // the watcher goes back to IDLE after each mail
            String messageId = reply(customer, ticketId, "Answer " + i + " by mail.");
            assertEquals("POSTED", InboundRows.outcome(pool, messageId, SOON));
        }
        assertEquals(2L, InboundRows.count(pool, "SELECT count(*) FROM ticket_message WHERE ticket_id = $1",
                UUID.fromString(ticketId)));
    }

    /**
     * The mail lands after the watcher sent IDLE and before the server read the command: the server
     * reports it with the command's continuation, not while idling, and it must still wake the reader.
     */
    @Test
    void mailThatArrivesAsTheIdleCommandGoesOutIsRead() throws Exception {
        Person customer = Tokens.customer();
        String messageId = Mails.newMessageId();
        MimeMessage mail = replyMail(customer, openTicket(customer), "Sent as IDLE begins.", messageId);
        TcpProxy imap = OwnMailServerTestResource.imapProxy();
        awaitIdling();
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        imap.beforeClientSends("IDLE\r\n", () -> {
            try {
                Mails.send(mail); // GreenMail has stored it when SMTP answers
                delivered.complete(null);
            } catch (Exception e) {
                delivered.completeExceptionally(e);
            }
        });
        // the watcher connects again and, finding the mailbox empty, sends IDLE (a renewal would not do:
        // it ends that new IDLE command too, and the watcher looks again)
        imap.cut();
        imap.restore();
        delivered.get(SOON.toSeconds(), TimeUnit.SECONDS);
        assertEquals("POSTED", InboundRows.outcome(pool, messageId, SOON));
    }

    @Test
    void afterTheConnectionDropsIdleReconnects() throws Exception {
        Person customer = Tokens.customer();
        String ticketId = openTicket(customer);
        awaitIdling();
        TcpProxy imap = OwnMailServerTestResource.imapProxy();
        try (ErrorLog errors = ErrorLog.open()) {
            imap.cut(); // the connection drops and new ones are refused for a while
            try {
                Eventually.until("the watcher notices", () -> !poller.idle().idling());
                // a few refused reconnects (one WARN, then quiet) before the server is back
                Thread.sleep(3000);
            } finally {
                imap.restore();
            }
            String messageId = reply(customer, ticketId, "After the outage.");
            assertEquals("POSTED", InboundRows.outcome(pool, messageId, SOON));
            assertEquals(List.of(), ours(errors));
        }
    }

    @Test
    void theWatcherStopsCleanly() {
        MailIdle watcher = new MailIdle(config, () -> { });
        try (ErrorLog errors = ErrorLog.open()) {
            watcher.start();
            Eventually.until("a second watcher idles", watcher::idling);
            assertTrue(watcher.alive());
            watcher.stop(); // ends the IDLE command and the connection, and waits for the thread
            assertFalse(watcher.alive(), "the mail-idle thread ended");
            assertFalse(watcher.idling());
            assertEquals(List.of(), ours(errors));
        } finally {
            watcher.stop(); // idempotent
        }
        assertTrue(poller.idle().alive(), "the service's own watcher is not affected");
    }

    // --- the polite reply's SMTP login -------------------------------------------------------------------

    @Test
    void thePoliteReplyLogsInToTheSmtpServer() throws Exception {
        String stranger = stranger();
        String messageId = strangerWrites(stranger);
        assertEquals("NOT_THE_CUSTOMER", InboundRows.outcome(pool, messageId));
        List<MimeMessage> replies = Eventually.value("the polite reply", InboundRows.WAIT,
                () -> OwnMailServerTestResource.received(stranger), list -> !list.isEmpty());
        assertEquals(1, replies.size());
        assertEquals(PoliteReply.SUBJECT, replies.get(0).getSubject());
        assertEquals("auto-replied", replies.get(0).getHeader("Auto-Submitted")[0]);
    }

    @Test
    void aRefusedLoginSendsNothingAndTheSendersNextMailIsAnswered() throws Exception {
        String stranger = stranger();
        String other = stranger();
        try (ErrorLog errors = ErrorLog.open(); Warnings warnings = new Warnings()) {
            OwnMailServerTestResource.relayPassword("not-" + OwnMailServerTestResource.RELAY_PASSWORD);
            try {
                for (String sender : List.of(stranger, other)) {
                    String first = strangerWrites(sender);
                    assertEquals("NOT_THE_CUSTOMER", InboundRows.outcome(pool, first));
                    // the failed reply does not use up the day's one reply
                    Eventually.until("the day's reply released", InboundRows.WAIT, () -> InboundRows.count(pool,
                            "SELECT count(*) FROM mail_auto_reply WHERE sender = $1", sender) == 0);
                    assertEquals(List.of(), OwnMailServerTestResource.received(sender), "nothing sent without login");
                }
                assertEquals(1, warnings.count(), "one WARN for the refused login, not one per mail");
            } finally {
                OwnMailServerTestResource.relayPassword(OwnMailServerTestResource.RELAY_PASSWORD);
            }
            String second = strangerWrites(stranger);
            assertEquals("NOT_THE_CUSTOMER", InboundRows.outcome(pool, second));
            List<MimeMessage> replies = Eventually.value("the polite reply", InboundRows.WAIT,
                    () -> OwnMailServerTestResource.received(stranger), list -> !list.isEmpty());
            assertEquals(1, replies.size());
            assertEquals(second, replies.get(0).getHeader("In-Reply-To")[0]);
            assertEquals(List.of(), ours(errors), "an operator's mistake is a WARN, not an ERROR");
        }
    }

    // --- helpers --------------------------------------------------------------------------------------

    /**
     * Waits until the watcher idles and the server listens for it: every mail these tests send goes out
     * only then, so that it is IDLE that announces it (the poll comes every 10 minutes).
     */
    private void awaitIdling() {
        Eventually.until("IMAP IDLE on the support mailbox", InboundRows.WAIT,
                () -> poller.idle() != null && poller.idle().idling() && OwnMailServerTestResource.serverListensForIdle());
    }

    /** The customer answers the ticket by mail, over the test server's SMTP; returns the Message-ID. */
    private String reply(Person customer, String ticketId, String text) throws Exception {
        String messageId = Mails.newMessageId();
        awaitIdling();
        Mails.send(replyMail(customer, ticketId, text, messageId));
        return messageId;
    }

    private MimeMessage replyMail(Person customer, String ticketId, String text, String messageId) throws Exception {
        MimeMessage mail = Mails.message(ownSmtp(), Mails.address(customer), OwnMailServerTestResource.MAILBOX,
                "Re: [" + InboundRows.reference(pool, ticketId) + "] Broken vase", messageId);
        mail.setHeader("In-Reply-To", Mails.ourMessageId(ticketId, config.domain()));
        mail.setText(text);
        return mail;
    }

    /** Somebody who is not the customer answers a ticket's mail; returns the Message-ID. */
    private String strangerWrites(String stranger) throws Exception {
        Person customer = Tokens.customer();
        String ticketId = openTicket(customer);
        String messageId = Mails.newMessageId();
        MimeMessage mail = Mails.message(ownSmtp(), stranger, OwnMailServerTestResource.MAILBOX,
                "Re: [" + InboundRows.reference(pool, ticketId) + "] Broken vase", messageId);
        mail.setText("Is this my parcel?");
        awaitIdling();
        Mails.send(mail);
        return messageId;
    }

    private static jakarta.mail.Session ownSmtp() {
        return Mails.smtp("127.0.0.1", OwnMailServerTestResource.smtpPort());
    }

    private static String stranger() {
        return "stranger-" + UUID.randomUUID() + "@example.org";
    }

    /** Counts PoliteReply's WARN records while open. */
    private static final class Warnings extends Handler implements AutoCloseable {

        private final AtomicInteger count = new AtomicInteger();

        Warnings() {
            Logger.getLogger("").addHandler(this);
        }

        int count() {
            return count.get();
        }

        @Override
        public void publish(LogRecord record) {
            if (PoliteReply.class.getName().equals(record.getLoggerName())
                    && record.getLevel().intValue() == Level.WARNING.intValue()) {
                count.incrementAndGet();
            }
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }

        @Override
        public void flush() {
            // nothing buffered
        }
    }

    /** Our ERRORs (GreenMail's own logging about dropped connections is not the service's). */
    private static List<String> ours(ErrorLog errors) {
        return errors.errors().stream().filter(line -> line.startsWith("com.logishift")).toList();
    }
}

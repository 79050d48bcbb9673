package com.logishift.support.systemtests;

import static com.logishift.support.systemtests.client.Gateway.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Inbox;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.client.Poll;
import com.logishift.support.systemtests.harness.SmtpRelay;
import com.logishift.support.systemtests.harness.SupportSystem;
import com.logishift.support.systemtests.harness.SystemTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's outage: notification-service cannot reach the SMTP server for a minute (the harness's
 * relay in front of it is cut; GreenMail and every other service stay up) while 100 tickets are opened
 * by ten customers. Afterwards every customer's mailbox, read over IMAP, holds exactly one
 * acknowledgement per ticket: 100 in all, 100 distinct Message-IDs, none twice, none missing.
 */
@SystemTest
@Order(9) // last: it takes a minute and cuts notification-service's SMTP meanwhile
class MailOutageTest {

    private static final int CUSTOMERS = 10;
    private static final int TICKETS_EACH = 10;
    private static final int TICKETS = CUSTOMERS * TICKETS_EACH;
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    /** After the outage: the retries' backoff (at most 5 s here) and 100 SMTP sessions on busy cores. */
    private static final Duration DELIVERY = Duration.ofMinutes(5);

    @Test
    @DisplayName("SMTP away for 60 s while 100 tickets are opened: afterwards exactly 100 acknowledgements, none twice")
    void everyAcknowledgementArrivesOnceAfterTheOutage(Gateway gateway, SupportSystem system) throws Exception {
        List<Person> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(gateway.signIn(gateway.registerCustomer("Outage Customer " + i)));
        }
        SmtpRelay smtp = system.notificationSmtp();
        // per customer: reference → the ticket's id
        Map<Person, Map<String, String>> opened = new LinkedHashMap<>();
        smtp.cut();
        long restoreAt = System.nanoTime() + OUTAGE.toNanos();
        try {
            for (int n = 0; n < TICKETS_EACH; n++) {
                for (Person customer : customers) {
                    JsonNode ticket = expect(gateway.as(customer).body(Map.of("subject", "Parcel " + n + " is late",
                            "category", "LATE", "description", "Tracking has not moved for a week."))
                            .post("/api/support/tickets/create/"), 201);
                    opened.computeIfAbsent(customer, c -> new HashMap<>())
                            .put(ticket.path("reference").asText(), ticket.path("id").asText());
                }
            }
            // every acknowledgement is queued, and sending them fails (and backs off) while the server is away
            Poll.until("100 acknowledgements queued, tries failing", OUTAGE, () -> outbox(system, customers),
                    counts -> counts.get("PENDING") == TICKETS && counts.get("failed tries") > 0);
            // the rest of the minute: the mails keep waiting (the outage's length, not an assertion on time)
            Thread.sleep(Math.max(0, (restoreAt - System.nanoTime()) / 1_000_000));
            for (Person customer : customers) {
                assertEquals(List.of(), Inbox.of(customer), "nothing got through the cut relay");
            }
        } finally {
            smtp.restore();
        }

        Poll.until("every acknowledgement sent", DELIVERY, () -> outbox(system, customers),
                counts -> counts.get("SENT") == TICKETS);
        Set<String> messageIds = new HashSet<>();
        int total = 0;
        for (Person customer : customers) {
            List<Inbox.Mail> mails = Inbox.of(customer);
            Map<String, String> theirs = opened.get(customer);
            assertEquals(TICKETS_EACH, mails.size(), "one acknowledgement per ticket for " + customer.email());
            Set<String> references = new HashSet<>();
            for (Inbox.Mail mail : mails) {
                String reference = mail.subject().substring(1, mail.subject().indexOf(']'));
                references.add(reference);
                assertTrue(mail.messageId().startsWith("<t-" + theirs.get(reference) + ".m-"),
                        "the acknowledgement of " + reference + ": " + mail.messageId());
                messageIds.add(mail.messageId());
                total++;
            }
            assertEquals(theirs.keySet(), references, "each of " + customer.email() + "'s tickets once");
        }
        assertEquals(TICKETS, total);
        assertEquals(TICKETS, messageIds.size(), "no Message-ID twice");
    }

    /** The customers' mails in notification-service's queue: how many per status, and failed tries. */
    private static Map<String, Long> outbox(SupportSystem system, List<Person> customers) {
        Map<String, Long> counts = new HashMap<>(Map.of("PENDING", 0L, "SENT", 0L, "failed tries", 0L));
        try (Connection db = system.database("notification-service");
                PreparedStatement query = db.prepareStatement("""
                        SELECT status, count(*) AS n, count(*) FILTER (WHERE last_error IS NOT NULL) AS failed
                          FROM mail_outbox WHERE recipient_id = ANY (?::uuid[]) GROUP BY status""")) {
            query.setArray(1, db.createArrayOf("text", customers.stream().map(Person::id).toArray(String[]::new)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString("status"), rows.getLong("n"));
                    counts.merge("failed tries", rows.getLong("failed"), Long::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}

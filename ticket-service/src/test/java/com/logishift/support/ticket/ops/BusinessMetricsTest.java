package com.logishift.support.ticket.ops;

import static com.logishift.support.kit.test.MetricsCatalogue.scrape;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.ticketBody;
import static com.logishift.support.ticket.support.Topics.accountEvents;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.consumer.ConsumerLag;
import com.logishift.support.kit.outbox.OutboxRelay;
import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.MetricsCatalogue;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.ticket.support.AccountEventsPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The business metrics: tickets and messages are counted once committed and never for a refused
 * request; mails from the mailbox by what became of them; the outbox gauges show events waiting and
 * how long; a poison event counts as a dead letter; consumer lag is what a group has not committed.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class BusinessMetricsTest {

    private static final String TICKETS = "support_tickets_created_total";
    private static final String MESSAGES = "support_messages_posted_total";

    @Inject
    Pool pool;

    @Inject
    ConsumerLag lag;

    @Test
    void everyCreatedTicketIsCountedOnceAndARefusedOneNever() {
        Person customer = Tokens.customer();
        double before = scrape(TICKETS);
        Map<String, Object> tooShort = ticketBody("x");
        as(customer).body(tooShort).post("/api/support/tickets/create/").then().statusCode(400);
        Map<String, Object> followUpOfSomeoneElses = ticketBody("Follow-up of a ticket that is not mine");
        followUpOfSomeoneElses.put("followUpOf", openTicket(Tokens.customer()));
        as(customer).body(followUpOfSomeoneElses).post("/api/support/tickets/create/").then().statusCode(400);
        as(customer).body(ticketBody("nul \u0000 byte")).post("/api/support/tickets/create/").then().statusCode(400);
        as(Tokens.agent()).body(ticketBody("Agents do not open tickets")).post("/api/support/tickets/create/")
                .then().statusCode(403);
        for (int i = 0; i < 3; i++) {
            openTicket(customer);
        }
        double expected = before + 4; // the other customer's ticket and these three
        Eventually.until("four tickets counted", () -> scrape(TICKETS) >= expected);
        assertEquals(expected, scrape(TICKETS), "exactly the created tickets");
    }

    @Test
    void everyWrittenMessageIsCountedByVisibilityAndAuthorAndNothingElse() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String ticket = openTicket(customer);
        String url = messages(ticket);
        double[] before = messageCounts();

        as(customer).body(Map.of("body", "Where is my parcel?", "clientMessageId", "m-1")).post(url).then().statusCode(201);
        // the same send again returns the first message: nothing new is written
        as(customer).body(Map.of("body", "Where is my parcel?", "clientMessageId", "m-1")).post(url).then().statusCode(200);
        as(customer).body(Map.of("body", "Hello?")).post(url).then().statusCode(201);
        as(agent).body(Map.of("body", "Driver says it was dropped", "visibility", "INTERNAL")).post(url).then().statusCode(201);
        as(Tokens.admin()).body(Map.of("body", "Noted")).post("/api/support/tickets/" + ticket + "/add-note/")
                .then().statusCode(201);
        as(agent).body(Map.of("body", "We are on it.", "visibility", "PUBLIC")).post(url).then().statusCode(201);
        // refused: a customer's internal note, someone else's ticket, an empty body, a ticket that does not exist
        as(customer).body(Map.of("body", "hi", "visibility", "INTERNAL")).post(url).then().statusCode(403);
        as(Tokens.customer()).body(Map.of("body", "Not my ticket")).post(url).then().statusCode(404);
        as(customer).body(Map.of("body", "")).post(url).then().statusCode(400);
        as(customer).body(Map.of("body", "Nobody's")).post(messages(UUID.randomUUID().toString()))
                .then().statusCode(404);

        double[] expected = {before[0] + 2, before[1] + 1, before[2] + 2, before[3]};
        Eventually.until("five messages counted", () -> sum(messageCounts()) >= sum(expected));
        assertArrayEquals(expected, messageCounts(), 0.0,
                "PUBLIC by the customer, PUBLIC by staff, INTERNAL by staff, INTERNAL by a customer");
    }

    /** PUBLIC/CUSTOMER, PUBLIC/STAFF, INTERNAL/STAFF, INTERNAL/CUSTOMER. */
    private static double[] messageCounts() {
        return new double[] {
            scrape(MESSAGES, "visibility=\"PUBLIC\"", "author=\"CUSTOMER\""),
            scrape(MESSAGES, "visibility=\"PUBLIC\"", "author=\"STAFF\""),
            scrape(MESSAGES, "visibility=\"INTERNAL\"", "author=\"STAFF\""),
            scrape(MESSAGES, "visibility=\"INTERNAL\"", "author=\"CUSTOMER\"")};
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    @Test
    void eachMailReadFromTheMailboxIsCountedByWhatBecameOfIt() throws Exception {
        double ignored = inbound("ignored");
        double rejected = inbound("rejected");
        double accepted = inbound("accepted");
        Person customer = Tokens.customer();
        String reference = as(customer).get("/api/support/tickets/" + openTicket(customer) + "/").then().statusCode(200)
                .extract().path("reference");
        mail("stranger-" + UUID.randomUUID() + "@example.org", "My parcel"); // nobody we know: ignored
        mail("stranger-" + UUID.randomUUID() + "@example.org", "Re: [" + reference + "] Broken vase"); // not the customer
        Eventually.until("both mails counted", Duration.ofSeconds(30),
                () -> inbound("ignored") + inbound("rejected") >= ignored + rejected + 2);
        assertEquals(ignored + 1, inbound("ignored"));
        assertEquals(rejected + 1, inbound("rejected"));
        assertEquals(accepted, inbound("accepted"));
    }

    private static double inbound(String outcome) {
        return scrape("support_mail_inbound_total", "outcome=\"" + outcome + "\"");
    }

    /** A plain mail to the support mailbox, over the SMTP server the service's poller reads from (GreenMail). */
    private static void mail(String from, String subject) throws MessagingException {
        Config config = ConfigProvider.getConfig();
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", config.getValue("support.mail.smtp.host", String.class));
        smtp.put("mail.smtp.port", config.getValue("support.mail.smtp.port", String.class));
        MimeMessage mail = new MimeMessage(Session.getInstance(smtp));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(
                config.getOptionalValue("support.mail.mailbox.user", String.class).orElse("support@logishift.local")));
        mail.setSubject(subject);
        mail.setText("Where is my parcel?");
        Transport.send(mail);
    }

    @Test
    void theOutboxGaugesShowEventsWaitingWhileTheRelayCannotPublish() {
        SqlConnection holder = pool.getConnection().await().indefinitely();
        try {
            // whoever holds the relay's lock pauses it: the new ticket's events wait in the outbox
            holder.preparedQuery("SELECT count(*) FROM (SELECT pg_advisory_lock($1)) AS locked")
                    .execute(Tuple.of(OutboxRelay.RELAY_LOCK_KEY)).await().indefinitely();
            openTicket(Tokens.customer());
            Eventually.until("the waiting event is seen and ages", Duration.ofSeconds(30),
                    () -> scrape("support_outbox_pending") >= 1
                            && scrape("support_outbox_oldest_unpublished_seconds") >= 1.5);
        } finally {
            holder.query("SELECT count(*) FROM (SELECT pg_advisory_unlock_all()) AS unlocked").execute().await().indefinitely();
            holder.closeAndAwait();
        }
        Eventually.until("published: nothing waits", Duration.ofSeconds(30),
                () -> scrape("support_outbox_pending") == 0 && scrape("support_outbox_oldest_unpublished_seconds") == 0);
    }

    @Test
    void aPoisonEventIsCountedAsADeadLetterOfItsChannel() {
        String channel = "channel=\"account-events\"";
        double before = scrape("support_consumer_dead_letters_total", channel);
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.sendGarbage(UUID.randomUUID());
        }
        Eventually.until("the dead letter is counted",
                () -> scrape("support_consumer_dead_letters_total", channel) >= before + 1);
    }

    @Test
    void consumerLagIsWhatTheGroupHasNotCommitted() throws Exception {
        String topic = "test.ticket-service.lag-" + UUID.randomUUID();
        String group = "lag-test-" + UUID.randomUUID();
        try (KafkaCompanion kafka = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Duration.ofSeconds(10))) {
            kafka.topics().createAndWait(topic, 2);
            kafka.produceStrings().fromRecords(
                    KafkaCompanion.record(topic, 0, "k", "a"), KafkaCompanion.record(topic, 0, "k", "b"),
                    KafkaCompanion.record(topic, 0, "k", "c"), KafkaCompanion.record(topic, 1, "k", "d"),
                    KafkaCompanion.record(topic, 1, "k", "e")).awaitCompletion();
            assertEquals(5, lag.measure(group, topic), "nothing committed: every record");
            kafka.consumerGroups().alterOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)));
            assertEquals(3, lag.measure(group, topic), "one left on partition 0, two on partition 1");
            kafka.consumerGroups().alterOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(2)));
            assertEquals(0, lag.measure(group, topic), "all committed");
        }
        assertEquals(0, lag.measure(group, "test.ticket-service.no-such-topic-" + UUID.randomUUID()));
        // the gauge of the service's own consumer names its group and topic
        String page = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(MetricsCatalogue.samples(page, "support_consumer_lag_records").stream().anyMatch(line ->
                line.contains("group=\"ticket-service\"") && line.contains("topic=\"" + accountEvents() + "\"")),
                page);
    }
}

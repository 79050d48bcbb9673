package com.logishift.support.notification.ops;

import static com.logishift.support.kit.test.MetricsCatalogue.scrape;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.notification.support.EventPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The queue gauges read what waits in the database (an hour-old mail, an hour-old webhook delivery of
 * an enabled endpoint; a disabled endpoint's deliveries wait for an admin and are left out), and a
 * poison event counts as a dead letter of the channel it came from.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class BusinessMetricsTest {

    private static final int HOUR = 3600;

    @Inject
    Pool pool;

    @Test
    void aMailWaitingAnHourShowsInTheMailGauges() {
        UUID mail = UUID.randomUUID();
        // due only tomorrow, so the sender leaves it alone while the gauges read it
        sql("""
                INSERT INTO mail_outbox (id, event_id, kind, recipient_id, ticket_id, reference, message_id, data,
                                         next_attempt_at, created_at)
                VALUES ($1, $2, 'com.logishift.support.ticket.created.v1', $1, $1, 'SUP-000001', $2, '{}'::jsonb,
                        now() + interval '1 day', now() - interval '1 hour')""", mail, "metrics-" + mail);
        try {
            Eventually.until("the hour-old mail is seen", () -> scrape("support_mail_pending") >= 1
                    && scrape("support_mail_oldest_pending_seconds") >= HOUR);
        } finally {
            sql("DELETE FROM mail_outbox WHERE id = $1", mail);
        }
        Eventually.until("gone again", () -> scrape("support_mail_oldest_pending_seconds") < HOUR);
    }

    @Test
    void aDeliveryWaitingAnHourShowsInTheWebhookGaugesUnlessItsEndpointIsDisabled() {
        UUID enabled = endpoint(true);
        UUID disabled = endpoint(false);
        try {
            delivery(enabled, HOUR);
            delivery(disabled, 2 * HOUR);
            Eventually.until("the enabled endpoint's hour-old delivery is seen", () -> scrape("support_webhook_pending") >= 1
                    && scrape("support_webhook_oldest_pending_seconds") >= HOUR);
            double oldest = scrape("support_webhook_oldest_pending_seconds");
            assertTrue(oldest < 2 * HOUR, "the disabled endpoint's delivery is left out: " + oldest);
        } finally {
            sql("DELETE FROM webhook_endpoint WHERE id = $1 OR id = $2", enabled, disabled);
        }
        Eventually.until("gone again", () -> scrape("support_webhook_oldest_pending_seconds") < HOUR);
    }

    @Test
    void poisonOnEachChannelIsCountedAsItsDeadLetter() {
        for (String channel : new String[] {"ticket-events", "account-events"}) {
            String label = "channel=\"" + channel + "\"";
            double before = scrape("support_consumer_dead_letters_total", label);
            try (EventPublisher events = new EventPublisher()) {
                events.raw(EventPublisher.incomingTopic(channel), UUID.randomUUID(), "not a cloud event {");
            }
            Eventually.until("the dead letter of " + channel + " counted",
                    () -> scrape("support_consumer_dead_letters_total", label) >= before + 1);
        }
    }

    private UUID endpoint(boolean enabled) {
        UUID id = UUID.randomUUID();
        sql("""
                INSERT INTO webhook_endpoint (id, url, event_types, enabled, secret, created_at, updated_at)
                VALUES ($1, 'http://127.0.0.1:9/metrics-test', '{*}', $2, 'whsec_metrics', now(), now())""", id, enabled);
        return id;
    }

    /** A delivery queued {@code ageSeconds} ago and due only tomorrow, so the dispatcher leaves it alone. */
    private void delivery(UUID endpoint, int ageSeconds) {
        UUID id = UUID.randomUUID();
        sql("""
                INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, next_attempt_at, created_at)
                VALUES ($1, $2, $3, 'com.logishift.support.ticket.created.v1', '{}', 'PENDING', now() + interval '1 day',
                        now() - make_interval(secs => $4))""", id, endpoint, "metrics-" + id, (double) ageSeconds);
    }

    private void sql(String statement, Object... parameters) {
        pool.preparedQuery(statement).execute(Tuple.from(Arrays.asList(parameters))).await().indefinitely();
    }
}

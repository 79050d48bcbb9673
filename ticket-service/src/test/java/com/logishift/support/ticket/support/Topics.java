package com.logishift.support.ticket.support;

import com.logishift.support.kit.test.CloudEventPublisher;
import com.logishift.support.kit.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The topics ticket-service uses in this run, read from its own configuration (the %test profile gives
 * them names of their own), so a test reads and writes exactly where the service does.
 */
public final class Topics {

    private static final String TICKET_EVENT_TYPE_PREFIX = "com.logishift.support.ticket.";

    private Topics() {
    }

    /** Where the outbox relay publishes ticket events. */
    public static String ticketEvents() {
        return ConfigProvider.getConfig().getValue("mp.messaging.outgoing.outbox.topic", String.class);
    }

    /** Where ticket-service reads account events from. */
    public static String accountEvents() {
        return CloudEventPublisher.incomingTopic("account-events");
    }

    /** Where the account-events consumer sends what it cannot apply. */
    public static String accountEventsDeadLetters() {
        return ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming.account-events.dead-letter-queue.topic", String.class);
    }

    /** A ticket event's type without its namespace and version, e.g. {@code status-changed}. */
    public static String shortType(ConsumerRecord<?, ?> record) {
        return TopicReader.header(record, "ce_type").replace(TICKET_EVENT_TYPE_PREFIX, "").replace(".v1", "");
    }
}

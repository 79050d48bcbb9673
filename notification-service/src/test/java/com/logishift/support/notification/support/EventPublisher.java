package com.logishift.support.notification.support;

import com.logishift.support.kit.test.CloudEventPublisher;
import java.util.UUID;

/** Publishes events the way ticket-service and agent-service do: binary CloudEvents, keyed by aggregate id. */
public final class EventPublisher extends CloudEventPublisher {

    public static String ticketTopic() {
        return incomingTopic("ticket-events");
    }

    public static String accountTopic() {
        return incomingTopic("account-events");
    }

    /** Sends one CloudEvent; returns its id. */
    public String send(String topic, String eventId, String type, UUID key, String data) {
        return publish(topic, eventId, type, "/logishift/support/test", key, data);
    }

    public String account(String type, UUID accountId, String role, String status, String name) {
        return send(accountTopic(), UUID.randomUUID().toString(), type, accountId,
                "{\"accountId\":\"" + accountId + "\",\"role\":\"" + role + "\",\"status\":\"" + status
                        + "\",\"name\":\"" + name + "\",\"email\":\"" + accountId + "@example.com\"}");
    }
}

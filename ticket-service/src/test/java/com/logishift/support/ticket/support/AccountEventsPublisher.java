package com.logishift.support.ticket.support;

import com.logishift.support.kit.test.CloudEventPublisher;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishes account events the way agent-service does (binary CloudEvents keyed by account id). */
public final class AccountEventsPublisher extends CloudEventPublisher {

    private final String topic = Topics.accountEvents();

    public String registeredAgent(UUID id, String name) {
        return send(UUID.randomUUID().toString(), "com.logishift.support.account.registered.v1", id,
                "{\"accountId\":\"" + id + "\",\"email\":\"" + id + "@example.com\",\"name\":\"" + name
                        + "\",\"role\":\"agent\",\"status\":\"PENDING\",\"registeredAt\":\"" + Instant.now() + "\"}");
    }

    public String approved(UUID id, String name) {
        return send(UUID.randomUUID().toString(), "com.logishift.support.agent.approved.v1", id,
                "{\"accountId\":\"" + id + "\",\"email\":\"" + id + "@example.com\",\"name\":\"" + name
                        + "\",\"approvedBy\":\"" + UUID.randomUUID() + "\",\"approvedAt\":\"" + Instant.now() + "\"}");
    }

    public String deactivated(UUID id, String name, UUID by) {
        return deactivated(id, name, by, Map.of());
    }

    /** {@link #deactivated} with more headers (e.g. the traceparent of agent-service's request). */
    public String deactivated(UUID id, String name, UUID by, Map<String, String> headers) {
        return publish(topic, UUID.randomUUID().toString(), "com.logishift.support.agent.deactivated.v1",
                "/logishift/support/agent-service", id,
                "{\"accountId\":\"" + id + "\",\"email\":\"" + id + "@example.com\",\"name\":\"" + name
                        + "\",\"deactivatedBy\":\"" + by + "\",\"deactivatedAt\":\"" + Instant.now() + "\"}",
                headers);
    }

    public String reactivated(UUID id, String name, UUID by) {
        return send(UUID.randomUUID().toString(), "com.logishift.support.agent.reactivated.v1", id,
                "{\"accountId\":\"" + id + "\",\"email\":\"" + id + "@example.com\",\"name\":\"" + name
                        + "\",\"reactivatedBy\":\"" + by + "\",\"reactivatedAt\":\"" + Instant.now() + "\"}");
    }

    /** Sends an account event; {@code eventId} lets a test deliver the same event twice. */
    public String send(String eventId, String type, UUID key, String data) {
        return publish(topic, eventId, type, "/logishift/support/agent-service", key, data);
    }

    /** A record that is not a CloudEvent at all. */
    public void sendGarbage(UUID key) {
        raw(topic, key, "not json {");
    }
}

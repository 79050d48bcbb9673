package com.logishift.support.notification.support;

import com.logishift.support.kit.test.CloudEventPublisher;
import com.logishift.support.kit.test.Tokens.Person;
import java.util.UUID;

/** Publishes events the way ticket-service and agent-service do: binary CloudEvents, keyed by aggregate id. */
public final class EventPublisher extends CloudEventPublisher {

    public static final String REGISTERED = "com.logishift.support.account.registered.v1";
    public static final String APPROVED = "com.logishift.support.agent.approved.v1";

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

    /** agent-service's registration of this person in their role: an agent registers PENDING, anyone else ACTIVE. */
    public String registered(Person person) {
        String status = "agent".equals(person.role()) ? "PENDING" : "ACTIVE";
        return account(REGISTERED, person.id(), person.role(), status, person.name());
    }

    /** agent-service's approval of this agent. */
    public String approved(Person agent) {
        return account(APPROVED, agent.id(), "agent", "APPROVED", agent.name());
    }
}

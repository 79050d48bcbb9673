package com.logishift.support.ticket.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.ticket.assignment.AssignmentService;
import com.logishift.support.ticket.event.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps the agent read model in step with support.account-events and hands the waiting queue out
 * when an agent is approved. Each event is applied at most once: its CloudEvent id is recorded in
 * the same transaction as its effect, so a redelivery (at-least-once) changes nothing.
 */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String REGISTERED = "com.logishift.support.account.registered.v1";
    static final String APPROVED = "com.logishift.support.agent.approved.v1";
    static final String REJECTED = "com.logishift.support.agent.rejected.v1";

    private static final Logger LOG = Logger.getLogger(AccountEventsConsumer.class);

    private final ObjectMapper json;
    private final AssignmentService assignment;
    private final OutboxRelay relay;
    private final Clock clock;

    public AccountEventsConsumer(ObjectMapper json, AssignmentService assignment, OutboxRelay relay, Clock clock) {
        this.json = json;
        this.assignment = assignment;
        this.relay = relay;
        this.clock = clock;
    }

    @Incoming("account-events")
    public Uni<Void> consume(Message<String> message) {
        Optional<IncomingCloudEventMetadata> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class);
        if (cloudEvent.isEmpty()) {
            return nack(message, new IllegalArgumentException("not a CloudEvent (no ce_ headers)"));
        }
        String id = cloudEvent.get().getId();
        String type = cloudEvent.get().getType();
        if (!REGISTERED.equals(type) && !APPROVED.equals(type) && !REJECTED.equals(type)) {
            return Uni.createFrom().completionStage(message.ack()); // not ours to act on; newer types are fine
        }
        JsonNode data;
        try {
            data = json.readTree(message.getPayload());
        } catch (Exception e) {
            return nack(message, new IllegalArgumentException("event " + id + " has no JSON data: " + e.getMessage()));
        }
        return Panache.withTransaction(() -> firstDelivery(id).flatMap(first -> first
                                ? apply(type, data)
                                : Uni.createFrom().voidItem()))
                // transient failures (a lock conflict with a concurrent assignment) are retried here
                .onFailure(e -> !(e instanceof IllegalArgumentException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
                .invoke(relay::wakeUpSoon)
                .flatMap(ignored -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> nack(message, failure));
    }

    private Uni<Void> apply(String type, JsonNode data) {
        UUID agentId = uuid(data, "accountId");
        Instant now = clock.instant();
        return Agent.<Agent>findById(agentId).flatMap(existing -> {
            if (REGISTERED.equals(type) && !"agent".equals(text(data, "role"))) {
                return Uni.createFrom().voidItem(); // customers and admins are not ticket assignees
            }
            Agent agent = existing != null ? existing : newAgent(agentId);
            agent.name = Optional.ofNullable(text(data, "name")).orElse(agent.name);
            agent.email = Optional.ofNullable(text(data, "email")).orElse(agent.email);
            agent.updatedAt = now;
            switch (type) {
                case APPROVED -> {
                    agent.status = Agent.Status.APPROVED;
                    agent.approvedAt = Optional.ofNullable(text(data, "approvedAt")).map(Instant::parse).orElse(now);
                }
                case REJECTED -> agent.status = Agent.Status.REJECTED;
                default -> {
                    if (agent.status == null) {
                        agent.status = Agent.Status.PENDING;
                    }
                }
            }
            Uni<Void> saved = agent.persist().replaceWithVoid();
            if (agent.status != Agent.Status.APPROVED || !APPROVED.equals(type)) {
                return saved;
            }
            return saved.flatMap(ignored -> assignment.drainQueue(now))
                    .invoke(count -> LOG.infof("Agent %s approved; %d queued tickets handed out", agentId, count))
                    .replaceWithVoid();
        });
    }

    private static Agent newAgent(UUID id) {
        Agent agent = new Agent();
        agent.id = id;
        return agent;
    }

    /** Records the event id; false when it was already there (a redelivery). */
    private static Uni<Boolean> firstDelivery(String eventId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO processed_event (event_id, processed_at) VALUES (:id, now()) ON CONFLICT DO NOTHING")
                .setParameter("id", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private static Uni<Void> nack(Message<String> message, Throwable reason) {
        LOG.warnf("Account event sent to the dead-letter topic: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(text(data, field));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("event data has no valid " + field);
        }
    }
}

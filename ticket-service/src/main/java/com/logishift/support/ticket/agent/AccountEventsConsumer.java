package com.logishift.support.ticket.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.ticket.agent.EventFailures.InvalidEventException;
import com.logishift.support.ticket.assignment.AssignmentService;
import com.logishift.support.kit.consumer.ConsumerRetries;
import com.logishift.support.kit.consumer.DeadLetters;
import com.logishift.support.kit.tracing.Traces;
import com.logishift.support.ticket.event.TicketActivity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps the agent read model in step with support.account-events: hands the waiting queue out when
 * an agent is approved or reactivated, and a deactivated agent's unresolved tickets to the others.
 * Each event is applied at most once: its CloudEvent id is recorded in the same transaction as its
 * effect, so a redelivery (at-least-once) changes nothing.
 *
 * <p>Only poison goes to the dead-letter topic (see {@link EventFailures}); while the database is
 * unreachable an event is retried, with a growing delay, until it is applied, and readiness is DOWN
 * meanwhile ({@link ConsumerRetries}). The record stays unacknowledged, so a restart redelivers it.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class AccountEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AccountEventsConsumer.class);

    private final ObjectMapper json;
    private final AssignmentService assignment;
    private final TicketActivity activity;
    private final Clock clock;
    private final ConsumerRetries retries;
    private final DeadLetters deadLetters;
    private final Tracer tracer;

    @Incoming("account-events")
    public Uni<Void> consume(Message<String> message) {
        AccountEvent event;
        try {
            event = parse(message);
        } catch (InvalidEventException e) {
            return deadLetter(message, e);
        }
        if (event == null) {
            return Uni.createFrom().completionStage(message.ack()); // not ours to act on; newer types are fine
        }
        // every attempt runs on the record's Vert.x context, which Hibernate Reactive requires
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        // a CONSUMER span continuing the trace the record carries; current on the record's own context
        // while the event applies, so the ticket events it causes (hand-outs) stay in that trace
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        Span span = Traces.startKafkaSpan(tracer, SpanKind.CONSUMER, record == null ? "account-events" : record.getTopic(),
                event.id(), Traces.fromKafkaHeaders(record == null ? null : record.getHeaders()));
        Uni<Void> attempt = Uni.createFrom().voidItem()
                .emitOn(onContext)
                .flatMap(ignored -> {
                    Scope scope = context == null ? null : span.makeCurrent();
                    return Panache.withTransaction(() -> firstDelivery(event.id()).flatMap(first -> first
                                    ? apply(event)
                                    : Uni.createFrom().voidItem()))
                            .onTermination().invoke(() -> {
                                if (scope != null) {
                                    scope.close();
                                }
                            });
                });
        return retries.untilApplied(event.id(), EventFailures::isPoison, attempt)
                .invoke(activity::committedSeveral)
                .flatMap(ignored -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> {
                    span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                    return deadLetter(message, failure);
                })
                .onTermination().invoke(span::end);
    }

    private AccountEvent parse(Message<String> message) {
        Optional<IncomingCloudEventMetadata> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class);
        if (cloudEvent.isEmpty()) {
            throw new InvalidEventException("not a CloudEvent (no ce_ headers)");
        }
        String id = cloudEvent.get().getId();
        String type = cloudEvent.get().getType();
        if (AccountEvent.Type.of(type) == null) {
            return null;
        }
        JsonNode data;
        try {
            data = json.readTree(message.getPayload() == null ? "" : message.getPayload());
        } catch (Exception e) {
            throw new InvalidEventException("event " + id + " has no JSON data: " + e.getMessage());
        }
        return AccountEvent.parse(id, type, data);
    }

    private Uni<Void> apply(AccountEvent event) {
        Instant now = clock.instant();
        return Agent.<Agent>findById(event.accountId()).flatMap(existing -> {
            if (event.type() == AccountEvent.Type.REGISTERED && "customer".equals(event.role())) {
                return rememberCustomer(event, now); // incoming mail: a known customer's mail opens a ticket
            }
            if (event.type() == AccountEvent.Type.REGISTERED && !"agent".equals(event.role())) {
                return Uni.createFrom().voidItem(); // admins are not ticket assignees
            }
            Agent agent = existing != null ? existing : newAgent(event.accountId());
            agent.name = Optional.ofNullable(event.name()).orElse(agent.name);
            agent.email = Optional.ofNullable(event.email()).orElse(agent.email);
            agent.updatedAt = now;
            switch (event.type()) {
                case APPROVED -> {
                    agent.status = Agent.Status.APPROVED;
                    agent.approvedAt = Optional.ofNullable(event.at()).orElse(now);
                }
                case REACTIVATED -> {
                    agent.status = Agent.Status.APPROVED;
                    if (agent.approvedAt == null) {
                        agent.approvedAt = Optional.ofNullable(event.at()).orElse(now);
                    }
                }
                case REJECTED -> agent.status = Agent.Status.REJECTED;
                case DEACTIVATED -> agent.status = Agent.Status.DEACTIVATED;
                default -> {
                    if (agent.status == null) {
                        agent.status = Agent.Status.PENDING;
                    }
                }
            }
            Uni<Void> saved = agent.persist().replaceWithVoid();
            return switch (event.type()) {
                case APPROVED, REACTIVATED -> saved.flatMap(ignored -> assignment.drainQueue(now))
                        .invoke(count -> LOG.infof("Agent %s %s; %d queued tickets handed out", event.accountId(),
                                event.type() == AccountEvent.Type.APPROVED ? "approved" : "reactivated", count))
                        .replaceWithVoid();
                case DEACTIVATED -> saved.flatMap(ignored -> assignment.handOver(event.accountId(), event.by(), now))
                        .invoke(moved -> LOG.infof("Agent %s deactivated; %d tickets reassigned, %d back in the queue",
                                event.accountId(), moved.reassigned(), moved.queued()))
                        .replaceWithVoid();
                default -> saved;
            };
        });
    }

    /** A customer's address for mail/MailIntake (lower-case; the newest registration of an address wins). */
    private static Uni<Void> rememberCustomer(AccountEvent event, Instant now) {
        if (event.email() == null || event.email().isBlank() || event.email().length() > 320) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        INSERT INTO mail_customer (id, email, name, updated_at) VALUES (:id, :email, :name, :at)
                        ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name,
                                                       updated_at = excluded.updated_at""")
                .setParameter("id", event.accountId())
                .setParameter("email", event.email().strip().toLowerCase(java.util.Locale.ROOT))
                .setParameter("name", event.name() == null ? null
                        : event.name().substring(0, Math.min(event.name().length(), 200)))
                .setParameter("at", Optional.ofNullable(event.at()).orElse(now))
                .executeUpdate())
                .replaceWithVoid();
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

    private Uni<Void> deadLetter(Message<String> message, Throwable reason) {
        return deadLetters.send("account-events", message, reason);
    }
}

package com.logishift.support.notification.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.consumer.ConsumerRetries;
import com.logishift.support.notification.SupportEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.pgclient.PgException;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads support.ticket-events and support.account-events. A record is acknowledged (and its offset
 * later committed) only after its transaction committed, so a crash in between means a redelivery,
 * which {@link EventProcessor} recognizes by the CloudEvent id. A record that can never be processed
 * is nacked with the reason and lands on the dead-letter topic; the consumer carries on. A valid
 * record the database cannot take right now is retried until it can (readiness is DOWN meanwhile),
 * never dead-lettered.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final EventProcessor processor;
    private final ObjectMapper json;
    private final ConsumerRetries retries;

    public EventConsumers(EventProcessor processor, ObjectMapper json, ConsumerRetries retries) {
        this.processor = processor;
        this.json = json;
        this.retries = retries;
    }

    @Incoming("ticket-events")
    public Uni<Void> ticketEvent(Message<String> message) {
        return handle(message);
    }

    @Incoming("account-events")
    public Uni<Void> accountEvent(Message<String> message) {
        return handle(message);
    }

    private Uni<Void> handle(Message<String> message) {
        SupportEvent event;
        try {
            event = parse(message);
        } catch (SupportEvent.MalformedEventException e) {
            return deadLetter(message, e);
        }
        // the database being away is retried for as long as it lasts; poison is not
        return retries.untilApplied(event.id(), EventConsumers::isPoison,
                        Uni.createFrom().deferred(() -> processor.process(event)))
                .flatMap(count -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> deadLetter(message, failure));
    }

    /**
     * An event that can never be applied, whatever the database's state: malformed or of an unknown
     * type, or data the schema refuses (SQLSTATE class 22, data exception, or 23, integrity
     * constraint). Everything else — refused or dropped connections, timeouts, an exhausted pool,
     * serialization failures, deadlocks — is the infrastructure's and passes.
     */
    static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SupportEvent.MalformedEventException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private SupportEvent parse(Message<String> message) {
        Optional<IncomingCloudEventMetadata> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class);
        if (cloudEvent.isEmpty()) {
            throw new SupportEvent.MalformedEventException("not a CloudEvent: no ce_id/ce_type headers");
        }
        String payload = message.getPayload();
        JsonNode data;
        try {
            data = payload == null ? null : json.readTree(payload);
        } catch (Exception e) {
            throw new SupportEvent.MalformedEventException("event " + cloudEvent.get().getId()
                    + " has no JSON data: " + e.getMessage());
        }
        if (data == null || !data.isObject()) {
            throw new SupportEvent.MalformedEventException("event " + cloudEvent.get().getId()
                    + " data is not a JSON object");
        }
        return new SupportEvent(cloudEvent.get().getId(), cloudEvent.get().getType(), data);
    }

    private static Uni<Void> deadLetter(Message<String> message, Throwable reason) {
        LOG.warnf("Event sent to the dead-letter topic: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}

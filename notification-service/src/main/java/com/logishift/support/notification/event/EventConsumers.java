package com.logishift.support.notification.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.notification.SupportEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads support.ticket-events and support.account-events. A record is acknowledged (and its offset
 * later committed) only after its transaction committed, so a crash in between means a redelivery,
 * which {@link EventProcessor} recognizes by the CloudEvent id. A record that can never be processed
 * is nacked with the reason and lands on the dead-letter topic; the consumer carries on.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final EventProcessor processor;
    private final ObjectMapper json;

    public EventConsumers(EventProcessor processor, ObjectMapper json) {
        this.processor = processor;
        this.json = json;
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
        return processor.process(event)
                // database hiccups are retried; a malformed event is not
                .onFailure(e -> !(e instanceof SupportEvent.MalformedEventException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
                .flatMap(count -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> deadLetter(message, failure));
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

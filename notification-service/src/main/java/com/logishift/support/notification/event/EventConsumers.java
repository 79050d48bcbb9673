package com.logishift.support.notification.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.consumer.ConsumerRetries;
import com.logishift.support.kit.consumer.DeadLetters;
import com.logishift.support.kit.consumer.PoisonEvents;
import com.logishift.support.kit.tracing.Traces;
import com.logishift.support.notification.SupportEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads support.ticket-events and support.account-events a poll at a time: the poll's events are
 * applied in one transaction, in order, and the poll is acknowledged (its offsets later committed)
 * only after that transaction committed, so a crash in between means a redelivery, which
 * {@link EventProcessor} recognizes by the CloudEvent id. A record that can never be processed is
 * nacked with the reason and lands on the dead-letter topic; the consumer carries on — when such a
 * record makes the poll's transaction fail, the poll is applied again one event per transaction,
 * so only the poison is set aside. A valid record the database cannot take right now is retried
 * until it can (readiness is DOWN meanwhile), never dead-lettered.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class EventConsumers {

    private final EventProcessor processor;
    private final ObjectMapper json;
    private final ConsumerRetries retries;
    private final DeadLetters deadLetters;
    private final Tracer tracer;

    @Incoming("ticket-events")
    public Uni<Void> ticketEvents(KafkaRecordBatch<String, String> poll) {
        return handle("ticket-events", poll);
    }

    @Incoming("account-events")
    public Uni<Void> accountEvents(KafkaRecordBatch<String, String> poll) {
        return handle("account-events", poll);
    }

    private Uni<Void> handle(String channel, KafkaRecordBatch<String, String> poll) {
        List<Message<String>> records = new ArrayList<>();
        List<SupportEvent> events = new ArrayList<>();
        Uni<Void> malformed = Uni.createFrom().voidItem();
        List<Span> spans = new ArrayList<>(poll.getRecords().size());
        for (KafkaRecord<String, String> record : poll.getRecords()) {
            try {
                SupportEvent event = parse(record);
                events.add(event);
                records.add(record);
                spans.add(consumerSpan(record, event.id()));
            } catch (SupportEvent.MalformedEventException e) {
                malformed = malformed.flatMap(ignored -> deadLetters.send(channel, record, e));
            }
        }
        Uni<Void> applied = events.isEmpty() ? Uni.createFrom().voidItem()
                : untilApplied(events.get(0).id() + (events.size() > 1 ? " and " + (events.size() - 1) + " more" : ""),
                        () -> processor.process(events))
                        .replaceWithVoid()
                        // poison in the poll: apply it again event by event, so only the poison is set aside
                        .onFailure(EventConsumers::isPoison).recoverWithUni(failure -> oneByOne(channel, records, events));
        return malformed.flatMap(ignored -> applied)
                .onTermination().invoke((ignored, failure, cancelled) -> end(spans, failure))
                // the whole poll: its last offset per partition covers every record before it
                .flatMap(ignored -> Uni.createFrom().completionStage(poll.ack()));
    }

    /**
     * A CONSUMER span per event, child of the trace its record carries (the relay's PRODUCER span):
     * it lasts until the poll's transaction — which stores the event's notifications — ended. The
     * channel's own tracing is off ({@code tracing-enabled=false}): an idle poll makes no span.
     */
    private Span consumerSpan(KafkaRecord<String, String> record, String eventId) {
        return Traces.startKafkaSpan(tracer, SpanKind.CONSUMER, record.getTopic(), eventId,
                Traces.fromKafkaHeaders(record.getHeaders()));
    }

    private static void end(List<Span> spans, Throwable failure) {
        for (Span span : spans) {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            }
            span.end();
        }
    }

    private Uni<Void> oneByOne(String channel, List<Message<String>> records, List<SupportEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < events.size(); i++) {
            Message<String> record = records.get(i);
            SupportEvent event = events.get(i);
            chain = chain.flatMap(ignored -> untilApplied(event.id(), () -> processor.process(event))
                    .replaceWithVoid()
                    .onFailure().recoverWithUni(failure -> deadLetters.send(channel, record, failure)));
        }
        return chain;
    }

    /** Applies, retrying for as long as the database is away (the kit's ConsumerRetries); poison fails at once. */
    private Uni<Integer> untilApplied(String what, Supplier<Uni<Integer>> work) {
        return retries.untilApplied(what, EventConsumers::isPoison, Uni.createFrom().deferred(work::get));
    }

    /** An event that can never be applied, whatever the database's state: the kit's rule, with this service's malformed events. */
    static boolean isPoison(Throwable failure) {
        return PoisonEvents.isPoison(failure, SupportEvent.MalformedEventException.class);
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
        IncomingCloudEventMetadata<?> ce = cloudEvent.get();
        return new SupportEvent(ce.getId(), ce.getType(), data, new SupportEvent.Envelope(
                ce.getSource() == null ? null : ce.getSource().toString(), ce.getSubject().orElse(null),
                ce.getTimeStamp().map(ZonedDateTime::toInstant).orElse(null), ce.getDataContentType().orElse(null)));
    }
}

package com.logishift.support.ticket.event;

import static com.logishift.support.kit.test.TopicReader.header;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.await;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.takenTicket;
import static com.logishift.support.ticket.support.Api.ticketBody;
import static com.logishift.support.ticket.support.Topics.ticketEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.TopicReader;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.ticket.support.AccountEventsPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * One trace from a request to Kafka: the outbox row keeps the traceparent of the request's server
 * span, and the relay publishes the event as a child of it — the CloudEvents extension
 * ({@code ce_traceparent}) and the plain {@code traceparent} header, once each and the same.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class OutboxTraceTest {

    private static final String CREATED = "com.logishift.support.ticket.created.v1";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

    @Inject
    Pool pool;

    @Test
    void theOutboxRowKeepsTheRequestsTraceAndTheRelayContinuesIt() {
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        String id = as(Tokens.customer()).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(ticketBody("Traced parcel")).post("/api/support/tickets/create/")
                .then().statusCode(201).extract().path("id");

        // stored: the caller's trace, named by ticket-service's server span (a child of the caller's)
        Matcher stored = parsed(storedTraceparent(id, CREATED));
        assertEquals(traceId, stored.group(1));
        assertNotEquals(callerSpan, stored.group(2), "the service's own span, not the caller's");

        // published: the relay's PRODUCER span, a child of the stored one, in both headers, once each
        ConsumerRecord<String, String> record = published(id, CREATED);
        Matcher sent = parsed(onlyHeader(record, "traceparent"));
        assertEquals(onlyHeader(record, "traceparent"), onlyHeader(record, "ce_traceparent"));
        assertEquals(traceId, sent.group(1));
        assertNotEquals(stored.group(2), sent.group(2), "the relay's span, a child of the request's");
        assertNotEquals(callerSpan, sent.group(2));
    }

    @Test
    void aRequestWithoutTraceContextOrWithAHostileOneStartsATraceOfItsOwn() {
        String plain = openTicket(Tokens.customer());
        String garbage = as(Tokens.customer()).header("traceparent", "00-" + "zz".repeat(16) + "-" + "0".repeat(16) + "-01")
                .header("tracestate", "x=" + "y".repeat(4000))
                .body(ticketBody("Hostile trace")).post("/api/support/tickets/create/")
                .then().statusCode(201).extract().path("id");
        String plainTrace = parsed(storedTraceparent(plain, CREATED)).group(1);
        String garbageTrace = parsed(storedTraceparent(garbage, CREATED)).group(1);
        assertNotEquals(plainTrace, garbageTrace, "each request is a trace of its own");
        assertEquals(plainTrace, parsed(onlyHeader(published(plain, CREATED), "traceparent")).group(1));
    }

    @Test
    void rowsWithoutAUsableTraceparentArePublishedInATraceOfTheirOwn() {
        // written before this release (no traceparent) or by a job outside any span, or damaged
        List<String> keys = new ArrayList<>();
        for (String stored : new String[] {null, "not a traceparent", "00-" + "0".repeat(32) + "-" + "1".repeat(16) + "-01"}) {
            String key = UUID.randomUUID().toString();
            keys.add(key);
            pool.preparedQuery("INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload,"
                            + " occurred_at, traceparent) VALUES ($1, 'ticket', $2, 'com.logishift.support.ticket.probe.v1',"
                            + " '{}', now(), $3)")
                    .execute(Tuple.of(UUID.randomUUID(), key, stored)).await().indefinitely();
        }
        try (TopicReader reader = new TopicReader(ticketEvents())) {
            for (ConsumerRecord<String, String> record : reader.await(r -> keys.contains(r.key()), keys.size(),
                    Duration.ofSeconds(20))) {
                Matcher sent = parsed(onlyHeader(record, "traceparent"));
                assertNotEquals("0".repeat(32), sent.group(1));
                assertEquals(onlyHeader(record, "traceparent"), onlyHeader(record, "ce_traceparent"));
            }
        }
    }

    @Test
    void anAccountEventsTraceContinuesIntoTheTicketEventsItCauses() {
        Person leaving = approvedAgent(pool);
        approvedAgent(pool); // someone to hand the ticket to
        String ticket = takenTicket(Tokens.customer(), leaving);
        long before = lastSeq(ticket);

        String traceId = randomHex(16);
        String agentServiceSpan = randomHex(8);
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.deactivated(leaving.id(), leaving.name(), Tokens.admin().id(),
                    Map.of("traceparent", "00-" + traceId + "-" + agentServiceSpan + "-01"));
        }
        await(() -> lastSeq(ticket) > before, "the deactivated agent's ticket is handed over");

        // the hand-over's events were written inside the consumer's span: the account event's trace
        List<String> handOver = new ArrayList<>();
        pool.preparedQuery("SELECT traceparent FROM outbox_event WHERE aggregate_id = $1 AND seq > $2 ORDER BY seq")
                .execute(Tuple.of(ticket, before)).await().indefinitely()
                .forEach(row -> handOver.add(row.getString("traceparent")));
        for (String traceparent : handOver) {
            Matcher stored = parsed(traceparent);
            assertEquals(traceId, stored.group(1));
            assertNotEquals(agentServiceSpan, stored.group(2), "ticket-service's CONSUMER span, a child of it");
        }
    }

    private long lastSeq(String ticketId) {
        Row row = pool.preparedQuery("SELECT COALESCE(max(seq), 0) AS seq FROM outbox_event WHERE aggregate_id = $1")
                .execute(Tuple.of(ticketId)).await().indefinitely().iterator().next();
        return row.getLong("seq");
    }

    private String storedTraceparent(String ticketId, String type) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT traceparent FROM outbox_event WHERE aggregate_id = $1 AND event_type = $2")
                .execute(Tuple.of(ticketId, type)).await().indefinitely().forEach(rows::add);
        assertEquals(1, rows.size(), "one " + type + " row for " + ticketId);
        return rows.get(0).getString("traceparent");
    }

    private static ConsumerRecord<String, String> published(String ticketId, String type) {
        try (TopicReader reader = new TopicReader(ticketEvents())) {
            return reader.await(r -> ticketId.equals(r.key()) && type.equals(header(r, "ce_type")), 1,
                    Duration.ofSeconds(20)).get(0);
        }
    }

    /** The header's value; fails unless the record carries it exactly once. */
    private static String onlyHeader(ConsumerRecord<String, String> record, String name) {
        List<Header> all = new ArrayList<>();
        record.headers().headers(name).forEach(all::add);
        assertEquals(1, all.size(), "one " + name + " header, got " + all.size());
        return header(record, name);
    }

    private static Matcher parsed(String traceparent) {
        assertNotNull(traceparent, "no traceparent");
        Matcher matcher = TRACEPARENT.matcher(traceparent);
        assertTrue(matcher.matches(), "not a sampled W3C traceparent: " + traceparent);
        return matcher;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}

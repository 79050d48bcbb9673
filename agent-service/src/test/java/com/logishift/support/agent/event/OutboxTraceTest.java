package com.logishift.support.agent.event;

import static com.logishift.support.agent.support.Api.json;
import static com.logishift.support.agent.support.Api.registration;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static com.logishift.support.kit.test.TopicReader.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The account event of a request is in the request's trace: the outbox row (written through
 * Panache) keeps the traceparent of agent-service's server span, the record carries the relay's span
 * under it as {@code traceparent} and {@code ce_traceparent}.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class OutboxTraceTest {

    @Inject
    Pool pool;

    @Test
    void aRegistrationsEventContinuesTheRequestsTrace() {
        String trace = "6bf92f3577b34da6a3ce929d0e0e4736";
        String caller = "20f067aa0ba902b7";
        String id = json().header("traceparent", "00-" + trace + "-" + caller + "-01")
                .body(registration(uniqueEmail("traced"))).post("/api/auth/register/")
                .then().statusCode(201).extract().path("id");

        String stored = pool.preparedQuery("SELECT traceparent FROM outbox_event WHERE aggregate_id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getString("traceparent");
        assertNotNull(stored);
        assertTrue(stored.startsWith("00-" + trace + "-"), stored);
        assertNotEquals("00-" + trace + "-" + caller + "-01", stored, "agent-service's own span");

        try (TopicReader reader = new TopicReader("test.agent-service.account-events")) {
            ConsumerRecord<String, String> record = reader.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            String sent = header(record, "traceparent");
            assertEquals(sent, header(record, "ce_traceparent"));
            assertTrue(sent.startsWith("00-" + trace + "-"), sent);
            assertNotEquals(stored, sent, "the relay's span, a child of the request's");
        }
    }
}

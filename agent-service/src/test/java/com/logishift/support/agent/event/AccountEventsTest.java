package com.logishift.support.agent.event;

import com.logishift.support.kit.test.Eventually;
import static com.logishift.support.agent.support.Api.adminToken;
import static com.logishift.support.agent.support.Api.as;
import static com.logishift.support.agent.support.Api.json;
import static com.logishift.support.agent.support.Api.registerAgent;
import static com.logishift.support.agent.support.Api.registerCustomer;
import static com.logishift.support.agent.support.Api.registration;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static com.logishift.support.kit.test.TopicReader.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Account events reach support.account-events as binary-mode CloudEvents keyed by account id. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class AccountEventsTest {

    private static final String TOPIC = "test.agent-service.account-events";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Test
    void registrationIsPublishedAsACloudEventKeyedByAccountId() throws Exception {
        String email = uniqueEmail("event");
        String id = registerCustomer(email);
        try (TopicReader reader = new TopicReader(TOPIC)) {
            ConsumerRecord<String, String> record = reader.await(r -> id.equals(r.key()), 1, WAIT).get(0);
            assertEquals("com.logishift.support.account.registered.v1", header(record, "ce_type"));
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals("/logishift/support/agent-service", header(record, "ce_source"));
            assertEquals(id, header(record, "ce_subject"));
            assertNotNull(header(record, "ce_id"));
            assertNotNull(header(record, "ce_time"));
            assertEquals("application/json", header(record, "content-type"));

            JsonNode data = JSON.readTree(record.value());
            assertEquals(id, data.get("accountId").asText());
            assertEquals(email, data.get("email").asText());
            assertEquals("customer", data.get("role").asText());
            assertEquals("ACTIVE", data.get("status").asText());
            assertFalse(record.value().contains("password"), "no password material on the topic");
        }
    }

    @Test
    void agentLifecycleEventsArriveInOrderOnTheAgentsKey() throws Exception {
        String approvedAgent = registerAgent(uniqueEmail("evt-approve"));
        String rejectedAgent = registerAgent(uniqueEmail("evt-reject"));
        String admin = adminToken();
        as(admin).post("/api/admin/approve-agent/" + approvedAgent + "/").then().statusCode(200);
        as(admin).post("/api/admin/approve-agent/" + approvedAgent + "/").then().statusCode(200); // no second event
        as(admin).body(Map.of("reason", "not on the roster")).post("/api/admin/reject-agent/" + rejectedAgent + "/")
                .then().statusCode(200);

        try (TopicReader reader = new TopicReader(TOPIC)) {
            List<ConsumerRecord<String, String>> approved = reader.await(r -> approvedAgent.equals(r.key()), 2, WAIT);
            assertEquals("com.logishift.support.account.registered.v1", header(approved.get(0), "ce_type"));
            assertEquals("PENDING", JSON.readTree(approved.get(0).value()).get("status").asText());
            assertEquals("com.logishift.support.agent.approved.v1", header(approved.get(1), "ce_type"));
            assertNotEquals(header(approved.get(0), "ce_id"), header(approved.get(1), "ce_id"));
            assertNotNull(JSON.readTree(approved.get(1).value()).get("approvedBy").asText());
        }
        try (TopicReader reader = new TopicReader(TOPIC)) {
            List<ConsumerRecord<String, String>> rejected = reader.await(r -> rejectedAgent.equals(r.key()), 2, WAIT);
            assertEquals("com.logishift.support.agent.rejected.v1", header(rejected.get(1), "ce_type"));
            assertEquals("not on the roster", JSON.readTree(rejected.get(1).value()).get("reason").asText());
        }
        // exactly one approval event was written for the two approve calls
        long approvals = pool.preparedQuery(
                        "SELECT count(*) AS n FROM outbox_event WHERE aggregate_id = $1 AND event_type = $2")
                .execute(Tuple.of(approvedAgent, "com.logishift.support.agent.approved.v1"))
                .await().indefinitely().iterator().next().getLong("n");
        assertEquals(1, approvals);
    }

    @Test
    void theBootstrapAdminIsAnnouncedToo() {
        long registered = pool.preparedQuery("""
                        SELECT count(*) AS n FROM outbox_event e JOIN account a ON a.id::text = e.aggregate_id
                         WHERE a.role = 'ADMIN' AND e.event_type = 'com.logishift.support.account.registered.v1'""")
                .execute().await().indefinitely().iterator().next().getLong("n");
        assertEquals(1, registered);
    }

    @Test
    void aFailedRegistrationWritesNoEvent() {
        String email = uniqueEmail("once");
        registerCustomer(email);
        json().body(registration(email)).post("/api/auth/register/").then().statusCode(409);
        long events = pool.preparedQuery("""
                        SELECT count(*) AS n FROM outbox_event e JOIN account a ON a.id::text = e.aggregate_id
                         WHERE a.email = $1""")
                .execute(Tuple.of(email)).await().indefinitely().iterator().next().getLong("n");
        assertEquals(1, events);
    }

    @Test
    void everyEventIsEventuallyMarkedPublished() {
        registerCustomer(uniqueEmail("published"));
        Eventually.until("every outbox event published", WAIT, () -> pool
                .query("SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL")
                .execute().await().indefinitely().iterator().next().getLong("n") == 0);
    }
}

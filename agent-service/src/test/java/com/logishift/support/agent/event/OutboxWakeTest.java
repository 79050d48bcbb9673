package com.logishift.support.agent.event;

import static com.logishift.support.agent.support.Api.adminToken;
import static com.logishift.support.agent.support.Api.as;
import static com.logishift.support.agent.support.Api.registerAgent;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static com.logishift.support.kit.test.TopicReader.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.TopicReader;
import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The relay is woken by each commit that appended events, not by its poll: with the poll ten
 * minutes away, events still arrive at once. Woken before the commit (as agent-service once did),
 * the relay looks too early and the event waits for the poll.
 */
@QuarkusTest
@TestProfile(OutboxWakeTest.NoPoll.class)
@QuarkusTestResource(JwtKeysTestResource.class)
class OutboxWakeTest {

    private static final String TOPIC = "test.agent-service.account-events";
    private static final Duration WAIT = Duration.ofSeconds(30);

    public static class NoPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("support.outbox.poll-interval", "PT10M");
        }
    }

    @Test
    void eachCommitWakesTheRelay() {
        String admin = adminToken();
        for (int i = 0; i < 5; i++) {
            String agent = registerAgent(uniqueEmail("wake-" + i));
            as(admin).post("/api/admin/approve-agent/" + agent + "/").then().statusCode(200);
            try (TopicReader reader = new TopicReader(TOPIC)) {
                List<ConsumerRecord<String, String>> events = reader.await(r -> agent.equals(r.key()), 2, WAIT);
                assertEquals("com.logishift.support.agent.approved.v1", header(events.get(1), "ce_type"));
            }
        }
    }
}

package com.logishift.support.agent.event;

import static com.logishift.support.agent.support.Api.adminToken;
import static com.logishift.support.agent.support.Api.as;
import static com.logishift.support.agent.support.Api.registerAgent;
import static com.logishift.support.agent.support.Api.registerCustomer;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static com.logishift.support.kit.test.TopicReader.header;
import static com.logishift.support.kit.test.TopicReader.headers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.TopicReader;
import com.logishift.support.kit.test.AsyncApiContract;
import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What agent-service really publishes is what its AsyncAPI document promises: every event type,
 * produced through the API and read back from Kafka, conforms to the payload and header schema of
 * its type in src/main/asyncapi/account-events.yaml, with no field the document does not describe.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class AccountEventContractTest {

    private static final AsyncApiContract CONTRACT =
            AsyncApiContract.read(Path.of("src/main/asyncapi/account-events.yaml"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "test.agent-service.account-events";

    @Test
    void everyTypeTheCodeKnowsIsDocumentedOnItsTopic() {
        Set<String> types = Arrays.stream(AccountEventType.values()).map(AccountEventType::type)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(types, CONTRACT.types(), "the document describes exactly the types the code sends");
        assertEquals(Set.of("support.account-events"), CONTRACT.addresses());
    }

    @Test
    void everyEventPublishedThroughTheApiConformsToItsSchema() {
        String admin = adminToken();
        String customer = registerCustomer(uniqueEmail("contract-customer"));
        String kept = registerAgent(uniqueEmail("contract-kept"));
        as(admin).post("/api/admin/approve-agent/" + kept + "/").then().statusCode(200);
        as(admin).post("/api/admin/agents/" + kept + "/deactivate/").then().statusCode(200);
        as(admin).post("/api/admin/agents/" + kept + "/reactivate/").then().statusCode(200);
        String refused = registerAgent(uniqueEmail("contract-refused"));
        as(admin).body(Map.of("reason", "Not on the roster — \"quoted\", ünïcode")).post("/api/admin/reject-agent/"
                + refused + "/").then().statusCode(200);

        Map<String, Integer> expected = Map.of(customer, 1, kept, 4, refused, 2);
        Set<String> seen = new LinkedHashSet<>();
        try (TopicReader reader = new TopicReader(TOPIC)) {
            List<ConsumerRecord<String, String>> records = reader.await(r -> expected.containsKey(r.key()),
                    expected.values().stream().mapToInt(Integer::intValue).sum(), Duration.ofSeconds(20));
            for (ConsumerRecord<String, String> record : records) {
                String type = header(record, "ce_type");
                CONTRACT.assertHeaders(type, headers(record));
                CONTRACT.assertPayload(type, record.value());
                seen.add(type);
            }
        }
        assertEquals(CONTRACT.types(), seen, "every documented type was produced and checked");
    }

    @Test
    void theCheckRefusesWhatTheDocumentDoesNotAllow() throws Exception {
        // the schema check itself must bite, or a passing test above proves nothing
        String approved = "com.logishift.support.agent.approved.v1";
        String good = "{\"accountId\":\"7d3f2b7c-3f1e-4a8e-9a59-1f0c2a0e7b11\",\"email\":\"a@example.com\","
                + "\"name\":\"Ada\",\"approvedBy\":\"7d3f2b7c-3f1e-4a8e-9a59-1f0c2a0e7b12\","
                + "\"approvedAt\":\"2026-12-06T09:00:00Z\"}";
        CONTRACT.assertPayload(approved, good);
        for (String bad : List.of(good.replace("}", ",\"password\":\"x\"}"), good.replace("\"name\":\"Ada\",", ""),
                good.replace("7d3f2b7c-3f1e-4a8e-9a59-1f0c2a0e7b12", "admin"))) {
            assertFalse(CONTRACT.payloadViolations(approved, JSON.readTree(bad)).isEmpty(), bad);
        }
    }
}

package com.logishift.support.agent.account;

import static com.logishift.support.agent.support.Api.PASSWORD;
import static com.logishift.support.agent.support.Api.adminToken;
import static com.logishift.support.agent.support.Api.as;
import static com.logishift.support.agent.support.Api.customerToken;
import static com.logishift.support.agent.support.Api.json;
import static com.logishift.support.agent.support.Api.login;
import static com.logishift.support.agent.support.Api.registerAgent;
import static com.logishift.support.agent.support.Api.registerCustomer;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static com.logishift.support.kit.test.TopicReader.header;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** An admin takes an approved agent out of service and back; their old tokens are listed as revoked. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class DeactivationTest {

    private static final String TOPIC = "test.agent-service.account-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String approvedAgent(String email) {
        String id = registerAgent(email);
        as(adminToken()).post("/api/admin/approve-agent/" + id + "/").then().statusCode(200);
        return id;
    }

    private static String deactivate(String id) {
        return "/api/admin/agents/" + id + "/deactivate/";
    }

    private static String reactivate(String id) {
        return "/api/admin/agents/" + id + "/reactivate/";
    }

    @Test
    void deactivatedAgentCannotSignInUntilReactivated() {
        String email = uniqueEmail("deact");
        String id = approvedAgent(email);
        String admin = adminToken();

        as(admin).post(deactivate(id)).then().statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(id))
                .body("email", equalTo(email))
                .body("role", equalTo("agent"))
                .body("status", equalTo("DEACTIVATED"))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        // twice is harmless, like approving twice
        as(admin).post("/api/admin/agents/" + id + "/deactivate").then().statusCode(200)
                .body("status", equalTo("DEACTIVATED"));

        json().body(Map.of("email", email, "password", PASSWORD)).post("/api/auth/login/").then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/account-deactivated"))
                .body("detail", equalTo("This account has been deactivated by an administrator."));
        // the wrong password still gets the plain 401: the status is only told to the owner
        json().body(Map.of("email", email, "password", "not the password")).post("/api/auth/login/")
                .then().statusCode(401);

        as(admin).get("/api/admin/agents/?status=DEACTIVATED&size=100").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.status", everyItem(equalTo("DEACTIVATED")));
        as(admin).get("/api/admin/agents/?status=APPROVED&size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        as(admin).post(reactivate(id)).then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("APPROVED"));
        login(email, PASSWORD);
        // reactivating an approved agent is a conflict naming the status
        as(admin).post(reactivate(id)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("APPROVED"));
    }

    @Test
    void onlyApprovedAgentsCanBeDeactivated() {
        String admin = adminToken();
        String pending = registerAgent(uniqueEmail("deact-pending"));
        as(admin).post(deactivate(pending)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("PENDING"));
        as(admin).post(reactivate(pending)).then().statusCode(409).body("detail", containsString("PENDING"));

        String rejected = registerAgent(uniqueEmail("deact-rejected"));
        as(admin).body(Map.of("reason", "no")).post("/api/admin/reject-agent/" + rejected + "/")
                .then().statusCode(200);
        as(admin).post(deactivate(rejected)).then().statusCode(409).body("detail", containsString("REJECTED"));

        String customer = registerCustomer(uniqueEmail("deact-customer"));
        as(admin).post(deactivate(customer)).then().statusCode(409).body("detail", containsString("not an agent"));

        as(admin).post(deactivate(UUID.randomUUID().toString())).then().statusCode(404)
                .contentType("application/problem+json");
        as(admin).post(reactivate(UUID.randomUUID().toString())).then().statusCode(404);
        as(admin).post(deactivate("not-a-uuid")).then().statusCode(400).body("errors.field", hasItem("id"));

        // a deactivated agent is neither approved nor rejected by the old endpoints
        String agent = approvedAgent(uniqueEmail("deact-approve"));
        as(admin).post(deactivate(agent)).then().statusCode(200);
        as(admin).post("/api/admin/approve-agent/" + agent + "/").then().statusCode(409)
                .body("detail", containsString("DEACTIVATED"));
        as(admin).body(Map.of("reason", "no")).post("/api/admin/reject-agent/" + agent + "/").then().statusCode(409);
    }

    @Test
    void onlyAdminsMayDeactivateOrReactivate() {
        String target = approvedAgent(uniqueEmail("deact-perm"));
        String agentEmail = uniqueEmail("deact-perm-agent");
        approvedAgent(agentEmail);
        String agent = login(agentEmail, PASSWORD);
        for (String token : List.of(customerToken(), agent)) {
            as(token).post(deactivate(target)).then().statusCode(403).contentType("application/problem+json");
            as(token).post(reactivate(target)).then().statusCode(403).contentType("application/problem+json");
        }
        json().post(deactivate(target)).then().statusCode(401).contentType("application/problem+json");
        json().post(reactivate(target)).then().statusCode(401).contentType("application/problem+json");
        // none of that changed anything; the admin may
        as(adminToken()).get("/api/admin/agents/?status=APPROVED&size=100").then().body("items.id", hasItem(target));
        as(adminToken()).post(deactivate(target)).then().statusCode(200);
    }

    @Test
    void deactivationAndReactivationArePublishedOnceEach() throws Exception {
        String email = uniqueEmail("deact-events");
        String id = approvedAgent(email);
        String admin = adminToken();
        String adminId = as(admin).get("/api/auth/me/").then().statusCode(200).extract().path("id");
        as(admin).post(deactivate(id)).then().statusCode(200);
        as(admin).post(deactivate(id)).then().statusCode(200); // no second event
        as(admin).post(reactivate(id)).then().statusCode(200);

        try (TopicReader reader = new TopicReader(TOPIC)) {
            List<ConsumerRecord<String, String>> records = reader.await(r -> id.equals(r.key()), 4, Duration.ofSeconds(20));
            assertEquals(List.of("com.logishift.support.account.registered.v1",
                            "com.logishift.support.agent.approved.v1",
                            "com.logishift.support.agent.deactivated.v1",
                            "com.logishift.support.agent.reactivated.v1"),
                    records.stream().map(r -> header(r, "ce_type")).toList());
            JsonNode deactivated = JSON.readTree(records.get(2).value());
            assertEquals(id, deactivated.get("accountId").asText());
            assertEquals(email, deactivated.get("email").asText());
            assertEquals("Test Person", deactivated.get("name").asText());
            assertEquals(adminId, deactivated.get("deactivatedBy").asText());
            Instant.parse(deactivated.get("deactivatedAt").asText());
            JsonNode reactivated = JSON.readTree(records.get(3).value());
            assertEquals(id, reactivated.get("accountId").asText());
            assertEquals(adminId, reactivated.get("reactivatedBy").asText());
            Instant.parse(reactivated.get("reactivatedAt").asText());
            assertEquals(id, header(records.get(2), "ce_subject"));
        }
    }

    @Test
    void theRevocationListNamesDeactivatedAgentsAndOutlivesReactivation() throws Exception {
        String email = uniqueEmail("deact-revoke");
        String id = approvedAgent(email);
        String oldToken = login(email, PASSWORD);
        long oldIssuedAt = claims(oldToken).get("iat").asLong();
        String admin = adminToken();
        assertFalse(revocations().getList("items.accountId").contains(id), "not listed while approved");

        as(oldToken).get("/api/auth/me/").then().statusCode(200);
        as(admin).post(deactivate(id)).then().statusCode(200);
        Instant validAfter = Instant.parse(revocationOf(id));
        assertTrue(oldIssuedAt <= validAfter.getEpochSecond(), "the old token falls under the revocation");
        // agent-service itself refuses it at once
        as(oldToken).get("/api/auth/me/").then().statusCode(401).contentType("application/problem+json");

        as(admin).post(reactivate(id)).then().statusCode(200);
        assertEquals(validAfter, Instant.parse(revocationOf(id)), "kept after reactivation: old tokens stay dead");
        // anonymous, internal, never routed by the gateway
        json().get("/internal/revocations/").then().statusCode(200).contentType("application/json");
    }

    private static JsonPath revocations() {
        return json().get("/internal/revocations").then().statusCode(200).extract().jsonPath();
    }

    private static String revocationOf(String id) {
        List<Map<String, String>> items = revocations().getList("items");
        return items.stream().filter(item -> id.equals(item.get("accountId"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in the revocation list")).get("tokensValidAfter");
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}

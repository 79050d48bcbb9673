package com.logishift.support.agent.account;

import static com.logishift.support.agent.support.Api.PASSWORD;
import static com.logishift.support.agent.support.Api.adminToken;
import static com.logishift.support.agent.support.Api.as;
import static com.logishift.support.agent.support.Api.json;
import static com.logishift.support.agent.support.Api.registerAgent;
import static com.logishift.support.agent.support.Api.registerCustomer;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class LoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void customerGetsABearerTokenWithTheSpecClaims() throws Exception {
        String email = uniqueEmail("login");
        String id = registerCustomer(email);
        Response response = json().body(Map.of("email", email.toUpperCase(), "password", PASSWORD))
                .post("/api/auth/login");
        response.then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0))
                .body("role", equalTo("customer"))
                .body("access_token", notNullValue());

        String token = response.path("access_token");
        JsonNode header = decode(token, 0);
        JsonNode claims = decode(token, 1);
        assertEquals("RS256", header.get("alg").asText());
        assertTrue(header.hasNonNull("kid"));
        assertEquals(id, claims.get("sub").asText());
        assertEquals("customer", claims.get("groups").get(0).asText());
        assertEquals(1, claims.get("groups").size());
        assertEquals(email, claims.get("email").asText());
        assertEquals("Test Person", claims.get("name").asText());
        assertEquals("https://support.logishift.com", claims.get("iss").asText());
        assertTrue(claims.get("exp").asLong() > claims.get("iat").asLong());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        String email = uniqueEmail("wrong");
        registerCustomer(email);
        String wrongPassword = json().body(Map.of("email", email, "password", "not the password"))
                .post("/api/auth/login/").then().statusCode(401).contentType("application/problem+json")
                .extract().path("detail");
        String unknownEmail = json().body(Map.of("email", uniqueEmail("nobody"), "password", "whatever1"))
                .post("/api/auth/login/").then().statusCode(401).contentType("application/problem+json")
                .extract().path("detail");
        assertEquals(wrongPassword, unknownEmail, "no hint whether the account exists");
    }

    @Test
    void pendingAgentIsRefusedWithTheReasonAndApprovedAgentGetsAnAgentToken() throws Exception {
        String email = uniqueEmail("agent");
        String id = registerAgent(email);
        json().body(Map.of("email", email, "password", PASSWORD)).post("/api/auth/login/")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("awaiting approval"));

        as(adminToken()).post("/api/admin/approve-agent/" + id).then().statusCode(200);

        String token = json().body(Map.of("email", email, "password", PASSWORD)).post("/api/auth/login/")
                .then().statusCode(200).body("role", equalTo("agent")).extract().path("access_token");
        JsonNode claims = decode(token, 1);
        assertEquals("[\"agent\"]", claims.get("groups").toString());
    }

    @Test
    void rejectedAgentIsRefusedWithTheAdminsReason() {
        String email = uniqueEmail("rejected");
        String id = registerAgent(email);
        as(adminToken()).body(Map.of("reason", "We could not verify your employment"))
                .post("/api/admin/reject-agent/" + id + "/").then().statusCode(200);
        json().body(Map.of("email", email, "password", PASSWORD)).post("/api/auth/login/")
                .then().statusCode(403)
                .body("detail", containsString("We could not verify your employment"));
    }

    @Test
    void wrongPasswordForAPendingAgentDoesNotRevealItsStatus() {
        String email = uniqueEmail("pending");
        registerAgent(email);
        json().body(Map.of("email", email, "password", "not the password"))
                .post("/api/auth/login/").then().statusCode(401);
    }

    @Test
    void repeatedFailuresAreThrottledWithRetryAfterEvenForTheRightPassword() {
        String email = uniqueEmail("throttle");
        registerCustomer(email);
        for (int attempt = 1; attempt <= 4; attempt++) {
            json().body(Map.of("email", email, "password", "guess number " + attempt))
                    .post("/api/auth/login/").then().statusCode(401);
        }
        json().body(Map.of("email", email, "password", "guess number 5"))
                .post("/api/auth/login/").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        String retryAfter = json().body(Map.of("email", email, "password", PASSWORD))
                .post("/api/auth/login/").then().statusCode(429).extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 30, "Retry-After " + seconds);
        // another account is not affected
        String other = uniqueEmail("other");
        registerCustomer(other);
        json().body(Map.of("email", other, "password", PASSWORD)).post("/api/auth/login/").then().statusCode(200);
    }

    @Test
    void badLoginInputIs400NamingTheField() {
        json().body(Map.of("password", PASSWORD)).post("/api/auth/login/")
                .then().statusCode(400).body("errors.field", hasItem("email"));
        json().body(Map.of("email", "a@b.co")).post("/api/auth/login/")
                .then().statusCode(400).body("errors.field", hasItem("password"));
    }

    static JsonNode decode(String token, int part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[part]));
    }
}

package com.logishift.support.agent.common;

import static com.logishift.support.agent.support.Api.PASSWORD;
import static com.logishift.support.agent.support.Api.adminToken;
import static com.logishift.support.agent.support.Api.as;
import static com.logishift.support.agent.support.Api.json;
import static com.logishift.support.agent.support.Api.registerAgent;
import static com.logishift.support.agent.support.Api.registerCustomer;
import static com.logishift.support.agent.support.Api.registration;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static com.logishift.support.kit.test.RequestChecks.assertInvalid;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.logishift.support.kit.test.ErrorLog;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.RawHttp;
import com.logishift.support.kit.test.RequestChecks;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every request must pass before any account rule looks at it, anonymous sign-up and sign-in
 * included: text without control characters or broken surrogates, JSON values of the declared type,
 * size limits, and no server error for a client's mistake.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class RequestRulesTest {

    @Test
    void aNulByteOrAnotherControlCharacterInAnyTextFieldIs400NamingTheField() {
        try (ErrorLog log = ErrorLog.open()) {
            Map<String, Object> signUp = registration(uniqueEmail("nul"));
            signUp.put("name", "Cleo\u0000Customer");
            assertInvalid(json().body(signUp).post("/api/auth/register/"), "name", "control characters");
            assertInvalid(json().body(Map.of("email", "cleo\u0000@example.com", "password", PASSWORD))
                    .post("/api/auth/login/"), "email", "control characters");
            Map<String, Object> agent = registration(uniqueEmail("nul-agent"));
            agent.put("name", "Ada\u0008Agent");
            assertInvalid(json().body(agent).post("/api/support/register-agent/"), "name", "control characters");

            String pending = registerAgent(uniqueEmail("to-reject"));
            assertInvalid(as(adminToken()).body(Map.of("reason", "no\u0000")).post("/api/admin/reject-agent/" + pending + "/"),
                    "reason", "control characters");
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void aControlCharacterInAQueryParameterIs400() {
        assertInvalid(as(adminToken()).queryParam("status", "\u0000").get("/api/admin/agents/"), "status", "control characters");
    }

    @Test
    void loneSurrogatesAre400SoTwoAddressesCannotBecomeOne() {
        String local = "surrogate-" + java.util.UUID.randomUUID();
        for (String escape : new String[] {"\\ud800", "\\udbff"}) {
            String body = "{\"name\":\"Sam\",\"email\":\"" + local + escape + "@example.com\",\"password\":\"" + PASSWORD + "\"}";
            assertInvalid(json().body(body).post("/api/auth/register/"), "email", "surrogate");
        }
        String pair = "{\"name\":\"Sam \\ud83d\\udce6\",\"email\":\"" + local + "@example.com\",\"password\":\"" + PASSWORD + "\"}";
        json().body(pair).post("/api/auth/register/").then().statusCode(201).body("name", equalTo("Sam \uD83D\uDCE6"));
    }

    @Test
    void jsonValuesOfAnotherTypeAreNotCoerced() {
        String email = uniqueEmail("types");
        assertInvalid(json().body("{\"name\":true,\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/auth/register/"), "name", "must be a string");
        assertInvalid(json().body("{\"name\":\"Sam\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"phone\":4930123456}").post("/api/auth/register/"), "phone", "must be a string");
        assertInvalid(json().body("{\"email\":\"" + email + "\",\"password\":12345678}").post("/api/auth/login/"),
                "password", "must be a string");
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJsonWithOrWithoutALength() throws Exception {
        try (ErrorLog log = ErrorLog.open()) {
            json().body(Map.of("email", "x@example.com", "password", "p".repeat(70 * 1024))).post("/api/auth/login/")
                    .then().statusCode(413).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(413));
            RequestChecks.assertChunkedBodyOverLimitIs413("POST /api/auth/register/ HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json", 200 * 1024);
            registerCustomer(uniqueEmail("after-413"));
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
        String email = uniqueEmail("chunked");
        byte[] json = ("{\"name\":\"Chunky\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Answer created = RawHttp.send("POST /api/auth/register/ HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked", RawHttp.chunked(json));
        assertThat(created.body(), created.status(), equalTo(201));
        assertThat(created.body(), containsString(email));
    }

    @Test
    void aLongUriIs414AndLargeHeadersAre431ProblemJson() throws Exception {
        RequestChecks.assertLongUriIs414AndLargeHeadersAre431("/api/auth/", "/api/auth/me/");
    }

    @Test
    void aClientHangingUpMidRequestIsNoServerError() throws Exception {
        try (ErrorLog log = ErrorLog.open()) {
            RequestChecks.hangUpMidRequests("POST /api/auth/register/ HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json", 30_000);
            registerCustomer(uniqueEmail("after-hang-up"));
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void aTokenExpired45SecondsAgoIsRefused() throws Exception {
        String id = registerCustomer(uniqueEmail("skew"));
        as(token(id, Instant.now().minusSeconds(45))).get("/api/auth/me/").then().statusCode(401);
        as(token(id, Instant.now().minusSeconds(10))).get("/api/auth/me/").then().statusCode(200);
    }

    /** Signed with the key the service itself signs with (the test profile's support.jwt.private-key-file). */
    private static String token(String subject, Instant expiresAt) {
        return Jwt.issuer(Tokens.ISSUER).subject(subject).groups(Set.of("customer"))
                .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).sign(JwtKeysTestResource.privateKey());
    }
}

package com.logishift.support.agent.account;

import static com.logishift.support.agent.support.Api.PASSWORD;
import static com.logishift.support.agent.support.Api.json;
import static com.logishift.support.agent.support.Api.registerCustomer;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling per (account, client): a stranger failing someone's password locks out only
 * themselves, and the answers never tell whether an email has an account. The client is the
 * address Quarkus resolves from X-Forwarded-For sent by a trusted proxy (127.0.0.1 in tests,
 * standing in for the gateway).
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class SignInThrottleTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String OWNER = "198.51.100.23";

    private static Response signIn(String client, String email, String password) {
        return json().header("X-Forwarded-For", client)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login/");
    }

    @Test
    void failuresLockOutOnlyTheFailingClientAndTheOwnerStillSignsIn() {
        String email = uniqueEmail("victim");
        registerCustomer(email);
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(ATTACKER, email, "guess " + attempt).then().statusCode(401);
        }
        signIn(ATTACKER, email, "guess 5").then().statusCode(429).header("Retry-After", "30");
        // the locked client is refused even with the right password ...
        signIn(ATTACKER, email, PASSWORD).then().statusCode(429);
        // ... while the owner, from another client, signs in as usual
        signIn(OWNER, email, PASSWORD).then().statusCode(200);
        // and the owner's success did not lift the attacker's lock-out
        signIn(ATTACKER, email, PASSWORD).then().statusCode(429);
    }

    @Test
    void unknownEmailsAreThrottledExactlyLikeKnownOnes() {
        String known = uniqueEmail("known");
        registerCustomer(known);
        String unknown = uniqueEmail("unknown");
        String client = "192.0.2.44";
        List<String> knownAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            Response forKnown = signIn(client, known, "wrong " + attempt);
            Response forUnknown = signIn(client, unknown, "wrong " + attempt);
            knownAnswers.add(describe(forKnown));
            unknownAnswers.add(describe(forUnknown));
            if (attempt == 5) {
                // the lock-out that begins now advertises the whole base lock-out either way
                assertEquals("30", forKnown.header("Retry-After"));
                assertEquals("30", forUnknown.header("Retry-After"));
            }
        }
        assertEquals(knownAnswers, unknownAnswers, "no hint whether the account exists");
        assertEquals(List.of(401, 401, 401, 401, 429, 429),
                knownAnswers.stream().map(a -> Integer.parseInt(a.substring(0, 3))).toList());
    }

    @Test
    void overLongPasswordIsA401LikeAnyWrongPassword() {
        String email = uniqueEmail("long");
        registerCustomer(email);
        String client = "192.0.2.91";
        Response wrong = signIn(client, email, "not the password");
        Response longAscii = signIn(client, email, PASSWORD + "x".repeat(73 - PASSWORD.length()));
        Response longUtf8 = signIn(client, email, "ü".repeat(40)); // 40 characters, 80 bytes
        Response unknownLong = signIn(client, uniqueEmail("nobody"), "y".repeat(1000));
        for (Response response : List.of(wrong, longAscii, longUtf8, unknownLong)) {
            response.then().statusCode(401).contentType("application/problem+json");
        }
        assertEquals(body(wrong), body(longAscii));
        assertEquals(body(wrong), body(longUtf8));
        assertEquals(body(wrong), body(unknownLong));
        assertEquals(wrong.header("WWW-Authenticate"), unknownLong.header("WWW-Authenticate"));
        // the owner is not affected by what another client tried
        signIn("192.0.2.92", email, PASSWORD).then().statusCode(200);
    }

    /** Status, whether there is a Retry-After, and the problem document. */
    private static String describe(Response response) {
        return response.statusCode() + " Retry-After " + (response.header("Retry-After") != null) + " "
                + body(response);
    }

    private static String body(Response response) {
        Map<String, Object> problem = response.jsonPath().getMap("");
        assertNotNull(problem.get("type"));
        return problem.toString();
    }
}

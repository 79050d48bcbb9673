package com.logishift.support.faq.security;

import com.logishift.support.kit.test.Eventually;
import static com.logishift.support.faq.support.Api.ADMIN;
import static com.logishift.support.faq.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.RevocationListServer;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deactivated agent's token is refused with 401 once the revocation list this service polls
 * names it; tokens issued after {@code tokensValidAfter}, and everyone else's, keep working.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(RevocationListServer.class)
class RevokedTokenTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @AfterEach
    void emptyTheList() {
        serve("{\"items\":[]}");
    }

    @Test
    void aListedTokenIsRefusedAfterTheNextRefresh() throws InterruptedException {
        String subject = UUID.randomUUID().toString();
        Instant validAfter = Instant.now().minusSeconds(30);
        String oldToken = Tokens.issuedAt(subject, "admin", validAfter.minusSeconds(60));
        String newToken = Tokens.issuedAt(subject, "admin", validAfter.plusSeconds(2));
        String otherToken = Tokens.of("admin");
        as(oldToken).get(ADMIN).then().statusCode(200);

        serve("{\"items\":[{\"accountId\":\"" + subject + "\",\"tokensValidAfter\":\"" + validAfter + "\"}]}");

        assertEquals(401, awaitStatus(oldToken, 401), "the revoked token is refused");
        as(oldToken).get(ADMIN).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        as(newToken).get(ADMIN).then().statusCode(200);
        as(otherToken).get(ADMIN).then().statusCode(200);
    }

    @Test
    void aListThatCannotBeFetchedKeepsTheLastOne() throws InterruptedException {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.issuedAt(subject, "admin", Instant.now().minusSeconds(60));
        serve("{\"items\":[{\"accountId\":\"" + subject + "\",\"tokensValidAfter\":\"" + Instant.now() + "\"}]}");
        assertEquals(401, awaitStatus(token, 401));

        serve("not json"); // a broken answer changes nothing
        awaitFetches(2);
        as(token).get(ADMIN).then().statusCode(401);
    }

    /** Polls until the token gets {@code expected} (or the wait is over); returns the last status. */
    private static int awaitStatus(String token, int expected) {
        try {
            return Eventually.value("status " + expected, WAIT, () -> as(token).get(ADMIN).statusCode(),
                    status -> status == expected);
        } catch (AssertionError e) {
            return as(token).get(ADMIN).statusCode();
        }
    }

    /** Waits until the service fetched the list {@code more} more times. */
    private static void awaitFetches(int more) {
        int start = fetches();
        Eventually.until("the revocation list fetched " + more + " more times", WAIT, () -> fetches() >= start + more);
    }

    private static int fetches() {
        return Integer.parseInt(given().get(url() + "/fetches").then().statusCode(200).extract().asString());
    }

    private static void serve(String json) {
        given().body(json).put(url()).then().statusCode(204);
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("support.revocations.url", String.class);
    }
}

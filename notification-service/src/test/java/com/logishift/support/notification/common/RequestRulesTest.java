package com.logishift.support.notification.common;

import static io.restassured.RestAssured.given;
import static com.logishift.support.kit.test.RequestChecks.assertInvalid;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.logishift.support.kit.test.ErrorLog;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.RequestChecks;
import com.logishift.support.kit.test.ThreadRecordingJwtParser;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every request must pass before the inbox looks at it: parameters without control characters,
 * size limits, no server error for a client's mistake, and token checks that respect the clock skew
 * and stay off the event loop.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class RequestRulesTest {

    private static final String INBOX = "/api/notifications/";

    @Test
    void aControlCharacterInAQueryOrPathParameterIs400NamingIt() {
        Tokens.Person customer = Tokens.customer();
        try (ErrorLog log = ErrorLog.open()) {
            assertInvalid(as(customer).queryParam("unread", "\u0000").get(INBOX), "unread", "control characters");
            assertInvalid(as(customer).post(INBOX + "{id}/read", "\u0000"), "id", "control characters");
            assertInvalid(given().accept("text/event-stream").queryParam("ticket", "\u0000").get(INBOX + "stream/"), "ticket", "control characters");
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJsonWithOrWithoutALength() throws Exception {
        Tokens.Person customer = Tokens.customer();
        try (ErrorLog log = ErrorLog.open()) {
            as(customer).body(Map.of("filler", "x".repeat(20 * 1024))).post(INBOX + "read-all/")
                    .then().statusCode(413).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(413));
            RequestChecks.assertChunkedBodyOverLimitIs413("POST " + INBOX + "read-all/ HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + customer.bearer() + "\r\nContent-Type: application/json", 20 * 1024);
            as(customer).get(INBOX).then().statusCode(200);
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void aLongUriIs414AndLargeHeadersAre431ProblemJson() throws Exception {
        RequestChecks.assertLongUriIs414AndLargeHeadersAre431(INBOX + "?unread=", INBOX);
    }

    @Test
    void aClientHangingUpMidRequestIsNoServerError() throws Exception {
        Tokens.Person customer = Tokens.customer();
        try (ErrorLog log = ErrorLog.open()) {
            RequestChecks.hangUpMidRequests("POST " + INBOX + "read-all/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + customer.bearer() + "\r\nContent-Type: application/json", 12_000);
            as(customer).post(INBOX + "read-all/").then().statusCode(200);
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void aTokenExpired45SecondsAgoIsRefused() {
        Tokens.Person customer = Tokens.customer();
        json().header("Authorization", "Bearer " + Tokens.expiredSecondsAgo(customer, 45)).get(INBOX).then().statusCode(401);
        // within the 30 s allowed for clocks that differ
        json().header("Authorization", "Bearer " + Tokens.expiredSecondsAgo(customer, 10)).get(INBOX).then().statusCode(200);
    }

    @Test
    void tokensAreVerifiedOffTheEventLoop() {
        Tokens.Person customer = Tokens.customer();
        ThreadRecordingJwtParser.assertVerifiedOffTheEventLoop(() -> {
            as(customer).get(INBOX).then().statusCode(200);
            as(customer).get(INBOX + "unread-count").then().statusCode(200);
            as(customer).post(INBOX + "stream-ticket").then().statusCode(200);
        });
    }

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static RequestSpecification as(Tokens.Person person) {
        return json().header("Authorization", person.bearer());
    }
}

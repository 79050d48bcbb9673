package com.logishift.support.ticket.common;

import static com.logishift.support.ticket.support.Api.anonymous;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.ticketBody;
import static com.logishift.support.kit.test.RequestChecks.assertInvalid;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.logishift.support.kit.test.ErrorLog;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.RawHttp;
import com.logishift.support.kit.test.RequestChecks;
import com.logishift.support.kit.test.ThreadRecordingJwtParser;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every request must pass before any ticket rule looks at it: text without control characters
 * or broken surrogates (body, query and path), JSON values of the declared type, size limits, and no
 * server error for a client's mistake.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class RequestRulesTest {

    private static final String TICKETS = "/api/support/tickets/";

    @Test
    void aNulByteOrAnotherControlCharacterInAnyTextFieldIs400NamingTheField() {
        Tokens.Person customer = Tokens.customer();
        Tokens.Person admin = Tokens.admin();
        try (ErrorLog log = ErrorLog.open()) {
            assertInvalid(as(customer).body(ticketBody("Broken\u0000vase")).post(TICKETS + "create/"), "subject", "control characters");
            Map<String, Object> body = ticketBody("Broken vase");
            body.put("description", "It rang \u0007 when I opened it");
            assertInvalid(as(customer).body(body).post(TICKETS + "create/"), "description", "control characters");

            String id = openTicket(customer);
            assertInvalid(as(admin).body(Map.of("body", "checked\u0000")).post(TICKETS + id + "/add-note/"), "body", "control characters");
            assertInvalid(as(customer).body(Map.of("rating", 4, "comment", "ok\u001b[31m")).post(TICKETS + id + "/feedback/"),
                    "comment", "control characters");
            assertInvalid(as(admin).body(Map.of("agentId", "\u0000")).post(TICKETS + id + "/reassign/"), "agentId", "control characters");
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void tabsLineBreaksAndEmojiStayAllowed() {
        Tokens.Person customer = Tokens.customer();
        Map<String, Object> body = ticketBody("Broken vase \uD83D\uDCE6");
        body.put("description", "Line one\r\n\tLine two\nLine three");
        String id = as(customer).body(body).post(TICKETS + "create/").then().statusCode(201).extract().path("id");
        as(customer).get(TICKETS + id).then().statusCode(200)
                .body("subject", equalTo("Broken vase \uD83D\uDCE6"))
                .body("description", equalTo("Line one\r\n\tLine two\nLine three"));
    }

    @Test
    void controlCharactersInQueryAndPathParametersAre400() {
        Tokens.Person admin = Tokens.admin();
        assertInvalid(as(admin).queryParam("assigneeId", "\u0000").get("/api/admin/support/tickets"), "assigneeId", "control characters");
        assertInvalid(as(admin).get(TICKETS + "{id}", "\u0001"), "id", "control characters");
    }

    @Test
    void aLoneSurrogateIs400NamingTheField() {
        Tokens.Person customer = Tokens.customer();
        String json = "{\"subject\":\"Broken \\ud800 vase\",\"category\":\"DAMAGED\",\"description\":\"crushed\"}";
        assertInvalid(as(customer).body(json).post(TICKETS + "create/"), "subject", "surrogate");
        String reversed = "{\"subject\":\"Broken vase\",\"category\":\"DAMAGED\",\"description\":\"crushed \\udc00\\ud800\"}";
        assertInvalid(as(customer).body(reversed).post(TICKETS + "create/"), "description", "surrogate");
    }

    @Test
    void jsonValuesOfAnotherTypeAreNotCoerced() {
        Tokens.Person customer = Tokens.customer();
        Tokens.Person admin = Tokens.admin();
        String id = openTicket(customer);
        assertInvalid(as(admin).body("{\"status\":3}").put(TICKETS + id + "/update-status/"), "status", "must be one of");
        assertInvalid(as(admin).body("{\"status\":\"3\"}").put(TICKETS + id + "/update-status/"), "status", "must be one of");
        as(admin).get(TICKETS + id).then().statusCode(200).body("status", equalTo("OPEN"));

        assertInvalid(as(customer).body("{\"subject\":\"Broken vase\",\"category\":0,\"description\":\"crushed\"}")
                .post(TICKETS + "create/"), "category", "must be one of");
        assertInvalid(as(customer).body("{\"subject\":true,\"category\":\"DAMAGED\",\"description\":\"crushed\"}")
                .post(TICKETS + "create/"), "subject", "must be a string");
        assertInvalid(as(customer).body("{\"subject\":\"Broken vase\",\"category\":\"DAMAGED\",\"description\":12345}")
                .post(TICKETS + "create/"), "description", "must be a string");
        assertInvalid(as(customer).body("{\"rating\":5.9}").post(TICKETS + id + "/feedback/"), "rating", "must be a whole number");
        assertInvalid(as(customer).body("{\"rating\":\"5\"}").post(TICKETS + id + "/feedback/"), "rating", "must be a whole number");
        assertInvalid(as(admin).body("{\"unassign\":1}").post(TICKETS + id + "/reassign/"), "unassign", "must be true or false");
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJsonWithOrWithoutALength() throws Exception {
        Tokens.Person customer = Tokens.customer();
        try (ErrorLog log = ErrorLog.open()) {
            Map<String, Object> body = ticketBody("Broken vase");
            body.put("description", "x".repeat(70 * 1024));
            as(customer).body(body).post(TICKETS + "create/").then().statusCode(413)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(413)).body("type", containsString("too-large"));

            RequestChecks.assertChunkedBodyOverLimitIs413("POST " + TICKETS + "create/ HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + customer.bearer() + "\r\nContent-Type: application/json", 70 * 1024);

            // a later request is served normally, and nothing above was a server error
            openTicket(customer);
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
        Tokens.Person customer = Tokens.customer();
        String description = "Crushed corner. ".repeat(600).strip();
        byte[] json = ("{\"subject\":\"Sent in chunks\",\"category\":\"DAMAGED\",\"description\":\"" + description + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Answer created = RawHttp.send("POST " + TICKETS + "create/ HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + customer.bearer() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", RawHttp.chunked(json));
        assertThat(created.body(), created.status(), equalTo(201));
        String id = io.restassured.path.json.JsonPath.from(created.body()).getString("id");
        as(customer).get(TICKETS + id).then().statusCode(200)
                .body("subject", equalTo("Sent in chunks")).body("description", equalTo(description));
    }

    @Test
    void aLongUriIs414AndLargeHeadersAre431ProblemJson() throws Exception {
        RequestChecks.assertLongUriIs414AndLargeHeadersAre431(TICKETS, TICKETS);
    }

    @Test
    void aClientHangingUpMidRequestIsNoServerError() throws Exception {
        Tokens.Person customer = Tokens.customer();
        try (ErrorLog log = ErrorLog.open()) {
            RequestChecks.hangUpMidRequests("POST " + TICKETS + "create/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + customer.bearer() + "\r\nContent-Type: application/json", 30_000);
            // served after the hang-ups on the same server: their failures would have been logged by now
            openTicket(customer);
            anonymous().get("/q/health/ready").then().statusCode(200);
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void aTokenExpired45SecondsAgoIsRefused() {
        Tokens.Person customer = Tokens.customer();
        anonymous().header("Authorization", "Bearer " + Tokens.expiredSecondsAgo(customer, 45))
                .get(TICKETS).then().statusCode(401);
        // within the 30 s allowed for clocks that differ
        anonymous().header("Authorization", "Bearer " + Tokens.expiredSecondsAgo(customer, 10))
                .get(TICKETS).then().statusCode(200);
    }

    @Test
    void tokensAreVerifiedOffTheEventLoop() {
        Tokens.Person customer = Tokens.customer();
        ThreadRecordingJwtParser.assertVerifiedOffTheEventLoop(() -> {
            as(customer).get(TICKETS).then().statusCode(200);
            openTicket(customer);
        });
    }
}

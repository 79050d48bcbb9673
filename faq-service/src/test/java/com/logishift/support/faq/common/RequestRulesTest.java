package com.logishift.support.faq.common;

import static com.logishift.support.faq.support.Api.ADMIN;
import static com.logishift.support.faq.support.Api.PUBLIC;
import static com.logishift.support.faq.support.Api.as;
import static com.logishift.support.faq.support.Api.asAdmin;
import static com.logishift.support.faq.support.Api.create;
import static com.logishift.support.faq.support.Api.entry;
import static com.logishift.support.faq.support.Api.json;
import static com.logishift.support.faq.support.Api.uniqueTopic;
import static com.logishift.support.faq.support.Api.uniqueWord;
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
import com.logishift.support.kit.test.ThreadRecordingJwtParser;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every request must pass before any FAQ rule looks at it, anonymous search included: text
 * without control characters or broken surrogates, JSON values of the declared type, size limits, no
 * server error for a client's mistake, and token checks that respect the clock skew and stay off the
 * event loop.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class RequestRulesTest {

    @Test
    void aNulByteOrAnotherControlCharacterInAnyTextIs400NamingTheField() {
        try (ErrorLog log = ErrorLog.open()) {
            assertInvalid(asAdmin().body(entry(uniqueTopic(), "en", "Where\u0000 is it?", "Here.")).post(ADMIN),
                    "question", "control characters");
            assertInvalid(asAdmin().body(entry(uniqueTopic(), "en", "Where is it?", "Here\u0001.")).post(ADMIN),
                    "answer", "control characters");
            String id = create(entry(uniqueTopic(), "en", "Where is " + uniqueWord() + "?", "Here."));
            assertInvalid(asAdmin().body(entry(uniqueTopic(), "en", "Where is it?\u007f", "Here.")).put(ADMIN + id),
                    "question", "control characters");
            assertInvalid(json().queryParam("q", "parcel\u0000lost").get(PUBLIC), "q", "control characters");
            assertInvalid(json().queryParam("q", "parcel").queryParam("lang", "e\u0000").get(PUBLIC), "lang", "control characters");
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void tabsAndLineBreaksStayAllowedInAnswers() {
        String answer = "Step one:\r\n\t- look\n\t- ask";
        String id = create(entry(uniqueTopic(), "en", "Where is " + uniqueWord() + "?", answer));
        json().get(PUBLIC + id).then().statusCode(200).body("answer", equalTo(answer));
    }

    @Test
    void aLoneSurrogateIs400NamingTheField() {
        String body = "{\"topicKey\":\"" + uniqueTopic() + "\",\"language\":\"en\",\"category\":\"OTHER\","
                + "\"question\":\"Where \\ud800 is it?\",\"answer\":\"Here.\"}";
        assertInvalid(asAdmin().body(body).post(ADMIN), "question", "surrogate");
    }

    @Test
    void jsonValuesOfAnotherTypeAreNotCoerced() {
        String topic = uniqueTopic();
        assertInvalid(asAdmin().body("{\"topicKey\":\"" + topic + "\",\"language\":\"en\",\"category\":0,"
                + "\"question\":\"Where is it?\",\"answer\":\"Here.\"}").post(ADMIN), "category", "must be one of");
        assertInvalid(asAdmin().body("{\"topicKey\":\"" + topic + "\",\"language\":\"en\",\"category\":\"OTHER\","
                + "\"question\":true,\"answer\":\"Here.\"}").post(ADMIN), "question", "must be a string");
        assertInvalid(asAdmin().body("{\"topicKey\":\"" + topic + "\",\"language\":\"en\",\"category\":\"OTHER\","
                + "\"question\":\"Where is it?\",\"answer\":\"Here.\",\"order\":2.5}").post(ADMIN), "order",
                "must be a whole number");
        assertInvalid(asAdmin().body("{\"topicKey\":\"" + topic + "\",\"language\":\"en\",\"category\":\"OTHER\","
                + "\"question\":\"Where is it?\",\"answer\":\"Here.\",\"published\":\"yes\"}").post(ADMIN), "published",
                "must be true or false");
        String id = create(entry(uniqueTopic(), "en", "Where is " + uniqueWord() + "?", "Here."));
        assertInvalid(as(Tokens.of("customer")).body("{\"helpful\":1}").post(PUBLIC + id + "/vote"), "helpful",
                "must be true or false");
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJsonWithOrWithoutALength() throws Exception {
        try (ErrorLog log = ErrorLog.open()) {
            asAdmin().body(entry(uniqueTopic(), "en", "Big?", "x".repeat(70 * 1024))).post(ADMIN)
                    .then().statusCode(413).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(413));
            RequestChecks.assertChunkedBodyOverLimitIs413("POST " + ADMIN + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.of("admin") + "\r\nContent-Type: application/json", 70 * 1024);
            json().get(PUBLIC).then().statusCode(200);
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
        String question = "Where is " + uniqueWord() + "?";
        byte[] json = ("{\"topicKey\":\"" + uniqueTopic() + "\",\"language\":\"en\",\"category\":\"OTHER\","
                + "\"question\":\"" + question + "\",\"answer\":\"" + "Here. ".repeat(3000) + "\",\"published\":true}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Answer created = RawHttp.send("POST " + ADMIN + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.of("admin") + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                RawHttp.chunked(json));
        assertThat(created.body(), created.status(), equalTo(201));
        assertThat(created.body(), containsString(question));
    }

    @Test
    void aLongUriIs414AndLargeHeadersAre431ProblemJson() throws Exception {
        RequestChecks.assertLongUriIs414AndLargeHeadersAre431(PUBLIC + "?q=", PUBLIC);
    }

    @Test
    void aClientHangingUpMidRequestIsNoServerError() throws Exception {
        try (ErrorLog log = ErrorLog.open()) {
            RequestChecks.hangUpMidRequests("POST " + ADMIN + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + Tokens.of("admin") + "\r\nContent-Type: application/json", 30_000);
            create(entry(uniqueTopic(), "en", "Where is " + uniqueWord() + "?", "Here."));
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void aTokenExpired45SecondsAgoIsRefused() {
        String id = create(entry(uniqueTopic(), "en", "Where is " + uniqueWord() + "?", "Here."));
        as(Tokens.expiredSecondsAgo("customer", 45)).body(Map.of("helpful", true)).post(PUBLIC + id + "/vote")
                .then().statusCode(401);
        as(Tokens.expiredSecondsAgo("customer", 10)).body(Map.of("helpful", true)).post(PUBLIC + id + "/vote")
                .then().statusCode(200);
    }

    @Test
    void tokensAreVerifiedOffTheEventLoop() {
        ThreadRecordingJwtParser.assertVerifiedOffTheEventLoop(() -> {
            asAdmin().get(ADMIN).then().statusCode(200);
            String id = create(entry(uniqueTopic(), "en", "Where is " + uniqueWord() + "?", "Here."));
            as(Tokens.of("customer")).body(Map.of("helpful", true)).post(PUBLIC + id + "/vote").then().statusCode(200);
        });
    }
}

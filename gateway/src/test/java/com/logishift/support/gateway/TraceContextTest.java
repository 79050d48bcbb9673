package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The service continues the gateway's trace: it receives the gateway's own span as its parent — in
 * the caller's trace when the caller sent one, in a new trace otherwise — and never what a caller
 * made up.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class TraceContextTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Test
    void theServiceGetsTheGatewaysSpanInTheCallersTrace() {
        Matcher seen = passedOn(given().header("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01"));
        assertEquals(TRACE, seen.group(1), "the caller's trace goes on");
        assertNotEquals(CALLER_SPAN, seen.group(2), "the parent is the gateway's span, not the caller's");
    }

    @Test
    void withoutTraceContextEachRequestStartsATraceOfItsOwn() {
        String first = passedOn(given()).group(1);
        String second = passedOn(given()).group(1);
        assertNotEquals(first, second);
        assertNotEquals("0".repeat(32), first);
    }

    @Test
    void aMadeUpTraceparentIsNeitherFollowedNorPassedOn() {
        for (String hostile : new String[] {"00-" + "zz".repeat(16) + "-" + CALLER_SPAN + "-01",
                "00-" + "0".repeat(32) + "-" + CALLER_SPAN + "-01", "ff-" + TRACE + "-" + CALLER_SPAN + "-01",
                "00-" + TRACE + "-" + CALLER_SPAN + "-01-" + "x".repeat(3000), "not a traceparent"}) {
            Matcher seen = passedOn(given().header("traceparent", hostile));
            assertNotEquals(TRACE, seen.group(1), "followed: " + hostile.substring(0, Math.min(60, hostile.length())));
            assertNotEquals("0".repeat(32), seen.group(1));
        }
    }

    /** The traceparent the FAQ stand-in received (it echoes its request's headers). */
    private static Matcher passedOn(RequestSpecification request) {
        String traceparent = request.get("/api/support/faq/").then().statusCode(200)
                .extract().path("headers.traceparent");
        assertNotNull(traceparent, "no traceparent passed on");
        Matcher matcher = TRACEPARENT.matcher(traceparent);
        assertTrue(matcher.matches(), traceparent);
        return matcher;
    }
}

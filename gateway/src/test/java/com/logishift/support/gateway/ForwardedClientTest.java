package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind the ingress every caller arrives from the ingress controller's few addresses: the gateway
 * takes the caller's address from X-Forwarded-For, but only when a trusted proxy (127.0.0.2 in the
 * %test profile) sends it; limits are per that address, and the services get exactly that one.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class ForwardedClientTest {

    /** A trusted proxy, as the %test profile configures it. */
    private static final String TRUSTED_PROXY = "127.0.0.2";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCallerCannotChooseItsOwnAddress() {
        // 127.0.0.1 is no trusted proxy: what it says in X-Forwarded-* is ignored and not passed on
        given().header("X-Forwarded-For", "203.0.113.9").header("X-Real-IP", "203.0.113.9")
                .header("Forwarded", "for=203.0.113.9")
                .get("/api/support/faq/")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-real-ip", equalTo(null))
                .body("headers.forwarded", equalTo(null));
    }

    @Test
    void aTrustedProxyNamesTheCallerAndTheServiceGetsExactlyThatAddress() {
        RawHttp.Answer answer = RawHttp.sendFrom(TRUSTED_PROXY, base.getPort(), "GET", "/api/support/faq/",
                Map.of("X-Forwarded-For", "198.51.100.23", "X-Forwarded-Proto", "https",
                        "X-Forwarded-Host", "support.logishift.com"), null);
        assertEquals(200, answer.status(), answer.body());
        var seen = answer.json().getJsonObject("headers");
        assertEquals("198.51.100.23", seen.getString("x-forwarded-for"), "one address: the caller's");
        assertEquals("https", seen.getString("x-forwarded-proto"));
        assertEquals("support.logishift.com", seen.getString("x-forwarded-host"));
    }

    @Test
    void signInIsLimitedPerCallerBehindTheProxyNotPerProxy() {
        // %test: 5 sign-in attempts a minute per caller. One caller behind the proxy uses up its own …
        int refused = 0;
        for (int i = 0; i < 7; i++) {
            if (signInThroughTheProxy("198.51.100.40").status() == 429) {
                refused++;
            }
        }
        assertTrue(refused >= 1, "the 6th and 7th attempt of one caller are refused");
        // … while another caller behind the same proxy is not affected
        RawHttp.Answer other = signInThroughTheProxy("198.51.100.41");
        assertNotEquals(429, other.status(), "a different caller behind the same proxy has its own limit");
        assertEquals("198.51.100.41", other.json().getJsonObject("headers").getString("x-forwarded-for"));
    }

    @Test
    void aForgedForwardedForDoesNotEscapeTheSignInLimit() {
        // from 127.0.0.3 (no proxy; its own limit, so other tests' sign-ins from 127.0.0.1 are not spent)
        int refused = 0;
        for (int i = 0; i < 7; i++) {
            RawHttp.Answer answer = RawHttp.sendFrom("127.0.0.3", base.getPort(), "POST", "/api/auth/login/",
                    Map.of("X-Forwarded-For", "192.0.2." + i), "{}");
            if (answer.status() == 429) {
                refused++;
            } else {
                assertEquals("127.0.0.3", answer.json().getJsonObject("headers").getString("x-forwarded-for"));
            }
        }
        assertTrue(refused >= 1, "every attempt counts against 127.0.0.3, whatever it claims");
    }

    private RawHttp.Answer signInThroughTheProxy(String caller) {
        return RawHttp.sendFrom(TRUSTED_PROXY, base.getPort(), "POST", "/api/auth/login/",
                Map.of("X-Forwarded-For", caller, "X-Forwarded-Proto", "https"), "{}");
    }
}

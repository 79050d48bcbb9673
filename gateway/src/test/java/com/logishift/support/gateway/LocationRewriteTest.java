package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.RawHttp;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service's Location names its own address (http://127.0.0.1:8083/…): the caller gets the public one. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class LocationRewriteTest {

    /** A trusted proxy, as the %test profile configures it. */
    private static final String TRUSTED_PROXY = "127.0.0.2";

    private static final String ID = "[0-9a-f-]{36}";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCreatedEntryIsNamedByTheGatewaysAddress() {
        given().header("Authorization", Tokens.admin().bearer()).contentType(ContentType.JSON)
                .body("{\"question\":\"Where is my parcel?\"}")
                .post("/api/admin/faq/")
                .then().statusCode(201)
                .header("Location", matchesPattern("http://localhost:" + base.getPort() + "/api/admin/faq/" + ID
                        + "/\\?lang=de"));
    }

    @Test
    void behindATrustedProxyItIsThePublicSchemeAndHost() {
        RawHttp.Answer answer = RawHttp.sendFrom(TRUSTED_PROXY, base.getPort(), "POST", "/api/admin/faq/",
                Map.of("Authorization", Tokens.admin().bearer(), "X-Forwarded-For", "198.51.100.60",
                        "X-Forwarded-Proto", "https", "X-Forwarded-Host", "support.logishift.com"),
                "{\"question\":\"Where is my parcel?\"}");
        assertEquals(201, answer.status(), answer.body());
        assertTrue(answer.header("Location").matches("https://support\\.logishift\\.com/api/admin/faq/" + ID + "/\\?lang=de"),
                answer.header("Location"));
    }

    @Test
    void aCallerThatIsNoProxyCannotChooseTheHost() {
        given().header("Authorization", Tokens.admin().bearer()).contentType(ContentType.JSON)
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .body("{\"question\":\"Where is my parcel?\"}")
                .post("/api/admin/faq/")
                .then().statusCode(201)
                .header("Location", matchesPattern("http://localhost:" + base.getPort() + "/api/admin/faq/" + ID + ".*"));
    }

    @Test
    void relativeLocationsStayAsTheyAre() {
        assertEquals("/api/admin/faq/1/", Proxy.publicLocation("/api/admin/faq/1/", null));
    }
}

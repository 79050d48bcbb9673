package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.security.RevokedTokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Of service-kit the gateway takes the token revocation list only: the kit's request limits (which
 * read every body into memory) and its security augmentor never become beans here.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class KitBeansTest {

    @Test
    void onlyTheRevocationListIsABean() {
        assertTrue(Arc.container().select(RevokedTokens.class).isResolvable());
        assertFalse(Arc.container().select(com.logishift.support.kit.RequestLimits.class).isResolvable());
        assertFalse(Arc.container().select(com.logishift.support.kit.security.RevocationCheck.class).isResolvable());
        assertFalse(Arc.container().select(java.time.Clock.class).isResolvable());
        assertFalse(Arc.container().select(com.logishift.support.kit.security.CachingJwtParser.class).isResolvable());
        assertFalse(Arc.container().select(com.logishift.support.kit.Admission.class).isResolvable());
        assertFalse(Arc.container().select(com.logishift.support.kit.tracing.RequestIdOnSpans.class).isResolvable());
    }

    @Test
    void bodiesStillStreamUnderTheGatewaysOwnLimits() {
        // the kit's limits (they would run first) answer with other types and larger limits
        given().header("Authorization", Tokens.agent().bearer()).contentType(ContentType.JSON)
                .body("{\"body\":\"" + "k".repeat(70 * 1024) + "\"}")
                .post("/api/support/tickets/" + UUID.randomUUID() + "/add-note/")
                .then().statusCode(413)
                .body("type", equalTo("https://support.logishift.com/problems/payload-too-large"))
                .body("detail", equalTo("The request body is larger than 65536 bytes."));
        given().header("X-Padding", "h".repeat(25_000)).get("/api/support/faq/")
                .then().statusCode(431)
                .body("type", equalTo("https://support.logishift.com/problems/request-header-fields-too-large"));
    }
}

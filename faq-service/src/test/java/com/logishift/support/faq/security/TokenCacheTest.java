package com.logishift.support.faq.security;

import static com.logishift.support.faq.support.Api.ADMIN;
import static com.logishift.support.faq.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.security.CachingJwtParser;
import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.RevocationListServer;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * service-kit's verified-token cache in a service: a token is verified once and then remembered, but
 * a revocation still refuses it at once, and past its exp (and the 30 s clock skew) it is refused
 * although it was remembered.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(RevocationListServer.class)
class TokenCacheTest {

    @Inject
    JWTParser parser;

    @AfterEach
    void emptyTheList() {
        given().body("{\"items\":[]}").put(revocations()).then().statusCode(204);
    }

    @Test
    void aRememberedTokenIsStillRefusedOnceRevoked() {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.issuedAt(subject, "admin", Instant.now().minusSeconds(60));
        assertFalse(cache().remembers(token));
        as(token).get(ADMIN).then().statusCode(200);
        assertTrue(cache().remembers(token), "verified once, then remembered");

        given().body("{\"items\":[{\"accountId\":\"" + subject + "\",\"tokensValidAfter\":\"" + Instant.now() + "\"}]}")
                .put(revocations()).then().statusCode(204);
        Eventually.until("the remembered token refused", () -> as(token).get(ADMIN).statusCode() == 401);
        assertTrue(cache().remembers(token), "refused by the revocation list, not by forgetting it");
    }

    @Test
    void aRememberedTokenIsRefusedPastItsExpiry() {
        // exp a few seconds ahead: enough for the first request and the look at the cache on a busy machine
        String token = Tokens.sign(UUID.randomUUID(), "admin", "Ada", Instant.now().plusSeconds(10));
        as(token).get(ADMIN).then().statusCode(200);
        assertTrue(cache().remembers(token));
        // remembered until exp only; verified again after it, so refused once past the clock skew
        Eventually.until("the token refused past exp", Duration.ofSeconds(90),
                () -> as(token).get(ADMIN).statusCode() == 401);
        assertFalse(cache().remembers(token));
    }

    @Test
    void aForgedTokenIsNotTakenForARememberedOne() {
        String token = Tokens.of("admin");
        as(token).get(ADMIN).then().statusCode(200);
        // same header and claims, another signature
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        as(forged).get(ADMIN).then().statusCode(401);
        assertFalse(cache().remembers(forged));
    }

    private CachingJwtParser cache() {
        return (CachingJwtParser) parser;
    }

    private static String revocations() {
        return ConfigProvider.getConfig().getValue("support.revocations.url", String.class);
    }
}

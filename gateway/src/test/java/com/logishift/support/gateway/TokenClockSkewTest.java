package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A token is accepted at most 30 s past its exp (mp.jwt.verify.clock.skew), not the default 60 s. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class TokenClockSkewTest {

    @Test
    void aTokenExpired45SecondsAgoIsRefusedAndOneExpired10SecondsAgoStillPasses() throws Exception {
        given().header("Authorization", "Bearer " + expiredSecondsAgo(45)).get("/api/support/tickets/")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + expiredSecondsAgo(10)).get("/api/support/tickets/")
                .then().statusCode(200).body("backend", equalTo("ticket"));
    }

    private static String expiredSecondsAgo(long seconds) throws Exception {
        String pem = Files.readString(Path.of("target", "test-jwt", "private.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        Instant expiresAt = Instant.now().minusSeconds(seconds);
        UUID id = UUID.randomUUID();
        return Jwt.issuer("https://support.logishift.com").subject(id.toString()).groups(Set.of("customer"))
                .claim("email", "customer-" + id + "@example.com").claim("name", "Skew Test")
                .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt)
                .jws().keyId("test")
                .sign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
    }
}

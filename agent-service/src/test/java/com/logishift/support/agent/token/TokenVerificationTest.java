package com.logishift.support.agent.token;

import static com.logishift.support.agent.support.Api.PASSWORD;
import static com.logishift.support.agent.support.Api.as;
import static com.logishift.support.agent.support.Api.customerToken;
import static com.logishift.support.agent.support.Api.json;
import static com.logishift.support.agent.support.Api.login;
import static com.logishift.support.agent.support.Api.registerCustomer;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/** Tokens verify against the published JWKS; anything forged, expired or unsigned is refused. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class TokenVerificationTest {

    @Test
    void issuedTokenVerifiesAgainstThePublishedJwks() throws Exception {
        String email = uniqueEmail("jwks");
        String id = registerCustomer(email);
        String token = login(email, PASSWORD);

        String jwksJson = given().get("/api/auth/jwks/").then().statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .extract().asString();
        JsonWebKeySet jwks = new JsonWebKeySet(jwksJson);
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer("https://support.logishift.com")
                .setRequireExpirationTime()
                .setSkipDefaultAudienceValidation()
                .build();
        JwtClaims claims = consumer.processToClaims(token);
        assertEquals(id, claims.getSubject());
        assertEquals(java.util.List.of("customer"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void meReturnsTheSignedInAccountWithoutSecrets() {
        String email = uniqueEmail("me");
        String id = registerCustomer(email);
        as(login(email, PASSWORD)).get("/api/auth/me/").then().statusCode(200)
                .body("id", equalTo(id))
                .body("email", equalTo(email))
                .body("role", equalTo("customer"))
                .body("passwordHash", org.hamcrest.Matchers.nullValue());
        as(customerToken()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void anonymousMeIs401ProblemJson() {
        json().get("/api/auth/me/").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = claims(Instant.now().plusSeconds(600)).sign(generator.generateKeyPair().getPrivate());
        as(forged).get("/api/auth/me/").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        String expired = claims(Instant.now().minusSeconds(3600)).sign(serviceKey());
        as(expired).get("/api/auth/me/").then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        String token = Jwt.issuer("https://evil.example").subject(java.util.UUID.randomUUID().toString())
                .groups(Set.of("admin")).expiresAt(Instant.now().plusSeconds(600)).sign(serviceKey());
        as(token).get("/api/admin/agents/").then().statusCode(401);
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"https://support.logishift.com\",\"sub\":\""
                + java.util.UUID.randomUUID() + "\",\"groups\":[\"admin\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}").getBytes(StandardCharsets.UTF_8));
        as(header + "." + payload + ".").get("/api/admin/agents/").then().statusCode(401);
    }

    @Test
    void garbageTokenIsRefused() {
        as("not-a-jwt").get("/api/auth/me/").then().statusCode(401).contentType("application/problem+json");
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(Instant expiresAt) {
        return Jwt.issuer("https://support.logishift.com")
                .subject(java.util.UUID.randomUUID().toString())
                .groups(Set.of("admin"))
                .issuedAt(expiresAt.minusSeconds(1200))
                .expiresAt(expiresAt);
    }

    /** The key the service signs with (the test profile's support.jwt.private-key-file). */
    private static PrivateKey serviceKey() {
        return JwtKeysTestResource.privateKey();
    }
}

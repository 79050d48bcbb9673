package com.logishift.support.ticket.support;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Tokens shaped exactly like agent-service's (RS256, sub, groups, email, name, iss, exp), signed
 * with the per-run test key whose public half the service trusts.
 */
public final class Tokens {

    public static final String ISSUER = "https://support.logishift.com";

    private Tokens() {
    }

    /** A person with an id and a token. */
    public record Person(UUID id, String role, String name, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    public static Person customer() {
        return person("customer");
    }

    public static Person agent() {
        return person("agent");
    }

    public static Person admin() {
        return person("admin");
    }

    public static Person person(String role) {
        UUID id = UUID.randomUUID();
        String name = role.substring(0, 1).toUpperCase() + role.substring(1) + " " + id.toString().substring(0, 4);
        return new Person(id, role, name, sign(id, role, name, Instant.now().plusSeconds(1800)));
    }

    /** The person's token, with exp {@code seconds} in the past. */
    public static String expiredSecondsAgo(Person person, long seconds) {
        Instant expiresAt = Instant.now().minusSeconds(seconds);
        return Jwt.issuer(ISSUER)
                .subject(person.id().toString())
                .groups(Set.of(person.role()))
                .claim("email", person.role() + "-" + person.id() + "@example.com")
                .claim("name", person.name())
                .issuedAt(expiresAt.minusSeconds(600))
                .expiresAt(expiresAt)
                .jws().keyId("test")
                .sign(privateKey());
    }

    public static String sign(UUID id, String role, String name, Instant expiresAt) {
        return Jwt.issuer(ISSUER)
                .subject(id.toString())
                .groups(Set.of(role))
                .claim("email", role + "-" + id + "@example.com")
                .claim("name", name)
                .issuedAt(Instant.now().minusSeconds(5))
                .expiresAt(expiresAt)
                .jws().keyId("test")
                .sign(privateKey());
    }

    private static PrivateKey privateKey() {
        try {
            String pem = Files.readString(Path.of("target", "test-jwt", "private.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("test key missing: is JwtKeysTestResource active?", e);
        }
    }
}

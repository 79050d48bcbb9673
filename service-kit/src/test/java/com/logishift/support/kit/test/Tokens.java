package com.logishift.support.kit.test;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Tokens shaped exactly like agent-service's (RS256, iss, sub, groups, email, name, iat, exp), signed
 * with this run's key from {@link JwtKeysTestResource}, whose public half the service trusts.
 */
public final class Tokens {

    public static final String ISSUER = "https://support.logishift.com";
    private static final long LIFETIME_SECONDS = 1800;

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

    /** A new person of this role ({@code customer}, {@code agent}, {@code admin}) with a valid token. */
    public static Person person(String role) {
        UUID id = UUID.randomUUID();
        String name = role.substring(0, 1).toUpperCase() + role.substring(1) + " " + id.toString().substring(0, 4);
        return new Person(id, role, name, sign(id, role, name, Instant.now().plusSeconds(LIFETIME_SECONDS)));
    }

    /** The token of a new person of this role. */
    public static String of(String role) {
        return person(role).token();
    }

    public static String forSubject(String subject, String role) {
        return claims(subject, role, role).issuedAt(Instant.now().minusSeconds(5))
                .expiresAt(Instant.now().plusSeconds(LIFETIME_SECONDS))
                .jws().keyId("test").sign(JwtKeysTestResource.privateKey());
    }

    public static String sign(UUID id, String role, String name, Instant expiresAt) {
        return claims(id.toString(), role, name).issuedAt(Instant.now().minusSeconds(5)).expiresAt(expiresAt)
                .jws().keyId("test").sign(JwtKeysTestResource.privateKey());
    }

    /** A token issued at a given instant (its {@code iat}), valid for ten minutes from now. */
    public static String issuedAt(String subject, String role, Instant issuedAt) {
        return claims(subject, role, role).issuedAt(issuedAt).expiresAt(Instant.now().plusSeconds(600))
                .jws().keyId("test").sign(JwtKeysTestResource.privateKey());
    }

    /** The person's token, with exp {@code seconds} in the past. */
    public static String expiredSecondsAgo(Person person, long seconds) {
        return expired(person.id().toString(), person.role(), person.name(), seconds);
    }

    /** A new person's token whose exp lies {@code seconds} in the past. */
    public static String expiredSecondsAgo(String role, long seconds) {
        return expired(UUID.randomUUID().toString(), role, role, seconds);
    }

    /** A token that expired an hour ago. */
    public static String expired(String role) {
        return expiredSecondsAgo(role, 3600);
    }

    /** Right issuer and claims, but signed by a key the service does not trust. */
    public static String signedByAnotherKey(String role) {
        PrivateKey stranger = JwtKeysTestResource.newKeyPair().getPrivate();
        return claims(UUID.randomUUID().toString(), role, role).issuedAt(Instant.now().minusSeconds(5))
                .expiresAt(Instant.now().plusSeconds(600)).jws().keyId("test").sign(stranger);
    }

    private static String expired(String subject, String role, String name, long seconds) {
        Instant expiresAt = Instant.now().minusSeconds(seconds);
        return claims(subject, role, name).issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt)
                .jws().keyId("test").sign(JwtKeysTestResource.privateKey());
    }

    private static JwtClaimsBuilder claims(String subject, String role, String name) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .groups(Set.of(role))
                .claim("email", role + "-" + subject + "@example.com")
                .claim("name", name);
    }
}

package com.logishift.support.faq.support;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** Bearer tokens shaped like agent-service's: issuer, a UUID subject, the role in {@code groups}. */
public final class Tokens {

    public static final String ISSUER = "https://support.logishift.com";

    private Tokens() {
    }

    /** A token of a new user of this role. */
    public static String of(String role) {
        return forSubject(UUID.randomUUID().toString(), role);
    }

    public static String forSubject(String subject, String role) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(role))
                .expiresAt(Instant.now().plusSeconds(600)).sign(serviceKey());
    }

    /** A token issued at a given instant (its {@code iat}), valid for ten minutes from now. */
    public static String issuedAt(String subject, String role, Instant issuedAt) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(role))
                .issuedAt(issuedAt).expiresAt(Instant.now().plusSeconds(600)).sign(serviceKey());
    }

    public static String expired(String role) {
        return Jwt.issuer(ISSUER).subject(UUID.randomUUID().toString()).groups(Set.of(role))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .sign(serviceKey());
    }

    /** A token whose exp lies {@code seconds} in the past. */
    public static String expiredSecondsAgo(String role, long seconds) {
        return Jwt.issuer(ISSUER).subject(UUID.randomUUID().toString()).groups(Set.of(role))
                .issuedAt(Instant.now().minusSeconds(seconds + 600)).expiresAt(Instant.now().minusSeconds(seconds))
                .sign(serviceKey());
    }

    /** Right issuer and claims, but signed by a key the service does not trust. */
    public static String signedByAnotherKey(String role) {
        return Jwt.issuer(ISSUER).subject(UUID.randomUUID().toString()).groups(Set.of(role))
                .expiresAt(Instant.now().plusSeconds(600))
                .sign(JwtKeysTestResource.newKeyPair().getPrivate());
    }

    private static PrivateKey serviceKey() {
        try {
            String pem = Files.readString(JwtKeysTestResource.PRIVATE_KEY);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

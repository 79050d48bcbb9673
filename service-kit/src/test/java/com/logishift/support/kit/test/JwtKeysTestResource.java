package com.logishift.support.kit.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Stands in for agent-service's signing key: a fresh RS256 key pair per test run, written to the
 * PEM files the %test profile names ({@link #PUBLIC_KEY} is what the service verifies with,
 * {@link #PRIVATE_KEY} what agent-service signs with and {@link Tokens} uses) — the same shape of
 * configuration the local stack and Kubernetes use, and no private key in the repository.
 */
public class JwtKeysTestResource implements QuarkusTestResourceLifecycleManager {

    /** Relative to the module: the paths %test.support.jwt.*-key-file / mp.jwt.verify.publickey.location name. */
    public static final Path DIR = Path.of("target", "test-jwt");
    public static final Path PRIVATE_KEY = DIR.resolve("private.pem");
    public static final Path PUBLIC_KEY = DIR.resolve("public.pem");

    @Override
    public Map<String, String> start() {
        try {
            KeyPair pair = newKeyPair();
            Files.createDirectories(DIR);
            Files.writeString(PRIVATE_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(PUBLIC_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            Files.deleteIfExists(PRIVATE_KEY);
            Files.deleteIfExists(PUBLIC_KEY);
            Files.deleteIfExists(DIR);
        } catch (IOException e) {
            // temporary files of the test run; nothing worth failing for
        }
    }

    /** A new RSA key pair, e.g. for a token signed by a key the service does not trust. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private half of this run's pair. */
    public static PrivateKey privateKey() {
        try {
            String pem = Files.readString(PRIVATE_KEY);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test key missing: is JwtKeysTestResource active?", e);
        }
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}

package com.logishift.support.agent.token;

import com.logishift.support.agent.SupportConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RS256 key pair tokens are signed with, loaded once at start. Fails start-up when the files are
 * missing, unreadable, not RSA, or do not belong together — a service that cannot issue verifiable
 * tokens should not report ready.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final int MIN_MODULUS_BITS = 2048;

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;
    private final Map<String, Object> jwks;

    public SigningKeys(SupportConfig config) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            this.privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(
                    pemBody(Path.of(config.jwt().privateKeyFile()), "PRIVATE KEY")));
            this.publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(
                    pemBody(Path.of(config.jwt().publicKeyFile()), "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JWT key files are not a valid RSA key pair: " + e.getMessage(), e);
        }
        if (publicKey.getModulus().bitLength() < MIN_MODULUS_BITS) {
            throw new IllegalStateException("The JWT signing key must be at least " + MIN_MODULUS_BITS + " bits");
        }
        if (privateKey instanceof RSAPrivateCrtKey crt && !crt.getModulus().equals(publicKey.getModulus())) {
            throw new IllegalStateException("The JWT public key does not match the private key");
        }
        this.keyId = thumbprint(publicKey);
        this.jwks = Map.of("keys", List.of(publicJwk()));
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** RFC 7638 thumbprint of the public key: stable for a key, changes when the key rotates. */
    public String keyId() {
        return keyId;
    }

    /** The JSON Web Key Set served at /api/auth/jwks. */
    public Map<String, Object> jwks() {
        return jwks;
    }

    private Map<String, Object> publicJwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", keyId);
        jwk.put("n", base64Url(publicKey.getModulus()));
        jwk.put("e", base64Url(publicKey.getPublicExponent()));
        return jwk;
    }

    private static String thumbprint(RSAPublicKey key) {
        // members in lexicographic order, no whitespace, as RFC 7638 requires
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unsigned big-endian bytes, base64url without padding (RFC 7518 §6.3.1). */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] pemBody(Path file, String label) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read JWT key file " + file + ": " + e.getMessage(), e);
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("JWT key file " + file + " is not a PEM '" + label
                    + "' (expected PKCS#8 for the private key, SubjectPublicKeyInfo for the public key)");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}

package com.logishift.support.agent.token;

import com.logishift.support.agent.SupportConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/**
 * The RS256 key pair tokens are signed with, loaded once at start (PEM decoding by smallrye-jwt's
 * KeyUtils, the JWK and its RFC 7638 thumbprint by jose4j). Fails start-up when the files are
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

    @Inject
    public SigningKeys(SupportConfig config) {
        this(Path.of(config.jwt().privateKeyFile()), Path.of(config.jwt().publicKeyFile()));
    }

    SigningKeys(Path privateKeyFile, Path publicKeyFile) {
        String privatePem = read(privateKeyFile, "PRIVATE KEY");
        String publicPem = read(publicKeyFile, "PUBLIC KEY");
        PublicKey decodedPublic;
        try {
            this.privateKey = KeyUtils.decodePrivateKey(privatePem, SignatureAlgorithm.RS256);
            decodedPublic = KeyUtils.decodePublicKey(publicPem, SignatureAlgorithm.RS256);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The JWT key files are not a valid RSA key pair: " + e.getMessage(), e);
        }
        if (!(decodedPublic instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException("The JWT key files are not a valid RSA key pair");
        }
        this.publicKey = rsa;
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
        Map<String, Object> params = jwk(publicKey).toParams(OutputControlLevel.PUBLIC_ONLY);
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", keyId);
        jwk.put("n", params.get(RsaJsonWebKey.MODULUS_MEMBER_NAME));
        jwk.put("e", params.get(RsaJsonWebKey.EXPONENT_MEMBER_NAME));
        return jwk;
    }

    /** RFC 7638: SHA-256 over the required members (e, kty, n), base64url. */
    static String thumbprint(RSAPublicKey key) {
        return jwk(key).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    private static PublicJsonWebKey jwk(RSAPublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's PEM block with this label (text around it, as openssl may write, is left out). */
    private static String read(Path file, String label) {
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
        return pem.substring(from, to + end.length());
    }
}

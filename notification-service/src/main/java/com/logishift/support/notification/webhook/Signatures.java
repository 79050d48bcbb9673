package com.logishift.support.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signing scheme: the secret is {@code whsec_} + base64 of random bytes (the
 * key is those bytes), the signed content {@code id + "." + timestamp + "." + body}, the signature
 * {@code v1,} + base64(HMAC-SHA256), several separated by a space (during a rotation).
 */
public final class Signatures {

    public static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new secret: 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** One signature, {@code v1,<base64>}. */
    public static String sign(String secret, String webhookId, long timestamp, String body) {
        String raw = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(raw), "HmacSHA256"));
            byte[] signature = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The webhook-signature header: one signature per secret still valid, space-separated. */
    public static String header(List<String> secrets, String webhookId, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, webhookId, timestamp, body)).collect(Collectors.joining(" "));
    }
}

package com.logishift.support.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Endpoint secrets at rest: AES-256-GCM under SUPPORT_WEBHOOK_SECRET_KEY, stored as
 * {@code aesgcm:<key id>:<base64(nonce | ciphertext | tag)>} with the endpoint's id as associated data
 * (a secret copied to another endpoint's row does not decrypt). The key id is a fingerprint of the
 * key itself, so rotating the key needs no id to be configured: the new key becomes
 * SUPPORT_WEBHOOK_SECRET_KEY, the old one goes to SUPPORT_WEBHOOK_PREVIOUS_SECRET_KEYS and still
 * decrypts (and {@link SecretsAtRest} re-encrypts the rows under the new key at start). A value
 * without the prefix is a secret from before encryption ({@code whsec_…}) and is read as it is.
 */
public final class SecretBox {

    static final String PREFIX = "aesgcm:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Decrypted secrets by stored value: each endpoint's is decrypted once, not once per delivery. */
    private static final int CACHE_MAX = 10_000;

    /** A stored secret that cannot be read with the configured keys (never a client's fault). */
    public static class Unreadable extends IllegalStateException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String currentId;
    private final Map<String, SecretKey> keys;
    private final Map<String, String> opened = new ConcurrentHashMap<>();

    /** The current key and older ones (each base64 of 32 bytes); fails with a message naming what is wrong. */
    public SecretBox(String currentKey, List<String> previousKeys) {
        if (currentKey == null || currentKey.isBlank()) {
            throw new IllegalStateException("SUPPORT_WEBHOOK_SECRET_KEY is required: base64 of 32 random bytes "
                    + "(e.g. head -c 32 /dev/urandom | base64); it encrypts the webhook secrets at rest");
        }
        Map<String, SecretKey> all = new LinkedHashMap<>();
        SecretKey current = key(currentKey, "SUPPORT_WEBHOOK_SECRET_KEY");
        currentId = id(current);
        all.put(currentId, current);
        for (String previous : previousKeys) {
            if (!previous.isBlank()) {
                SecretKey key = key(previous, "SUPPORT_WEBHOOK_PREVIOUS_SECRET_KEYS");
                all.putIfAbsent(id(key), key);
            }
        }
        keys = Map.copyOf(all);
    }

    /** The stored form of an endpoint's secret, under the current key. */
    public String seal(UUID endpoint, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce, endpoint);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret a stored value holds (null stays null); {@link Unreadable} when no configured key opens it. */
    public String open(UUID endpoint, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored; // from before encryption: SecretsAtRest encrypts it at the next start
        }
        String cacheKey = endpoint + "/" + stored;
        String secret = opened.get(cacheKey);
        if (secret == null) {
            secret = decrypt(endpoint, stored);
            if (opened.size() >= CACHE_MAX) {
                opened.clear();
            }
            opened.put(cacheKey, secret);
        }
        return secret;
    }

    /** Whether the stored value is encrypted under the current key (else it is rewritten at start). */
    boolean current(String stored) {
        return stored == null || stored.startsWith(PREFIX + currentId + ":");
    }

    private String decrypt(UUID endpoint, String stored) {
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = colon < 0 ? "" : stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new Unreadable("The secret of webhook " + endpoint + " is encrypted under key " + keyId
                    + ", which is neither SUPPORT_WEBHOOK_SECRET_KEY nor one of SUPPORT_WEBHOOK_PREVIOUS_SECRET_KEYS", null);
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
            if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("too short");
            }
            byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, endpoint);
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Unreadable("The secret of webhook " + endpoint + " does not decrypt under key " + keyId
                    + " (altered, or stored for another webhook)", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID endpoint) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(endpoint.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static SecretKey key(String base64, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be base64 of 32 random bytes (it is not base64)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(name + " must be base64 of 32 random bytes (it has " + bytes.length + ")");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A fingerprint of the key: names it in stored values without revealing anything about it. */
    private static String id(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

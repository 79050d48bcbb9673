package com.logishift.support.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Endpoint secrets at rest: AES-256-GCM, a key id per value, old keys still open, anything else fails loudly. */
class SecretBoxTest {

    private static final String KEY = key('a');
    private static final String OLD_KEY = key('o');
    private static final UUID ENDPOINT = UUID.randomUUID();

    @Test
    void theStoredValueIsNotTheSecretAndOpensToIt() {
        SecretBox box = new SecretBox(KEY, List.of());
        String secret = Signatures.newSecret();
        String stored = box.seal(ENDPOINT, secret);
        assertTrue(stored.startsWith(SecretBox.PREFIX), stored);
        assertFalse(stored.contains(secret.substring(Signatures.SECRET_PREFIX.length())), "no plaintext in it");
        assertNotEquals(stored, box.seal(ENDPOINT, secret), "a new nonce each time");
        assertEquals(secret, box.open(ENDPOINT, stored));
        assertEquals(secret, new SecretBox(KEY, List.of()).open(ENDPOINT, stored), "another instance, same key");
        assertTrue(box.current(stored));
        assertNull(box.open(ENDPOINT, null));
    }

    @Test
    void aPreviousKeyStillOpensOldValuesAndNewOnesUseTheCurrentKey() {
        String secret = Signatures.newSecret();
        String old = new SecretBox(OLD_KEY, List.of()).seal(ENDPOINT, secret);
        SecretBox rotated = new SecretBox(KEY, List.of(OLD_KEY, " "));
        assertEquals(secret, rotated.open(ENDPOINT, old));
        assertFalse(rotated.current(old), "rewritten under the current key at start");
        String resealed = rotated.seal(ENDPOINT, secret);
        assertTrue(rotated.current(resealed));
        assertNotEquals(old.substring(0, old.lastIndexOf(':')), resealed.substring(0, resealed.lastIndexOf(':')),
                "another key id");
    }

    @Test
    void aWrongKeyFailsLoudly() {
        String stored = new SecretBox(OLD_KEY, List.of()).seal(ENDPOINT, Signatures.newSecret());
        SecretBox.Unreadable failure = assertThrows(SecretBox.Unreadable.class,
                () -> new SecretBox(KEY, List.of()).open(ENDPOINT, stored));
        assertTrue(failure.getMessage().contains("SUPPORT_WEBHOOK_PREVIOUS_SECRET_KEYS"), failure.getMessage());
        assertTrue(failure.getMessage().contains(ENDPOINT.toString()));
    }

    @Test
    void anAlteredOrMovedValueDoesNotOpen() {
        SecretBox box = new SecretBox(KEY, List.of());
        String stored = box.seal(ENDPOINT, Signatures.newSecret());
        assertThrows(SecretBox.Unreadable.class, () -> box.open(UUID.randomUUID(), stored), "another endpoint's row");
        char last = stored.charAt(stored.length() - 3);
        String altered = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A') + stored.substring(stored.length() - 2);
        assertThrows(SecretBox.Unreadable.class, () -> box.open(ENDPOINT, altered));
        String keyId = stored.substring(0, stored.lastIndexOf(':') + 1);
        for (String hostile : List.of(SecretBox.PREFIX, SecretBox.PREFIX + "nocolon", keyId, keyId + "not base64!",
                keyId + "AAAA", keyId + "\u0000\u0000", keyId + "A".repeat(1_000_000), stored + "\u0000")) {
            assertThrows(SecretBox.Unreadable.class, () -> box.open(ENDPOINT, hostile),
                    hostile.substring(0, Math.min(40, hostile.length())));
        }
    }

    @Test
    void aSecretFromBeforeEncryptionIsReadAsItIs() {
        SecretBox box = new SecretBox(KEY, List.of());
        String legacy = Signatures.newSecret();
        assertEquals(legacy, box.open(ENDPOINT, legacy));
        assertFalse(box.current(legacy), "encrypted at start");
    }

    @Test
    void theKeyIsRequiredAndMustBe32Bytes() {
        for (String missing : new String[] {null, "", "  "}) {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> new SecretBox(missing, List.of()));
            assertTrue(failure.getMessage().startsWith("SUPPORT_WEBHOOK_SECRET_KEY is required"), failure.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> new SecretBox("not base64 at all!", List.of()));
        assertThrows(IllegalStateException.class,
                () -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16]), List.of()), "AES-128 is not enough");
        IllegalStateException old = assertThrows(IllegalStateException.class, () -> new SecretBox(KEY, List.of("short")));
        assertTrue(old.getMessage().startsWith("SUPPORT_WEBHOOK_PREVIOUS_SECRET_KEYS"), old.getMessage());
    }

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }
}

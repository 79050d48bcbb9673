package com.logishift.support.notification.mail;

import com.logishift.support.kit.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of a one-click unsubscribe link: who (account id) and which kind, signed with
 * HMAC-SHA256 under SUPPORT_MAIL_UNSUBSCRIBE_SECRET, so nobody can make one for someone else or
 * another kind. {@code base64url(account id ‖ kind) "." base64url(mac)}. It does not expire: a link
 * in an old mail must keep working (what it can do is only switch that mail kind off).
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    /** Far above any real token (about 110 characters); anything longer is refused unread. */
    private static final int MAX_LENGTH = 512;

    /** Whom a valid token names. */
    public record Subject(UUID accountId, MailKind kind) {
    }

    private final SecretKeySpec key;

    @Inject
    public UnsubscribeTokens(MailConfig config) {
        this(config.unsubscribeSecret());
    }

    UnsubscribeTokens(String configuredSecret) {
        byte[] secret = configuredSecret.getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("SUPPORT_MAIL_UNSUBSCRIBE_SECRET must have at least 32 characters");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    public String issue(UUID accountId, MailKind kind) {
        byte[] payload = payload(accountId, kind);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The account and kind of a genuine token; anything else is 400 problem+json naming {@code token}. */
    public Subject verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODE.decode(token.substring(0, Math.max(dot, 0)));
            mac = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // compared in constant time, and before anything in the payload is believed
        if (dot <= 0 || payload.length <= 16 || !MessageDigest.isEqual(mac(payload), mac)) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        UUID account = new UUID(buffer.getLong(), buffer.getLong());
        String type = new String(Arrays.copyOfRange(payload, 16, payload.length), StandardCharsets.UTF_8);
        return MailKind.ofType(type).map(kind -> new Subject(account, kind)).orElseThrow(UnsubscribeTokens::invalid);
    }

    private static byte[] payload(UUID accountId, MailKind kind) {
        byte[] type = kind.type.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(16 + type.length).putLong(accountId.getMostSignificantBits())
                .putLong(accountId.getLeastSignificantBits()).put(type).array();
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalidField("token", "not a valid unsubscribe link; use the one in the e-mail");
    }
}

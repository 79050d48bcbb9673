package com.logishift.support.notification.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook delivery (SUPPORT_WEBHOOK_ALLOWED_HOSTS, SUPPORT_WEBHOOK_ALLOW_HTTP, SUPPORT_WEBHOOK_…). */
@ConfigMapping(prefix = "support.webhook")
public interface WebhookConfig {

    /**
     * Host names (or IP literals) that may resolve to loopback or private addresses: everything else
     * that does is refused at registration and again at each delivery.
     */
    Optional<List<String>> allowedHosts();

    /** Plain http:// URLs; off in production, where every webhook goes over https. */
    @WithDefault("false")
    boolean allowHttp();

    /** How often due deliveries are claimed when nothing wakes the dispatcher earlier. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /**
     * How long a destination's check (DNS look-up and address rules) stands for the next attempts to the
     * same URL; 0 checks before every attempt.
     */
    @WithDefault("PT2S")
    Duration resolveReuse();

    /** A whole attempt (connect, send, answer) longer than this is a failure, retried. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Attempts one replica has under way to one endpoint at most: a slow partner holds only its own. */
    @WithDefault("4")
    int maxInFlightPerEndpoint();

    /**
     * Deliveries one replica holds for one healthy endpoint at most, under way or claimed ahead and
     * waiting for a slot: claims come in batches, not one per finished attempt (a failing endpoint
     * gets only its free slots).
     */
    @WithDefault("200")
    int claimAhead();

    /** The first retry's delay; it doubles with each failure (with jitter) up to {@link #backoffMax()}. */
    @WithDefault("PT10S")
    Duration backoffInitial();

    @WithDefault("PT1H")
    Duration backoffMax();

    /** A delivery still failing this long after it was queued is given up (FAILED). */
    @WithDefault("PT72H")
    Duration retryFor();

    /** An endpoint whose attempts have all failed for this long is disabled and the admins are told. */
    @WithDefault("PT24H")
    Duration disableAfter();

    /** How long the secret before a rotation still signs (both signatures are sent meanwhile). */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /** The longest Retry-After honoured (a larger one waits this long). */
    @WithDefault("PT24H")
    Duration retryAfterMax();

    /**
     * Encrypts the endpoints' secrets at rest (SUPPORT_WEBHOOK_SECRET_KEY, base64 of 32 random bytes).
     * No default: the dev and test profiles set a fixed one, production must (the start fails without).
     */
    Optional<String> secretKey();

    /** Keys used before the current one (comma list): they still decrypt, and rows are re-encrypted at start. */
    Optional<List<String>> previousSecretKeys();

    /** Successes recorded in one statement at most. */
    @WithDefault("500")
    int recordBatch();

    /**
     * How long a finished delivery (DELIVERED or FAILED) stays in the log after it was queued, with its
     * attempts; pending ones are never removed.
     */
    @WithDefault("P30D")
    Duration logRetention();

    /** Bytes of a response body read and kept in the log; the rest is never read. */
    @WithDefault("4096")
    int responseExcerptBytes();
}

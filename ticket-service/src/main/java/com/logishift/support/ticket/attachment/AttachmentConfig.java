package com.logishift.support.ticket.attachment;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Attachments: limits, allowed types and the malware scanner; every key can be set by environment variable. */
@ConfigMapping(prefix = "support.attachments")
public interface AttachmentConfig {

    /** Largest file accepted. The HTTP body limit of the upload path must leave room for it (plus multipart overhead). */
    @WithDefault("10M")
    MemorySize maxSize();

    /** Most files one message (or one new ticket) may carry. */
    @WithDefault("10")
    int maxPerMessage();

    /** What the bytes may be (as sniffed), e.g. SUPPORT_ATTACHMENTS_ALLOWED_TYPES=image/png,application/pdf. */
    @WithDefault("image/jpeg,image/png,image/webp,image/gif,image/heic,application/pdf,text/plain,text/csv")
    List<String> allowedTypes();

    /** How long an upload waits to be attached to a ticket or message before it is discarded. */
    @WithDefault("PT1H")
    Duration unclaimedLifetime();

    /** How often discarded uploads are deleted. */
    @WithDefault("PT5M")
    Duration sweepInterval();

    Clamd clamd();

    /** ClamAV's clamd over TCP; without host and port nothing is scanned (a warning at start-up says so). */
    interface Clamd {
        Optional<String> host();

        Optional<Integer> port();

        @WithDefault("PT2S")
        Duration connectTimeout();

        /** How long to wait for clamd's verdict after the last byte was sent. */
        @WithDefault("PT30S")
        Duration readTimeout();
    }
}

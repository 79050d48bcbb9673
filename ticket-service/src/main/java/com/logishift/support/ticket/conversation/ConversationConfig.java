package com.logishift.support.ticket.conversation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the conversation (SUPPORT_CONVERSATION_MAX_ATTACHMENTS, SUPPORT_CONVERSATION_STREAMS_…). */
@ConfigMapping(prefix = "support.conversation")
public interface ConversationConfig {

    /** Files one message (or a new ticket) may carry; more is 413. */
    @WithDefault("10")
    int maxAttachments();

    Streams streams();

    interface Streams {
        /** Open live streams one account may hold on one replica; one more is 429. */
        @WithDefault("10")
        int maxPerAccount();

        /** What the 429 advises a client to wait. */
        @WithDefault("PT30S")
        Duration retryAfter();

        /** A comment on an idle stream, so proxies keep it open. */
        @WithDefault("PT15S")
        Duration keepAlive();
    }
}

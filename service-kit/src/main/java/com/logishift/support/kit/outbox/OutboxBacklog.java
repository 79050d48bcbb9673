package com.logishift.support.kit.outbox;

import com.logishift.support.kit.Backlogs;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The outbox's backlog as gauges: {@code support.outbox.pending} (unpublished events) and
 * {@code support.outbox.oldest.unpublished.seconds} (0 when none). Rising age means Kafka or the
 * relay is stuck and events (notifications, read models) are late. Where {@code support.outbox.enabled=true}.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = "support.outbox.enabled", stringValue = "true")
public class OutboxBacklog {

    private final Backlogs.Backlog backlog;

    public OutboxBacklog(Backlogs backlogs) {
        this.backlog = backlogs.watch("unpublished outbox events", "outbox_event", "published_at IS NULL", "occurred_at",
                "support.outbox.pending", "support.outbox.oldest.unpublished.seconds");
    }

    /** The gauges' source, for a test that wants them read now. */
    public Backlogs.Backlog backlog() {
        return backlog;
    }
}

package com.logishift.support.ticket.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * {@code support.mail.inbound{outcome}}: each mail read from the support mailbox, once its outcome
 * is stored — accepted (it became a message or a ticket), ignored (machine mail, our own, an unknown
 * or rate-limited sender, nothing in it) or rejected (not the ticket's customer, unreadable, too
 * large, refused by the conversation's rules). A duplicate was counted when first read.
 */
@Startup // registers its metrics at start, so they read 0 rather than being absent
@ApplicationScoped
public class InboundMailCounts {

    private final Map<String, Counter> byOutcome;

    public InboundMailCounts(MeterRegistry metrics) {
        byOutcome = Map.of("accepted", counter(metrics, "accepted"), "ignored", counter(metrics, "ignored"),
                "rejected", counter(metrics, "rejected"));
    }

    public void count(MailIntake.Outcome outcome) {
        String kind = switch (outcome) {
            case POSTED, CREATED, FOLLOW_UP -> "accepted";
            case AUTOMATIC, OWN_ADDRESS, RATE_LIMITED, UNKNOWN_SENDER, EMPTY -> "ignored";
            case INVALID_SENDER, NOT_THE_CUSTOMER, TOO_LARGE, UNREADABLE, REFUSED -> "rejected";
            case DUPLICATE -> null;
        };
        if (kind != null) {
            byOutcome.get(kind).increment();
        }
    }

    private static Counter counter(MeterRegistry metrics, String outcome) {
        return metrics.counter("support.mail.inbound", "outcome", outcome);
    }
}

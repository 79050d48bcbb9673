package com.logishift.support.ticket.event;

import com.logishift.support.kit.outbox.OutboxRelay;
import com.logishift.support.ticket.conversation.live.LiveThreads;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * What happens once a transaction that changed tickets has committed: the outbox relay is woken
 * for the events it appended, and every replica's live streams are told that the ticket's timeline
 * grew. Every writer calls one of these after its commit, never before (before, the relay and the
 * streams could look before the rows are visible).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class TicketActivity {

    private final OutboxRelay relay;
    private final LiveThreads live;

    /** One ticket changed. */
    public void committed(UUID ticketId) {
        relay.wakeUpSoon();
        live.announce(ticketId);
    }

    /** Several tickets changed at once (rare: an agent's deactivation); every open stream re-reads. */
    public void committedSeveral() {
        relay.wakeUpSoon();
        live.announceAll();
    }
}

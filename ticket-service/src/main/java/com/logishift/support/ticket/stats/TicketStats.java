package com.logishift.support.ticket.stats;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admin dashboard numbers. Averages are null when there is nothing to average yet; times are
 * in seconds from the ticket's creation. {@code slaMetPercent}: per priority (HIGH, MEDIUM, LOW), the
 * share in percent (one decimal) of stopped resolution clocks that were MET; null when none stopped.
 */
public record TicketStats(long total, Map<String, Long> byStatus, Map<String, Long> byPriority,
        Map<String, Long> byCategory, long unassigned, Double averageRating, long ratings,
        Double averageFirstResponseSeconds, Double averageResolutionSeconds, List<AgentLoad> agentLoad,
        Map<String, Double> slaMetPercent) {

    public record AgentLoad(UUID agentId, String name, long openTickets, long resolvedTickets) {
    }
}

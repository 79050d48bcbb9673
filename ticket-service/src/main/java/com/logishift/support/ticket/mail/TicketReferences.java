package com.logishift.support.ticket.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a mail says about the ticket it answers: the ticket ids in the Message-IDs it replies to
 * ({@code <t-{ticketId}.m-{mailId}@{domain}>}, the form notification-service gives its mails, only with
 * our domain), newest first, and the {@code [SUP-000123]} token of its subject.
 */
final class TicketReferences {

    /** Only the end of a huge References header is read: the newest ids are there. */
    static final int MAX_HEADER = 16_384;
    static final int MAX_IDS = 20;

    private static final Pattern ID = Pattern.compile(
            "<t-([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\.[^@<>\\s]{0,200}@([^<>\\s]{1,255})>");
    private static final Pattern TOKEN = Pattern.compile("\\[(SUP-\\d{6,12})]", Pattern.CASE_INSENSITIVE);

    private TicketReferences() {
    }

    /** Ticket ids from In-Reply-To, then References from the newest (last) to the oldest; at most {@link #MAX_IDS}. */
    static List<UUID> ticketIds(String inReplyTo, String references, String domain) {
        Set<UUID> ids = new LinkedHashSet<>();
        ids.addAll(ids(inReplyTo, domain));
        List<UUID> referenced = ids(references, domain);
        for (int i = referenced.size() - 1; i >= 0 && ids.size() < MAX_IDS; i--) {
            ids.add(referenced.get(i));
        }
        return List.copyOf(ids).subList(0, Math.min(ids.size(), MAX_IDS));
    }

    /** The reference in the subject's first {@code [SUP-…]} token, upper-case. */
    static Optional<String> subjectReference(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher token = TOKEN.matcher(subject);
        return token.find() ? Optional.of(token.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    private static List<UUID> ids(String header, String domain) {
        if (header == null) {
            return List.of();
        }
        String tail = header.length() > MAX_HEADER ? header.substring(header.length() - MAX_HEADER) : header;
        List<UUID> ids = new ArrayList<>();
        Matcher id = ID.matcher(tail);
        while (id.find()) {
            if (id.group(2).equalsIgnoreCase(domain)) {
                ids.add(UUID.fromString(id.group(1)));
            }
        }
        return ids;
    }
}

package com.logishift.support.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who hears what — the README's "who is notified" table as plain Java ("admins" and "agents" are
 * role feeds: one stored entry that every member reads, see {@link Draft.Feed}):
 * <pre>
 * ticket created               admins; agents while the ticket waits unassigned in the queue
 * ticket assigned / reassigned the customer, the new assignee ("assigned to you"), admins
 * (ticket unassigned)          the previous assignee, admins; the agents' "new ticket" entry returns
 * status changed               the customer, the assignee, admins
 * internal note added          the assignee, admins
 * public reply by staff        the customer
 * public message by customer   the assignee, or admins while unassigned
 * (internal message)           nobody from this event: its note-added event notifies
 * feedback submitted           the assignee, admins
 * SLA warning / breached       the assignee, admins
 * (priority changed)           nobody: the ticket's timeline shows it
 * ticket merged (duplicate)    the customer (linked to the ticket that stays)
 * agent registered             admins
 * agent approved / rejected    that agent
 * agent (de/re)activated       admins
 * </pre>
 * Each person gets at most one notification per event, worded for their role (a personal one
 * wins over the feed's), and nobody is notified of their own action: the event's actor
 * ({@link #ACTOR}) is left out of every rule, feeds included.
 */
public final class NotificationRules {

    /** The event types this service understands; anything else is sent to the dead-letter topic. */
    public static final Set<String> KNOWN_TYPES = Set.of(
            "ticket.created", "ticket.assigned", "ticket.unassigned", "ticket.status-changed",
            "ticket.note-added", "ticket.message-added", "ticket.feedback-submitted", "ticket.priority-changed",
            "ticket.sla-warning", "ticket.sla-breached", "ticket.merged",
            "account.registered", "agent.approved", "agent.rejected", "agent.deactivated", "agent.reactivated");

    /** Who did what the event announces, by type: they hear nothing of it. */
    private static final Map<String, String> ACTOR = Map.ofEntries(
            Map.entry("ticket.assigned", "assignedBy"), Map.entry("ticket.unassigned", "unassignedBy"),
            Map.entry("ticket.status-changed", "changedBy"), Map.entry("ticket.note-added", "authorId"),
            Map.entry("ticket.message-added", "authorId"), Map.entry("ticket.feedback-submitted", "customerId"),
            Map.entry("ticket.priority-changed", "changedBy"), Map.entry("ticket.merged", "mergedBy"),
            Map.entry("agent.approved", "approvedBy"),
            Map.entry("agent.rejected", "rejectedBy"), Map.entry("agent.deactivated", "deactivatedBy"),
            Map.entry("agent.reactivated", "reactivatedBy"));

    /**
     * The kinds (CloudEvent types) each role can receive, for the preferences: what the table above
     * sends a customer, an agent or an admin.
     */
    public static final Map<String, Set<String>> KINDS_BY_ROLE = Map.of(
            "customer", types("ticket.assigned", "ticket.status-changed", "ticket.message-added", "ticket.merged"),
            "agent", types("ticket.created", "ticket.assigned", "ticket.unassigned", "ticket.status-changed",
                    "ticket.note-added", "ticket.message-added", "ticket.feedback-submitted", "ticket.sla-warning",
                    "ticket.sla-breached"),
            "admin", types("ticket.created", "ticket.assigned", "ticket.unassigned", "ticket.status-changed",
                    "ticket.note-added", "ticket.message-added", "ticket.feedback-submitted", "ticket.sla-warning",
                    "ticket.sla-breached", "account.registered", "agent.deactivated", "agent.reactivated"));

    private static final DateTimeFormatter UTC_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** What an event does to the agents' "new ticket" entry of its ticket (shown only while it waits in the queue). */
    public enum QueueEntry { UNCHANGED, WITHDRAW, RESTORE }

    /** The rules' answer for one event. */
    public record Decision(List<Draft> drafts, QueueEntry queueEntry) {
    }

    private NotificationRules() {
    }

    public static List<Draft> draftsFor(SupportEvent event, Directory directory) {
        return decide(event, directory).drafts();
    }

    public static Decision decide(SupportEvent event, Directory directory) {
        Drafts drafts = new Drafts();
        String actorField = ACTOR.get(event.shortType());
        UUID actor = actorField == null ? null : event.uuid(actorField);
        if (actor != null) {
            drafts.exclude(actor);
        }
        String ref = "ticket".equals(event.shortType().split("\\.")[0]) ? event.required("reference") : null;
        UUID ticket = ref == null ? null : event.requiredUuid("ticketId");
        QueueEntry queue = QueueEntry.UNCHANGED;
        switch (event.shortType()) {
            case "ticket.created" -> {
                String title = "New ticket " + ref;
                String body = event.required("subject") + " (" + label(event.required("category")) + ", "
                        + label(event.required("priority")) + " priority)";
                drafts.feed(Draft.Feed.ADMINS, title, body, ticket);
                drafts.feed(Draft.Feed.AGENTS, title, body, ticket);
            }
            case "ticket.assigned" -> {
                UUID assignee = event.requiredUuid("assigneeId");
                String agentName = directory.nameOf(assignee, "an agent");
                drafts.add(event.requiredUuid("customerId"), "Ticket " + ref + " has an agent",
                        agentName + " is now looking after your ticket " + ref + ".", ticket);
                drafts.add(assignee, "Ticket " + ref + " is assigned to you",
                        "You are now responsible for ticket " + ref + ".", ticket);
                String how = switch (event.required("mode")) {
                    case "AUTO" -> "automatically";
                    case "SELF" -> "who took it";
                    default -> "by an admin";
                };
                drafts.feed(Draft.Feed.ADMINS, "Ticket " + ref + " assigned",
                        ref + " was assigned to " + agentName + " (" + how + ").", ticket);
                queue = QueueEntry.WITHDRAW;
            }
            case "ticket.unassigned" -> {
                UUID previous = event.uuid("previousAssigneeId");
                if (previous != null) {
                    drafts.add(previous, "Ticket " + ref + " was taken off you",
                            ref + " went back to the unassigned queue.", ticket);
                }
                drafts.feed(Draft.Feed.ADMINS, "Ticket " + ref + " back in the queue",
                        ref + " is waiting for an agent again.", ticket);
                queue = QueueEntry.RESTORE;
            }
            case "ticket.status-changed" -> {
                String title = "Ticket " + ref + " is now " + label(event.required("to"));
                String body = ref + " moved from " + label(event.required("from")) + " to "
                        + label(event.required("to")) + ".";
                drafts.add(event.requiredUuid("customerId"), title, body, ticket);
                drafts.addIfPresent(event.uuid("assigneeId"), title, body, ticket);
                drafts.feed(Draft.Feed.ADMINS, title, body, ticket);
            }
            case "ticket.note-added" -> {
                UUID author = event.requiredUuid("authorId");
                String title = "New internal note on " + ref;
                String body = directory.nameOf(author, "A colleague") + " added an internal note to " + ref + ".";
                drafts.addIfPresent(event.uuid("assigneeId"), title, body, ticket);
                drafts.feed(Draft.Feed.ADMINS, title, body, ticket);
            }
            case "ticket.message-added" -> messageAdded(event, directory, ref, ticket, drafts);
            case "ticket.feedback-submitted" -> {
                String rating = event.required("rating");
                String title = "Feedback on " + ref + ": " + rating + "/5";
                String body = "The customer rated the resolution of " + ref + " " + rating + " out of 5.";
                drafts.addIfPresent(event.uuid("assigneeId"), title, body, ticket);
                drafts.feed(Draft.Feed.ADMINS, title, body, ticket);
            }
            case "ticket.sla-warning", "ticket.sla-breached" -> {
                boolean breached = "ticket.sla-breached".equals(event.shortType());
                String due = UTC_MINUTE.format(event.requiredInstant("dueAt"));
                String clock = switch (event.required("clock")) {
                    case "FIRST_RESPONSE" -> "First response";
                    case "RESOLUTION" -> "Resolution";
                    default -> throw new SupportEvent.MalformedEventException("event " + event.id()
                            + " has an unknown clock: " + event.text("clock"));
                };
                String title = (breached ? "SLA breached: " : "SLA warning: ") + ref;
                String body = clock + (breached ? " was due " : " due ") + due;
                drafts.addIfPresent(event.uuid("assigneeId"), title, body, ticket);
                drafts.feed(Draft.Feed.ADMINS, title, body, ticket);
            }
            case "ticket.priority-changed" -> {
                // nobody: the ticket's timeline shows it
            }
            case "ticket.merged" -> {
                String into = event.required("intoReference");
                drafts.add(event.requiredUuid("customerId"), "Ticket " + ref + " was merged into " + into,
                        ref + " is about the same matter as " + into + "; the conversation continues on " + into
                                + ".", event.requiredUuid("intoTicketId"));
            }
            case "account.registered" -> {
                if ("agent".equals(event.required("role"))) {
                    String name = event.required("name");
                    drafts.feed(Draft.Feed.ADMINS, "New agent registration",
                            name + " registered as a support agent and awaits approval.", null);
                }
            }
            case "agent.approved" -> drafts.add(event.requiredUuid("accountId"), "You are approved",
                    "An admin approved your agent registration. You can sign in and take tickets now.", null);
            case "agent.rejected" -> {
                String reason = event.text("reason");
                drafts.add(event.requiredUuid("accountId"), "Your agent registration was rejected",
                        reason == null || reason.isBlank() ? "An admin rejected your registration."
                                : "An admin rejected your registration: " + reason, null);
            }
            case "agent.deactivated", "agent.reactivated" -> {
                boolean deactivated = "agent.deactivated".equals(event.shortType());
                UUID agent = event.requiredUuid("accountId");
                String name = event.text("name") != null && !event.text("name").isBlank() ? event.text("name")
                        : directory.nameOf(agent, "An agent");
                String admin = directory.nameOf(actor, "an admin");
                String title = "Agent " + name + (deactivated ? " deactivated" : " reactivated");
                String body = deactivated
                        ? name + " was deactivated by " + admin + ". They can no longer sign in; their open tickets "
                                + "went to other agents or back to the queue."
                        : name + " was reactivated by " + admin + " and receives tickets again.";
                drafts.feed(Draft.Feed.ADMINS, title, body, null);
            }
            default -> throw new SupportEvent.MalformedEventException("unknown event type " + event.type());
        }
        return new Decision(drafts.list(), queue);
    }

    /**
     * A conversation message. Only PUBLIC ones notify here: an INTERNAL one also comes as note-added,
     * which already tells the assignee and the admins. The payload never carries the body.
     */
    private static void messageAdded(SupportEvent event, Directory directory, String ref, UUID ticket,
            Drafts drafts) {
        UUID author = event.requiredUuid("authorId");
        String role = event.required("authorRole");
        String visibility = event.required("visibility");
        if (!"PUBLIC".equals(visibility)) {
            if (!"INTERNAL".equals(visibility)) {
                throw new SupportEvent.MalformedEventException("event " + event.id() + " has an unknown visibility: "
                        + visibility);
            }
            return;
        }
        String files = attachments(event);
        switch (role) {
            case "AGENT", "ADMIN" -> drafts.add(event.requiredUuid("customerId"), "New reply on " + ref,
                    directory.nameOf(author, "Support") + " replied to your ticket " + ref + files + ".", ticket);
            case "CUSTOMER" -> {
                String title = "New message on " + ref;
                String body = "The customer wrote on " + ref + files + ".";
                UUID assignee = event.uuid("assigneeId");
                if (assignee != null) {
                    drafts.add(assignee, title, body, ticket);
                } else {
                    drafts.feed(Draft.Feed.ADMINS, title, body, ticket);
                }
            }
            default -> throw new SupportEvent.MalformedEventException("event " + event.id()
                    + " has an unknown authorRole: " + role);
        }
    }

    /** " (2 attachments)"; nothing without files (the count only adds to the wording, so an odd one is ignored). */
    private static String attachments(SupportEvent event) {
        JsonNode count = event.data().get("attachmentCount");
        int n = count != null && count.isIntegralNumber() && count.canConvertToInt() ? count.asInt() : 0;
        return n <= 0 ? "" : n == 1 ? " (1 attachment)" : " (" + n + " attachments)";
    }

    /** "IN_PROGRESS" → "In progress". */
    public static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Set<String> types(String... shortTypes) {
        return Arrays.stream(shortTypes).map(t -> SupportEvent.PREFIX + t + ".v1").collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Collects drafts, one per recipient (the first wording wins), in a stable order; a feed entry
     * is not shown to anyone excluded or told personally.
     */
    private static final class Drafts {
        private final Map<UUID, Draft> byRecipient = new LinkedHashMap<>();
        private final Map<Draft.Feed, Draft> byFeed = new EnumMap<>(Draft.Feed.class);
        private final Set<UUID> excluded = new HashSet<>();

        /** Nobody here is notified, whichever rule names them (the one who acted). */
        void exclude(UUID person) {
            excluded.add(person);
        }

        void add(UUID recipient, String title, String body, UUID ticket) {
            if (excluded.contains(recipient)) {
                return;
            }
            byRecipient.putIfAbsent(recipient, Draft.personal(recipient, truncate(title, 200), truncate(body, 1000),
                    ticket));
        }

        void addIfPresent(UUID recipient, String title, String body, UUID ticket) {
            if (recipient != null) {
                add(recipient, title, body, ticket);
            }
        }

        void feed(Draft.Feed feed, String title, String body, UUID ticket) {
            byFeed.putIfAbsent(feed, new Draft(null, feed, Set.of(), truncate(title, 200), truncate(body, 1000), ticket));
        }

        List<Draft> list() {
            List<Draft> all = new ArrayList<>(byRecipient.values());
            Set<UUID> except = new HashSet<>(excluded);
            except.addAll(byRecipient.keySet());
            byFeed.values().forEach(d -> all.add(new Draft(null, d.feed(), Set.copyOf(except), d.title(), d.body(),
                    d.ticketId())));
            return all;
        }

        private static String truncate(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max - 1) + "…";
        }
    }
}

package com.logishift.support.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who hears what — the README's "who is notified" table as plain Java:
 * <pre>
 * ticket created               all approved agents, all admins
 * ticket assigned / reassigned the customer, the new assignee, admins
 * (ticket unassigned)          the previous assignee, admins
 * status changed               the customer, the assignee, admins
 * internal note added          the assignee (if someone else wrote it), admins
 * public reply by staff        the customer
 * public message by customer   the assignee, or all admins while unassigned
 * (internal message)           nobody from this event: its note-added event notifies
 * feedback submitted           the assignee, admins
 * agent registered             admins
 * agent approved / rejected    that agent
 * agent (de/re)activated       admins, except the admin who did it
 * </pre>
 * Each person gets at most one notification per event, worded for their role, and nobody is notified
 * of a message they wrote themselves.
 */
public final class NotificationRules {

    /** The event types this service understands; anything else is sent to the dead-letter topic. */
    public static final Set<String> KNOWN_TYPES = Set.of(
            "ticket.created", "ticket.assigned", "ticket.unassigned", "ticket.status-changed",
            "ticket.note-added", "ticket.message-added", "ticket.feedback-submitted",
            "account.registered", "agent.approved", "agent.rejected", "agent.deactivated", "agent.reactivated");

    private NotificationRules() {
    }

    public static List<Draft> draftsFor(SupportEvent event, Directory directory) {
        Drafts drafts = new Drafts();
        String ref = "ticket".equals(event.shortType().split("\\.")[0]) ? event.required("reference") : null;
        UUID ticket = ref == null ? null : event.requiredUuid("ticketId");
        switch (event.shortType()) {
            case "ticket.created" -> {
                String title = "New ticket " + ref;
                String body = event.required("subject") + " (" + label(event.required("category")) + ", "
                        + label(event.required("priority")) + " priority)";
                directory.approvedAgents().forEach(agent -> drafts.add(agent, title, body, ticket));
                directory.admins().forEach(admin -> drafts.add(admin, title, body, ticket));
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
                directory.admins().forEach(admin -> drafts.add(admin, "Ticket " + ref + " assigned",
                        ref + " was assigned to " + agentName + " (" + how + ").", ticket));
            }
            case "ticket.unassigned" -> {
                UUID previous = event.uuid("previousAssigneeId");
                if (previous != null) {
                    drafts.add(previous, "Ticket " + ref + " was taken off you",
                            ref + " went back to the unassigned queue.", ticket);
                }
                directory.admins().forEach(admin -> drafts.add(admin, "Ticket " + ref + " back in the queue",
                        ref + " is waiting for an agent again.", ticket));
            }
            case "ticket.status-changed" -> {
                String title = "Ticket " + ref + " is now " + label(event.required("to"));
                String body = ref + " moved from " + label(event.required("from")) + " to "
                        + label(event.required("to")) + ".";
                drafts.add(event.requiredUuid("customerId"), title, body, ticket);
                UUID assignee = event.uuid("assigneeId");
                if (assignee != null) {
                    drafts.add(assignee, title, body, ticket);
                }
                directory.admins().forEach(admin -> drafts.add(admin, title, body, ticket));
            }
            case "ticket.note-added" -> {
                UUID author = event.requiredUuid("authorId");
                UUID assignee = event.uuid("assigneeId");
                String title = "New internal note on " + ref;
                String body = directory.nameOf(author, "A colleague") + " added an internal note to " + ref + ".";
                if (assignee != null && !assignee.equals(author)) {
                    drafts.add(assignee, title, body, ticket);
                }
                directory.admins().forEach(admin -> drafts.add(admin, title, body, ticket));
            }
            case "ticket.message-added" -> messageAdded(event, directory, ref, ticket, drafts);
            case "ticket.feedback-submitted" -> {
                String rating = event.required("rating");
                String title = "Feedback on " + ref + ": " + rating + "/5";
                String body = "The customer rated the resolution of " + ref + " " + rating + " out of 5.";
                UUID assignee = event.uuid("assigneeId");
                if (assignee != null) {
                    drafts.add(assignee, title, body, ticket);
                }
                directory.admins().forEach(admin -> drafts.add(admin, title, body, ticket));
            }
            case "account.registered" -> {
                if ("agent".equals(event.required("role"))) {
                    String name = event.required("name");
                    directory.admins().forEach(admin -> drafts.add(admin, "New agent registration",
                            name + " registered as a support agent and awaits approval.", null));
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
                UUID by = event.uuid(deactivated ? "deactivatedBy" : "reactivatedBy");
                String name = event.text("name") != null && !event.text("name").isBlank() ? event.text("name")
                        : directory.nameOf(agent, "An agent");
                String admin = directory.nameOf(by, "an admin");
                String title = "Agent " + name + (deactivated ? " deactivated" : " reactivated");
                String body = deactivated
                        ? name + " was deactivated by " + admin + ". They can no longer sign in; their open tickets "
                                + "went to other agents or back to the queue."
                        : name + " was reactivated by " + admin + " and receives tickets again.";
                directory.admins().stream().filter(id -> !id.equals(by))
                        .forEach(id -> drafts.add(id, title, body, null));
            }
            default -> throw new SupportEvent.MalformedEventException("unknown event type " + event.type());
        }
        return drafts.list();
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
        drafts.exclude(author);
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
                    directory.admins().forEach(admin -> drafts.add(admin, title, body, ticket));
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

    /** Collects drafts, one per recipient (the first wording wins), in a stable order. */
    private static final class Drafts {
        private final Map<UUID, Draft> byRecipient = new LinkedHashMap<>();
        private final Set<UUID> excluded = new HashSet<>();

        /** Nobody here is notified, whichever rule names them (the author of what is announced). */
        void exclude(UUID person) {
            excluded.add(person);
        }

        void add(UUID recipient, String title, String body, UUID ticket) {
            if (excluded.contains(recipient)) {
                return;
            }
            byRecipient.putIfAbsent(recipient, new Draft(recipient, truncate(title, 200), truncate(body, 1000), ticket));
        }

        List<Draft> list() {
            return new ArrayList<>(byRecipient.values());
        }

        private static String truncate(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max - 1) + "…";
        }
    }
}

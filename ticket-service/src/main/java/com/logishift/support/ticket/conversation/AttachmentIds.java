package com.logishift.support.ticket.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.attachment.Attachments;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The {@code attachmentIds} of a message or a new ticket: a JSON list of at most {@code max} upload
 * ids. Read from the raw JSON so that every malformed shape is answered on the field itself.
 */
public final class AttachmentIds {

    static final String FIELD = "attachmentIds";

    private AttachmentIds() {
    }

    public static List<UUID> parse(JsonNode node, int max) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ProblemException.invalidField(FIELD, "must be a list of upload ids");
        }
        if (node.size() > max) {
            throw Attachments.tooMany(max, node.size());
        }
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        for (JsonNode item : node) {
            UUID id = item.isTextual() ? uuid(item.textValue()) : null;
            if (id == null) {
                throw ProblemException.invalidField(FIELD, "must be a list of upload ids");
            }
            if (!ids.add(id)) {
                throw ProblemException.invalidField(FIELD, "names the same upload twice");
            }
        }
        return new ArrayList<>(ids);
    }

    private static UUID uuid(String text) {
        if (text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

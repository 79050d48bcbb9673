package com.logishift.support.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * An incoming CloudEvent: its id (the de-duplication key), type and JSON data, and the rest of its
 * attributes ({@code envelope}, null where unknown) that a webhook passes on.
 */
public record SupportEvent(String id, String type, JsonNode data, Envelope envelope) {

    public static final String PREFIX = "com.logishift.support.";

    public SupportEvent(String id, String type, JsonNode data) {
        this(id, type, data, null);
    }

    /** The CloudEvent attributes besides id and type (each may be null). */
    public record Envelope(String source, String subject, Instant time, String dataContentType) {
    }

    public String text(String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A required field; a missing one makes the event malformed. */
    public String required(String field) {
        String value = text(field);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("event " + id + " (" + type + ") has no " + field);
        }
        return value;
    }

    public UUID uuid(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + id + " has an invalid " + field + ": " + value);
        }
    }

    public UUID requiredUuid(String field) {
        required(field);
        return uuid(field);
    }

    public Instant requiredInstant(String field) {
        String value = required(field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("event " + id + " has an invalid " + field + ": " + value);
        }
    }

    /** The short name of the type: "ticket.created" for com.logishift.support.ticket.created.v1. */
    public String shortType() {
        String t = type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : type;
        return t.endsWith(".v1") ? t.substring(0, t.length() - 3) : t;
    }

    /** Thrown for an event that cannot be processed whatever we retry; it goes to the dead-letter topic. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}

package com.logishift.support.ticket.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.ticket.agent.EventFailures.InvalidEventException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * The part of a support.account-events record ticket-service acts on (its own copy of the
 * producer's contract, agent-service/src/main/asyncapi/account-events.yaml), checked completely
 * before any database work: whatever fails here is the event's fault, never the database's.
 */
record AccountEvent(String id, Type type, UUID accountId, String name, String email, String role, Instant at,
        UUID by) {

    enum Type {
        REGISTERED("com.logishift.support.account.registered.v1", "registeredAt", null),
        APPROVED("com.logishift.support.agent.approved.v1", "approvedAt", "approvedBy"),
        REJECTED("com.logishift.support.agent.rejected.v1", "rejectedAt", "rejectedBy"),
        DEACTIVATED("com.logishift.support.agent.deactivated.v1", "deactivatedAt", "deactivatedBy"),
        REACTIVATED("com.logishift.support.agent.reactivated.v1", "reactivatedAt", "reactivatedBy");

        final String ceType;
        final String atField;
        final String byField;

        Type(String ceType, String atField, String byField) {
            this.ceType = ceType;
            this.atField = atField;
            this.byField = byField;
        }

        static Type of(String ceType) {
            for (Type type : values()) {
                if (type.ceType.equals(ceType)) {
                    return type;
                }
            }
            return null;
        }
    }

    /**
     * The event, or null for a type ticket-service does not act on (newer types are fine).
     *
     * @throws InvalidEventException when its data cannot be what the contract promises
     */
    static AccountEvent parse(String id, String ceType, JsonNode data) {
        Type type = Type.of(ceType);
        if (type == null) {
            return null;
        }
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("event " + id + " data is not a JSON object");
        }
        UUID accountId = uuid(id, data, "accountId", true);
        // the deactivation's admin is named as the actor of the ticket events it causes
        UUID by = type.byField == null ? null : uuid(id, data, type.byField, type == Type.DEACTIVATED);
        Instant at = null;
        String time = text(data, type.atField);
        if (time != null) {
            try {
                at = Instant.parse(time);
            } catch (DateTimeException e) {
                throw new InvalidEventException("event " + id + " has no valid " + type.atField);
            }
        }
        return new AccountEvent(id, type, accountId, text(data, "name"), text(data, "email"), text(data, "role"), at,
                by);
    }

    private static UUID uuid(String id, JsonNode data, String field, boolean required) {
        String value = text(data, field);
        if (value == null && !required) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new InvalidEventException("event " + id + " has no valid " + field);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

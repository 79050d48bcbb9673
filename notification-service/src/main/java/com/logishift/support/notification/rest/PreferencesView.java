package com.logishift.support.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.kit.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code {"kinds":{"<event type>":{"inApp":true}}}}: for each kind the person can receive, whether it
 * shows in the app. E-mail flags come with the e-mail issue; until then nothing else is accepted.
 */
public record PreferencesView(Map<String, Setting> kinds) {

    public record Setting(boolean inApp) {
    }

    public static PreferencesView of(Map<String, Boolean> inApp) {
        Map<String, Setting> kinds = new TreeMap<>();
        inApp.forEach((kind, on) -> kinds.put(kind, new Setting(on)));
        return new PreferencesView(kinds);
    }

    /**
     * The changes a PUT body asks for, checked strictly: only {@code kinds}, only kinds this person
     * can receive, each exactly {@code {"inApp": true|false}}. Anything else is 400 naming the field.
     */
    public static Map<String, Boolean> changes(JsonNode body, Set<String> receivable) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalidField("kinds", "the body must be an object {\"kinds\": {…}}");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!"kinds".equals(field)) {
                throw ProblemException.invalidField(shorten(field), "unknown field");
            }
        });
        JsonNode kinds = body.get("kinds");
        if (kinds == null || !kinds.isObject()) {
            throw ProblemException.invalidField("kinds", "must be an object of kind → {\"inApp\": true|false}");
        }
        Map<String, Boolean> changes = new LinkedHashMap<>();
        kinds.fields().forEachRemaining(entry -> {
            String field = "kinds." + shorten(entry.getKey());
            JsonNode setting = entry.getValue();
            if (!receivable.contains(entry.getKey())) {
                throw ProblemException.invalidField(field, "not a kind of notification this account receives");
            }
            if (!setting.isObject() || setting.size() != 1 || !setting.path("inApp").isBoolean()) {
                throw ProblemException.invalidField(field, "must be {\"inApp\": true|false}");
            }
            changes.put(entry.getKey(), setting.get("inApp").booleanValue());
        });
        return changes;
    }

    /** A field name is echoed back in the problem: a hostile body may name a huge one. */
    private static String shorten(String field) {
        return field.length() > 200 ? field.substring(0, 200) + "…" : field;
    }
}

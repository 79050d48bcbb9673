package com.logishift.support.notification.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.notification.service.Preferences;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code {"kinds":{"<event type>":{"inApp":true,"email":true}},"language":"en"}}: for each kind the
 * person can receive, whether it shows in the app ({@code inApp}, present for kinds that notify
 * in the app) and whether it is mailed ({@code email}, present for kinds that are mailed to the
 * person's role), and the language of their mails.
 */
public record PreferencesView(Map<String, Setting> kinds, String language) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Setting(Boolean inApp, Boolean email) {
    }

    public static PreferencesView of(Preferences.Settings settings) {
        Set<String> all = new TreeSet<>(settings.inApp().keySet());
        all.addAll(settings.email().keySet());
        Map<String, Setting> kinds = new TreeMap<>();
        all.forEach(kind -> kinds.put(kind, new Setting(settings.inApp().get(kind), settings.email().get(kind))));
        return new PreferencesView(kinds, settings.language());
    }

    /**
     * The changes a PUT body asks for, checked strictly: only {@code kinds} and {@code language};
     * only kinds this person can receive, each an object of {@code inApp} (a kind notifying in the
     * app) and/or {@code email} (a kind mailed to them), booleans. Anything else is 400 naming the field.
     */
    public static Preferences.Changes changes(JsonNode body, Set<String> inAppKinds, Set<String> mailKinds) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalidField("kinds", "the body must be an object {\"kinds\": {…}}");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!"kinds".equals(field) && !"language".equals(field)) {
                throw ProblemException.invalidField(shorten(field), "unknown field");
            }
        });
        String language = null;
        if (body.has("language")) {
            JsonNode value = body.get("language");
            if (!value.isTextual() || !Preferences.LANGUAGES.contains(value.textValue())) {
                throw ProblemException.invalidField("language", "must be \"en\" or \"de\"");
            }
            language = value.textValue();
        }
        JsonNode kinds = body.get("kinds");
        if (kinds == null && language != null) {
            return new Preferences.Changes(Map.of(), Map.of(), language);
        }
        if (kinds == null || !kinds.isObject()) {
            throw ProblemException.invalidField("kinds",
                    "must be an object of kind → {\"inApp\": true|false, \"email\": true|false}");
        }
        Map<String, Boolean> inApp = new LinkedHashMap<>();
        Map<String, Boolean> email = new LinkedHashMap<>();
        kinds.fields().forEachRemaining(entry -> {
            String kind = entry.getKey();
            String field = "kinds." + shorten(kind);
            JsonNode setting = entry.getValue();
            if (!inAppKinds.contains(kind) && !mailKinds.contains(kind)) {
                throw ProblemException.invalidField(field, "not a kind of notification this account receives");
            }
            if (!setting.isObject() || setting.isEmpty()) {
                throw ProblemException.invalidField(field, "must be {\"inApp\": true|false, \"email\": true|false}");
            }
            for (Iterator<String> names = setting.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                boolean allowed = "inApp".equals(name) ? inAppKinds.contains(kind)
                        : "email".equals(name) && mailKinds.contains(kind);
                if (!allowed || !setting.get(name).isBoolean()) {
                    throw ProblemException.invalidField(field, "inApp".equals(name) || "email".equals(name)
                            ? name + " must be true or false and is only for kinds it applies to"
                            : "only inApp and email may be set");
                }
            }
            if (setting.has("inApp")) {
                inApp.put(kind, setting.get("inApp").booleanValue());
            }
            if (setting.has("email")) {
                email.put(kind, setting.get("email").booleanValue());
            }
        });
        return new Preferences.Changes(inApp, email, language);
    }

    /** A field name is echoed back in the problem: a hostile body may name a huge one. */
    private static String shorten(String field) {
        return field.length() > 200 ? field.substring(0, 200) + "…" : field;
    }
}

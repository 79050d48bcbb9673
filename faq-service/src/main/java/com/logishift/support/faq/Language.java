package com.logishift.support.faq;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Languages of FAQ entries: two-letter ISO 639-1 codes in lower case ({@code en}, {@code de},
 * {@code fr}). A reader asks for one language and gets, per topic, that language's version when a
 * published one exists and the fallback language's (English) otherwise.
 */
public final class Language {

    /** How languages are stored and how admins write them. */
    private static final Pattern CODE = Pattern.compile("[a-z]{2}");
    /** What readers may send: a code or a language tag with region/script ("de-CH", "pt_BR", "FR"). */
    private static final Pattern TAG = Pattern.compile("([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8}){0,3}");

    private Language() {
    }

    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    /** The language code of a requested tag ("de-CH" → "de"); empty when it is not a language tag. */
    public static Optional<String> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        var matcher = TAG.matcher(tag.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1).toLowerCase(Locale.ROOT));
    }

    /** Where to look for a topic, best first: the requested language, then the fallback (once). */
    public static List<String> preference(String requested, String fallback) {
        return requested.equals(fallback) ? List.of(requested) : List.of(requested, fallback);
    }

    /**
     * Which version of one topic a reader of {@code requested} sees, given the languages the topic is
     * published in: the requested one, else the fallback, else none (the topic is not shown).
     * The search SQL applies the same rule; this is its plain-Java statement.
     */
    public static Optional<String> choose(String requested, String fallback, java.util.Collection<String> published) {
        return preference(requested, fallback).stream().filter(published::contains).findFirst();
    }
}

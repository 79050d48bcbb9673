package com.logishift.support.faq;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Topic keys made from a question when an admin creates an entry without one: "My parcel arrived
 * damaged or broken. What should I do?" → {@code my-parcel-arrived-damaged-or-broken-what-should-i-do}.
 * Lower-case ASCII words joined by '-', cut at a word boundary so that a "-N" suffix for uniqueness
 * still fits into the column's 80 characters.
 */
public final class TopicKeys {

    /** The longest key the database and the request accept. */
    public static final int MAX_LENGTH = 80;
    /** Room left for "-999" when a derived key is already taken. */
    static final int MAX_BASE_LENGTH = 60;
    /** A derived key is never numbered beyond this; the next candidate gets a random suffix instead. */
    static final int MAX_NUMBER = 999;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]+");

    private TopicKeys() {
    }

    /** The key's base: the question's words, transliterated and bounded; "topic" when none is left. */
    public static String slug(String question) {
        String text = question == null ? "" : question.toLowerCase(Locale.ROOT)
                // German spelling rules first: "Lösung" is "loesung", not "losung"
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l").replace("đ", "d");
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_KEY.matcher(text).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_BASE_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_BASE_LENGTH);
            slug = slug.substring(0, cut > 0 ? cut : MAX_BASE_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "topic" : slug;
    }

    /** {@code base} itself when free, else the first free {@code base-2}, {@code base-3}, … */
    public static String firstFree(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; n <= MAX_NUMBER; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        return base + "-" + Long.toString(System.nanoTime() & 0xFFFFFFFL, 36);
    }
}

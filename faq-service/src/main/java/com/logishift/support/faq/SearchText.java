package com.logishift.support.faq;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader typed into the FAQ search, made safe and bounded before it reaches PostgreSQL.
 *
 * <p>{@link #allWords()} goes to {@code websearch_to_tsquery}: every word must match (after
 * stemming), {@code "quoted phrases"}, {@code or} and {@code -excluded} words work as on web search
 * engines. When that finds nothing, {@link #anyWord()} is the fallback query: the same words joined
 * with {@code or}, so that a long natural-language question still finds the entries sharing most of
 * its words (ranked by how well they match). Both are sent as bound parameters; PostgreSQL's parser
 * never fails on them, whatever they contain.
 */
public record SearchText(String allWords, String anyWord) {

    /** Longer searches are refused with 400 (the limit is configurable, see FaqConfig). */
    public static final int DEFAULT_MAX_LENGTH = 200;
    /** The any-word query keeps at most this many distinct words. */
    public static final int MAX_WORDS = 32;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** A "quoted phrase" (maybe unterminated) or a bare token, each maybe excluded with a leading '-'. */
    private static final Pattern PART = Pattern.compile("-?\"[^\"]*\"?|-?[^\\s\"]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    /**
     * The cleaned search: control characters (NUL cannot even be stored in PostgreSQL text) and
     * broken UTF-16 become spaces, runs of white space become one space, ends are trimmed.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                clean.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                clean.append(' ');
            } else {
                clean.append(c);
            }
        }
        return WHITESPACE.matcher(clean).replaceAll(" ").strip();
    }

    /** Characters as a reader counts them (an emoji is one, not two UTF-16 units). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * The search for a normalized text, or empty when there is nothing to search for (blank).
     * The caller has checked the length.
     */
    public static Optional<SearchText> of(String normalized) {
        if (normalized == null || normalized.isBlank()) {
            return Optional.empty();
        }
        String text = rephrase(normalized);
        return Optional.of(new SearchText(text, anyWordQuery(text)));
    }

    /**
     * Everyday phrasings whose meaning is in a negation or a stop word, which the stemmer drops:
     * "hasn't arrived", "never came", "didn't get it" mean missing; "where is" asks for tracking;
     * "another day" asks to change the date.
     * (Single words are matched to the entries' words by the synonym groups in the database.)
     */
    static String rephrase(String text) {
        String result = text;
        for (Map.Entry<Pattern, String> phrase : PHRASES.entrySet()) {
            result = phrase.getKey().matcher(result).replaceAll(phrase.getValue());
        }
        return result;
    }

    private static final int PHRASE_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Map<Pattern, String> PHRASES = Map.of(
            Pattern.compile("\\b(?:\\p{L}+n['’]t|not|never)\\s+(?:yet\\s+)?(?:been\\s+)?"
                    + "(?:arrived?|come|came|received?|delivered|got|gotten|get|turned up|showed up|shown up)\\b",
                    PHRASE_FLAGS), "missing",
            Pattern.compile("\\bwhere(?:['’]s|\\s+is|\\s+are)\\b", PHRASE_FLAGS), "track delivery",
            Pattern.compile("\\b(?:another|a different|other|later|new)\\s+(?:day|date|time)\\b", PHRASE_FLAGS),
            "change date");

    /** Whether the any-word fallback can find more than the all-words query (two words or more). */
    public boolean hasFallback() {
        return anyWord.contains(" or ");
    }

    /**
     * The words of the text joined with {@code or}, in websearch syntax. Words the reader excluded
     * ({@code -word}) stay out, and so does the word "or" itself (it is the operator).
     */
    static String anyWordQuery(String normalized) {
        Set<String> words = new LinkedHashSet<>();
        Matcher part = PART.matcher(normalized);
        while (part.find() && words.size() < MAX_WORDS) {
            if (part.group().startsWith("-")) {
                continue;
            }
            Matcher word = WORD.matcher(part.group());
            while (word.find() && words.size() < MAX_WORDS) {
                String w = word.group().toLowerCase(Locale.ROOT);
                if (!w.equals("or")) {
                    words.add(w);
                }
            }
        }
        return String.join(" or ", new ArrayList<>(words));
    }

    public List<String> queries() {
        return hasFallback() ? List.of(allWords, anyWord) : List.of(allWords);
    }
}

package com.logishift.support.ticket.search;

import java.text.Normalizer;
import java.util.List;

/**
 * The one place a snippet becomes markup: the text is HTML-escaped first and only then are the
 * matches wrapped in {@code <mark>…</mark>}, so whatever a customer wrote shows as text and the only
 * tags in a snippet are ours.
 */
public final class Snippets {

    /** What PostgreSQL's support_headline (V12) puts around a match; it removes both from the text first. */
    static final char START = '\u0001';
    static final char STOP = '\u0002';
    /** How support_headline passes on the text's own < and > (its parser would drop "tags" from a passage). */
    static final char LESS = '\uE000';
    static final char GREATER = '\uE001';

    private Snippets() {
    }

    /** A headline from the database (matches between START and STOP), or null when it marked nothing. */
    static String fromHeadline(String headline) {
        if (headline == null || headline.indexOf(START) < 0) {
            return null;
        }
        return escape(headline).replace(String.valueOf(LESS), "&lt;").replace(String.valueOf(GREATER), "&gt;")
                .replace(String.valueOf(START), "<mark>").replace(String.valueOf(STOP), "</mark>");
    }

    /**
     * {@code value} with every occurrence of any piece marked, compared without case and accents
     * (as the trigram index compares); null when none occurs.
     */
    static String marking(String value, List<String> pieces) {
        if (value == null || pieces.isEmpty()) {
            return null;
        }
        String folded = fold(value);
        boolean[] marked = new boolean[value.length()];
        boolean any = false;
        for (String piece : pieces) {
            String p = fold(piece);
            for (int at = folded.indexOf(p); at >= 0 && !p.isEmpty(); at = folded.indexOf(p, at + 1)) {
                for (int i = at; i < at + p.length(); i++) {
                    marked[i] = true;
                }
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            if (marked[i] && (i == 0 || !marked[i - 1])) {
                out.append("<mark>");
            }
            out.append(escape(String.valueOf(value.charAt(i))));
            if (marked[i] && (i == value.length() - 1 || !marked[i + 1])) {
                out.append("</mark>");
            }
        }
        return out.toString();
    }

    /** Lower case without accents, one char for one char (so positions stay those of the value). */
    static String fold(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char base = Character.isSurrogate(c) ? c : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
            out.append(Character.toLowerCase(base));
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package com.logishift.support.ticket.search;

import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a search asks for: the text as typed (PostgreSQL reads it with websearch syntax, which never
 * fails to parse), the words that may be a piece of an identifier (reference, delivery id, e-mail
 * address, name) and the filters. Identifier pieces need three characters (a trigram index cannot
 * look up less) and at most {@value #MAX_PIECES} are used.
 */
public record SearchQuery(String text, List<String> pieces, Optional<TicketStatus> status,
        Optional<Category> category, Optional<Priority> priority, Optional<UUID> assigneeId) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 200;
    static final int MAX_PIECES = 5;
    private static final int MIN_PIECE = 3;

    /** {@code q} trimmed, 2 to 200 characters (code points), else 400 naming {@code q}. */
    public static String text(String q) {
        String text = q == null ? "" : q.strip();
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw ProblemException.invalidField("q", "must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters once trimmed");
        }
        return text;
    }

    public static SearchQuery of(String q, Optional<TicketStatus> status, Optional<Category> category,
            Optional<Priority> priority, Optional<UUID> assigneeId) {
        String text = text(q);
        return new SearchQuery(text, pieces(text), status, category, priority, assigneeId);
    }

    /**
     * The whitespace-separated words, lower-case, without the quotes and leading minus of websearch
     * syntax around them: "DLV-2025-777777" stays whole, so partial input matches inside identifiers.
     */
    static List<String> pieces(String text) {
        Set<String> pieces = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            String piece = word.replaceAll("^[-\"(]+|[\")]+$", "");
            if (piece.codePointCount(0, piece.length()) >= MIN_PIECE && !piece.equals("or")) {
                pieces.add(piece);
            }
            if (pieces.size() == MAX_PIECES) {
                break;
            }
        }
        return List.copyOf(pieces);
    }

    /** Pieces with a digit: references and delivery ids are numbered, plain words would match everywhere. */
    List<String> codes() {
        return pieces.stream().filter(p -> p.chars().anyMatch(Character::isDigit)).toList();
    }

    /** A LIKE pattern matching {@code piece} anywhere: its own %, _ and \ match only themselves. */
    static String contains(String piece) {
        return "%" + piece.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static List<String> patterns(List<String> pieces) {
        List<String> patterns = new ArrayList<>();
        pieces.forEach(p -> patterns.add(contains(p)));
        return patterns;
    }
}

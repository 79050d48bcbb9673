package com.logishift.support.ticket.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the quoted history and the signature off a reply's plain text, so a thread holds what the
 * customer wrote and not every earlier mail again. Recognises the reply headers of Gmail, Outlook,
 * Apple Mail and Thunderbird in English and German ("On … wrote:", "Am … schrieb …:", Outlook's
 * "From:/Sent:" block and "-----Original Message-----"), the RFC 3676 signature delimiter "-- " and
 * the usual "Sent from my iPhone" lines. A forwarded mail ("Forwarded message") is kept: it is
 * the content. When the cut leaves nothing (an answer written below the quote), only the quoted
 * lines are dropped.
 */
final class Quotes {

    /** "On Sat, 5 Dec 2026 at 10:12, Support <s@x> wrote:" and "Am 05.12.2026 um 10:12 schrieb Support <s@x>:". */
    private static final Pattern WROTE = Pattern.compile(
            "^(?=.*\\d)\\s*(>\\s*)?(On|Am)\\s.{0,300}?(\\swrote|\\sschrieb[^:]{0,300}):\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Urspr\u00fcngliche Nachricht|Originalnachricht)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FORWARDED = Pattern.compile("^\\s*(-{2,}\\s*(Forwarded message|Weitergeleitete Nachricht)"
            + "\\s*-{2,}|Begin forwarded message:|Anfang der weitergeleiteten Nachricht:)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von):\\*?\\s+\\S.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "^\\s*\\*?(Sent|Date|Gesendet|Datum|To|An|Subject|Betreff|Cc):\\*?\\s.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^\\s*_{20,}\\s*$");
    private static final Pattern SIGNATURE = Pattern.compile("^--\\s?$");
    private static final Pattern MOBILE = Pattern.compile("^\\s*(Sent from my \\S.*|Sent from (Outlook|Mail) for \\S.*"
            + "|Get Outlook for \\S.*|Von meinem \\S.* gesendet\\.?|Gesendet von meinem \\S.*"
            + "|Von (Outlook|Mail) f\u00fcr \\S.* gesendet\\.?)\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Quotes() {
    }

    static String strip(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = Arrays.asList(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        int cut = cut(lines);
        List<String> kept = new ArrayList<>(lines.subList(0, cut));
        dropTrailingQuote(kept);
        if (join(kept).isBlank() && cut < lines.size()) {
            // written below the quote: keep what is not quoted (nor a reply header)
            kept = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.stripLeading().startsWith(">") && headerAt(lines, i) == 0) {
                    kept.add(line);
                }
            }
        }
        return join(kept).strip();
    }

    /** Index of the first line of the quoted history or signature; lines.size() when there is none. */
    private static int cut(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (FORWARDED.matcher(lines.get(i)).matches()) {
                return lines.size(); // what follows is the content the customer forwards, headers and all
            }
            if (headerAt(lines, i) > 0 || SIGNATURE.matcher(lines.get(i)).matches()
                    || MOBILE.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    /** How many lines the reply header starting at line i spans (0 = none starts there). */
    private static int headerAt(List<String> lines, int i) {
        String line = lines.get(i);
        if (ORIGINAL.matcher(line).matches()) {
            return 1;
        }
        // Gmail and Apple Mail wrap a long "On … wrote:" line, often inside the address
        String joined = line;
        for (int span = 1; span <= 3 && i + span <= lines.size(); span++) {
            if (span > 1) {
                joined = joined + " " + lines.get(i + span - 1).strip();
            }
            if (joined.length() < 600 && WROTE.matcher(joined).matches()) {
                return span;
            }
        }
        int from = i;
        if (RULE.matcher(line).matches()) {
            from = nextNonBlank(lines, i + 1);
        }
        if (from < lines.size() && HEADER_FROM.matcher(lines.get(from)).matches()) {
            int next = nextNonBlank(lines, from + 1);
            if (next < lines.size() && HEADER_NEXT.matcher(lines.get(next)).matches()) {
                return next - i + 1;
            }
        }
        return 0;
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static void dropTrailingQuote(List<String> lines) {
        while (!lines.isEmpty()) {
            String last = lines.get(lines.size() - 1);
            if (last.isBlank() || last.stripLeading().startsWith(">")) {
                lines.remove(lines.size() - 1);
            } else {
                return;
            }
        }
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }
}

package com.logishift.support.ticket.report;

import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV back (quoted fields with doubled quotes, CRLF records), strictly: a bare LF is an error. */
final class Csv {

    private Csv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                for (i++; ; i++) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    if (text.charAt(i) == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        field.append(text.charAt(i));
                    }
                }
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("a line break outside quotes that is not CRLF at " + i);
            } else {
                field.append(c);
            }
            i++;
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return rows;
    }
}

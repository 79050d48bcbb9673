package com.logishift.support.ticket.attachment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** File names as clients send them, made safe to store and to send back in a header. */
final class Filenames {

    static final String DEFAULT = "attachment";
    static final int MAX_LENGTH = 255;

    private Filenames() {
    }

    /**
     * Without any folder part (either slash), control and formatting characters (NUL, line breaks, the
     * right-to-left override that turns "gpj.exe" around), unpaired surrogates and surrounding blanks
     * and dots; at most 255 characters; "attachment" when nothing is left.
     */
    static String sanitise(String raw) {
        if (raw == null) {
            return DEFAULT;
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                continue;
            }
            if (clean.length() + Character.charCount(cp) > MAX_LENGTH) {
                break;
            }
            clean.appendCodePoint(cp);
        }
        String result = clean.toString().strip();
        // no hidden files and no "." or ".."
        int start = 0;
        while (start < result.length() && result.charAt(start) == '.') {
            start++;
        }
        result = result.substring(start).strip();
        return result.isEmpty() ? DEFAULT : result;
    }

    /** An RFC 6266 Content-Disposition value: an ASCII fallback and the exact name as filename*. */
    static String contentDisposition(boolean inline, String filename) {
        StringBuilder ascii = new StringBuilder(filename.length());
        for (char c : filename.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}

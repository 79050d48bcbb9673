package com.logishift.support.ticket.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.tika.Tika;

/**
 * What a file is, from its bytes only (Apache Tika's magic numbers): a name or a declared type can lie,
 * so an HTML page or an SVG named photo.png is what it is. The name only ever tells CSV from plain text,
 * for bytes that are already plain UTF-8 text (the bytes cannot tell them apart, and both are served as
 * downloads).
 */
final class FileTypes {

    static final String TEXT = "text/plain";
    static final String CSV = "text/csv";
    private static final Tika TIKA = new Tika();

    private FileTypes() {
    }

    /** The media type of {@code content} (no parameters), e.g. image/png, text/html, application/octet-stream. */
    static String detect(byte[] content, String filename) {
        String type = TIKA.detect(content);
        if (!TEXT.equals(type)) {
            return type;
        }
        if (!isCleanUtf8(content)) {
            // text in another encoding, or with NUL bytes: nothing we promise to show correctly
            return "application/octet-stream";
        }
        return filename.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : TEXT;
    }

    /** Valid UTF-8 (ASCII included) without NUL. */
    static boolean isCleanUtf8(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Raster images a browser shows safely in place; everything else is only ever downloaded. */
    static boolean isInline(String type) {
        return switch (type) {
            case "image/jpeg", "image/png", "image/webp", "image/gif" -> true;
            default -> false;
        };
    }
}

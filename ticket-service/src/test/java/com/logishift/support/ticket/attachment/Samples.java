package com.logishift.support.ticket.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small real files of every kind the tests upload, made here (nothing downloaded). */
final class Samples {

    /** The standard anti-virus test file; the test clamd has a signature for it. */
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private Samples() {
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    static byte[] gif() {
        return image("gif");
    }

    /** A WebP container with a (tiny) lossless bitstream header. */
    static byte[] webp() {
        byte[] vp8l = {0x2f, 0x00, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("RIFF"));
        out.writeBytes(le32(4 + 8 + vp8l.length));
        out.writeBytes(ascii("WEBP"));
        out.writeBytes(ascii("VP8L"));
        out.writeBytes(le32(vp8l.length));
        out.writeBytes(vp8l);
        return out.toByteArray();
    }

    /** An ISO-BMFF file of brand heic (what iPhones write), just its file-type box and an empty meta box. */
    static byte[] heic() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0x18});
        out.writeBytes(ascii("ftypheic"));
        out.writeBytes(new byte[] {0, 0, 0, 0});
        out.writeBytes(ascii("mif1heic"));
        out.writeBytes(new byte[] {0, 0, 0, 0x0c});
        out.writeBytes(ascii("meta"));
        out.writeBytes(new byte[] {0, 0, 0, 0});
        return out.toByteArray();
    }

    static byte[] pdf() {
        return ascii("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n");
    }

    static byte[] text() {
        return "Parcel SUP-000123 arrived crushed.\nDriver: Zoë Müller \u2014 22 Nov\n".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv() {
        return "delivery,status,weight\nDLV-1,damaged,2.5\nDLV-2,lost,1.0\n".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] svg() {
        return ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.cookie)\">"
                + "<rect width=\"10\" height=\"10\"/></svg>");
    }

    static byte[] html() {
        return ascii("<!DOCTYPE html><html><head><title>Invoice</title></head>"
                + "<body><script>fetch('/api/support/tickets/')</script></body></html>");
    }

    /** The first bytes of a 64-bit Linux executable. */
    static byte[] elf() {
        byte[] elf = new byte[128];
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        return elf;
    }

    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("invoice.exe"));
            zip.write(ascii("MZ not really"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }
}

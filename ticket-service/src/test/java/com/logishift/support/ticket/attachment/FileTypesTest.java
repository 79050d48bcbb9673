package com.logishift.support.ticket.attachment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The type is what the bytes are, whatever the name says; plain-JUnit checks of the rules behind 415. */
class FileTypesTest {

    @Test
    void allowedKindsAreRecognisedByTheirBytes() {
        assertThat(FileTypes.detect(Samples.png(), "x.pdf"), equalTo("image/png"));
        assertThat(FileTypes.detect(Samples.jpeg(), "x"), equalTo("image/jpeg"));
        assertThat(FileTypes.detect(Samples.gif(), "x.txt"), equalTo("image/gif"));
        assertThat(FileTypes.detect(Samples.webp(), "x"), equalTo("image/webp"));
        assertThat(FileTypes.detect(Samples.heic(), "x"), equalTo("image/heic"));
        assertThat(FileTypes.detect(Samples.pdf(), "x.png"), equalTo("application/pdf"));
        assertThat(FileTypes.detect(Samples.text(), "notes"), equalTo("text/plain"));
        assertThat(FileTypes.detect(Samples.csv(), "deliveries.CSV"), equalTo("text/csv"));
        assertThat(FileTypes.detect(Samples.csv(), "deliveries.txt"), equalTo("text/plain"));
    }

    @Test
    void disguisedFilesAreWhatTheirBytesAre() {
        assertThat(FileTypes.detect(Samples.svg(), "photo.png"), equalTo("image/svg+xml"));
        assertThat(FileTypes.detect(Samples.html(), "label.jpg"), equalTo("text/html"));
        assertThat(FileTypes.detect(Samples.elf(), "manual.pdf"), startsWith("application/x-"));
        assertThat(FileTypes.detect(Samples.zip(), "photo.png"), equalTo("application/zip"));
        assertThat(FileTypes.detect(Samples.html(), "data.csv"), equalTo("text/html"));
    }

    @Test
    void textMustBeUtf8WithoutNul() {
        assertThat(FileTypes.detect("abc\u0000def".getBytes(StandardCharsets.UTF_8), "a.txt"), not(startsWith("text/")));
        assertThat(FileTypes.detect("Gr\u00fc\u00dfe aus K\u00f6ln, sehr geehrte Damen und Herren"
                .getBytes(StandardCharsets.ISO_8859_1), "a.txt"), not(startsWith("text/")));
        assertThat(FileTypes.detect(Samples.ascii(Samples.EICAR), "eicar.txt"), equalTo("text/plain"));
    }

    @Test
    void onlyRasterImagesAreShownInline() {
        for (String type : new String[] {"image/jpeg", "image/png", "image/webp", "image/gif"}) {
            assertThat(type, FileTypes.isInline(type), equalTo(true));
        }
        for (String type : new String[] {"image/heic", "application/pdf", "text/plain", "text/csv", "image/svg+xml"}) {
            assertThat(type, FileTypes.isInline(type), equalTo(false));
        }
    }

    @Test
    void fileNamesLoseFoldersControlCharactersAndExcessLength() {
        assertThat(Filenames.sanitise("../../etc/passwd"), equalTo("passwd"));
        assertThat(Filenames.sanitise("C:\\Users\\me\\Desktop\\report\u0007.pdf"), equalTo("report.pdf"));
        assertThat(Filenames.sanitise("inv\u0000oice\r\n.pdf"), equalTo("invoice.pdf"));
        // the right-to-left override would show "invoice_fdp.exe" as "invoice_exe.pdf"
        assertThat(Filenames.sanitise("invoice_\u202Efdp.exe"), equalTo("invoice_fdp.exe"));
        assertThat(Filenames.sanitise("  ..hidden  "), equalTo("hidden"));
        assertThat(Filenames.sanitise(".."), equalTo("attachment"));
        assertThat(Filenames.sanitise("/"), equalTo("attachment"));
        assertThat(Filenames.sanitise(null), equalTo("attachment"));
        assertThat(Filenames.sanitise("\u0000\u0001"), equalTo("attachment"));
        assertThat(Filenames.sanitise("a".repeat(300) + ".png").length(), equalTo(255));
        // a pair of surrogates (an emoji) is never cut in half at the limit
        String emoji = "a".repeat(254) + "\uD83D\uDCE6";
        assertThat(Filenames.sanitise(emoji), equalTo("a".repeat(254)));
        assertThat(Filenames.sanitise("lone\uD800surrogate.txt"), equalTo("lonesurrogate.txt"));
        assertThat(Filenames.sanitise("Zoë's Schaden 📦.jpg"), equalTo("Zoë's Schaden 📦.jpg"));
    }

    @Test
    void contentDispositionCarriesAnAsciiFallbackAndTheExactName() {
        assertThat(Filenames.contentDisposition(true, "Zoë \"x\" 100%*.png"),
                equalTo("inline; filename=\"Zo_ _x_ 100_*.png\"; filename*=UTF-8''Zo%C3%AB%20%22x%22%20100%25%2A.png"));
        assertThat(Filenames.contentDisposition(false, "a.pdf"), equalTo("attachment; filename=\"a.pdf\"; filename*=UTF-8''a.pdf"));
    }
}

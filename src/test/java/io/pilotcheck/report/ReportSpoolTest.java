package io.pilotcheck.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A spooled report comes out exactly as appended, from memory or from disk, as text or as bytes. */
class ReportSpoolTest {

    @TempDir
    Path tmp;

    @Test
    void aSmallSpoolStaysInMemoryAndComesOutWhole() throws IOException {
        assertRoundTrip(parts(10));
    }

    @Test
    void aBigSpoolGoesToDiskAndComesOutByteForByte() throws IOException {
        assertRoundTrip(parts(60_000)); // about 6 million characters: past the in-memory limit
    }

    @Test
    void aCharacterOutsideTheBmpAcrossASliceBoundaryMovesToDiskWhole() throws IOException {
        // the spool moves to disk in slices of 65,536 characters: a pair at 65,535-65,536 straddles one
        String pair = "a".repeat(65_535) + "\uD842\uDFB7";
        assertRoundTrip(new String[] {pair, "b".repeat(4_300_000), pair});
    }

    private static String[] parts(int n) {
        String[] parts = new String[n];
        for (int i = 0; i < n; i++) {
            // Chinese, a character outside the BMP (a surrogate pair) and plain ASCII
            parts[i] = "{\"city\" : \"乌海市\", \"n\" : " + i + ", \"mark\" : \"\uD842\uDFB7\"},\n";
        }
        return parts;
    }

    private void assertRoundTrip(String[] parts) throws IOException {
        String expected = String.join("", parts);
        try (ReportSpool spool = new ReportSpool()) {
            for (String p : parts) {
                spool.append(p);
            }
            StringWriter text = new StringWriter();
            spool.writeTo(text, null);
            assertThat(text.toString()).isEqualTo(expected);

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
            w.write("before|");
            spool.writeTo(w, bytes);
            w.write("|after");
            w.flush();
            assertThat(bytes.toByteArray()).isEqualTo(("before|" + expected + "|after").getBytes(StandardCharsets.UTF_8));

            // into a file, as ReportFile writes a report: the kernel copies a spool on disk, and the
            // text after it must land after it
            Path file = tmp.resolve("report-" + parts.length);
            try (OutputStream fileBytes = new FileOutputStream(file.toFile());
                 Writer fw = new OutputStreamWriter(fileBytes, StandardCharsets.UTF_8)) {
                fw.write("before|");
                spool.writeTo(fw, fileBytes);
                fw.write("|after");
            }
            assertThat(Files.readAllBytes(file)).isEqualTo(("before|" + expected + "|after").getBytes(StandardCharsets.UTF_8));
        }
    }
}

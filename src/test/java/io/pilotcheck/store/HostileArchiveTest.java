package io.pilotcheck.store;

import io.pilotcheck.store.sql.StoreLocation;

import io.pilotcheck.store.sql.SqlSubmissionStore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotcheck.cli.CliTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archives that are not what {@code pilotcheck export} writes: each import ends with a message
 * naming the entry and what is wrong with it, never a stack trace or an OutOfMemoryError, and
 * an id that could carry markup into a page is refused.
 */
class HostileArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The entries of a good export of one submission. */
    private final Map<String, byte[]> good = new LinkedHashMap<>();
    private String submissionEntry;

    @BeforeEach
    void export() throws Exception {
        Path archive = tmp.resolve("good.zip");
        try (SubmissionStore source = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("source")))) {
            byte[] dalian = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
            Instant at = Instant.parse("2026-03-31T08:00:00Z");
            io.pilotcheck.finding.BatchResult batch = io.pilotcheck.api.Check.runToEnd(io.pilotcheck.api.CheckRequest
                    .of(io.pilotcheck.TestRules.book(), List.of(io.pilotcheck.dossier.DossierInput.bytes("03-dalian.yaml", dalian)))
                    .withJobs(1)).batch();
            source.record(new NewSubmission(at, "王五", Source.CLI, List.of(new NewSubmission.SubmittedFile("03-dalian.yaml", dalian)),
                    new EvaluationRecord(at, EvaluationRecord.SUBMITTED, "sha256:x", 33, "0.1.0", null, batch)));
            try (OutputStream out = Files.newOutputStream(archive)) {
                StoreArchive.export(source, "0.1.0", out);
            }
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                good.put(e.getName(), zip.getInputStream(e).readAllBytes());
                if (e.getName().startsWith("submissions/")) {
                    submissionEntry = e.getName();
                }
            }
        }
    }

    private Path archive(Map<String, byte[]> entries) throws Exception {
        Path zip = Files.createTempFile(tmp, "bad", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /** The good archive with its submission's JSON changed by {@code change}. */
    private Path withSubmission(UnaryOperator<ObjectNode> change) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(good);
        ObjectNode s = (ObjectNode) JSON.readTree(good.get(submissionEntry));
        entries.put(submissionEntry, JSON.writeValueAsBytes(change.apply(s)));
        return archive(entries);
    }

    /** What {@code pilotcheck import} says of {@code zip} into a fresh store, in English, and its exit code. */
    private CliTest.Run importing(Path zip) {
        return CliTest.run("import", "--lang", "en", "--data", tmp.resolve("into-" + zip.getFileName()).toString(), zip.toString());
    }

    @Test
    void theGoodArchiveImports() throws Exception {
        CliTest.Run r = importing(archive(good));
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void anIdThatCouldCarryMarkupIsRefusedNamingTheEntry() throws Exception {
        CliTest.Run r = importing(withSubmission(s -> s.put("id", "\"><svg onload=alert(1)>")));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(submissionEntry).contains("'id' is not an id pilotcheck makes");
        CliTest.Run evaluation = importing(withSubmission(s -> {
            ((ObjectNode) s.withArray("evaluations").get(0)).put("id", "../../x");
            return s;
        }));
        assertThat(evaluation.err()).contains(submissionEntry).contains("'id' is not an id pilotcheck makes");
    }

    @Test
    void malformedSubmissionsAreNamedWithWhatIsWrongNeverAStackTrace() throws Exception {
        Map<String, String> said = new LinkedHashMap<>();
        said.put("it has no evaluation", importing(withSubmission(s -> {
            s.putArray("evaluations");
            return s;
        })).err());
        said.put("it lacks 'received'", importing(withSubmission(s -> {
            s.remove("received");
            return s;
        })).err());
        said.put("DateTimeParseException", importing(withSubmission(s -> s.put("received", "2026-13-45"))).err());
        said.put("it lacks 'sha256'", importing(withSubmission(s -> {
            ((ObjectNode) s.withArray("files").get(0)).remove("sha256");
            return s;
        })).err());
        Map<String, byte[]> notJson = new LinkedHashMap<>(good);
        notJson.put(submissionEntry, "{\"id\": ".getBytes(StandardCharsets.UTF_8));
        said.put("not JSON", importing(archive(notJson)).err());
        said.forEach((what, err) -> assertThat(err).as(what).contains(submissionEntry).contains(what)
                .doesNotContain("\tat ").doesNotContain("Exception:\n"));
    }

    @Test
    void anEntryInflatingPastWhatExportWritesIsRefusedUnread() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(good);
        String file = good.keySet().stream().filter(n -> n.startsWith("files/")).findFirst().orElseThrow();
        entries.put(file, new byte[(int) StoreArchive.MAX_FILE_BYTES + 1]);
        CliTest.Run r = importing(archive(entries));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(file).contains("inflates to more than 64 MiB");
    }

    @Test
    void aFileThatIsNoZipIsSaidSo() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.zip"), "not a zip at all");
        CliTest.Run r = importing(junk);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("junk.zip").doesNotContain("\tat ");
    }
}

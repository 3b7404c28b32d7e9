package io.pilotcheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Message;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.finding.WaiverUse;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.source.SourceLocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A whole store in one zip, and back: the backup, and the way from the embedded store to
 * PostgreSQL. The zip holds {@code pilotcheck-export.json} (what it is), one
 * {@code submissions/ID.json} a submission (who, when, its files by SHA-256, every evaluation
 * with every finding in both languages) and {@code files/SHA256} the bytes of each file, once;
 * then the rule editions and sets, and the audit log in {@code audit/NNNNNN.json}, up to
 * {@value #AUDIT_ROWS_AN_ENTRY} rows an entry, oldest first (accounts, sessions and tokens stay behind).
 * Ids are kept, so an import into a store that has some of them adds only the others.
 */
public final class StoreArchive {

    /** The archive format's version, in its manifest. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StoreArchive() {
    }

    /** Writes every submission of {@code store} to {@code out}; returns how many. */
    public static int export(SubmissionStore store, String toolVersion, OutputStream out) throws IOException {
        List<String> ids = store.ids(Scope.all());
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("tool", "pilotcheck")
                    .put("version", toolVersion).put("exported", Instant.now().toString()).put("submissions", ids.size());
            put(zip, "pilotcheck-export.json", JSON.writeValueAsBytes(manifest));
            Set<String> written = new HashSet<>();
            // the next page is read from the store while this one is written into the zip
            java.util.concurrent.ExecutorService reader = storeThread("export-reader");
            try {
                java.util.concurrent.Future<List<SubmissionStore.Whole>> next = page(reader, store, ids, 0);
                for (int from = 0; from < ids.size(); from += PAGE) {
                    List<SubmissionStore.Whole> wholes = done(next);
                    next = page(reader, store, ids, from + PAGE);
                    if (wholes.size() != Math.min(PAGE, ids.size() - from)) {
                        throw new IllegalStateException("submissions went from the store while it was exported");
                    }
                    for (SubmissionStore.Whole whole : wholes) {
                        exportSubmission(store, zip, whole, written);
                    }
                }
            } finally {
                reader.shutdownNow();
            }
            // what each edition of the rules said, and the published rule sets with their files
            for (Map.Entry<String, String> e : store.ruleEditions().entrySet()) {
                // the edition's own text, kept as it was written, so an import keeps it byte for byte
                ObjectNode node = JSON.createObjectNode().put("fingerprint", e.getKey()).put("edition", e.getValue());
                put(zip, "rule-editions/" + e.getKey().replaceAll("[^A-Za-z0-9]", "-") + ".json", JSON.writeValueAsBytes(node));
            }
            for (RuleSetStore.RuleSet set : store.ruleSets()) {
                ObjectNode node = JSON.createObjectNode().put("number", set.number()).put("fingerprint", set.fingerprint())
                        .put("rule_count", set.ruleCount()).put("published_at", set.publishedAt().toString())
                        .put("published_by", set.publishedBy()).put("note", set.note());
                ArrayNode files = node.putArray("files");
                for (Map.Entry<String, byte[]> f : store.ruleSetFiles(set.number()).orElseThrow().entrySet()) {
                    String sha = SubmissionStore.sha256(f.getValue());
                    files.addObject().put("path", f.getKey()).put("sha256", sha);
                    if (written.add(sha)) {
                        put(zip, "files/" + sha, f.getValue());
                    }
                }
                put(zip, "rule-sets/" + set.number() + ".json", JSON.writeValueAsBytes(node));
            }
            exportAudit(store, zip);
            exportReview(store, zip);
            exportDrafts(store, zip);
        }
        return ids.size();
    }

    /** How many submissions the export reads from the store at a time. */
    static final int PAGE = 500;

    /** The page of {@code ids} from {@code from}, read on {@code reader} (none past the end). */
    private static java.util.concurrent.Future<List<SubmissionStore.Whole>> page(java.util.concurrent.ExecutorService reader,
            SubmissionStore store, List<String> ids, int from) {
        if (from >= ids.size()) {
            return java.util.concurrent.CompletableFuture.completedFuture(List.of());
        }
        List<String> page = List.copyOf(ids.subList(from, Math.min(ids.size(), from + PAGE)));
        return reader.submit(() -> store.wholes(page));
    }

    /** The thread an export reads the store on, or an import writes it on, while the archive is worked on. */
    private static java.util.concurrent.ExecutorService storeThread(String name) {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** What the store's thread of an export or an import gave back; its failure, thrown again here. */
    private static <T> T done(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the store was read or written", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One submission's entry and the files it names that the archive does not hold yet. */
    private static void exportSubmission(SubmissionStore store, ZipOutputStream zip, SubmissionStore.Whole whole,
                                         Set<String> written) throws IOException {
        StoredSubmission s = whole.submission();
        String id = s.id();
        ObjectNode node = JSON.createObjectNode().put("id", s.id()).put("received", s.received().toString())
                .put("submitter", s.submitter()).put("source", s.source().id());
        ArrayNode files = node.putArray("files");
        for (StoredSubmission.File f : s.files()) {
            ObjectNode fn = files.addObject().put("name", f.name()).put("sha256", f.sha256()).put("size", f.size());
            if (written.add(f.sha256())) {
                put(zip, "files/" + f.sha256(), store.file(Scope.all(), id, f.name()).orElseThrow());
            }
            if (f.formSha256() != null) {
                fn.put("form_sha256", f.formSha256());
                if (written.add(f.formSha256())) {
                    put(zip, "files/" + f.formSha256(), store.form(Scope.all(), id, f.name()).orElseThrow());
                }
            }
        }
        ArrayNode evaluations = node.putArray("evaluations");
        for (StoredSubmission.Evaluation e : s.evaluations()) {
            EvaluationRecord record = whole.evaluations().get(e.id());
            if (record == null) {
                throw new IllegalStateException("evaluation " + e.id() + " went from the store while it was exported");
            }
            evaluations.add(evaluation(e.id(), record));
        }
        put(zip, "submissions/" + id + ".json", JSON.writeValueAsBytes(node));
    }

    /** How many audit rows one archive entry holds. */
    static final int AUDIT_ROWS_AN_ENTRY = 10_000;

    private static void exportAudit(SubmissionStore store, ZipOutputStream zip) throws IOException {
        String after = null;
        for (int n = 1; ; n++) {
            List<AccountStore.AuditRecord> rows = store.auditRecords(after, AUDIT_ROWS_AN_ENTRY);
            if (rows.isEmpty()) {
                return;
            }
            ArrayNode list = JSON.createArrayNode();
            for (AccountStore.AuditRecord r : rows) {
                AccountStore.AuditEntry e = r.entry();
                list.addObject().put("id", r.id()).put("at", e.at().toString()).put("actor", e.actor()).put("address", e.address())
                        .put("action", e.action()).put("object", e.object()).put("detail", e.detail());
            }
            put(zip, String.format("audit/%06d.json", n), JSON.writeValueAsBytes(JSON.createObjectNode().set("audit", list)));
            after = rows.get(rows.size() - 1).id();
        }
    }

    private static void importAudit(SubmissionStore store, ZipFile zip) throws IOException {
        List<String> names = zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("audit/") && n.endsWith(".json")).sorted().toList();
        for (String name : names) {
            List<AccountStore.AuditRecord> rows = new ArrayList<>();
            try {
                for (JsonNode r : read(zip, zip.getEntry(name)).path("audit")) {
                    String id = required(r, "id");
                    if (!id.matches("[0-9a-f]{32}")) {
                        throw new IllegalArgumentException("an audit row's id is not 32 hexadecimal digits: " + shown(id));
                    }
                    rows.add(new AccountStore.AuditRecord(id, new AccountStore.AuditEntry(Instant.parse(required(r, "at")),
                            required(r, "actor"), text(r, "address"), required(r, "action"), text(r, "object"), text(r, "detail"))));
                }
            } catch (RuntimeException e) {
                throw unreadable(name, e);
            }
            store.restoreAudit(rows);
        }
    }

    /** The review loop's periods, steps, decisions and comments, in {@code review.json}. */
    private static void exportReview(SubmissionStore store, ZipOutputStream zip) throws IOException {
        ReviewStore.Kept k = store.reviewKept();
        if (k.periods().isEmpty()) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode periods = root.putArray("periods");
        for (ReviewStore.Period p : k.periods()) {
            ObjectNode n = periods.addObject().put("name", p.name()).put("due", p.due().toString()).put("as_of", p.asOf().toString())
                    .put("opened_at", p.openedAt().toString()).put("opened_by", p.openedBy())
                    .put("closed_at", p.closedAt() == null ? null : p.closedAt().toString()).put("closed_by", p.closedBy());
            p.pilots().forEach(n.putArray("pilots")::add);
        }
        ObjectNode sent = root.putObject("submission_periods");
        k.submissionPeriods().forEach(sent::put);
        ArrayNode steps = root.putArray("steps");
        for (ReviewStore.Step x : k.steps()) {
            steps.addObject().put("id", x.id()).put("period", x.period()).put("city", x.city()).put("submission", x.submissionId())
                    .put("step", x.step()).put("actor", x.actor()).put("at", x.at().toString()).put("note", x.note());
        }
        ArrayNode decisions = root.putArray("decisions");
        for (ReviewStore.Decision d : k.decisions()) {
            decisions.addObject().put("id", d.id()).put("submission", d.submissionId()).put("city", d.city()).put("rule", d.ruleId())
                    .put("path", d.path()).put("kind", d.kind()).put("reason", d.reason())
                    .put("until", d.until() == null ? null : d.until().toString()).put("author", d.author()).put("at", d.at().toString());
        }
        ArrayNode comments = root.putArray("comments");
        for (ReviewStore.Comment c : k.comments()) {
            comments.addObject().put("id", c.id()).put("submission", c.submissionId()).put("city", c.city()).put("rule", c.ruleId())
                    .put("path", c.path()).put("author", c.author()).put("at", c.at().toString()).put("body", c.body());
        }
        put(zip, "review.json", JSON.writeValueAsBytes(root));
    }

    /** The forms' drafts ({@code drafts.json}): saved, so acknowledged, so carried (docs/entry.md). */
    private static void exportDrafts(SubmissionStore store, ZipOutputStream zip) throws IOException {
        List<ReviewStore.Draft> drafts = store.drafts();
        if (drafts.isEmpty()) {
            return;
        }
        ArrayNode all = JSON.createArrayNode();
        for (ReviewStore.Draft d : drafts) {
            all.addObject().put("city", d.city()).put("saved_by", d.savedBy()).put("saved_at", d.savedAt().toString())
                    .set("fields", JSON.readTree(d.fields()));
        }
        put(zip, "drafts.json", JSON.writeValueAsBytes(JSON.createObjectNode().set("drafts", all)));
    }

    /** Adds each draft of the archive whose pilot has none here; a draft here is newer work and stays. */
    private static void importDrafts(SubmissionStore store, ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("drafts.json");
        if (entry == null) {
            return;
        }
        JsonNode root = read(zip, entry);
        try {
            for (JsonNode n : root.path("drafts")) {
                if (!n.path("fields").isObject()) {
                    throw new IllegalArgumentException("a draft's fields are not an object");
                }
                store.restoreDraft(new ReviewStore.Draft(required(n, "city"), n.get("fields").toString(),
                        required(n, "saved_by"), Instant.parse(required(n, "saved_at"))));
            }
        } catch (RuntimeException e) {
            throw unreadable("drafts.json", e);
        }
    }

    private static void importReview(SubmissionStore store, ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("review.json");
        if (entry == null) {
            return;
        }
        JsonNode root = read(zip, entry);
        try {
            List<ReviewStore.Period> periods = new ArrayList<>();
            for (JsonNode n : root.path("periods")) {
                List<String> pilots = new ArrayList<>();
                n.path("pilots").forEach(p -> pilots.add(p.asText()));
                periods.add(new ReviewStore.Period(required(n, "name"), LocalDate.parse(required(n, "due")), LocalDate.parse(required(n, "as_of")),
                        pilots, Instant.parse(required(n, "opened_at")), required(n, "opened_by"),
                        text(n, "closed_at") == null ? null : Instant.parse(text(n, "closed_at")), text(n, "closed_by")));
            }
            Map<String, String> sent = new java.util.LinkedHashMap<>();
            root.path("submission_periods").fields().forEachRemaining(e -> sent.put(e.getKey(), e.getValue().asText()));
            List<ReviewStore.Step> steps = new ArrayList<>();
            for (JsonNode n : root.path("steps")) {
                steps.add(new ReviewStore.Step(id(n, "id"), required(n, "period"), required(n, "city"), text(n, "submission"),
                        required(n, "step"), required(n, "actor"), Instant.parse(required(n, "at")), text(n, "note")));
            }
            List<ReviewStore.Decision> decisions = new ArrayList<>();
            for (JsonNode n : root.path("decisions")) {
                decisions.add(new ReviewStore.Decision(id(n, "id"), id(n, "submission"), required(n, "city"), required(n, "rule"),
                        required(n, "path"), required(n, "kind"), text(n, "reason"),
                        text(n, "until") == null ? null : LocalDate.parse(text(n, "until")), required(n, "author"), Instant.parse(required(n, "at"))));
            }
            List<ReviewStore.Comment> comments = new ArrayList<>();
            for (JsonNode n : root.path("comments")) {
                comments.add(new ReviewStore.Comment(id(n, "id"), id(n, "submission"), required(n, "city"), text(n, "rule"), text(n, "path"),
                        required(n, "author"), Instant.parse(required(n, "at")), required(n, "body")));
            }
            store.restoreReview(new ReviewStore.Kept(periods, sent, steps, decisions, comments));
        } catch (RuntimeException e) {
            throw unreadable("review.json", e);
        }
    }

    /**
     * An entry of the archive that is not what export writes, said as an import stops with it: the
     * reason a check of ours gave, or {@code what} with the cause.
     */
    private static IOException unreadable(String entry, RuntimeException e) {
        return unreadable(entry, e, "not what pilotcheck export writes");
    }

    private static IOException unreadable(String entry, RuntimeException e, String what) {
        return new IOException(entry + ": " + (e instanceof IllegalArgumentException && e.getMessage() != null
                && !(e instanceof java.time.format.DateTimeParseException) ? e.getMessage()
                : what + " (" + io.pilotcheck.failure.RootCause.described(e) + ")"), e);
    }

    /** How many submissions an import writes in one transaction. */
    private static final int GROUP = 200;

    /** What an import did. */
    public record Imported(int added, int present) {
    }

    /**
     * Puts every submission of the archive into {@code store}; those already there are left as
     * they are. An entry that is not what this pilotcheck writes stops the import with an
     * {@link IOException} naming the entry and what is wrong with it; submissions before it are kept.
     */
    public static Imported importInto(SubmissionStore store, ZipFile zip) throws IOException {
        ZipEntry manifestEntry = zip.getEntry("pilotcheck-export.json");
        if (manifestEntry == null) {
            throw new IOException("not a pilotcheck export: no pilotcheck-export.json in it");
        }
        JsonNode manifest = read(zip, manifestEntry);
        if (manifest.path("format").asInt() != FORMAT) {
            throw new IOException("an export in format " + manifest.path("format") + "; this pilotcheck reads format " + FORMAT);
        }
        List<String> names = new ArrayList<>();
        zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("submissions/") && n.endsWith(".json")).sorted()
                .forEach(names::add);
        ArchiveFiles files = new ArchiveFiles(zip);
        Writer writer = new Writer(store);
        List<SubmissionStore.Restored> group = new ArrayList<>(GROUP);
        try {
            for (String name : names) {
                JsonNode s = read(zip, zip.getEntry(name));
                String id;
                NewSubmission submission;
                List<Map.Entry<String, EvaluationRecord>> evaluations = new ArrayList<>();
                try {
                    id = id(s, "id");
                    List<NewSubmission.SubmittedFile> submitted = new ArrayList<>();
                    for (JsonNode f : s.path("files")) {
                        submitted.add(new NewSubmission.SubmittedFile(required(f, "name"), files.get(f, "sha256"),
                                f.hasNonNull("form_sha256") ? files.get(f, "form_sha256") : null));
                    }
                    for (JsonNode e : s.path("evaluations")) {
                        evaluations.add(Map.entry(id(e, "id"), evaluation(e)));
                    }
                    if (evaluations.isEmpty()) {
                        throw new IllegalArgumentException("it has no evaluation");
                    }
                    submission = new NewSubmission(Instant.parse(required(s, "received")),
                            s.path("submitter").isNull() ? null : s.path("submitter").asText(null),
                            Source.fromId(required(s, "source")), submitted, evaluations.get(0).getValue());
                } catch (RuntimeException e) {
                    throw unreadable(name, e, "not a submission as pilotcheck export writes it");
                }
                group.add(new SubmissionStore.Restored(id, submission, evaluations));
                if (group.size() == GROUP) {
                    writer.write(group);
                    group = new ArrayList<>(GROUP);
                }
            }
        } catch (IOException e) {
            writer.write(group); // the submissions before the bad entry are kept, as one at a time kept them
            writer.finish();
            throw e;
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
        writer.write(group);
        Imported imported = writer.finish();
        importRules(store, zip);
        importAudit(store, zip);
        importReview(store, zip);
        importDrafts(store, zip);
        return imported;
    }

    /**
     * Writes an import's groups on a thread of its own, one group at a time, while the next is
     * read from the archive: the store's writing and the archive's reading overlap.
     */
    private static final class Writer {
        private final SubmissionStore store;
        private final java.util.concurrent.ExecutorService thread = storeThread("import-writer");
        private java.util.concurrent.Future<Imported> writing;
        private int added;
        private int present;

        Writer(SubmissionStore store) {
            this.store = store;
        }

        /** Waits for the group being written, then starts writing {@code group}. */
        void write(List<SubmissionStore.Restored> group) {
            settle();
            List<SubmissionStore.Restored> mine = List.copyOf(group);
            writing = thread.submit(() -> {
                int n = store.restoreAll(mine);
                return new Imported(n, mine.size() - n);
            });
        }

        /** Waits for the last group; what every group did. */
        Imported finish() {
            try {
                settle();
            } finally {
                thread.shutdown();
            }
            return new Imported(added, present);
        }

        /** Waits for the group being written, if any, and stops: the import failed. */
        void abandon() {
            try {
                settle();
            } catch (RuntimeException e) {
                // the failure being thrown already says why the import stopped
            } finally {
                thread.shutdown();
            }
        }

        private void settle() {
            if (writing == null) {
                return;
            }
            try {
                Imported written = done(writing);
                added += written.added();
                present += written.present();
            } finally {
                writing = null;
            }
        }
    }

    /**
     * The archive's files as an import reads them, each checked against its name once: many
     * submissions name the same file. The most recently used are kept up to a bound, so an
     * archive of many large files is not held whole.
     */
    private static final class ArchiveFiles {
        private static final long KEPT_BYTES = 64L << 20;
        private final ZipFile zip;
        private long kept;
        private final Map<String, byte[]> bySha = new java.util.LinkedHashMap<>(256, 0.75f, true);

        ArchiveFiles(ZipFile zip) {
            this.zip = zip;
        }

        byte[] get(JsonNode f, String field) throws IOException {
            byte[] known = bySha.get(f.path(field).asText(""));
            if (known != null) {
                return known;
            }
            byte[] content = file(zip, f, field);
            bySha.put(required(f, field), content);
            kept += content.length;
            for (var it = bySha.values().iterator(); kept > KEPT_BYTES && it.hasNext(); ) {
                kept -= it.next().length;
                it.remove();
            }
            return content;
        }
    }

    /**
     * The editions of the rules and the rule sets an archive holds (an archive from before they
     * were exported holds none); a set whose number the store has already is left as it is.
     */
    private static void importRules(SubmissionStore store, ZipFile zip) throws IOException {
        List<String> names = zip.stream().map(ZipEntry::getName)
                .filter(n -> (n.startsWith("rule-editions/") || n.startsWith("rule-sets/")) && n.endsWith(".json")).sorted().toList();
        for (String name : names) {
            JsonNode node = read(zip, zip.getEntry(name));
            try {
                if (name.startsWith("rule-editions/")) {
                    String edition = required(node, "edition");
                    if (!JSON.readTree(edition).isObject()) {
                        throw new IllegalArgumentException("its edition is not a JSON object");
                    }
                    store.keepRuleEdition(required(node, "fingerprint"), edition);
                    continue;
                }
                Map<String, byte[]> files = new java.util.TreeMap<>();
                for (JsonNode f : node.path("files")) {
                    files.put(required(f, "path"), file(zip, f, "sha256"));
                }
                int number = node.path("number").asInt(0);
                if (number < 1 || files.isEmpty()) {
                    throw new IllegalArgumentException("no rule set number, or no files");
                }
                store.restoreRuleSet(new RuleSetStore.RuleSet(number, required(node, "fingerprint"), node.path("rule_count").asInt(),
                        Instant.parse(required(node, "published_at")), text(node, "published_by"), text(node, "note")), files);
            } catch (RuntimeException e) {
                throw unreadable(name, e);
            }
        }
    }

    /**
     * The bytes of the file an entry names by its {@code sha256}, read from {@code files/SHA256}
     * and checked against it.
     */
    private static byte[] file(ZipFile zip, JsonNode f, String field) throws IOException {
        String sha256 = required(f, field);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a file's sha256 is not 64 hexadecimal digits: " + shown(sha256));
        }
        ZipEntry bytes = zip.getEntry("files/" + sha256);
        if (bytes == null) {
            throw new IllegalArgumentException("it names a file " + sha256 + " the export does not hold");
        }
        byte[] content = bytes(zip, bytes, MAX_FILE_BYTES);
        if (!SubmissionStore.sha256(content).equals(sha256)) {
            throw new IllegalArgumentException("files/" + sha256 + " does not hold the bytes its name says");
        }
        return content;
    }

    /** The most a stored file may inflate to: far above any dossier, far below the heap. */
    static final long MAX_FILE_BYTES = 64L << 20;

    /** The most a submission's JSON may inflate to (a province's batch of dossiers is a few MB). */
    static final long MAX_JSON_BYTES = 64L << 20;

    /** A field that must be there, as text. */
    private static String required(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isValueNode() || v.isNull()) {
            throw new IllegalArgumentException("it lacks '" + field + "'");
        }
        return v.asText();
    }

    /** An id as the store makes them: 32 hexadecimal digits, the time first, so it is safe in any page or path. */
    private static String id(JsonNode node, String field) {
        String id = required(node, field);
        if (!SubmissionStore.isId(id)) {
            throw new IllegalArgumentException("'" + field + "' is not an id pilotcheck makes (32 hexadecimal digits): " + shown(id));
        }
        return id;
    }

    /** A value from an archive, short enough for a message. */
    private static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    /** An entry's bytes, read no further than {@code limit}. */
    private static byte[] bytes(ZipFile zip, ZipEntry entry, long limit) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (content.length > limit) {
                throw new IOException(entry.getName() + ": inflates to more than " + (limit >> 20)
                        + " MiB, more than pilotcheck export ever writes there; refused");
            }
            return content;
        }
    }

    private static ObjectNode evaluation(String id, EvaluationRecord e) {
        ObjectNode node = JSON.createObjectNode().put("id", id).put("evaluated", e.evaluatedAt().toString())
                .put("reason", e.reason()).put("rules_fingerprint", e.rulesFingerprint()).put("rule_count", e.ruleCount())
                .put("tool_version", e.toolVersion()).put("as_of", e.asOf() == null ? null : e.asOf().toString());
        ArrayNode dossiers = node.putArray("dossiers");
        for (DossierResult d : e.batch().dossiers()) {
            ObjectNode dn = dossiers.addObject().put("file", d.file()).put("city", d.city()).put("city_en", d.cityEn())
                    .put("province_zh", d.province() == null ? null : d.province().zh())
                    .put("province_en", d.province() == null ? null : d.province().en())
                    .put("as_of", d.asOf() == null ? null : d.asOf().toString());
            ArrayNode findings = dn.putArray("findings");
            for (Finding f : d.findings()) {
                ObjectNode fn = findings.addObject().put("rule", f.ruleId()).put("severity", f.severity().id())
                        .put("clause", f.clause()).put("path", f.path()).put("file", f.location().file())
                        .put("line", f.location().line()).put("column", f.location().column())
                        .put("message_zh", f.message().zh()).put("message_en", f.message().en());
                if (f.location().inSheet()) {
                    fn.put("sheet", f.location().sheet().name()).put("sheet_index", f.location().sheet().index());
                }
                if (f.waiver() != null) {
                    fn.set("waiver", WaiverJson.of(f.waiver()));
                }
            }
        }
        ArrayNode uses = node.putArray("waivers");
        for (WaiverUse u : e.batch().waivers()) {
            uses.addObject().put("status", u.status().id()).put("matched", u.matched())
                    .set("waiver", WaiverJson.of(u.waiver()));
        }
        return node;
    }

    private static EvaluationRecord evaluation(JsonNode e) {
        List<DossierResult> dossiers = new ArrayList<>();
        for (JsonNode d : e.path("dossiers")) {
            List<Finding> findings = new ArrayList<>();
            for (JsonNode f : d.path("findings")) {
                Waiver waiver = WaiverJson.waiver(f.path("waiver"));
                findings.add(new Finding(f.path("rule").asText(), Severity.fromId(f.path("severity").asText()),
                        f.path("clause").asText(), new Message(f.path("message_zh").asText(), f.path("message_en").asText()),
                        f.path("path").asText(), new SourceLocation(f.path("file").asText(), f.path("line").asInt(),
                        f.path("column").asInt(), f.hasNonNull("sheet")
                        ? new SourceLocation.Sheet(f.path("sheet_index").asInt(), f.path("sheet").asText()) : null), waiver));
            }
            dossiers.add(new DossierResult(d.path("file").asText(), text(d, "city"), text(d, "city_en"),
                    d.path("province_zh").isNull() ? null : new Message(d.path("province_zh").asText(), d.path("province_en").asText()),
                    d.path("as_of").isNull() ? null : LocalDate.parse(d.path("as_of").asText()), findings));
        }
        List<WaiverUse> uses = new ArrayList<>();
        for (JsonNode u : e.path("waivers")) { // absent from an archive written before waiver uses were kept
            uses.add(new WaiverUse(WaiverJson.waiver(u.path("waiver")),
                    WaiverUse.Status.valueOf(u.path("status").asText().toUpperCase(java.util.Locale.ROOT)), u.path("matched").asInt()));
        }
        return new EvaluationRecord(Instant.parse(e.path("evaluated").asText()), e.path("reason").asText(),
                e.path("rules_fingerprint").asText(), e.path("rule_count").asInt(), e.path("tool_version").asText(),
                e.path("as_of").isNull() ? null : LocalDate.parse(e.path("as_of").asText()), new BatchResult(dossiers, uses));
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() ? null : node.path(field).asText(null);
    }

    private static JsonNode read(ZipFile zip, ZipEntry entry) throws IOException {
        byte[] json = bytes(zip, entry, MAX_JSON_BYTES);
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(entry.getName() + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}

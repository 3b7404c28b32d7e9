package io.pilotcheck.serve;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.pilotcheck.dossier.DossierLoader;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.failure.RootCause;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A request's body as the dossiers it holds, named as the caller named them: one YAML dossier,
 * multipart files (a folder upload keeps its relative paths; a zip among them is opened), or a
 * zip. Every limit is checked before the bytes it guards are read or inflated.
 */
final class Uploads {

    private final UploadLimits limits;

    /** Where a request's skipped files wait for its answer. */
    private static final String SKIPPED = "pilotcheck.skipped";

    Uploads(UploadLimits limits) {
        this.limits = limits;
    }

    /**
     * A file of the upload that was not checked, and why: what the page and the API list, so that
     * a city whose file was not a dossier does not seem to have sent nothing.
     *
     * @param name   the file's name as uploaded (a zip's entries by their path inside it)
     * @param reason the word that says why and what to do ({@code skip.*} in the service's words)
     */
    record Skipped(String name, String reason) {
    }

    /** The files of the request {@link #read} skipped, in the order they came. */
    static List<Skipped> skipped(Context ctx) {
        List<Skipped> skipped = ctx.attribute(SKIPPED);
        return skipped == null ? List.of() : skipped;
    }

    private static void skip(Context ctx, String name) {
        List<Skipped> skipped = ctx.attribute(SKIPPED);
        if (skipped == null) {
            skipped = new ArrayList<>();
            ctx.attribute(SKIPPED, skipped);
        }
        skipped.add(new Skipped(name, reason(name)));
    }

    /** Why a file that is no dossier by its name was skipped: the likely cause first. */
    static String reason(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String base = lower.substring(lower.lastIndexOf('/') + 1);
        if (base.startsWith(".") || base.startsWith("~$") || base.equals("thumbs.db") || base.equals("desktop.ini") || lower.startsWith("__macosx/")
                || lower.contains("/__macosx/")) {
            return "skip.system";
        }
        if (lower.matches(".*\\.ya?ml\\.[a-z0-9]+")) {
            return "skip.doubleExtension";
        }
        if (lower.endsWith(".xls") || lower.endsWith(".et")) {
            return "skip.workbook";
        }
        return "skip.other";
    }

    private static String listed(List<Skipped> skipped, int most) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(most, skipped.size()); i++) {
            out.append(i == 0 ? "" : ", ").append(UploadNames.shown(skipped.get(i).name()));
        }
        return skipped.isEmpty() ? "—" : skipped.size() > most ? out + ", …" : out.toString();
    }

    /**
     * The dossiers of a request, or an {@link ApiError} saying why there are none to check; what
     * they hold in memory is reserved in {@code held} as it is read.
     */
    List<DossierInput> read(Context ctx, MemoryBudget.Reservation held) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limits.maxBody()) {
            throw new ApiError(413, "upload_too_large", "size", LoadLimits.formatSize(declared),
                    "limit", LoadLimits.formatSize(limits.maxBody()));
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        String media = type.split(";", 2)[0].strip();
        if (media.isEmpty() && declared <= 0) {
            throw new ApiError(400, "no_body");
        }
        return switch (media) {
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> {
                String name = ctx.queryParam("name");
                name = name == null || name.isBlank() ? "dossier.yaml" : UploadNames.checked(name.strip(), "bad_name");
                byte[] body = body(ctx.bodyInputStream(), held);
                if (body.length == 0) {
                    throw new ApiError(400, "no_body");
                }
                yield List.of(dossier(name, body));
            }
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> {
                // the city's workbook (docs/spec/entry.md), sent as it is: named as YAML is
                String name = ctx.queryParam("name");
                name = name == null || name.isBlank() ? "dossier.xlsx" : UploadNames.checked(name.strip(), "bad_name");
                if (!DossierLoader.isDossierName(name)) {
                    name = name + ".xlsx";
                }
                byte[] body = body(ctx.bodyInputStream(), held);
                if (body.length == 0) {
                    throw new ApiError(400, "no_body");
                }
                yield List.of(dossier(name, body));
            }
            // named files in name order, as check orders a folder's: the same files, the same report
            case "multipart/form-data" -> multipart(ctx, new Budget(held, ctx), declared).stream()
                    .sorted(java.util.Comparator.comparing(DossierInput::name)).toList();
            case "application/zip", "application/x-zip-compressed" -> zip(body(ctx.bodyInputStream(), held), new Budget(held, ctx));
            default -> throw new ApiError(415, "unsupported_media_type", "type", media.isEmpty() ? "(none)" : media);
        };
    }

    /**
     * What one request has used of the zip limits: every zip in a request (a multipart body may
     * hold several) draws on the same entries and inflated bytes, and each file name may be used once.
     */
    private final class Budget {
        private final MemoryBudget.Reservation held;
        private final Context ctx;
        private int entries;
        private long inflated;
        private final java.util.Set<String> names = new java.util.HashSet<>();

        Budget(MemoryBudget.Reservation held, Context ctx) {
            this.held = held;
            this.ctx = ctx;
        }

        void entries(int more) {
            entries += more;
            if (entries > limits.maxEntries()) {
                throw new ApiError(413, "zip_too_many_entries", "limit", limits.maxEntries());
            }
        }

        void inflate(long bytes) {
            inflated += bytes;
            if (inflated > limits.maxUncompressed()) {
                throw new ApiError(413, "zip_too_large", "limit", LoadLimits.formatSize(limits.maxUncompressed()));
            }
        }

        /** {@code name}, once: two files of one name in one upload would be one file in the store. */
        String once(String name) {
            if (!names.add(name)) {
                throw new ApiError(422, "duplicate_name", "name", UploadNames.shown(name));
            }
            return name;
        }
    }

    /** A dossier's bytes as an input, or, over the per-dossier limit, an input that keeps none of them. */
    private DossierInput dossier(String name, byte[] bytes) {
        return bytes.length > limits.maxFile() ? DossierInput.tooLarge(name, bytes.length) : DossierInput.bytes(name, bytes);
    }

    private List<DossierInput> multipart(Context ctx, Budget budget, long declared) throws IOException {
        // Jetty holds the parts in memory while they are parsed: the whole body, as declared, or
        // as large as it may be when it is sent in chunks
        budget.held.add(declared > 0 ? declared : limits.maxBody());
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles("files");
        } catch (Exception e) { // the servlet layer throws checked exceptions through Kotlin unchecked
            String reason = String.valueOf(RootCause.message(e));
            if (reason.toLowerCase(Locale.ROOT).contains("exceed") || reason.toLowerCase(Locale.ROOT).contains("too large")) {
                throw new ApiError(413, "upload_too_large", "size", "?", "limit", LoadLimits.formatSize(limits.maxBody()));
            }
            throw new ApiError(400, "bad_multipart", "reason", reason);
        }
        if (files.isEmpty()) {
            throw new ApiError(400, "no_files");
        }
        List<DossierInput> out = new ArrayList<>();
        for (UploadedFile f : files) {
            if ((f.filename() == null || f.filename().isBlank()) && f.size() == 0) {
                continue; // a form's file field left empty
            }
            String name = f.filename() == null || f.filename().isBlank() ? "dossier.yaml" : f.filename().replace('\\', '/');
            String lower = name.toLowerCase(Locale.ROOT);
            if (!(DossierLoader.isDossierName(name) || lower.endsWith(".zip")) || reason(name).equals("skip.system")) {
                skip(ctx, name); // a folder upload sends every file; as check does in a folder, only dossiers count
                continue;
            }
            name = UploadNames.checked(name, "bad_name");
            if (lower.endsWith(".zip")) {
                try (InputStream in = f.content()) {
                    out.addAll(zip(body(in, budget.held), budget));
                }
            } else if (f.size() > limits.maxFile()) {
                out.add(DossierInput.tooLarge(budget.once(name), f.size())); // never read, never kept
            } else {
                try (InputStream in = f.content()) {
                    out.add(dossier(budget.once(name), body(in, budget.held)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new ApiError(422, "no_dossiers", "files", listed(skipped(ctx), 5));
        }
        return out;
    }

    /**
     * The body, read no further than the limit (a client that lied about its length is cut off)
     * and no slower than the lowest rate (a client trickling bytes gives its worker back).
     */
    private byte[] body(InputStream in, MemoryBudget.Reservation held) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long start = System.nanoTime();
        for (int n = read(in, buffer); n >= 0; n = read(in, buffer)) {
            // twice: the buffer as it grows, and the array it is copied into at the end
            held.add(2L * n);
            out.write(buffer, 0, n);
            if (out.size() > limits.maxBody()) {
                break;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            // judged after a grace second, so a short body's first packet is never counted against it
            if (millis > 1_000 && out.size() * 1000L / millis < limits.minBytesPerSecond()) {
                throw new ApiError(408, "too_slow", "rate", limits.minBytesPerSecond());
            }
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > limits.maxBody()) {
            throw new ApiError(413, "upload_too_large", "size", "> " + LoadLimits.formatSize(limits.maxBody()),
                    "limit", LoadLimits.formatSize(limits.maxBody()));
        }
        return bytes;
    }

    /**
     * The YAML entries of a zip, by their path inside it. The zip is read from its central
     * directory, so every name, size and ratio is judged before a byte is inflated; the entries
     * live in memory only, never on disk under their own names.
     */
    List<DossierInput> zip(byte[] bytes, Budget budget) throws IOException {
        Path tmp = Files.createTempFile("pilotcheck-upload-", ".zip");
        try {
            Files.write(tmp, bytes);
            try (ZipFile zip = open(tmp)) {
                List<ZipEntry> dossiers = entries(zip, budget);
                // the entries inflated, reserved before a byte of them is
                budget.held.add(dossiers.stream().mapToLong(ZipEntry::getSize).filter(size -> size <= limits.maxFile()).sum());
                List<DossierInput> out = new ArrayList<>();
                for (ZipEntry e : dossiers) {
                    String name = budget.once(e.getName());
                    if (e.getSize() > limits.maxFile()) {
                        out.add(DossierInput.tooLarge(name, e.getSize())); // never inflated, never kept
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(e)) {
                        // read no more than the entry says it holds: a lying header gets no further
                        out.add(DossierInput.bytes(name, in.readNBytes((int) e.getSize())));
                    }
                }
                return out;
            }
        } catch (ZipException e) {
            throw new ApiError(422, "bad_zip", "reason", String.valueOf(e.getMessage()));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The zip, its entry names read as UTF-8 or, when they are not, as GB18030: Explorer, WinRAR
     * and 360压缩 on Chinese Windows write names in the system's code page without the flag that
     * says UTF-8, and GB18030 reads every GBK name. An entry flagged UTF-8 is read as UTF-8 either way.
     */
    private static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException notUtf8) {
            try {
                return new ZipFile(zip.toFile(), Charset.forName("GB18030"));
            } catch (ZipException e) {
                throw notUtf8;
            }
        }
    }

    private List<ZipEntry> entries(ZipFile zip, Budget budget) {
        budget.entries(zip.size());
        List<ZipEntry> dossiers = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            String name = e.getName().replace('\\', '/');
            if (!UploadNames.acceptable(name)) {
                throw new ApiError(422, "zip_bad_name", "entry", UploadNames.shown(e.getName()));
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (e.isDirectory()) {
                continue;
            }
            if (!DossierLoader.isDossierName(name) || reason(name).equals("skip.system")) {
                skip(budget.ctx, name); // a Mac's zip holds __MACOSX/._大连.yaml beside 大连.yaml: not a dossier
                continue;
            }
            long size = e.getSize();
            long packed = Math.max(1, e.getCompressedSize());
            if (size < 0 || size / packed > limits.maxRatio() && size > 64 * 1024) {
                throw new ApiError(413, "zip_bomb", "entry", e.getName(), "ratio", limits.maxRatio());
            }
            // an entry over the per-dossier limit is reported, not inflated: it draws nothing
            budget.inflate(size > limits.maxFile() ? 0 : size);
            dossiers.add(e);
        }
        if (dossiers.isEmpty()) {
            throw new ApiError(422, "zip_empty", "files", listed(skipped(budget.ctx), 5));
        }
        dossiers.sort(java.util.Comparator.comparing(ZipEntry::getName));
        return dossiers;
    }

    /** One read of the body; a client that stalls past the idle time, or goes away, ends as the contract's error. */
    private int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.util.concurrent.TimeoutException) {
                    throw new ApiError(408, "too_slow", "rate", limits.minBytesPerSecond());
                }
            }
            throw new ApiError(400, "body_unreadable", "reason", RootCause.message(e));
        } catch (org.eclipse.jetty.http.BadMessageException e) {
            // Jetty's own minimum data rate: the client trickled
            throw e.getCode() == 408 ? new ApiError(408, "too_slow", "rate", limits.minBytesPerSecond())
                    : new ApiError(400, "body_unreadable", "reason", RootCause.message(e));
        }
    }
}

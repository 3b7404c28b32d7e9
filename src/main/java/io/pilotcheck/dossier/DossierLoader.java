package io.pilotcheck.dossier;

import io.pilotcheck.source.ProblemWords;
import io.pilotcheck.source.SourceLocation;
import io.pilotcheck.source.YamlNode;
import io.pilotcheck.source.YamlProblem;
import io.pilotcheck.source.YamlTreeReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads dossier files: bytes to text (strict UTF-8), text to a located YAML tree, tree to a
 * {@link Dossier}. Never throws for a bad file; every problem becomes part of the result.
 */
public final class DossierLoader {

    /** Catalogue id: the file cannot be read, or is not UTF-8 text. */
    public static final String UNREADABLE = io.pilotcheck.finding.BuiltInChecks.UNREADABLE;

    /** The other forms a dossier may be written in, found once. */
    private static final List<DossierForm> FORMS = java.util.ServiceLoader.load(DossierForm.class).stream()
            .map(java.util.ServiceLoader.Provider::get).toList();

    private final LoadLimits limits;
    private final YamlTreeReader yaml;

    /** A loader with the default limits. */
    public DossierLoader() {
        this(LoadLimits.DEFAULT);
    }

    /** A loader with these limits. */
    public DossierLoader(LoadLimits limits) {
        this.limits = limits;
        this.yaml = new YamlTreeReader(limits.maxDepth(), limits.maxFileBytes());
    }

    /** Whether a file of this name is a dossier: YAML, or a form the loader reads (a workbook). */
    public static boolean isDossierName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || form(name).isPresent();
    }

    /** The form that reads a file of this name, when it is not YAML. */
    private static Optional<DossierForm> form(String name) {
        return FORMS.stream().filter(f -> f.reads(name)).findFirst();
    }

    /**
     * The YAML a file in another form (a workbook) means, as kept beside it (docs/spec/entry.md);
     * empty for YAML, or a file its form cannot read.
     */
    public static Optional<String> yamlForm(String name, byte[] bytes) {
        Optional<DossierForm> form = form(name);
        if (form.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(form.get().translate(name, bytes).yaml());
        } catch (DossierForm.Unreadable e) {
            return Optional.empty();
        }
    }

    /** Loads the file at {@code path}; {@code name} is how reports will name it. */
    public LoadedDossier load(Path path, String name) {
        try {
            return read(path, name).load(this);
        } catch (IOException e) {
            return failed(name, ProblemWords.zh("cannotReadFile", "error", e.getClass().getSimpleName(), "reason", e.getMessage()),
                    ProblemWords.en("cannotReadFile", "error", e.getClass().getSimpleName(), "reason", e.getMessage()));
        }
    }

    /**
     * The file at {@code path} read into memory within the size limit: its bytes, or, over the
     * limit, an input that holds none of them (its size as the file system gives it, when it does).
     */
    public DossierInput read(Path path, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            // never more than the limit in memory, whatever the size claims: a device or a pipe has none
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        }
        return bytes.length > limits.maxFileBytes() ? DossierInput.tooLarge(name, sizeOf(path).orElse(-1L))
                : DossierInput.bytes(name, bytes);
    }

    /** Loads a dossier held in memory (an upload), within the same size limit as a file. */
    public LoadedDossier load(String name, byte[] bytes) {
        if (bytes.length > limits.maxFileBytes()) {
            return tooLarge(name, LoadLimits.formatSize(bytes.length));
        }
        return loadBytes(name, bytes);
    }

    /** A dossier of {@code size} bytes (negative: of a size not known) that was not read, being over the limit. */
    public LoadedDossier tooLarge(String name, long size) {
        return tooLarge(name, size < 0 ? "" : LoadLimits.formatSize(size));
    }

    private LoadedDossier tooLarge(String name, String size) {
        String limit = LoadLimits.formatSize(limits.maxFileBytes());
        return failed(name,
                ProblemWords.zh("tooLarge", "size", size.isEmpty() ? "" : ProblemWords.zh("tooLargeSize", "size", size), "limit", limit),
                ProblemWords.en("tooLarge", "size", size.isEmpty() ? "" : ProblemWords.en("tooLargeSize", "size", size), "limit", limit));
    }

    /** Loads a dossier from its bytes (a file's content, or a fuzzer's input). */
    public LoadedDossier loadBytes(String name, byte[] bytes) {
        Optional<DossierForm> form = form(name);
        if (form.isPresent()) {
            return loadForm(form.get(), name, bytes);
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            // Word's "Unicode text" export; the format is UTF-8, and the fix is one "save as" away
            return failed(name, ProblemWords.zh("utf16"), ProblemWords.en("utf16"));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        // Decoding into a String is several times faster than a CharsetDecoder, and it turns every
        // malformed byte into U+FFFD; so only text holding one (a rare, legitimate character too)
        // needs the strict decoder to tell whether the bytes are UTF-8.
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                String key = isChineseGb18030(bytes) ? "gb18030" : "notUtf8";
                return failed(name, ProblemWords.zh(key), ProblemWords.en(key));
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            // YAML allows no NUL, and no database stores one in text: a file holding one is not text
            return failed(name, ProblemWords.zh("nul"), ProblemWords.en("nul"));
        }
        return loadText(name, text);
    }

    /**
     * Whether bytes that are not UTF-8 read cleanly as GB18030 (of which GBK is a part) and hold
     * Chinese: a dossier saved by Chinese Windows' Notepad or Excel in the local code page.
     */
    private static boolean isChineseGb18030(byte[] bytes) {
        try {
            String text = java.nio.charset.Charset.forName("GB18030").newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        } catch (CharacterCodingException | java.nio.charset.UnsupportedCharsetException e) {
            return false;
        }
    }

    /**
     * Loads a file in another form through the YAML it means, every place in that YAML moved to
     * where it stands in the original, so problems and findings point at the user's cells.
     */
    private LoadedDossier loadForm(DossierForm form, String name, byte[] bytes) {
        DossierForm.Translated t;
        try {
            t = form.translate(name, bytes);
        } catch (DossierForm.Unreadable e) {
            return failed(name, e.zh(), e.getMessage());
        }
        List<YamlProblem> problems = new ArrayList<>();
        Optional<YamlNode> root = placed(name, t, problems);
        if (root.isEmpty()) {
            return new LoadedDossier(name, null, problems);
        }
        Dossier d = DossierBinder.bind(name, root.get(), problems, t.start());
        return loaded(name, d, problems, city(root.get()));
    }

    /**
     * The YAML tree of a file in another form, every node where it stands in the original; the
     * problems of reading it (added to {@code problems}) placed there too.
     */
    private Optional<YamlNode> placed(String name, DossierForm.Translated t, List<YamlProblem> problems) {
        java.util.function.UnaryOperator<SourceLocation> place = l -> l.file().equals(name)
                ? t.places().getOrDefault(l.line(), t.start()) : l;
        List<YamlProblem> read = new ArrayList<>();
        Optional<YamlNode> root = yaml.read(name, t.yaml(), read);
        read.forEach(p -> problems.add(new YamlProblem(p.ruleId(), p.messageZh(), p.messageEn(), p.path(), place.apply(p.location()))));
        return root.map(r -> relocated(r, place));
    }

    /** A bound dossier: checkable when nothing but warnings was found reading it. */
    private static LoadedDossier loaded(String name, Dossier d, List<YamlProblem> all, String cityAsWritten) {
        List<YamlProblem> errors = new ArrayList<>(all.size());
        List<YamlProblem> warnings = new ArrayList<>(0);
        for (YamlProblem p : all) {
            (io.pilotcheck.finding.BuiltInChecks.WARNINGS.contains(p.ruleId()) ? warnings : errors).add(p);
        }
        return new LoadedDossier(name, errors.isEmpty() ? d : null, errors,
                d != null && d.city() != null ? d.city() : cityAsWritten, warnings);
    }

    /**
     * The file's YAML tree with every node where it stands in the file (a workbook's at its
     * cells), for what shows a dossier's values beside their places ({@code explain}); empty when
     * it does not read.
     */
    public Optional<YamlNode> locatedTree(String name, byte[] bytes) {
        Optional<DossierForm> form = form(name);
        if (form.isPresent()) {
            try {
                return placed(name, form.get().translate(name, bytes), new ArrayList<>());
            } catch (DossierForm.Unreadable e) {
                return Optional.empty();
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return yaml.read(name, text.startsWith("\uFEFF") ? text.substring(1) : text, new ArrayList<>());
    }

    /** The same tree with every node's place moved. */
    private static YamlNode relocated(YamlNode node, java.util.function.UnaryOperator<SourceLocation> place) {
        if (node instanceof YamlNode.Scalar s) {
            return new YamlNode.Scalar(s.kind(), s.text(), place.apply(s.location()));
        }
        if (node instanceof YamlNode.Sequence q) {
            return new YamlNode.Sequence(q.items().stream().map(i -> relocated(i, place)).toList(), place.apply(q.location()));
        }
        YamlNode.Mapping m = (YamlNode.Mapping) node;
        java.util.Map<String, YamlNode.Entry> entries = new java.util.LinkedHashMap<>();
        m.entries().forEach((k, e) -> entries.put(k, new YamlNode.Entry(e.key(), place.apply(e.keyLocation()),
                relocated(e.value(), place))));
        return new YamlNode.Mapping(entries, place.apply(m.location()));
    }

    /** Loads dossier text already in memory (rule tests, Java tests). */
    public LoadedDossier loadText(String name, String text) {
        List<YamlProblem> problems = new ArrayList<>();
        Optional<YamlNode> root = yaml.read(name, text, problems);
        if (root.isEmpty()) {
            return new LoadedDossier(name, null, problems);
        }
        Dossier d = DossierBinder.bind(name, root.get(), problems, SourceLocation.startOf(name));
        return loaded(name, d, problems, city(root.get()));
    }

    /** The top-level {@code city:} when it is text, however the rest of the file reads. */
    private static String city(YamlNode root) {
        if (root instanceof YamlNode.Mapping m && m.entries().get("city") != null
                && m.entries().get("city").value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.STRING
                && !s.text().isBlank()) {
            return s.text().strip();
        }
        return null;
    }

    private static Optional<Long> sizeOf(Path path) {
        try {
            return Files.isRegularFile(path) ? Optional.of(Files.size(path)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static LoadedDossier failed(String name, String zh, String en) {
        return new LoadedDossier(name, null, List.of(new YamlProblem(UNREADABLE, zh, en, "", SourceLocation.startOf(name))));
    }
}

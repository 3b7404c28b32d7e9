package io.pilotcheck.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one YAML document into a located {@link YamlNode} tree.
 *
 * <p>Strict by design: YAML features a dossier never needs are refused at their position rather
 * than silently interpreted. Jackson's parser turns an alias into the anchor's <em>name</em> as a
 * string, so an alias would bind the wrong value without a word; tags could ask for types. Both
 * are problems here, and so is a duplicated key, which YAML parsers usually resolve by keeping
 * the last value.
 */
public final class YamlTreeReader {

    /** Catalogue id: the file is not valid YAML, or not a single mapping. */
    public static final String SYNTAX = "LCP-SCHEMA-01";
    /** Catalogue id: a key appears twice in one mapping. */
    public static final String DUPLICATE_KEY = "LCP-SCHEMA-06";
    /** Catalogue id: a YAML feature that dossiers must not use (alias, anchor, tag). */
    public static final String FORBIDDEN_FEATURE = "LCP-SCHEMA-07";

    /** Nesting accepted by default: a dossier needs 4 levels, rule files and tests about as many. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Text accepted by default, in code points: 10 Mi, thousands of times a dossier. */
    public static final long DEFAULT_MAX_CODE_POINTS = 10L << 20;

    /** Keys and list items a dossier may hold: one has a few hundred. */
    public static final int MAX_NODES = 10_000;

    /** The longest key read as a key: the notice's field names have fewer than 40 characters. */
    public static final int MAX_KEY_LENGTH = 200;

    private final LoaderOptions options;
    // made on first use: Jackson's YAML factory and SnakeYAML cost tens of milliseconds to load,
    // and a run whose files all take the fast path never needs them
    private YAMLFactory factory;
    private final int maxDepth;
    private final long maxCodePoints;

    /** A reader with the default limits (rule files, rule tests, waivers). */
    public YamlTreeReader() {
        this(DEFAULT_MAX_DEPTH, DEFAULT_MAX_CODE_POINTS);
    }

    /**
     * A reader with these limits.
     *
     * @param maxDepth      deepest nesting of mappings and lists accepted
     * @param maxCodePoints longest text accepted (SnakeYAML's own default, 3 Mi, would refuse
     *                      before the loader's configurable file size limit)
     */
    public YamlTreeReader(int maxDepth, long maxCodePoints) {
        this.maxDepth = maxDepth;
        this.maxCodePoints = maxCodePoints;
        this.options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        // one more than ours, so the deepest refusal is ours, with its own message and place
        options.setNestingDepthLimit(maxDepth + 1);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxCodePoints));
    }

    private synchronized YAMLFactory factory() {
        if (factory == null) {
            // Duplicate keys are detected here, with both lines; the parser's own check only names one.
            factory = YAMLFactory.builder().loaderOptions(options)
                    .disable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // YAML reads "key:" with nothing after it as null, i.e. not given; Jackson's default is ""
                    .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
        }
        return factory;
    }

    /**
     * Parses {@code content}, the text of the named file.
     *
     * <p>Files in the plain block style dossiers are written in go through {@link BlockYamlReader},
     * which builds the same tree several times faster; anything else, and every file with a
     * problem, is parsed by SnakeYAML (through Jackson).
     *
     * @return the root node, or empty when the file held problems (added to {@code problems})
     */
    public Optional<YamlNode> read(String file, String content, List<YamlProblem> problems) {
        if (content.length() <= maxCodePoints) {
            YamlNode root = BlockYamlReader.read(file, content, maxDepth);
            if (root != null) {
                return Optional.of(root);
            }
        }
        return readGeneral(file, content, problems);
    }

    /**
     * Parses {@code content} with SnakeYAML alone, as {@link #read} does for what the fast path
     * declines; public so that tests can hold the two paths against each other.
     */
    public Optional<YamlNode> readGeneral(String file, String content, List<YamlProblem> problems) {
        try (YAMLParser parser = (YAMLParser) factory().createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(problem(SYNTAX, "empty", "", SourceLocation.startOf(file)));
                return Optional.empty();
            }
            int before = problems.size();
            YamlNode root = readValue(file, parser, "", problems, 0, new int[1]);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                problems.add(problem(SYNTAX, "manyDocuments", "", at(file, parser.currentTokenLocation())));
            }
            return problems.size() == before ? Optional.of(root) : Optional.empty();
        } catch (NotRead e) {
            problems.add(e.problem);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            problems.add(tabIndentation(file, content, e).or(() -> fullWidthColon(file, content, e))
                    .orElseGet(() -> syntaxProblem(file, e)));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(problem(SYNTAX, "cannotRead", "", SourceLocation.startOf(file), "reason", e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * @param nodes how many keys and list items the file has held so far: past {@link #MAX_NODES}
     *              reading stops, so that a file of a million keys (ten bytes each fit in the size
     *              limit) never becomes a million findings
     */
    private YamlNode readValue(String file, YAMLParser p, String path, List<YamlProblem> problems, int depth, int[] nodes)
            throws IOException {
        SourceLocation here = at(file, p.currentTokenLocation());
        checkFeatures(p, path, here, problems);
        if (depth > maxDepth) {
            throw new NotRead(problem(SYNTAX, "tooDeep", "", here, "depth", maxDepth));
        }
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                return readMapping(file, p, path, problems, depth, here, nodes);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    counted(nodes, file, p);
                    items.add(readValue(file, p, path + "[" + items.size() + "]", problems, depth + 1, nodes));
                }
                return new YamlNode.Sequence(List.copyOf(items), here);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(YamlNode.ScalarKind.STRING, p.getText(), here);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(YamlNode.ScalarKind.INTEGER, p.getText(), here);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(YamlNode.ScalarKind.FLOAT, p.getText(), here);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(YamlNode.ScalarKind.BOOLEAN, p.getText(), here);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(YamlNode.ScalarKind.NULL, "", here);
            }
            case VALUE_EMBEDDED_OBJECT -> {
                // !!binary, decoded by the parser: its tag was named above; the value is no dossier's
                return new YamlNode.Scalar(YamlNode.ScalarKind.NULL, "", here);
            }
            default -> {
                problems.add(problem(SYNTAX, "unknownContent", path, here, "token", token));
                return new YamlNode.Scalar(YamlNode.ScalarKind.NULL, "", here);
            }
        }
    }

    /** Counts a key or list item, as {@link BlockYamlReader} counts them. */
    private static void counted(int[] nodes, String file, YAMLParser p) {
        if (++nodes[0] > MAX_NODES) {
            throw new NotRead(problem(SYNTAX, "tooManyNodes", "", at(file, p.currentTokenLocation()), "max", MAX_NODES));
        }
    }

    private YamlNode readMapping(String file, YAMLParser p, String path, List<YamlProblem> problems, int depth,
                                 SourceLocation here, int[] nodes) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            counted(nodes, file, p);
            SourceLocation keyAt = at(file, p.currentTokenLocation());
            if (key.length() > MAX_KEY_LENGTH) {
                problems.add(problem(SYNTAX, "keyTooLong", path, keyAt, "length", key.length(), "max", MAX_KEY_LENGTH));
                key = key.substring(0, MAX_KEY_LENGTH) + "…";
            }
            String childPath = path.isEmpty() ? key : path + "." + key;
            p.nextToken();
            YamlNode value = readValue(file, p, childPath, problems, depth + 1, nodes);
            YamlNode.Entry earlier = entries.get(key);
            if (earlier != null) {
                problems.add(problem(DUPLICATE_KEY, "duplicateKey", childPath, keyAt, "key", key,
                        "line", earlier.keyLocation().line()));
            } else {
                entries.put(key, new YamlNode.Entry(key, keyAt, value));
            }
        }
        return new YamlNode.Mapping(entries, here);
    }

    private static void checkFeatures(YAMLParser p, String path, SourceLocation here, List<YamlProblem> problems)
            throws IOException {
        if (p.isCurrentAlias()) {
            problems.add(problem(FORBIDDEN_FEATURE, "alias", path, here, "alias", p.getText()));
        }
        String anchor = p.getObjectId();
        if (anchor != null) {
            problems.add(problem(FORBIDDEN_FEATURE, "anchor", path, here, "anchor", anchor));
        }
        Object tag = p.getTypeId();
        if (tag != null) {
            problems.add(problem(FORBIDDEN_FEATURE, "tag", path, here, "tag", tag));
        }
    }

    /**
     * A tab in the indentation of a line up to the parser's error: the commonest cause of a
     * baffling scanner message in files typed in Word or a plain editor, so it is named instead.
     */
    private static Optional<YamlProblem> tabIndentation(String file, String content, JsonProcessingException e) {
        // the parser locates the token it was scanning from, which can be the line before the tab
        int errorLine = e.getLocation() == null ? Integer.MAX_VALUE : Math.max(1, e.getLocation().getLineNr()) + 1;
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length && i < errorLine; i++) {
            String line = lines[i];
            int col = 0;
            while (col < line.length() && (line.charAt(col) == ' ' || line.charAt(col) == '\t')) {
                if (line.charAt(col) == '\t') {
                    return Optional.of(problem(SYNTAX, "tabIndent", "", new SourceLocation(file, i + 1, col + 1), "line", i + 1));
                }
                col++;
            }
        }
        return Optional.empty();
    }

    /** A key at the start of a line followed by a full-width colon: {@code city：沈阳市}. */
    private static final java.util.regex.Pattern FULL_WIDTH_KEY =
            java.util.regex.Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z_][A-Za-z0-9_]*)\\s*：");

    /**
     * A key written with the full-width colon of a Chinese input method, up to the line after the
     * parser's error: the scanner only says it found no ':' and points at the line before, so the
     * colon itself is named, where it is, with the fix.
     */
    private static Optional<YamlProblem> fullWidthColon(String file, String content, JsonProcessingException e) {
        int errorLine = e.getLocation() == null ? Integer.MAX_VALUE : Math.max(1, e.getLocation().getLineNr()) + 1;
        String[] lines = content.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length && i < errorLine; i++) {
            java.util.regex.Matcher m = FULL_WIDTH_KEY.matcher(lines[i]);
            if (m.find()) {
                String key = m.group(2);
                int column = lines[i].indexOf('：', m.start(2)) + 1;
                return Optional.of(new YamlProblem(SYNTAX, ProblemWords.zh("fullwidthColon", "key", key),
                        ProblemWords.en("fullwidthColon", "key", key), "", new SourceLocation(file, i + 1, column)));
            }
        }
        return Optional.empty();
    }

    private static YamlProblem syntaxProblem(String file, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        SourceLocation at = where == null ? SourceLocation.startOf(file) : at(file, where);
        String detail = e.getOriginalMessage().lines().findFirst().orElse("").trim();
        return problem(SYNTAX, "notYaml", "", at, "detail", detail);
    }

    /** A problem the words {@code key} of {@code Problems.properties} say, in both languages. */
    private static YamlProblem problem(String id, String key, String path, SourceLocation at, Object... namesAndValues) {
        return new YamlProblem(id, ProblemWords.zh(key, namesAndValues), ProblemWords.en(key, namesAndValues), path, at);
    }

    private static SourceLocation at(String file, JsonLocation loc) {
        return new SourceLocation(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    /** Thrown when nesting passes the limit, before the parser's own stack limit is reached. */
    /** A file read no further (too deep, too many keys), with the one problem that says why; caught in {@link #readGeneral}. */
    static final class NotRead extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient YamlProblem problem;

        NotRead(YamlProblem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }
}

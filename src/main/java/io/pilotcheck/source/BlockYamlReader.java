package io.pilotcheck.source;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain block style that dossiers are written in straight into a located
 * {@link YamlNode} tree, several times faster than the general parser, or declines.
 *
 * <p>It accepts one document whose root is a block mapping of simple keys ({@code [A-Za-z0-9_]}
 * or any non-Latin-1 letter, then also {@code .} and {@code -}), with block sequences (indented
 * or not), one-line flow lists and mappings of plain scalars, single-line plain scalars, quoted
 * values that need no unescaping, comments, blank lines and CRLF line ends. Anything else —
 * escapes, block scalars, multi-line scalars, anchors, aliases, tags, tabs, document markers,
 * duplicate keys, unusual numbers, odd characters, deep nesting —
 * makes it decline, and {@link YamlTreeReader} parses the file with SnakeYAML, which finds every
 * problem and names it. So this reader never reports anything; it only has to be right about
 * what it accepts: the same tree, kinds, texts and locations as the general path, which the
 * differential tests and the fuzzer check.
 *
 * <p>Scalar kinds come from SnakeYAML's own YAML 1.1 resolver, as Jackson's do; numbers are
 * accepted only in the plain decimal forms whose reading no one disputes.
 */
final class BlockYamlReader {

    /** SnakeYAML's resolver, built on first use: most runs never meet a scalar that needs it. */
    private static final class Lazy {
        static final Resolver RESOLVER = new Resolver();
    }

    /** Thrown anywhere the text leaves the subset; cheap, it has no stack. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Declined() {
            super(null, null, false, false);
        }
    }

    private static final Declined DECLINED = new Declined();

    private final String file;
    // scanned as an array: a batch reads every character of every file, and String.charAt
    // costs several times more than an array read in code compiled by C1, which short runs use
    private final char[] text;
    private final int maxDepth;
    // significant lines (not blank, not only a comment), by index
    private int[] lineNo = new int[64];
    private int[] lineStart = new int[64];
    private int[] contentStart = new int[64];
    private int[] lineEnd = new int[64];
    private int lines;
    private int pos;

    private BlockYamlReader(String file, String text, int maxDepth) {
        this.file = file;
        this.text = text.toCharArray();
        this.maxDepth = maxDepth;
    }

    /** The tree of {@code text}, or {@code null} when it is outside the subset. */
    static YamlNode read(String file, String text, int maxDepth) {
        BlockYamlReader reader = new BlockYamlReader(file, text, maxDepth);
        try {
            return reader.document();
        } catch (Declined e) {
            return null;
        }
    }

    private YamlNode document() {
        splitLines();
        if (lines == 0 || contentStart[0] != lineStart[0] || isDash(0)) {
            throw DECLINED;
        }
        YamlNode root = mapping(0, 0, contentStart[0]);
        if (pos != lines) {
            throw DECLINED;
        }
        return root;
    }

    /** Checks every character and records where the significant lines are. */
    private void splitLines() {
        int n = text.length;
        int start = 0;
        int line = 1;
        while (start <= n) {
            int i = start;
            int firstNonSpace = -1;
            while (i < n) {
                char c = text[i];
                if (c == '\n') {
                    break;
                }
                if (c == '\r') {
                    if (i + 1 < n && text[i + 1] == '\n') {
                        break;
                    }
                    throw DECLINED;
                }
                if (!plainChar(c)) {
                    throw DECLINED;
                }
                if (firstNonSpace < 0 && c != ' ') {
                    firstNonSpace = i;
                }
                i++;
            }
            int end = i;
            if (firstNonSpace >= 0 && text[firstNonSpace] != '#') {
                add(line, start, firstNonSpace, end);
            }
            if (i < n && text[i] == '\r') {
                i++;
            }
            start = i + 1;
            line++;
        }
    }

    /** Printable, not a tab, not one of YAML 1.1's extra line breaks, not a byte-order mark. */
    private static boolean plainChar(char c) {
        if (c >= 0x20 && c <= 0x7E) {
            return true;
        }
        if (c < 0xA0) {
            return false;
        }
        return !(c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE || Character.isSurrogate(c));
    }

    private void add(int line, int start, int content, int end) {
        if (lines == lineNo.length) {
            int size = lines * 2;
            lineNo = java.util.Arrays.copyOf(lineNo, size);
            lineStart = java.util.Arrays.copyOf(lineStart, size);
            contentStart = java.util.Arrays.copyOf(contentStart, size);
            lineEnd = java.util.Arrays.copyOf(lineEnd, size);
        }
        lineNo[lines] = line;
        lineStart[lines] = start;
        contentStart[lines] = content;
        lineEnd[lines] = end;
        lines++;
    }

    private int indent(int l) {
        return contentStart[l] - lineStart[l];
    }

    /** A sequence entry: a dash followed by a space or the line's end. */
    private boolean isDash(int l) {
        int c = contentStart[l];
        return text[c] == '-' && (c + 1 == lineEnd[l] || text[c + 1] == ' ');
    }

    private SourceLocation at(int l, int offset) {
        return new SourceLocation(file, lineNo[l], offset - lineStart[l] + 1);
    }

    /** Keys and list items read so far. */
    private int nodes;

    /**
     * Counts a key or item; past the limits of {@link YamlTreeReader} the general reader takes
     * the file, and says what is wrong where.
     */
    private void counted(String key) {
        if (++nodes > YamlTreeReader.MAX_NODES || (key != null && key.length() > YamlTreeReader.MAX_KEY_LENGTH)) {
            throw DECLINED;
        }
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw DECLINED;
        }
    }

    /** A block mapping whose keys stand at column {@code indent}; the first key is at {@code first}. */
    private YamlNode mapping(int indent, int depth, int first) {
        checkDepth(depth);
        SourceLocation location = at(pos, first);
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        int keyStart = first;
        while (true) {
            int end = lineEnd[pos];
            int colon = keyEnd(keyStart, end);
            if (colon < 0) {
                throw DECLINED;
            }
            String key = substring(keyStart, colon);
            counted(key);
            SourceLocation keyAt = at(pos, keyStart);
            int v = skipSpaces(colon + 1, end);
            YamlNode value;
            if (v == end || text[v] == '#') {
                int keyLine = pos;
                pos++;
                value = valueBelow(indent, depth + 1, keyLine, colon);
            } else {
                value = inline(v, depth + 1);
            }
            if (entries.put(key, new YamlNode.Entry(key, keyAt, value)) != null) {
                throw DECLINED;
            }
            if (pos == lines || indent(pos) < indent) {
                break;
            }
            if (indent(pos) > indent || isDash(pos)) {
                throw DECLINED;
            }
            keyStart = contentStart[pos];
        }
        return new YamlNode.Mapping(entries, location);
    }

    /**
     * The value of a key with nothing after its colon: a block below it (an indentless sequence
     * may stand at the key's own column), or null, located just after the colon as SnakeYAML does.
     */
    private YamlNode valueBelow(int indent, int depth, int keyLine, int colon) {
        if (pos < lines) {
            int below = indent(pos);
            if (below > indent || (below == indent && isDash(pos))) {
                return isDash(pos) ? sequence(below, depth) : mapping(below, depth, contentStart[pos]);
            }
        }
        checkDepth(depth);
        return new YamlNode.Scalar(YamlNode.ScalarKind.NULL, "", at(keyLine, colon + 1));
    }

    /** A block sequence whose dashes stand at column {@code indent}. */
    private YamlNode sequence(int indent, int depth) {
        checkDepth(depth);
        SourceLocation location = at(pos, contentStart[pos]);
        List<YamlNode> items = new ArrayList<>();
        while (true) {
            int end = lineEnd[pos];
            int v = skipSpaces(contentStart[pos] + 1, end);
            if (v == end || text[v] == '#' || (text[v] == '-' && (v + 1 == end || text[v + 1] == ' '))) {
                throw DECLINED;
            }
            counted(null);
            if (keyEnd(v, end) >= 0) {
                items.add(mapping(v - lineStart[pos], depth + 1, v));
            } else {
                items.add(inline(v, depth + 1));
            }
            if (pos == lines || indent(pos) < indent || (indent(pos) == indent && !isDash(pos))) {
                break;
            }
            if (indent(pos) > indent) {
                throw DECLINED;
            }
        }
        return new YamlNode.Sequence(List.copyOf(items), location);
    }

    /** A value that starts on its key's or dash's line at {@code v} and ends with it. */
    private YamlNode inline(int v, int depth) {
        checkDepth(depth);
        int end = lineEnd[pos];
        char c = text[v];
        YamlNode value;
        if (c == '[' || c == '{') {
            int[] close = new int[1];
            value = c == '[' ? flowSequence(v, end, depth, close) : flowMapping(v, end, depth, close);
            endsWithComment(close[0], end);
        } else if (c == '"' || c == '\'') {
            value = quoted(v, end);
        } else {
            if (!plainStart(v, end)) {
                throw DECLINED;
            }
            int stop = v;
            int last = v;
            while (stop < end) {
                char ch = text[stop];
                if (ch == '#' && text[stop - 1] == ' ') {
                    break;
                }
                if (ch == ':' && (stop + 1 == end || text[stop + 1] == ' ')) {
                    throw DECLINED;
                }
                if (ch != ' ') {
                    last = stop;
                }
                stop++;
            }
            value = scalar(substring(v, last + 1), at(pos, v));
        }
        pos++;
        return value;
    }

    /**
     * A quoted scalar that closes on its line and needs no unescaping: no backslash in double
     * quotes, no doubled quote in single ones, not empty. Always text, whatever it looks like.
     */
    private YamlNode quoted(int open, int end) {
        char q = text[open];
        int close = open + 1;
        while (close < end && text[close] != q) {
            if (text[close] == '\\') {
                throw DECLINED;
            }
            close++;
        }
        if (close == end || close == open + 1 || (close + 1 < end && text[close + 1] == q)) {
            throw DECLINED;
        }
        endsWithComment(close + 1, end);
        return new YamlNode.Scalar(YamlNode.ScalarKind.STRING, substring(open + 1, close), at(pos, open));
    }

    /** After a closed value at {@code from}: nothing but spaces and a comment (set off by a space), or decline. */
    private void endsWithComment(int from, int end) {
        int after = skipSpaces(from, end);
        if (after < end && (text[after] != '#' || after == from)) {
            throw DECLINED;
        }
    }

    private YamlNode flowSequence(int open, int end, int depth, int[] close) {
        SourceLocation location = at(pos, open);
        List<YamlNode> items = new ArrayList<>();
        int i = skipSpaces(open + 1, end);
        if (i < end && text[i] == ']') {
            close[0] = i + 1;
            return new YamlNode.Sequence(List.of(), location);
        }
        while (true) {
            checkDepth(depth + 1);
            counted(null);
            int stop = flowScalarEnd(i, end);
            items.add(scalar(substring(i, trimEnd(i, stop)), at(pos, i)));
            char c = text[stop];
            if (c == ']') {
                close[0] = stop + 1;
                return new YamlNode.Sequence(List.copyOf(items), location);
            }
            if (c != ',') {
                throw DECLINED;
            }
            i = skipSpaces(stop + 1, end);
        }
    }

    private YamlNode flowMapping(int open, int end, int depth, int[] close) {
        SourceLocation location = at(pos, open);
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        int i = skipSpaces(open + 1, end);
        if (i < end && text[i] == '}') {
            close[0] = i + 1;
            return new YamlNode.Mapping(entries, location);
        }
        while (true) {
            int colon = keyEnd(i, end);
            if (colon < 0 || colon + 1 == end) {
                throw DECLINED;
            }
            String key = substring(i, colon);
            counted(key);
            SourceLocation keyAt = at(pos, i);
            int v = skipSpaces(colon + 1, end);
            checkDepth(depth + 1);
            int stop = flowScalarEnd(v, end);
            YamlNode value = scalar(substring(v, trimEnd(v, stop)), at(pos, v));
            if (entries.put(key, new YamlNode.Entry(key, keyAt, value)) != null) {
                throw DECLINED;
            }
            char c = text[stop];
            if (c == '}') {
                close[0] = stop + 1;
                return new YamlNode.Mapping(entries, location);
            }
            if (c != ',') {
                throw DECLINED;
            }
            i = skipSpaces(stop + 1, end);
        }
    }

    /**
     * Where a plain scalar inside a flow collection, starting at {@code i}, stops: at the comma
     * or closing bracket after it. Declines on anything a flow scalar treats specially.
     */
    private int flowScalarEnd(int i, int end) {
        if (i >= end || !plainStart(i, end)) {
            throw DECLINED;
        }
        int stop = i;
        while (stop < end && ",]}".indexOf(text[stop]) < 0) {
            if ("[{#:?\"'".indexOf(text[stop]) >= 0) {
                throw DECLINED;
            }
            stop++;
        }
        if (stop == end) {
            throw DECLINED;
        }
        if (text[stop] == ',') {
            // a comma must lead to another value: "[a, ]" and "[a,,b]" are for SnakeYAML to judge
            int next = skipSpaces(stop + 1, end);
            if (next == end || ",]}".indexOf(text[next]) >= 0) {
                throw DECLINED;
            }
        }
        return stop;
    }

    /** Whether a plain scalar may start at {@code i} (no indicator, no quote, no tag or alias). */
    private boolean plainStart(int i, int end) {
        char c = text[i];
        if (c == '-') {
            return i + 1 < end && text[i + 1] != ' ' && text[i + 1] != '-';
        }
        return "?:,[]{}#&*!|>'\"%@`".indexOf(c) < 0;
    }

    /** The colon's offset when a simple key starts at {@code i} and is followed by ": " or ":" at the end. */
    private int keyEnd(int i, int end) {
        if (i >= end || !keyStartChar(text[i])) {
            return -1;
        }
        int k = i + 1;
        while (k < end && keyChar(text[k])) {
            k++;
        }
        if (k < end && text[k] == ':' && (k + 1 == end || text[k + 1] == ' ')) {
            return k;
        }
        return -1;
    }

    /** ASCII letters, digits and underscore, or any character past Latin-1's controls (a city's name in Chinese). */
    private static boolean keyStartChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0xA0;
    }

    private static boolean keyChar(char c) {
        return keyStartChar(c) || c == '-' || c == '.';
    }

    private String substring(int from, int to) {
        return new String(text, from, to - from);
    }

    private int skipSpaces(int i, int end) {
        while (i < end && text[i] == ' ') {
            i++;
        }
        return i;
    }

    private int trimEnd(int from, int to) {
        while (to > from && text[to - 1] == ' ') {
            to--;
        }
        return to;
    }

    /** A plain scalar's kind, as Jackson resolves it; declines on numbers written unusually. */
    private static YamlNode.Scalar scalar(String value, SourceLocation at) {
        Tag tag = quickTag(value);
        if (tag == null) {
            tag = Lazy.RESOLVER.resolve(NodeId.scalar, value, true);
            // every plain decimal was tagged above: a number only the resolver sees is written unusually
            if (tag == Tag.INT || tag == Tag.FLOAT) {
                throw DECLINED;
            }
        }
        YamlNode.ScalarKind kind;
        if (tag == Tag.INT) {
            kind = YamlNode.ScalarKind.INTEGER;
        } else if (tag == Tag.FLOAT) {
            kind = YamlNode.ScalarKind.FLOAT;
        } else if (tag == Tag.BOOL) {
            kind = YamlNode.ScalarKind.BOOLEAN;
        } else if (tag == Tag.NULL) {
            return new YamlNode.Scalar(YamlNode.ScalarKind.NULL, "", at);
        } else {
            kind = YamlNode.ScalarKind.STRING;
        }
        return new YamlNode.Scalar(kind, value, at);
    }

    private static final java.util.Set<String> BOOLEANS = java.util.Set.of("yes", "Yes", "YES", "no", "No", "NO",
            "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    private static final java.util.Set<String> NULLS = java.util.Set.of("~", "null", "Null", "NULL");

    /**
     * The tag SnakeYAML's resolver gives a plain scalar, without its regular expressions for the
     * common cases (they cost more than the rest of the parse): the resolver only looks further
     * at values starting with one of the characters below, a letter among them can only make a
     * boolean or a null word, and no pattern of its matches a non-ASCII character. Anything less
     * plain is asked of the resolver itself.
     */
    static Tag tag(String value) {
        Tag quick = quickTag(value);
        return quick != null ? quick : Lazy.RESOLVER.resolve(NodeId.scalar, value, true);
    }

    /** {@link #tag}'s shortcut alone: null where only the resolver can tell. */
    private static Tag quickTag(String value) {
        char c = value.charAt(0);
        if ("yYnNtTfFoO~-+0123456789.<!&*".indexOf(c) < 0) {
            return Tag.STR;
        }
        if (Character.isLetter(c) || c == '~') {
            return BOOLEANS.contains(value) ? Tag.BOOL : NULLS.contains(value) ? Tag.NULL : Tag.STR;
        }
        if (plainDecimal(value, false)) {
            return Tag.INT;
        }
        if (plainDecimal(value, true)) {
            return Tag.FLOAT;
        }
        if (IsoDate.hasShape(value)) {
            return Tag.TIMESTAMP;
        }
        // every pattern of the resolver is ASCII; text such as "2018年完成…" cannot match one
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return Tag.STR;
            }
        }
        return null;
    }

    /** {@code -?(0|[1-9][0-9]*)}, and with {@code fraction} then {@code \.[0-9]+}. */
    private static boolean plainDecimal(String s, boolean fraction) {
        int i = s.startsWith("-") ? 1 : 0;
        int digits = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || (s.charAt(digits) == '0' && i - digits > 1)) {
            return false;
        }
        if (!fraction) {
            return i == s.length();
        }
        if (i == s.length() || s.charAt(i) != '.') {
            return false;
        }
        int frac = ++i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > frac && i == s.length();
    }
}

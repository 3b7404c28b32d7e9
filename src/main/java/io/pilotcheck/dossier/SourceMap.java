package io.pilotcheck.dossier;

import io.pilotcheck.source.SourceLocation;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where each value of a dossier was written, by its path ({@code low_carbon_plan.adopted},
 * {@code annual_reports[1].submitted}).
 *
 * <p>Rules name the field a finding is about by path; a missing field is located at the
 * nearest enclosing mapping that is present, and a missing top-level field at the file start,
 * as {@code cli-and-report.md} asks.
 */
public final class SourceMap {

    private final String file;
    private final Map<String, SourceLocation> byPath;
    private final Set<String> empty;
    private final SourceLocation start;

    /** The locations of one dossier as the binder reads them, handed over whole to the map. */
    static final class Builder {
        // a dossier records about 60 paths; sized once instead of rehashed three times
        private final Map<String, SourceLocation> byPath = new HashMap<>(128);
        private Set<String> empty = Set.of();

        /** Where a path's value was written. */
        void put(String path, SourceLocation at) {
            byPath.put(path, at);
        }

        /** Where a path was written with no value ({@code key:}), which reads as not given. */
        void putEmpty(String path, SourceLocation at) {
            byPath.put(path, at);
            if (empty.isEmpty()) {
                empty = new HashSet<>();
            }
            empty.add(path);
        }

        /**
         * The map over these locations. They are kept, not copied (a copy per dossier was a
         * measurable part of a batch): the builder is not used afterwards.
         */
        SourceMap build(String file, SourceLocation start) {
            return new SourceMap(file, byPath, empty, start);
        }
    }

    private SourceMap(String file, Map<String, SourceLocation> byPath, Set<String> empty, SourceLocation start) {
        this.file = file;
        this.start = start;
        this.byPath = Collections.unmodifiableMap(byPath);
        this.empty = empty;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /**
     * Whether the dossier gives a value at this path. A key written with nothing after it is not
     * given: it reads exactly as a missing key, though a finding about it is located at the key.
     */
    public boolean has(String path) {
        return byPath.containsKey(path) && !empty.contains(path);
    }

    /** The value's location, or that of its nearest present parent, or the file start. */
    public SourceLocation locate(String path) {
        String p = path == null ? "" : path;
        while (!p.isEmpty()) {
            SourceLocation at = byPath.get(p);
            if (at != null) {
                return at;
            }
            p = parent(p);
        }
        return start;
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}

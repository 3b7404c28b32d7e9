package io.pilotcheck.dossier;

import io.pilotcheck.source.SourceLocation;

import java.util.Map;

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

    /**
     * A map over the given locations. The map is kept, not copied (a copy per dossier was a
     * measurable part of a batch): the caller hands it over and does not change it afterwards.
     */
    SourceMap(String file, Map<String, SourceLocation> byPath) {
        this.file = file;
        this.byPath = java.util.Collections.unmodifiableMap(byPath);
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** Whether the dossier wrote this path at all (even as an empty value). */
    public boolean has(String path) {
        return byPath.containsKey(path);
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
        return SourceLocation.startOf(file);
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}

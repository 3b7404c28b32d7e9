package io.pilotcheck.dossier;

import io.pilotcheck.source.YamlProblem;

import java.util.List;

/**
 * The outcome of loading one file: a dossier that can be checked, or the problems that stop it
 * from being checked. Never both: a dossier with a schema problem is not evaluated, because
 * findings drawn from a half-read file would mislead (a misspelt key would also read as
 * "not reported").
 *
 * @param file     the file as the user named it
 * @param dossier  the dossier, or {@code null} when {@code problems} is not empty
 * @param problems what stops it from being checked
 * @param city     the city as the file names it, when its {@code city:} could be read (even
 *                 when something else stops the check, so that the error belongs to that pilot),
 *                 or null
 * @param warnings what the loader read but warns about (a date in another shape): findings of
 *                 the check, which goes on
 */
public record LoadedDossier(String file, Dossier dossier, List<YamlProblem> problems, String city, List<YamlProblem> warnings) {

    /** Copies the lists. */
    public LoadedDossier {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A file loaded with no warning. */
    public LoadedDossier(String file, Dossier dossier, List<YamlProblem> problems, String city) {
        this(file, dossier, problems, city, List.of());
    }

    /** A file loaded as far as {@code dossier}: its city is the dossier's. */
    public LoadedDossier(String file, Dossier dossier, List<YamlProblem> problems) {
        this(file, dossier, problems, dossier == null ? null : dossier.city());
    }

    /** Whether the dossier can go on to the rules. */
    public boolean checkable() {
        return dossier != null && problems.isEmpty();
    }
}

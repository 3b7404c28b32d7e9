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
 */
public record LoadedDossier(String file, Dossier dossier, List<YamlProblem> problems) {

    /** Copies the problem list. */
    public LoadedDossier {
        problems = List.copyOf(problems);
    }

    /** Whether the dossier can go on to the rules. */
    public boolean checkable() {
        return dossier != null && problems.isEmpty();
    }
}

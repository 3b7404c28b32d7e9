package io.pilotcheck.ruletest;

import io.pilotcheck.source.SourceLocation;

import java.time.LocalDate;
import java.util.List;

/**
 * One rule test case, read from a test file and ready to run.
 *
 * @param name     what the case shows, as its author named it
 * @param at       where the case starts in its test file
 * @param dossier  the dossier to check, after the case's edits (those that found their text)
 * @param asOf     the evaluation date, or null for the dossier's own {@code as_of}
 * @param expect   findings that must be there
 * @param none     rule ids that must give no finding at all
 * @param only     whether findings that no expectation describes fail the case
 * @param brokenEdit why the case cannot run (an edit whose text is absent), or null
 */
public record RuleCase(String name, SourceLocation at, CaseDossier dossier, LocalDate asOf,
                       List<Expectation> expect, List<String> none, boolean only, String brokenEdit) {

    /** Copies the lists. */
    public RuleCase {
        expect = List.copyOf(expect);
        none = List.copyOf(none);
    }

    /** The rule ids the case says something about. */
    public List<String> ruleIds() {
        return java.util.stream.Stream.concat(expect.stream().map(Expectation::ruleId), none.stream())
                .distinct().toList();
    }

    /**
     * A dossier's text and the name findings will carry. An inline dossier keeps the lines of its
     * test file, so a finding's line is the line the author sees.
     *
     * @param name how findings name the file
     * @param text the YAML text
     */
    public record CaseDossier(String name, String text) {
    }
}

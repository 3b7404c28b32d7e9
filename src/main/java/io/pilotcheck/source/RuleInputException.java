package io.pilotcheck.source;

import io.pilotcheck.source.SourceLocation;

import java.util.List;

/**
 * The rule inputs (DRL files, {@code params.yaml}, the pilot registry) cannot be used: the run
 * stops with exit code 2 and every problem, each located in the author's file.
 */
public final class RuleInputException extends Exception {

    private static final long serialVersionUID = 1L;

    /** One problem, located in a rule input file. */
    public record Problem(SourceLocation location, String message) {
        @Override
        public String toString() {
            return location + ": error: " + message;
        }
    }

    private final transient List<Problem> problems;

    /** An exception carrying all the problems found. */
    public RuleInputException(List<Problem> problems) {
        super(problems.isEmpty() ? "rule inputs cannot be used" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    /** A single-problem exception. */
    public RuleInputException(SourceLocation where, String message) {
        this(List.of(new Problem(where, message)));
    }

    /** Every problem, in file order. */
    public List<Problem> problems() {
        return problems;
    }
}

package io.pilotcheck.app;

import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckOutcome;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.report.ReportContext;
import io.pilotcheck.report.ReportHeader;
import io.pilotcheck.rules.RuleBook;

import java.util.List;
import java.util.function.Supplier;

/** Checks uploads with the rules in use now and renders their report: the one place a front end checks. */
public final class Checks {

    private final Supplier<RuleBook> rules;

    /** Checks with whatever {@code rules} gives at the moment a check starts. */
    public Checks(Supplier<RuleBook> rules) {
        this.rules = rules;
    }

    /** Checks {@code inputs} one at a time on the calling thread and renders the report {@code call} asks for. */
    public Checked check(List<DossierInput> inputs, CheckCall call) {
        RuleBook book = rules.get(); // the rules this check started with, whatever a reload does
        CheckOutcome outcome = Check.runToEnd(CheckRequest.of(book, inputs).withAsOf(call.asOf()).withWaivers(call.waivers())
                .withLimits(new LoadLimits(call.maxFile(), LoadLimits.DEFAULT.maxDepth())).withJobs(1));
        ReportContext context = Check.reportContext(book,
                ReportHeader.of(io.pilotcheck.words.Clock.day(call.at()), call.asOf()), call.lang(),
                call.threshold());
        byte[] bytes = Check.render(call.format(), outcome.batch(), context);
        return new Checked(call.format(), bytes, outcome.fails(call.threshold()) ? 1 : 0, outcome.batch(), inputs,
                book.fingerprint(), book.rules().size(), call.asOf());
    }
}

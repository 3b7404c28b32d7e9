package io.pilotcheck.check;

import io.pilotcheck.failure.RootCause;
import io.pilotcheck.finding.BuiltInChecks;
import io.pilotcheck.finding.DossierResult;

import io.pilotcheck.facts.Evaluation;
import io.pilotcheck.facts.FindingCollector;
import io.pilotcheck.dossier.Dossier;
import io.pilotcheck.dossier.LoadedDossier;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Message;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleInfo;
import io.pilotcheck.source.SourceLocation;
import io.pilotcheck.source.YamlProblem;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates one loaded dossier in a short-lived session of its own, so dossiers share no state
 * and a batch can be checked in any order, or in parallel, with the same result.
 */
public final class DossierCheck {

    /** Catalogue id for a rule that failed while evaluating a dossier. */
    public static final String RULE_FAILED = BuiltInChecks.RULE_FAILED;

    private final RuleBook book;
    private final EngineLimits limits;
    private final Map<String, RuleInfo> byName;
    private final java.util.Set<String> globals = new java.util.HashSet<>();

    /** A checker over a compiled rule book, with the default limits. */
    public DossierCheck(RuleBook book) {
        this(book, EngineLimits.DEFAULT);
    }

    /** A checker over a compiled rule book that stops a dossier's rules at {@code limits}. */
    public DossierCheck(RuleBook book, EngineLimits limits) {
        this.book = book;
        this.limits = limits;
        this.byName = book.byName();
        book.kieBase().getKiePackages().forEach(p -> p.getGlobalVariables().forEach(g -> globals.add(g.getName())));
    }

    /**
     * Checks a dossier.
     *
     * @param asOfOverride {@code --as-of}, or null to use the dossier's {@code as_of}, else {@code today}
     */
    public DossierResult check(LoadedDossier loaded, LocalDate asOfOverride, LocalDate today) {
        try (Reusing one = reusing()) {
            return one.check(loaded, asOfOverride, today);
        }
    }

    /**
     * A checker that keeps one session for dossier after dossier, as a batch does: building a
     * session's network memory costs more than checking a dossier. After each dossier the session
     * is reset, every fact gone, so no dossier sees another's; after a rule fault the session is thrown away.
     * Not thread-safe: one per thread. Close it to release the session.
     */
    public Reusing reusing() {
        return new Reusing();
    }

    /** See {@link #reusing()}. */
    public final class Reusing implements AutoCloseable {
        private KieSession session;

        private Reusing() {
        }

        /** Checks a dossier, as {@link DossierCheck#check}. */
        public DossierResult check(LoadedDossier loaded, LocalDate asOfOverride, LocalDate today) {
            if (!loaded.checkable()) {
                return unchecked(loaded, book.registry());
            }
            Dossier d = loaded.dossier();
            LocalDate asOf = asOfOverride != null ? asOfOverride : d.asOf() != null ? d.asOf() : today;
            Optional<PilotCity> city = book.registry().find(d.city());
            FindingCollector collector = new FindingCollector(d, city.orElse(null), asOf, byName);
            List<Finding> findings = new ArrayList<>();
            boolean clean = false;
            KieSession s = session();
            try {
                // Set only the globals some DRL declares: Drools refuses undeclared ones.
                if (globals.contains("findings")) {
                    s.setGlobal("findings", collector);
                }
                s.insert(d);
                s.insert(new Evaluation(asOf, d.asOf() != null ? d.asOf() : today));
                city.ifPresent(s::insert);
                d.innovations().forEach(s::insert);
                d.ghgInventory().forEach(s::insert);
                d.emissions().forEach(s::insert);
                d.annualReports().forEach(s::insert);
                Watchdog watchdog = new Watchdog(s, System.nanoTime() + limits.maxTime().toNanos());
                int fired = s.fireAllRules(watchdog, limits.maxFirings());
                boolean stopped = watchdog.timedOut || fired >= limits.maxFirings();
                // a rule that loops makes the others re-fire with it: the same finding thousands of times
                findings.addAll(stopped ? collector.findings().stream().distinct().toList() : collector.findings());
                if (watchdog.timedOut) {
                    long ms = limits.maxTime().toMillis();
                    String rule = id(watchdog.lastRule);
                    findings.add(engineError(d, "规则运行超过 " + ms + " 毫秒仍未结束（最后触发的规则：" + rule + "，疑似循环），已停止检查",
                            "the rules ran for more than " + ms + " ms (last rule fired: " + rule
                                    + "; a loop?); checking stopped"));
                } else if (fired >= limits.maxFirings()) {
                    String rule = id(watchdog.lastRule);
                    findings.add(engineError(d, "规则触发超过 " + limits.maxFirings() + " 次（最后触发的规则：" + rule
                                    + "，疑似循环），已停止检查",
                            "rules fired " + limits.maxFirings() + " times (last rule fired: " + rule
                                    + "; a loop?); checking stopped"));
                }
                clean = !stopped;
            } catch (RuntimeException e) {
                // A rule that throws must not take the batch down: report it for this dossier and go on.
                findings.addAll(collector.findings());
                String rule = failedRule(e);
                findings.add(engineError(d, "规则" + rule + "执行失败：" + RootCause.described(e),
                        "a rule" + (rule.isEmpty() ? "" : " (" + rule.trim() + ")") + " failed: " + RootCause.described(e)));
            } finally {
                if (clean) {
                    clear(s);
                } else {
                    close();
                }
            }
            for (YamlProblem w : loaded.warnings()) {
                findings.add(new Finding(w.ruleId(), Severity.WARNING, "", new Message(w.messageZh(), w.messageEn()), w.path(), w.location()));
            }
            return new DossierResult(d.file(), city.map(PilotCity::name).orElse(d.city()),
                    city.map(PilotCity::nameEn).orElse(d.city()),
                    city.map(c -> new Message(c.province(), c.provinceEn())).orElse(null), asOf, findings);
        }

        private KieSession session() {
            if (session == null) {
                session = book.kieBase().newKieSession();
                prepare(session);
            }
            return session;
        }

        /** Gives a new or emptied session what every dossier's check starts from. */
        private void prepare(KieSession s) {
            if (globals.contains("registry")) {
                s.setGlobal("registry", book.registry());
            }
            s.insert(book.params());
        }

        /**
         * Empties the session: the dossier's facts, any a rule inserted, and the globals. A reset
         * (what Drools' own session pools do) clears the network's memories in one sweep, where
         * deleting fact by fact propagated every deletion through it (bench/NOTES.md has the
         * figures); reports are byte-identical. KieSession has no reset
         * of its own, hence the cast; should it ever fail, the session is simply not reused.
         */
        private void clear(KieSession s) {
            try {
                ((StatefulKnowledgeSessionImpl) s).reset();
                prepare(s);
            } catch (RuntimeException e) {
                close(); // a session that cannot be emptied is not reused
            }
        }

        /** Disposes the session; the next dossier gets a new one. */
        @Override
        public void close() {
            if (session != null) {
                session.dispose();
                session = null;
            }
        }
    }

    /**
     * The errors that stop a dossier from being checked, under its pilot when the file names one:
     * the pilot's row then says it could not be checked, rather than keeping an older verdict.
     */
    private static DossierResult unchecked(LoadedDossier loaded, io.pilotcheck.registry.PilotRegistry registry) {
        List<Finding> errors = new ArrayList<>();
        for (YamlProblem p : loaded.problems()) {
            errors.add(new Finding(p.ruleId(), Severity.ERROR, "", new Message(p.messageZh(), p.messageEn()),
                    p.path(), p.location()));
        }
        for (YamlProblem w : loaded.warnings()) {
            errors.add(new Finding(w.ruleId(), Severity.WARNING, "", new Message(w.messageZh(), w.messageEn()), w.path(), w.location()));
        }
        Optional<PilotCity> city = loaded.city() == null ? Optional.empty() : registry.find(loaded.city());
        return new DossierResult(loaded.file(), city.map(PilotCity::name).orElse(loaded.city()),
                city.map(PilotCity::nameEn).orElse(loaded.city()),
                city.map(c -> new Message(c.province(), c.provinceEn())).orElse(null), null, errors);
    }

    private String id(String ruleName) {
        RuleInfo info = byName.get(ruleName);
        return info != null ? info.id() : ruleName;
    }

    /**
     * Lets each match fire until the time is up, then halts the session; remembers the last rule
     * fired so a loop can be named.
     */
    private static final class Watchdog implements AgendaFilter {
        private final KieSession session;
        private final long deadline;
        String lastRule = "";
        boolean timedOut;

        Watchdog(KieSession session, long deadline) {
            this.session = session;
            this.deadline = deadline;
        }

        @Override
        public boolean accept(Match match) {
            if (System.nanoTime() - deadline > 0) {
                timedOut = true;
                session.halt();
                return false;
            }
            lastRule = match.getRule().getName();
            return true;
        }
    }

    private static Finding engineError(Dossier d, String zh, String en) {
        return new Finding(RULE_FAILED, Severity.ERROR, "", new Message(zh, en), "",
                SourceLocation.startOf(d.file()));
    }

    /** The id of the rule whose consequence threw, with spaces around it, or empty when unknown. */
    private String failedRule(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsequenceException c && c.getMatch() != null) {
                return " " + id(c.getMatch().getRule().getName()) + " ";
            }
        }
        return "";
    }
}

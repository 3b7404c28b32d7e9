package io.pilotcheck.serve;

import io.pilotcheck.rules.CompiledRulesCache;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;
import io.pilotcheck.source.RuleInputException;
import io.pilotcheck.watch.ChangeWatcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The rules a service checks with, swapped in whole: either a rules folder's, compiled at start
 * and rebuilt in the background when a file under it changes (the desktop's live edits), or the
 * rule set published into the store, followed as it changes (every instance on one store checks
 * with the same rules). A request keeps the rule book it started with; rules that do not build
 * keep the previous ones in use and are reported (readiness, page) until they build again.
 */
public final class ServedRules implements AutoCloseable {

    /**
     * The rules in use, the problems of the last edit when it did not build (else none), and
     * the number of the published rule set they are (0: a rules folder's).
     */
    public record State(RuleBook book, List<String> problems, int ruleSet) {
        /** A rules folder's rules. */
        public State(RuleBook book, List<String> problems) {
            this(book, problems, 0);
        }
    }

    private final AtomicReference<State> state;
    private final Path dir;
    private final CompiledRulesCache cache;
    private final Consumer<String> log;
    private final Runnable onReload;
    private Thread watcher;
    private Thread follower;

    /**
     * Rules already compiled from {@code dir}.
     *
     * @param onReload called after each rebuild, built or not (for the metrics)
     */
    public ServedRules(RuleBook first, Path dir, CompiledRulesCache cache, Consumer<String> log, Runnable onReload) {
        this.state = new AtomicReference<>(new State(first, List.of()));
        this.dir = dir;
        this.cache = cache;
        this.log = log;
        this.onReload = onReload;
    }

    /** The rules in use now. */
    public RuleBook book() {
        return state.get().book();
    }

    /** The rules in use and the problems of a broken edit, read together. */
    public State state() {
        return state.get();
    }

    /** Starts watching the rules folder on a daemon thread. */
    public ServedRules watch() throws IOException {
        ChangeWatcher changes = new ChangeWatcher(List.of(dir.toAbsolutePath().normalize()));
        watcher = new Thread(() -> {
            try (changes) {
                while (!Thread.currentThread().isInterrupted()) {
                    Set<Path> changed = changes.next();
                    if (changed.stream().anyMatch(ServedRules::isRuleInput)) {
                        rebuild();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                log.accept("pilotcheck: stopped watching the rules: " + e.getMessage());
            }
        }, "pilotcheck-rules-watch");
        watcher.setDaemon(true);
        watcher.start();
        return this;
    }

    private volatile java.util.function.BiConsumer<String, String> changed = (before, after) -> { };

    /** Tells {@code listener} the fingerprints before and after each edit of the folder that built and changed the rules. */
    public ServedRules onChange(java.util.function.BiConsumer<String, String> listener) {
        this.changed = listener;
        return this;
    }

    /** Builds the rules from the folder again; swaps them in when they build (not once a published set is followed). */
    public void rebuild() {
        if (state.get().ruleSet() > 0) {
            return;
        }
        try {
            String before = state.get().book().fingerprint();
            RuleBook book = RuleBookLoader.load(dir, cache);
            state.set(new State(book, List.of()));
            log.accept("pilotcheck: rules rebuilt: " + book.rules().size() + " rules, " + book.fingerprint());
            if (!before.equals(book.fingerprint())) {
                changed.accept(before, book.fingerprint());
            }
        } catch (RuleInputException e) {
            List<String> problems = e.problems().stream().map(Object::toString).toList();
            state.set(new State(state.get().book(), problems));
            log.accept("pilotcheck: the edited rules do not build; the previous rules stay in use:");
            problems.forEach(p -> log.accept("  " + p));
        } finally {
            onReload.run();
        }
    }

    /**
     * Checks with the store's active rule set from now on: takes it at once when there is one,
     * then asks every {@code every} whether another was published, and swaps it in. A set that
     * does not build here keeps the rules in use (and is reported); a store that does not answer
     * is asked again next time.
     */
    public ServedRules follow(io.pilotcheck.app.RuleSets sets, Path folders, java.time.Duration every) {
        followOnce(sets, folders);
        follower = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                followOnce(sets, folders);
            }
        }, "pilotcheck-rule-set-follow");
        follower.setDaemon(true);
        follower.start();
        return this;
    }

    /** The number of the last published set that did not build here, so it is not built again every turn. */
    private int failedSet;

    private void followOnce(io.pilotcheck.app.RuleSets sets, Path folders) {
        io.pilotcheck.store.RuleSetStore.RuleSet active;
        try {
            Optional<io.pilotcheck.store.RuleSetStore.RuleSet> newest = sets.active();
            if (newest.isEmpty() || newest.get().number() == state.get().ruleSet() || newest.get().number() == failedSet) {
                return;
            }
            active = newest.get();
        } catch (RuntimeException e) {
            return; // the store does not answer now (its errors are counted where they occur): asked again next turn
        }
        try {
            RuleBook book = sets.load(active, folders, cache).book();
            state.set(new State(book, List.of(), active.number()));
            log.accept("pilotcheck: checking with rule set " + active.number() + " from the store: " + book.rules().size()
                    + " rules, " + active.fingerprint());
        } catch (RuleInputException e) {
            failedSet = active.number();
            List<String> problems = e.problems().stream().map(Object::toString).toList();
            state.set(new State(state.get().book(), problems, state.get().ruleSet()));
            log.accept("pilotcheck: rule set " + active.number() + " from the store does not build here; the rules in use stay:");
            problems.forEach(p -> log.accept("  " + p));
        } catch (RuntimeException e) {
            log.accept("pilotcheck: cannot load rule set " + active.number() + " from the store (" + e.getMessage()
                    + "); trying again");
            return;
        }
        onReload.run();
    }

    private static boolean isRuleInput(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        return !p.toString().replace('\\', '/').contains("/tests/")
                && (name.endsWith(".drl") || name.equals("params.yaml") || name.equals("pilot-cities.yaml"));
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.interrupt();
        }
        if (follower != null) {
            follower.interrupt();
        }
    }
}

package io.pilotcheck.serve;

import io.pilotcheck.rules.CompiledRulesCache;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;
import io.pilotcheck.source.RuleInputException;
import io.pilotcheck.watch.ChangeWatcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The rules a service checks with: compiled once at start, rebuilt in the background when a
 * file under the rules folder changes, and swapped in whole. A request keeps the rule book it
 * started with; a broken edit keeps the previous rules in use and is reported (readiness, page)
 * until an edit builds again.
 */
public final class ServedRules implements AutoCloseable {

    /** The rules in use, and the problems of the last edit when it did not build (else none). */
    public record State(RuleBook book, List<String> problems) {
    }

    private final AtomicReference<State> state;
    private final Path dir;
    private final CompiledRulesCache cache;
    private final Consumer<String> log;
    private final Runnable onReload;
    private Thread watcher;

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

    /** Builds the rules from the folder again; swaps them in when they build. */
    public void rebuild() {
        try {
            RuleBook book = RuleBookLoader.load(dir, cache);
            state.set(new State(book, List.of()));
            log.accept("pilotcheck: rules rebuilt: " + book.rules().size() + " rules, " + book.fingerprint());
        } catch (RuleInputException e) {
            List<String> problems = e.problems().stream().map(Object::toString).toList();
            state.set(new State(state.get().book(), problems));
            log.accept("pilotcheck: the edited rules do not build; the previous rules stay in use:");
            problems.forEach(p -> log.accept("  " + p));
        } finally {
            onReload.run();
        }
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
    }
}

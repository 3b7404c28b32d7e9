package io.pilotcheck.store.sql;

import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.StoreRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Writes that arrive while one is on its way are written together by the next, in one
 * transaction: a database's own group commit, one level up, so that a commit and its round trips
 * are shared by every submission waiting for one (bench/NOTES.md). Each caller still returns only
 * once its own rows are committed. A group refused for what one of its writes holds is written
 * again one by one, so that one bad write fails alone; a group that fails for any other reason (the
 * database is down) fails its callers together, at once.
 *
 * @param <T> what is written
 */
final class GroupCommit<T> implements AutoCloseable {

    private record Pending<T>(T item, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<T>> writer;
    private final Predicate<Throwable> oneByOne;
    private final int most;
    private final Thread thread;
    private volatile boolean closed;
    /** A test's way into the moment a racing close() can strike; nothing otherwise. */
    Runnable betweenCheckAndQueue = () -> { };

    /**
     * @param name   the writing thread's name
     * @param most   the most items one transaction holds
     * @param writer   writes a group in one transaction, or throws and keeps none of it
     * @param oneByOne whether a group that failed so is to be written again one by one
     */
    GroupCommit(String name, int most, Consumer<List<T>> writer, Predicate<Throwable> oneByOne) {
        this.writer = writer;
        this.oneByOne = oneByOne;
        this.most = most;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Writes {@code item} with whatever else is waiting, and returns once it is committed.
     *
     * @throws StoreUnavailable when it was not written
     */
    void write(T item) {
        if (closed) {
            throw new StoreUnavailable("the store is closed", null);
        }
        betweenCheckAndQueue.run();
        Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
        queue.add(pending);
        // close() may have stopped the thread and refused what was waiting between the check
        // above and the add: taken back, the write is refused; not taken, someone completes it
        if (closed && !thread.isAlive() && queue.remove(pending)) {
            throw new StoreUnavailable("the store is closed", null);
        }
        try {
            pending.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for the write", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreUnavailable || e.getCause() instanceof StoreRefused) {
                throw (RuntimeException) e.getCause();
            }
            throw new StoreUnavailable(String.valueOf(e.getCause()), e.getCause());
        }
    }

    private void run() {
        while (!closed || !queue.isEmpty()) {
            Pending<T> first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // close() decides when to stop, after the queue is empty
            }
            if (first == null) {
                continue;
            }
            List<Pending<T>> group = new ArrayList<>();
            group.add(first);
            queue.drainTo(group, most - 1);
            Throwable failure = attempt(group);
            if (failure != null && group.size() > 1 && oneByOne.test(failure)) {
                group.forEach(one -> attempt(List.of(one)));
            } else if (failure != null) {
                group.forEach(p -> p.done().completeExceptionally(failure));
            }
        }
    }

    /**
     * Writes a group and completes its callers when it commits; returns why it failed, or null.
     * A single write's failure completes its caller too.
     */
    private Throwable attempt(List<Pending<T>> group) {
        try {
            writer.accept(group.stream().map(Pending::item).toList());
            group.forEach(p -> p.done().complete(null));
            return null;
        } catch (RuntimeException | Error e) {
            // even an Error fails only these writes: the thread lives on for the next ones
            if (group.size() == 1) {
                group.get(0).done().completeExceptionally(e);
            }
            return e;
        }
    }

    /** Writes what is waiting, then stops the writing thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a write that came in as the thread stopped is refused, not left waiting
        for (Pending<T> late; (late = queue.poll()) != null; ) {
            late.done().completeExceptionally(new StoreUnavailable("the store is closed", null));
        }
    }
}

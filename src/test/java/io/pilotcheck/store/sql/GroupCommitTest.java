package io.pilotcheck.store.sql;

import io.pilotcheck.store.StoreUnavailable;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes grouped into one transaction: each caller learns its own outcome, and one bad write fails alone. */
class GroupCommitTest {

    @Test
    void writesArrivingTogetherShareATransactionAndABadOneFailsAloneWhileTheRestAreWritten() throws Exception {
        List<List<Integer>> transactions = Collections.synchronizedList(new ArrayList<>());
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> group = new GroupCommit<>("test-writer", 64, items -> {
            transactions.add(items);
            try {
                Thread.sleep(50); // a transaction's time, in which the other writes arrive and wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (items.contains(13)) {
                throw new StoreUnavailable("13 does not fit", null);
            }
            committed.addAll(items);
        }, failure -> true);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        CyclicBarrier start = new CyclicBarrier(20);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int item = i;
            outcomes.add(clients.submit(() -> {
                start.await();
                try {
                    group.write(item);
                    return "written";
                } catch (StoreUnavailable e) {
                    return e.getMessage();
                }
            }));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(outcomes.get(i).get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(i == 13 ? "13 does not fit" : "written");
        }
        clients.shutdown();
        group.close();
        assertThat(committed).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19);
        assertThat(transactions).anySatisfy(t -> assertThat(t).hasSizeGreaterThan(1));
    }

    @Test
    void aGroupThatFailsForAnotherReasonThanItsDataFailsEveryCallerAtOnceWithoutWritingThemAgain() throws Exception {
        List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch firstIn = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch othersQueued = new java.util.concurrent.CountDownLatch(1);
        GroupCommit<Integer> group = new GroupCommit<>("test-writer", 64, items -> {
            attempts.add(items.size());
            if (items.contains(0)) {
                firstIn.countDown();
                try {
                    othersQueued.await(); // the others queue behind the first write meanwhile
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            throw new StoreUnavailable("the database is down", null);
        }, failure -> !failure.getMessage().contains("down"));
        ExecutorService clients = Executors.newFixedThreadPool(9);
        Future<?> first = clients.submit(() -> group.write(0));
        firstIn.await();
        java.util.concurrent.CountDownLatch eight = new java.util.concurrent.CountDownLatch(8);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            int item = i;
            outcomes.add(clients.submit(() -> {
                try {
                    eight.countDown();
                    group.write(item);
                    return "written";
                } catch (StoreUnavailable e) {
                    return e.getMessage();
                }
            }));
        }
        eight.await();
        othersQueued.countDown();
        first.get(10, java.util.concurrent.TimeUnit.SECONDS);
        for (Future<String> o : outcomes) {
            assertThat(o.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("the database is down");
        }
        clients.shutdown();
        group.close();
        // the eight waited together: one attempt of them all, none alone
        assertThat(attempts).containsExactly(1, 8);
    }

    @Test
    void aWriteAfterCloseIsRefused() {
        GroupCommit<Integer> group = new GroupCommit<>("test-writer", 4, items -> { }, failure -> true);
        group.write(1);
        group.close();
        assertThatThrownBy(() -> group.write(2)).isInstanceOf(StoreUnavailable.class).hasMessageContaining("closed");
    }

    /** A write that raced close() waited for ever: close() struck between its check and its enqueue. */
    @Test
    void aWriteRacingCloseIsRefusedNotLeftWaiting() throws Exception {
        GroupCommit<Integer> group = new GroupCommit<>("test-writer", 4, items -> { }, failure -> true);
        group.betweenCheckAndQueue = group::close;
        java.util.concurrent.CompletableFuture<Void> write = java.util.concurrent.CompletableFuture.runAsync(() -> group.write(1));
        assertThatThrownBy(() -> write.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(StoreUnavailable.class);
    }
}

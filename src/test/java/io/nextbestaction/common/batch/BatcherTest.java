package io.nextbestaction.common.batch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nextbestaction.common.error.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatcherTest {

    /** Generous: the build machine is a shared 2-core box. */
    private static final long WAIT = 5;

    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Batcher<String, String>> batchers = new ArrayList<>();
    /** A data exception: the row's fault, not the database's. */
    private final SQLException badRow = new SQLException("bad row", "22P02");

    @AfterEach
    void stopBatchers() throws InterruptedException {
        release.countDown(); // a failed test must not leave a call blocked for stop() to wait on
        for (Batcher<String, String> b : batchers) {
            b.stop();
        }
    }

    private Batcher<String, String> batcher(int maxBatch, Duration linger) {
        Batcher<String, String> b = new Batcher<>(new Batcher.Settings("test", maxBatch, linger, 1000,
                Duration.ofSeconds(WAIT * 2)), new SimpleMeterRegistry(), Runnable::run, this::call, () -> { });
        batchers.add(b);
        return b;
    }

    /** A deadline far enough not to matter here (see BatcherFaultsTest). */
    static long noDeadline() {
        return System.nanoTime() + SECONDS.toNanos(60);
    }

    /** Records each call; a batch holding "block" waits for {@link #release}, one holding "bad" throws a bad row. */
    private List<String> call(List<String> items) throws Exception {
        calls.add(List.copyOf(items));
        if (items.contains("block")) {
            blocked.countDown();
            release.await(WAIT, SECONDS);
        }
        if (items.contains("bad")) {
            throw badRow;
        }
        if (items.contains("boom")) {
            throw new AssertionError("an Error, not an Exception");
        }
        return items.stream().map(String::toUpperCase).toList();
    }

    /** Occupies the batcher's thread so that what is submitted next waits in the queue. */
    private void occupy(Batcher<String, String> b) throws InterruptedException {
        b.submit("block", noDeadline());
        assertTrue(blocked.await(WAIT, SECONDS), "the blocking call started");
    }

    @Test
    void oneBadItemFailsOnlyItsOwnRequest() throws Exception {
        Batcher<String, String> b = batcher(8, Duration.ZERO);
        occupy(b);
        CompletableFuture<String> a = b.submit("a", noDeadline());
        CompletableFuture<String> bad = b.submit("bad", noDeadline());
        CompletableFuture<String> c = b.submit("c", noDeadline());
        release.countDown();

        assertEquals("A", a.get(WAIT, SECONDS));
        assertEquals("C", c.get(WAIT, SECONDS));
        ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(WAIT, SECONDS));
        // The caller can still see why its own item failed.
        assertSame(badRow, e.getCause().getCause());
        // The batch of three failed as a whole, then each item was served on its own.
        assertEquals(List.of(List.of("block"), List.of("a", "bad", "c"), List.of("a"), List.of("bad"), List.of("c")),
                calls);
    }

    @Test
    void anErrorInTheCallFailsItsRequestAndTheBatcherServesOn() throws Exception {
        Batcher<String, String> b = batcher(8, Duration.ZERO);
        ExecutionException e = assertThrows(ExecutionException.class, () -> b.submit("boom", noDeadline()).get(WAIT, SECONDS));
        assertInstanceOf(AssertionError.class, e.getCause().getCause());
        assertEquals("AFTER", b.submit("after", noDeadline()).get(WAIT, SECONDS));
    }

    @Test
    void neverCallsWithMoreThanMaxBatchItems() throws Exception {
        Batcher<String, String> b = batcher(8, Duration.ZERO);
        occupy(b);
        List<String> items = new ArrayList<>();
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add("item-" + i);
            results.add(b.submit("item-" + i, noDeadline()));
        }
        release.countDown();

        for (int i = 0; i < 50; i++) {
            assertEquals(items.get(i).toUpperCase(), results.get(i).get(WAIT, SECONDS), "each caller gets its own result");
        }
        List<Integer> sizes = calls.stream().map(List::size).toList();
        assertTrue(sizes.stream().allMatch(size -> size <= 8), "call sizes " + sizes);
        // The 50 waiting items go in full batches of 8, the rest in one more call: 7 calls, not 50.
        assertEquals(List.of(1, 8, 8, 8, 8, 8, 8, 2), sizes);
        assertEquals(items, calls.stream().skip(1).flatMap(List::stream).toList(), "each item served once, in order");
    }

    @Test
    void lingerGathersItemsThatArriveWithinIt() throws Exception {
        // 500 ms rather than 200 ms: room for the noisy machine to deschedule the submitting thread.
        Batcher<String, String> b = batcher(8, Duration.ofMillis(500));
        CompletableFuture<String> a = b.submit("a", noDeadline());
        Thread.sleep(10);
        CompletableFuture<String> bb = b.submit("b", noDeadline());
        Thread.sleep(10);
        CompletableFuture<String> c = b.submit("c", noDeadline());

        assertEquals("A", a.get(WAIT, SECONDS));
        assertEquals("B", bb.get(WAIT, SECONDS));
        assertEquals("C", c.get(WAIT, SECONDS));
        assertEquals(List.of(List.of("a", "b", "c")), calls);
    }

    @Test
    void zeroLingerServesALoneItemAtOnce() throws Exception {
        Batcher<String, String> b = batcher(8, Duration.ZERO);

        assertEquals("A", b.submit("a", noDeadline()).get(2, SECONDS));
        assertEquals(List.of(List.of("a")), calls);
    }

    @Test
    void stopServesQueuedItemsThenRefusesNewOnesWith503() throws Exception {
        Batcher<String, String> b = batcher(8, Duration.ZERO);
        occupy(b);
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(b.submit("q" + i, noDeadline()));
        }
        Thread stopper = new Thread(() -> {
            try {
                b.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        // stop() sets its flag before it joins the batcher thread; TIMED_WAITING means it is joining.
        long deadline = System.nanoTime() + SECONDS.toNanos(WAIT);
        while (stopper.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.TIMED_WAITING, stopper.getState());

        CompletableFuture<String> late = b.submit("late", noDeadline());
        assertTrue(late.isDone(), "a request during shutdown is refused at once, not left waiting");
        assertShuttingDown(late);

        release.countDown();
        for (int i = 0; i < 5; i++) {
            assertEquals("Q" + i, queued.get(i).get(WAIT, SECONDS), "queued before stop, still served");
        }
        stopper.join(SECONDS.toMillis(WAIT));
        assertFalse(stopper.isAlive(), "stop() returned");
        assertShuttingDown(b.submit("after", noDeadline()));
        assertTrue(calls.stream().flatMap(List::stream).noneMatch(i -> i.equals("late") || i.equals("after")),
                "refused items never reach the call: " + calls);
    }

    private static void assertShuttingDown(CompletableFuture<String> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(WAIT, SECONDS));
        ProblemException problem = assertInstanceOf(ProblemException.class, e.getCause());
        assertEquals(503, problem.problem().status());
    }
}

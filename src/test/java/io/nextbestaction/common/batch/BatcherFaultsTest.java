package io.nextbestaction.common.batch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nextbestaction.LogCapture;
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

import static io.nextbestaction.common.batch.BatcherTest.noDeadline;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a batcher does when the database is unreachable, too slow or swamped: a 503 in time, never a hang. */
class BatcherFaultsTest {

    /** Generous: the build machine is a shared 2-core box. */
    private static final long WAIT = 5;

    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Batcher<String, String>> batchers = new ArrayList<>();
    private final LogCapture log = LogCapture.of("io.nextbestaction");
    /** What the probe throws; null while the database answers. */
    private volatile Exception probeFails;

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        for (Batcher<String, String> b : batchers) {
            b.stop();
        }
        log.close();
    }

    private Batcher<String, String> batcher(int maxQueued, Duration timeout) {
        Batcher<String, String> b = new Batcher<>(new Batcher.Settings("test-batcher", 8, Duration.ZERO, maxQueued, timeout),
                new SimpleMeterRegistry(), Runnable::run, this::call, this::probe);
        batchers.add(b);
        return b;
    }

    /** Records each call; "block" waits for {@link #release}, "bad" is a bad row, "down" an unreachable database. */
    private List<String> call(List<String> items) throws Exception {
        calls.add(List.copyOf(items));
        if (items.contains("block")) {
            blocked.countDown();
            release.await(WAIT * 2, SECONDS);
        }
        if (items.contains("bad")) {
            throw new SQLException("bad row", "22P02");
        }
        if (items.contains("down")) {
            throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        }
        return items.stream().map(String::toUpperCase).toList();
    }

    private void probe() throws Exception {
        Exception failure = probeFails;
        if (failure != null) {
            throw failure;
        }
    }

    private void occupy(Batcher<String, String> b, long deadline) throws InterruptedException {
        b.submit("block", deadline);
        assertTrue(blocked.await(WAIT, SECONDS), "the blocking call started");
    }

    private static long in(long millis) {
        return System.nanoTime() + MILLISECONDS.toNanos(millis);
    }

    private static ProblemException problemOf(CompletableFuture<String> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(WAIT, SECONDS));
        return assertInstanceOf(ProblemException.class, e.getCause());
    }

    private static void until(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SECONDS.toNanos(WAIT);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(10);
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnce() throws Exception {
        Batcher<String, String> b = batcher(2, Duration.ofSeconds(WAIT * 2));
        occupy(b, noDeadline());
        CompletableFuture<String> first = b.submit("a", noDeadline());
        CompletableFuture<String> second = b.submit("b", noDeadline());
        CompletableFuture<String> third = b.submit("c", noDeadline());

        assertTrue(third.isDone(), "refused without waiting");
        ProblemException problem = problemOf(third);
        assertEquals(503, problem.problem().status());
        assertEquals(1, problem.retryAfterSeconds());
        release.countDown();
        assertEquals("A", first.get(WAIT, SECONDS));
        assertEquals("B", second.get(WAIT, SECONDS));
    }

    @Test
    void anItemIsAnswered503AtItsDeadlineWhileTheCallItWaitsForHangs() throws Exception {
        Batcher<String, String> b = batcher(100, Duration.ofSeconds(WAIT * 2));
        long start = System.nanoTime();
        CompletableFuture<String> inTheCall = b.submit("block", in(300));
        assertTrue(blocked.await(WAIT, SECONDS), "the blocking call started");
        CompletableFuture<String> queued = b.submit("queued", in(300));

        assertEquals(503, problemOf(inTheCall).problem().status());
        assertEquals(503, problemOf(queued).problem().status());
        // The call hangs until released, up to 10 s.
        assertTrue(System.nanoTime() - start < SECONDS.toNanos(2), "answered at the deadline, not when the call returns");
        release.countDown();
        assertEquals("AFTER", b.submit("after", noDeadline()).get(WAIT, SECONDS));
        assertEquals(List.of(List.of("block"), List.of("after")), calls, "an item answered 503 is never called for");
    }

    @Test
    void anUnreachableDatabaseFailsTheBatchOnceThenRefusesAtOnceUntilTheProbeAnswers() throws Exception {
        Batcher<String, String> b = batcher(100, Duration.ofSeconds(WAIT * 2));
        probeFails = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        occupy(b, noDeadline());
        List<CompletableFuture<String>> batch = List.of(b.submit("a", noDeadline()), b.submit("down", noDeadline()),
                b.submit("c", noDeadline()));
        release.countDown();

        for (CompletableFuture<String> f : batch) {
            assertEquals(503, problemOf(f).problem().status());
        }
        assertEquals(List.of(List.of("block"), List.of("a", "down", "c")), calls, "no retry one by one: the database is gone");
        assertTrue(b.outage().isDown());
        CompletableFuture<String> meanwhile = b.submit("x", noDeadline());
        assertTrue(meanwhile.isDone(), "refused at once while the database is unavailable");
        assertEquals(503, problemOf(meanwhile).problem().status());

        probeFails = null;
        until("the probe saw the database back", () -> !b.outage().isDown());
        assertEquals("Y", b.submit("y", noDeadline()).get(WAIT, SECONDS));
        assertEquals(List.of(
                "WARN io.nextbestaction.common.error.Outage: test-batcher: the database is unavailable or too slow"
                        + " (Connection to 127.0.0.1:5432 refused); logged again once it answers"),
                log.lines().subList(0, 1));
        assertEquals(2, log.lines().size(), "one line when it begins, one when it ends: " + log.lines());
        assertTrue(log.lines().get(1).matches("INFO io.nextbestaction.common.error.Outage: test-batcher: the database"
                + " answers again, after \\d+\\.\\d s; 4 requests were answered 503 meanwhile"), log.lines().get(1));
    }

    @Test
    void theRetryOneByOneStopsAtAnUnreachableDatabase() throws Exception {
        Batcher<String, String> b = batcher(100, Duration.ofSeconds(WAIT * 2));
        occupy(b, noDeadline());
        CompletableFuture<String> bad = b.submit("bad", noDeadline());
        CompletableFuture<String> down = b.submit("down", noDeadline());
        CompletableFuture<String> after = b.submit("after", noDeadline());
        release.countDown();

        ExecutionException badRow = assertThrows(ExecutionException.class, () -> bad.get(WAIT, SECONDS));
        assertInstanceOf(IllegalStateException.class, badRow.getCause(), "a bad row is the service's error, not a 503");
        assertEquals(503, problemOf(down).problem().status());
        assertEquals(503, problemOf(after).problem().status());
        // The batch failed on its bad row, so each was tried alone, until the database was found gone.
        assertEquals(List.of(List.of("block"), List.of("bad", "down", "after"), List.of("bad"), List.of("down")), calls);
    }

    @Test
    void aCallPastTheTimeoutIsAnOutageUntilTheDatabaseAnswers() throws Exception {
        Batcher<String, String> b = batcher(100, Duration.ofMillis(200));
        occupy(b, noDeadline());

        until("the slow call counts as an outage", () -> b.outage().isDown());
        assertTrue(b.submit("meanwhile", noDeadline()).isDone(), "refused at once");
        release.countDown();
        until("the call returned, the outage ended", () -> log.lines().stream().anyMatch(l -> l.contains("answers again")));
        assertFalse(b.outage().isDown());
        assertEquals(2, log.lines().stream().filter(l -> l.contains("Outage")).count(), log.lines().toString());
        assertTrue(log.lines().get(0).contains("(a call has waited more than 200 ms)"), log.lines().get(0));
    }

    @Test
    void anIdleBatcherSeesTheDatabaseGoAndComeBack() throws Exception {
        Batcher<String, String> b = batcher(100, Duration.ofSeconds(WAIT * 2));
        probeFails = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        until("the idle probe saw the database go", () -> b.outage().isDown());
        assertTrue(b.outage().describe().startsWith("DOWN since "), b.outage().describe());
        assertTrue(b.outage().describe().endsWith(": An I/O error occurred while sending to the backend."));

        long back = System.nanoTime();
        probeFails = null;
        until("the probe saw it come back", () -> !b.outage().isDown());
        assertTrue(System.nanoTime() - back < SECONDS.toNanos(1), "back within a second");
        assertEquals("UP", b.outage().describe());
        assertFalse(calls.stream().anyMatch(c -> !c.isEmpty()), "probes are not calls: " + calls);
    }
}

package io.nextbestaction.common.batch;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nextbestaction.common.error.Outage;
import io.nextbestaction.common.error.ProblemException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One database call for many concurrent requests. Callers hand in an item; one thread takes every item that
 * is waiting (up to a maximum), makes one call for all of them, and completes each caller's own result. Under load the
 * database sees a few large statements instead of one small round trip per request; when idle, a request is served
 * alone, after the linger. On {@link #stop()} the queued items are still served.
 * <p>
 * Every item has a deadline, and a watchdog thread ({@link DeadlineWatch}) answers it 503 once the deadline passes,
 * even while the call it waits for hangs. When the database cannot serve (a call fails so, or runs past the timeout),
 * the batcher is in an {@link Outage}: new items are refused with 503 at once, and a cheap probe runs 100 ms after each
 * failed one until the database answers again; an idle batcher probes every second, so that {@link #outage()} tells
 * even without traffic. A full queue refuses at once too.
 *
 * @param <T> what a caller hands in
 * @param <R> what it gets back
 */
public final class Batcher<T, R> {

    /** The call for a batch: one result per item, in the items' order. */
    @FunctionalInterface
    public interface Call<T, R> {
        List<R> apply(List<T> items) throws Exception;
    }

    /** A statement that touches what the call touches and changes nothing. */
    @FunctionalInterface
    public interface Probe {
        void run() throws Exception;
    }

    /**
     * @param linger  how long a batch waits for more items after its first one: a little latency for far fewer
     *                statements (and thread wake-ups) when requests arrive one by one; zero serves at once
     * @param timeout how long one call may run before the database counts as too slow
     */
    public record Settings(String name, int maxBatch, Duration linger, int maxQueued, Duration timeout) {
    }

    private static final Logger LOG = Logger.getLogger(Batcher.class);

    /** A call slower than this is logged: every request of the batch waited for it. */
    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long POLL_MILLIS = 100;
    private static final long IDLE_PROBE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long OUTAGE_PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final String name;
    private final int maxBatch;
    private final long lingerNanos;
    private final Call<T, R> call;
    private final Probe probe;
    private final Executor completions;
    private final Timer calls;
    private final DistributionSummary sizes;
    private final BlockingQueue<Pending<T, R>> queue;
    private final Outage outage;
    private final Thread thread;
    private final DeadlineWatch<T, R> deadlines;
    private volatile boolean stopping;
    /** When the database was last called or probed (batch thread only). */
    private long lastContact = System.nanoTime();

    public Batcher(Settings settings, MeterRegistry metrics, Executor completions, Call<T, R> call, Probe probe) {
        this.name = settings.name();
        this.calls = Timer.builder("nba.batch.call").description("One database call for a batch of concurrent requests")
                .tag("batch", name).publishPercentileHistogram().register(metrics);
        this.sizes = DistributionSummary.builder("nba.batch.size").description("Requests served by one call")
                .tag("batch", name).register(metrics);
        this.maxBatch = settings.maxBatch();
        this.lingerNanos = settings.linger().toNanos();
        this.queue = new LinkedBlockingQueue<>(settings.maxQueued());
        this.outage = new Outage(name);
        this.call = call;
        this.probe = probe;
        this.completions = completions;
        this.thread = new Thread(this::serveUntilStopped, name);
        thread.setDaemon(true);
        thread.start();
        this.deadlines = new DeadlineWatch<>(name, queue, outage, settings.timeout().toNanos(), thread::isAlive);
    }

    /**
     * Hands the item in; the result completes on the completions executor once the batch is served (exceptionally with
     * the call's exception), or with a 503 {@link ProblemException} when the deadline ({@link System#nanoTime()})
     * passes first, the database is known to be unavailable or the queue is full. Callers that continue on it must not block.
     */
    public CompletableFuture<R> submit(T item, long deadline) {
        if (stopping) {
            return CompletableFuture.failedFuture(shuttingDown());
        }
        if (outage.isDown()) {
            outage.refused();
            return CompletableFuture.failedFuture(ProblemException.databaseUnavailable());
        }
        Pending<T, R> pending = new Pending<>(item, deadline, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            return CompletableFuture.failedFuture(ProblemException.databaseOverloaded());
        }
        if (!thread.isAlive() && queue.remove(pending)) {
            return CompletableFuture.failedFuture(shuttingDown());
        }
        return pending.result();
    }

    /** Whether the database is unavailable to this batcher, since when and why. */
    public Outage outage() {
        return outage;
    }

    /** Serves what is queued, then stops. */
    public void stop() throws InterruptedException {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    private static ProblemException shuttingDown() {
        return ProblemException.unavailable("Shutting down", "The service is stopping; retry on another instance.");
    }

    private void serveUntilStopped() {
        List<Pending<T, R>> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    probeIfDue();
                    continue;
                }
                batch.add(first);
                if (lingerNanos > 0 && queue.size() < maxBatch - 1) {
                    LockSupport.parkNanos(lingerNanos);
                }
                queue.drainTo(batch, maxBatch - 1);
                serve(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Serves the items still waiting for an answer, as one call; one by one if an item of theirs failed it. */
    private void serve(List<Pending<T, R>> batch) {
        long now = System.nanoTime();
        batch.removeIf(p -> p.answeredIfLate(now, outage)); // its deadline passed while it waited: not called for
        if (batch.isEmpty()) {
            return;
        }
        // A copy: the watchdog reads it while the batch list is reused.
        List<Pending<T, R>> served = List.copyOf(batch);
        deadlines.calling(served);
        try {
            if (attempt(served)) {
                return;
            }
            // One bad item must not fail the others: serve each on its own, unless the database is gone meanwhile.
            for (Pending<T, R> p : served) {
                if (p.result().isDone()) {
                    continue;
                }
                if (outage.isDown()) {
                    fail(List.of(p), ProblemException.databaseUnavailable());
                    continue;
                }
                deadlines.calling(served);
                attempt(List.of(p));
            }
        } finally {
            deadlines.called();
        }
    }

    /** One call; false if it failed for a reason that may be one item's, and there are several. */
    private boolean attempt(List<Pending<T, R>> batch) {
        try {
            long start = System.nanoTime();
            lastContact = start;
            List<R> results = call.apply(batch.stream().map(Pending::item).toList());
            long took = System.nanoTime() - start;
            outage.ends();
            calls.record(took, TimeUnit.NANOSECONDS);
            sizes.record(batch.size());
            if (took > SLOW_NANOS) {
                LOG.warnf("%s: one call for %d requests took %d ms; they all waited for it", name, batch.size(),
                        TimeUnit.NANOSECONDS.toMillis(took));
            }
            // One hand-off per batch: what follows each result runs off this thread, which goes back to the database.
            completions.execute(() -> {
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(results.get(i));
                }
            });
            return true;
        } catch (Exception | Error e) {
            // An Error too: the thread must live on, and every caller must get an answer.
            if (Outage.isDatabaseUnavailable(e)) {
                outage.begins(e);
                fail(batch, ProblemException.databaseUnavailable());
                return true;
            }
            if (batch.size() > 1) {
                return false;
            }
            LOG.errorf(e, "%s failed", name);
            fail(batch, new IllegalStateException(name + " failed", e));
            return true;
        }
    }

    private void fail(List<Pending<T, R>> batch, Throwable failure) {
        if (failure instanceof ProblemException) {
            batch.forEach(p -> outage.refused());
        }
        completions.execute(() -> batch.forEach(p -> p.result().completeExceptionally(failure)));
    }

    /** While idle: a probe a second, and several while the database is unavailable, to see it come back. */
    private void probeIfDue() {
        if (stopping || System.nanoTime() - lastContact < (outage.isDown() ? OUTAGE_PROBE_NANOS : IDLE_PROBE_NANOS)) {
            return;
        }
        try {
            probe.run();
            outage.ends();
        } catch (Exception | Error e) {
            outage.begins(e);
        }
        lastContact = System.nanoTime();
    }
}

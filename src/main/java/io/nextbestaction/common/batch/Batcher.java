package io.nextbestaction.common.batch;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 * alone, after the linger. Items are never dropped: on {@link #stop()} the queued items are still served.
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

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }

    private static final Logger LOG = Logger.getLogger(Batcher.class);

    /** A call slower than this is logged: every request of the batch waited for it. */
    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final String name;
    private final int maxBatch;
    private final long lingerNanos;
    private final Call<T, R> call;
    private final Executor completions;
    private final Timer calls;
    private final DistributionSummary sizes;
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * @param linger how long a batch waits for more items after its first one: a little latency for far fewer
     *               statements (and thread wake-ups) when requests arrive one by one; zero serves at once
     */
    public Batcher(String name, int maxBatch, Duration linger, MeterRegistry metrics, Executor completions, Call<T, R> call) {
        this.name = name;
        this.calls = Timer.builder("nba.batch.call").description("One database call for a batch of concurrent requests")
                .tag("batch", name).publishPercentileHistogram().register(metrics);
        this.sizes = DistributionSummary.builder("nba.batch.size").description("Requests served by one call")
                .tag("batch", name).register(metrics);
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        this.call = call;
        this.completions = completions;
        this.thread = new Thread(this::serveUntilStopped, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands the item in; the result completes on the completions executor once the batch is served (exceptionally with
     * the call's exception). Callers that continue on it must not block.
     */
    public CompletableFuture<R> submit(T item) {
        if (stopping) {
            return CompletableFuture.failedFuture(shuttingDown());
        }
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        queue.add(pending);
        if (!thread.isAlive() && queue.remove(pending)) {
            return CompletableFuture.failedFuture(shuttingDown());
        }
        return pending.result();
    }

    /** Serves what is queued, then stops. */
    public void stop() throws InterruptedException {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    private static ProblemException shuttingDown() {
        return new ProblemException(503, "Shutting down", "The service is stopping; retry on another instance.");
    }

    private void serveUntilStopped() {
        List<Pending<T, R>> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
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

    private void serve(List<Pending<T, R>> batch) {
        try {
            long start = System.nanoTime();
            List<R> results = call.apply(batch.stream().map(Pending::item).toList());
            long took = System.nanoTime() - start;
            calls.record(took, TimeUnit.NANOSECONDS);
            sizes.record(batch.size());
            if (took > SLOW_NANOS) {
                LOG.warnf("%s: one call for %d requests took %d ms; they all waited for it", name, batch.size(),
                        TimeUnit.NANOSECONDS.toMillis(took));
            }
            // One hand-off per batch: what follows each result runs off this thread, which goes back to the database.
            List<Pending<T, R>> served = List.copyOf(batch);
            completions.execute(() -> {
                for (int i = 0; i < served.size(); i++) {
                    served.get(i).result().complete(results.get(i));
                }
            });
        } catch (Exception | Error e) {
            // An Error too: the thread must live on, and every caller must get an answer.
            if (batch.size() == 1) {
                LOG.errorf(e, "%s failed", name);
                CompletableFuture<R> failed = batch.get(0).result();
                completions.execute(() -> failed.completeExceptionally(new IllegalStateException(name + " failed", e)));
                return;
            }
            // One bad item must not fail the others: serve each on its own.
            for (Pending<T, R> p : batch) {
                serve(List.of(p));
            }
        }
    }
}

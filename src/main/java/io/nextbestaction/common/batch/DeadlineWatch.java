package io.nextbestaction.common.batch;

import io.nextbestaction.common.error.Outage;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A {@link Batcher}'s watchdog thread: answers 503 to each item past its deadline, queued or in a call that hangs, and
 * puts the batcher in an outage once a call runs past the timeout. A few wake-ups a second, no timer per request.
 */
final class DeadlineWatch<T, R> {

    /** How late, at most, an item past its deadline is answered. */
    private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Queue<Pending<T, R>> queue;
    private final Outage outage;
    private final long timeoutNanos;
    private final BooleanSupplier running;
    /** The batch being called, and since when (written by the batcher's thread). */
    private volatile List<Pending<T, R>> calling = List.of();
    private volatile long callingSince;

    DeadlineWatch(String name, Queue<Pending<T, R>> queue, Outage outage, long timeoutNanos, BooleanSupplier running) {
        this.queue = queue;
        this.outage = outage;
        this.timeoutNanos = timeoutNanos;
        this.running = running;
        Thread thread = new Thread(this::watchWhileRunning, name + "-deadlines");
        thread.setDaemon(true);
        thread.start();
    }

    /** A call for these items starts now (again, for a retry of some of them). */
    void calling(List<Pending<T, R>> batch) {
        callingSince = System.nanoTime();
        calling = batch;
    }

    void called() {
        calling = List.of();
    }

    private void watchWhileRunning() {
        while (running.getAsBoolean()) {
            LockSupport.parkNanos(WATCH_NANOS);
            long now = System.nanoTime();
            List<Pending<T, R>> batch = calling;
            if (!batch.isEmpty() && now - callingSince > timeoutNanos) {
                outage.begins("a call has waited more than " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            }
            batch.forEach(p -> p.answeredIfLate(now, outage));
            // Queued items are in deadline order, nearly: the oldest first.
            for (Pending<T, R> head = queue.peek(); head != null && head.isLate(now); head = queue.peek()) {
                if (queue.remove(head)) {
                    head.answeredIfLate(now, outage);
                }
            }
        }
    }
}

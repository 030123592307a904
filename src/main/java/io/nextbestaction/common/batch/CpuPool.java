package io.nextbestaction.common.batch;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the CPU work that follows a batch (the rules of its decisions, the counting, the answers), as many as
 * the machine has cores, so that the threads that talk to the database only do that. Daemon threads, never shut
 * down: decisions still drained from the log writer at shutdown complete here. A task is a whole batch, so the queue
 * holds few; should it ever fill, the batcher's own thread does the work rather than drop it.
 */
@ApplicationScoped
public class CpuPool {

    private static final int MAX_QUEUED_BATCHES = 1024;

    private final ThreadPoolExecutor threads;

    public CpuPool() {
        AtomicInteger count = new AtomicInteger();
        int cores = Runtime.getRuntime().availableProcessors();
        threads = new ThreadPoolExecutor(cores, cores, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_BATCHES), task -> {
            Thread thread = new Thread(task, "decision-cpu-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    public Executor executor() {
        return threads;
    }
}

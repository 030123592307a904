package io.nextbestaction.common.batch;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the CPU work that follows a batch (the rules of its decisions, the counting, the answers), as many as
 * the machine has cores, so that the threads that talk to the database only do that. Daemon threads, never shut
 * down: decisions still drained from the log writer at shutdown complete here.
 */
@ApplicationScoped
public class CpuPool {

    private final ExecutorService threads;

    public CpuPool() {
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "decision-cpu-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public Executor executor() {
        return threads;
    }
}

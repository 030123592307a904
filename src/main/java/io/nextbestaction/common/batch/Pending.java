package io.nextbestaction.common.batch;

import io.nextbestaction.common.error.Outage;
import io.nextbestaction.common.error.ProblemException;

import java.util.concurrent.CompletableFuture;

/** An item handed to a {@link Batcher}, the time by which it must be answered ({@link System#nanoTime()}), its result. */
record Pending<T, R>(T item, long deadline, CompletableFuture<R> result) {

    boolean isLate(long now) {
        return now - deadline > 0;
    }

    /** Answers 503 on the calling thread if the deadline has passed; whether the item is answered, now or before. */
    boolean answeredIfLate(long now, Outage outage) {
        if (isLate(now) && !result.isDone()) {
            outage.refused();
            result.completeExceptionally(ProblemException.databaseUnavailable());
        }
        return result.isDone();
    }
}

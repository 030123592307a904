package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetInvalidException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled versions, the last few kept so that switching back and forth is instant. A version asked for while it
 * compiles is compiled once: the second caller waits for the first compile.
 */
final class CompileCache {

    /** Compiles one stored version. */
    @FunctionalInterface
    interface Compile {
        RuleSet compile(int version) throws RuleSetInvalidException;
    }

    private static final int KEPT = 3;

    private final Map<Integer, CompletableFuture<RuleSet>> compiling = new ConcurrentHashMap<>();
    private final Map<Integer, RuleSet> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, RuleSet> eldest) {
            return size() > KEPT;
        }
    };

    RuleSet get(int version, Compile compile) throws RuleSetInvalidException {
        synchronized (recent) {
            RuleSet known = recent.get(version);
            if (known != null) {
                return known;
            }
        }
        CompletableFuture<RuleSet> mine = new CompletableFuture<>();
        CompletableFuture<RuleSet> running = compiling.putIfAbsent(version, mine);
        if (running != null) {
            return await(running);
        }
        try {
            RuleSet compiled = compile.compile(version);
            put(version, compiled);
            mine.complete(compiled);
            return compiled;
        } catch (RuleSetInvalidException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            compiling.remove(version, mine);
        }
    }

    void put(int version, RuleSet ruleSet) {
        synchronized (recent) {
            recent.put(version, ruleSet);
        }
    }

    private static RuleSet await(CompletableFuture<RuleSet> running) throws RuleSetInvalidException {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuleSetInvalidException invalid) {
                throw invalid;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}

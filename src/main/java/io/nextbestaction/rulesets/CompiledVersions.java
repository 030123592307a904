package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.RuleSetInvalidException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/** Compiled stored versions, the last few kept so that switching back and forth is instant. */
@ApplicationScoped
public class CompiledVersions {

    private static final Logger LOG = Logger.getLogger(CompiledVersions.class);
    private static final int KEPT = 3;

    private final RuleSetStore store;
    private final RuleSetCompiler compiler;
    private final Map<Integer, CompletableFuture<RuleSet>> compiling = new ConcurrentHashMap<>();
    private final Map<Integer, RuleSet> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, RuleSet> eldest) {
            return size() > KEPT;
        }
    };

    public CompiledVersions(RuleSetStore store, RuleSetCompiler compiler) {
        this.store = store;
        this.compiler = compiler;
    }

    /** The compiled version; a caller that asks while another compiles it waits for that compile instead of starting one. */
    public RuleSet compiled(int version) throws RuleSetInvalidException {
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
            RuleSet compiled = compiler.compile(store.ruleFilesOf(version)).asVersion(version);
            remember(version, compiled);
            mine.complete(compiled);
            return compiled;
        } catch (RuleSetInvalidException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            compiling.remove(version, mine);
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

    /**
     * Compiles the newest valid version ahead of its activation, on every instance, so that an activation made on
     * another instance only has to swap here.
     */
    @Scheduled(every = "${nba.rulesets.sync-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prepareNewest() {
        store.newestValid().ifPresent(version -> {
            try {
                compiled(version);
            } catch (RuleSetInvalidException e) {
                LOG.warnf("Stored version %d does not compile here: %s", version, e.getMessage());
            }
        });
    }

    void remember(int version, RuleSet ruleSet) {
        synchronized (recent) {
            recent.put(version, ruleSet);
        }
    }
}

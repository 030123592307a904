package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.RuleSetInvalidException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/** Compiled stored versions, the last few kept so that switching back and forth is instant. */
@ApplicationScoped
public class CompiledVersions {

    private static final Logger LOG = Logger.getLogger(CompiledVersions.class);
    private static final int KEPT = 3;

    private final RuleSetStore store;
    private final RuleSetCompiler compiler;
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

    public RuleSet compiled(int version) throws RuleSetInvalidException {
        synchronized (recent) {
            RuleSet known = recent.get(version);
            if (known != null) {
                return known;
            }
        }
        RuleSet compiled = compiler.compile(store.ruleFilesOf(version)).asVersion(version);
        remember(version, compiled);
        return compiled;
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

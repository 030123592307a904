package io.nextbestaction.rulesets;

import io.nextbestaction.rules.ActiveRuleSet;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetInvalidException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps this instance on the version the newest activation names. Every instance polls the activation table, so
 * activating on one switches all of them within the poll interval (plus the compile, for a version not seen yet).
 */
@ApplicationScoped
public class ServingVersion {

    private static final Logger LOG = Logger.getLogger(ServingVersion.class);

    private final RuleSetStore store;
    private final CompiledVersions compiled;
    private final ActiveRuleSet active;
    private volatile Integer serving;

    public ServingVersion(RuleSetStore store, CompiledVersions compiled, ActiveRuleSet active) {
        this.store = store;
        this.compiled = compiled;
        this.active = active;
    }

    /** The stored version this instance serves, or null before the first activation. */
    public Integer version() {
        return serving;
    }

    @Scheduled(every = "${nba.rulesets.sync-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void sync() {
        store.latestActivation().ifPresent(latest -> {
            if (!latest.toVersion.equals(serving)) {
                try {
                    switchTo(latest.toVersion, compiled.compiled(latest.toVersion));
                } catch (RuleSetInvalidException e) {
                    LOG.errorf("Version %d was activated but does not compile here; v%s keeps serving. %s",
                            latest.toVersion, serving, e.getMessage());
                }
            }
        });
    }

    synchronized void switchTo(int version, RuleSet ruleSet) {
        active.activate(ruleSet);
        if (!Integer.valueOf(version).equals(serving)) {
            LOG.infof("Now serving ruleset %s", ruleSet.version());
        }
        serving = version;
    }
}

package io.nextbestaction.experiments;

import io.nextbestaction.common.error.Outage;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.decide.ChallengerSplit;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rulesets.RuleSetRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The running experiment, as every instance serves it: started, stopped or promoted on one instance, in PostgreSQL,
 * and followed by the others ({@link #sync()}, polled as often as the activations are), with the challenger
 * compiled here through the ruleset registry.
 */
@ApplicationScoped
public class ExperimentRegistry implements ChallengerSplit {

    private static final Logger LOG = Logger.getLogger(ExperimentRegistry.class);

    private final ExperimentStore store;
    private final RuleSetRegistry rulesets;
    private final Outage outage = new Outage("experiment-sync");
    /** The experiment this instance splits decisions by; null when none runs. */
    private volatile Challenger running;

    public ExperimentRegistry(ExperimentStore store, RuleSetRegistry rulesets) {
        this.store = store;
        this.rulesets = rulesets;
    }

    @Override
    public Optional<Challenger> running() {
        return Optional.ofNullable(running);
    }

    /**
     * Starts an experiment: the challenger must be a stored version that can serve, other than the serving one, and
     * no other experiment may run (409 naming it). It serves its share on this instance at once, on the others
     * within the sync interval.
     */
    Experiment start(ExperimentStart start, String by) throws SQLException {
        Integer champion = rulesets.servingVersion();
        if (champion != null && champion == start.challengerVersion()) {
            throw new ProblemException(409, "Challenger serves already", "Version " + champion
                    + " serves every decision already; a challenger is another stored version.");
        }
        RuleSet challenger = rulesets.compiled(start.challengerVersion());
        Optional<Experiment> started = store.start(start.key(), start.challengerVersion(), champion, start.sharePercent(), by,
                start.reason());
        if (started.isEmpty()) {
            throw alreadyRunning(store.running());
        }
        serve(started.get(), challenger);
        return started.get();
    }

    /** Ends a running experiment without a change of version: every decision is the champion's again. */
    Experiment stop(long id, String by, String reason) throws SQLException {
        return end(id, Experiment.Status.STOPPED, by, reason);
    }

    /**
     * Activates the challenger as any activation is (approval when required, the regression gate with its cases, an
     * admin's force, audited), then ends the experiment as PROMOTED. A refused activation leaves it running.
     */
    Experiment promote(long id, String by, boolean force, String reason) throws SQLException {
        Experiment experiment = store.find(id).orElseThrow(() -> notFound(id));
        if (experiment.status() != Experiment.Status.RUNNING) {
            throw notRunning(experiment);
        }
        rulesets.activate(experiment.challengerVersion(), by, force, reason);
        return end(id, Experiment.Status.PROMOTED, by, reason);
    }

    private Experiment end(long id, Experiment.Status status, String by, String reason) throws SQLException {
        Optional<Experiment> ended = store.end(id, status, by, reason);
        if (ended.isEmpty()) {
            throw notRunning(store.find(id).orElseThrow(() -> notFound(id)));
        }
        sync();
        return ended.get();
    }

    @Scheduled(every = "${nba.rulesets.sync-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sync();
            outage.ends();
        } catch (SQLException | RuntimeException e) {
            outage.begins(e);
        }
    }

    /** Splits decisions by the experiment that runs in the database, if this instance does not already. */
    @ActivateRequestContext
    public synchronized void sync() throws SQLException {
        Optional<Experiment> stored = store.running();
        Challenger now = running;
        if (stored.isEmpty()) {
            if (now != null) {
                running = null;
                LOG.infof("Experiment %d ended: every decision is the champion's", now.experimentId());
            }
        } else if (now == null || now.experimentId() != stored.get().id()) {
            serve(stored.get(), rulesets.compiled(stored.get().challengerVersion()));
        }
    }

    private synchronized void serve(Experiment experiment, RuleSet challenger) {
        running = new Challenger(experiment.id(), experiment.key(), experiment.sharePercent(), challenger);
        LOG.infof("Experiment %d (key %s) runs: %d %% of the accounts not held out are decided by %s",
                experiment.id(), experiment.key(), experiment.sharePercent(), challenger.version());
    }

    private static ProblemException alreadyRunning(Optional<Experiment> running) {
        return new ProblemException(409, "An experiment runs", running.map(e -> "Experiment " + e.id() + " (key " + e.key()
                        + ", challenger version " + e.challengerVersion() + ") runs; stop or promote it first (POST /experiments/"
                        + e.id() + "/stop or /promote).")
                .orElse("Another experiment was started at the same moment; see GET /experiments."));
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound("No experiment " + id + " is stored.");
    }

    private static ProblemException notRunning(Experiment experiment) {
        return new ProblemException(409, "Experiment not running", "Experiment " + experiment.id() + " was "
                + experiment.status().name().toLowerCase(Locale.ROOT) + " by " + experiment.endedBy()
                + " at " + experiment.endedAt() + "; it no longer runs.");
    }
}

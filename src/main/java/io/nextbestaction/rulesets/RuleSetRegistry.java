package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.RuleSetInvalidException;
import io.nextbestaction.rules.ServingRuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The versions of the ruleset: stored (in PostgreSQL), compiled (the last few, in memory) and serving. Every
 * instance follows the newest activation ({@link #sync()}, polled), so activating on one switches all of them within
 * the poll interval, plus the compile of a version not seen yet.
 */
@ApplicationScoped
public class RuleSetRegistry implements ServingRuleSet {

    private static final Logger LOG = Logger.getLogger(RuleSetRegistry.class);

    /** The version this instance serves, swapped atomically. */
    private record Serving(int version, RuleSet ruleSet) {
    }

    private final RuleSetStore store;
    private final RuleSetCompiler compiler;
    private final ActivationGate gate;
    private final Approvals approvals;
    private final CompileCache compiled = new CompileCache();
    private volatile Serving serving;

    public RuleSetRegistry(RuleSetStore store, RuleSetCompiler compiler, ActivationGate gate, Approvals approvals) {
        this.store = store;
        this.compiler = compiler;
        this.gate = gate;
        this.approvals = approvals;
    }

    @Override
    public Optional<RuleSet> current() {
        Serving now = serving;
        return now == null ? Optional.empty() : Optional.of(now.ruleSet());
    }

    /** The stored version this instance serves, or null before the first activation. */
    public Integer servingVersion() {
        Serving now = serving;
        return now == null ? null : now.version();
    }

    /** A stored version, compiled: 404 if it is not stored, 409 if it can never serve. */
    public RuleSet compiled(int version) {
        RuleSetVersion stored = store.find(version)
                .orElseThrow(() -> ProblemException.notFound("No ruleset version " + version + " is stored."));
        if (stored.status == RuleSetVersion.Status.REJECTED) {
            throw new ProblemException(409, "Rejected version",
                    "Version " + version + " failed validation and can never serve; see GET /rulesets/" + version + ".");
        }
        try {
            return compile(version);
        } catch (RuleSetInvalidException e) {
            throw new ProblemException(409, "Version does not compile", "Version " + version + " no longer compiles: " + e.getMessage());
        }
    }

    /** A version just validated and stored: kept compiled, so that activating it only swaps. */
    void remember(int version, RuleSet ruleSet) {
        compiled.put(version, ruleSet.asVersion(version));
    }

    /**
     * Publishes a stored version, or rolls back to an older one, once approved (if approval is required) and the gate
     * passes it with the version's own cases (or an admin forces it); audited, and atomic for the decisions in flight. Activating the version the
     * newest activation names changes nothing and answers that activation.
     */
    public Activation activate(int version, String by, boolean force, String reason) {
        Optional<Activation> current = activeAlready(version);
        if (current.isPresent()) {
            return current.get();
        }
        RuleSet ruleSet = compiled(version);
        approvals.requireFor(version);
        return publish(version, ruleSet, by, force, reason);
    }

    /**
     * A new version of the decision-table folder, without approval: the folder activates only when none is required,
     * or its first version, without which nothing serves. Refused, like any, if the gate does not pass it.
     */
    Activation activateFromFolder(int version, String reason) {
        return activeAlready(version).orElseGet(() -> publish(version, compiled(version), DecisionTablesFolder.AUTHOR, false, reason));
    }

    /** The newest activation, if it names this version: activating it again changes nothing. */
    private Optional<Activation> activeAlready(int version) {
        return store.latestActivation().filter(a -> a.toVersion == version);
    }

    private Activation publish(int version, RuleSet ruleSet, String by, boolean force, String reason) {
        ActivationGate.Verdict verdict = gate.check(ruleSet, store.caseFilesOf(version));
        if (!verdict.passed() && !force) {
            throw new ActivationRefusedException(version, verdict);
        }
        Activation activation = store.recordActivation(servingVersion(), version, by, force && !verdict.passed(), reason);
        serve(version, ruleSet);
        return activation;
    }

    /** Serves the version the newest activation names, if this instance does not already. */
    @ActivateRequestContext
    public synchronized void sync() {
        store.latestActivation().ifPresent(latest -> {
            if (!latest.toVersion.equals(servingVersion())) {
                try {
                    serve(latest.toVersion, compile(latest.toVersion));
                } catch (RuleSetInvalidException e) {
                    LOG.errorf("Version %d was activated but does not compile here; v%s keeps serving. %s",
                            latest.toVersion, servingVersion(), e.getMessage());
                }
            }
        });
    }

    /** Compiles the newest valid version ahead of its activation, so that an activation made elsewhere only swaps here. */
    @ActivateRequestContext
    void prepareNewest() {
        store.newestValid().ifPresent(version -> {
            try {
                compile(version);
            } catch (RuleSetInvalidException e) {
                LOG.warnf("Stored version %d does not compile here: %s", version, e.getMessage());
            }
        });
    }

    private RuleSet compile(int version) throws RuleSetInvalidException {
        return compiled.get(version, v -> compiler.compile(store.ruleFilesOf(v)).asVersion(v));
    }

    private synchronized void serve(int version, RuleSet ruleSet) {
        Serving before = serving;
        serving = new Serving(version, ruleSet);
        if (before == null || before.version() != version) {
            LOG.infof("Now serving ruleset %s", ruleSet.version());
        }
    }
}

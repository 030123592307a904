package io.nextbestaction.rulesets;

import io.nextbestaction.rules.ContentHash;
import io.nextbestaction.rules.RuleFile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The decision-table folder: version 1 on an empty database and, when watched, a drop box where a saved change
 * becomes a new version, activated if valid (or, when approval is required, stored to wait for it); if invalid, the
 * last good version keeps serving.
 */
@ApplicationScoped
public class DecisionTablesFolder {

    static final String AUTHOR = "decision-tables folder";
    private static final Logger LOG = Logger.getLogger(DecisionTablesFolder.class);

    private final DecisionTablesConfig config;
    private final RuleSetStore store;
    private final RuleSetSubmission submission;
    private final RuleSetRegistry registry;
    private final RuleSetsConfig rulesets;
    private volatile String lastSeen;
    private String pending;

    public DecisionTablesFolder(DecisionTablesConfig config, RuleSetStore store, RuleSetSubmission submission,
                                RuleSetRegistry registry, RuleSetsConfig rulesets) {
        this.config = config;
        this.store = store;
        this.submission = submission;
        this.registry = registry;
        this.rulesets = rulesets;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        if (store.all().isEmpty()) {
            LOG.infof("Empty database: the folder %s becomes version 1", dir());
            submitIfChanged("shipped decision tables");
        } else {
            lastSeen = store.latestFromFolder().map(v -> v.sha256).orElse(null);
            if (config.watch()) {
                submitIfChanged("saved in the decision-tables folder");
            }
        }
        registry.sync();
    }

    /** A saved change becomes a new version, activated if valid; see {@link RuleSetSchedules}. */
    @ActivateRequestContext
    void watch() {
        submitIfChanged("saved in the decision-tables folder", true);
    }

    private synchronized void submitIfChanged(String comment) {
        submitIfChanged(comment, false);
    }

    /** A debounced check waits until the folder looks the same twice, so a save in progress is not submitted. */
    private synchronized void submitIfChanged(String comment, boolean debounced) {
        List<RuleFile> files;
        try {
            files = RuleFile.readFolder(dir());
        } catch (UncheckedIOException e) {
            LOG.errorf("The decision-table folder %s cannot be read: %s", dir(), e.getCause().getMessage());
            return;
        }
        String sha256 = ContentHash.of(files).hex();
        if (sha256.equals(lastSeen) || files.isEmpty()) {
            return;
        }
        if (debounced && !sha256.equals(pending)) {
            pending = sha256;
            return;
        }
        lastSeen = sha256;
        RuleSetSubmission.Submitted submitted = submission.submit(files, registry.servingVersion(), AUTHOR, comment,
                RuleSetVersion.Source.FOLDER);
        int version = submitted.version().version;
        // When approval is required, a valid version waits for it; not version 1, the folder on an empty database:
        // nothing serves without it.
        if (submitted.valid() && rulesets.requireApproval() && version != 1) {
            LOG.infof("Version %d from %s is valid and waits for approval (nba.rulesets.require-approval): an analyst "
                    + "approves it with POST /rulesets/%d/approve, then activates it.", version, dir(), version);
        } else if (submitted.valid()) {
            try {
                registry.activateFromFolder(version, comment);
                LOG.infof("Version %d from %s is valid and active", version, dir());
            } catch (ActivationRefusedException e) {
                LOG.errorf("Version %d from %s is valid but not activated: %s; the last good version keeps serving.",
                        version, dir(), e.getMessage());
            }
        } else {
            LOG.errorf("Version %d from %s is rejected; the last good version keeps serving. Errors:%n  %s", version, dir(),
                    String.join("\n  ", submitted.errors().stream().map(Object::toString).toList()));
        }
    }

    private Path dir() {
        return config.dir().toAbsolutePath();
    }
}

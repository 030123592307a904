package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSetCompiler;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The decision-table folder: version 1 on an empty database and, when watched, a drop box where a saved change
 * becomes a new version, activated if valid; if invalid, the last good version keeps serving.
 */
@ApplicationScoped
public class DecisionTablesFolder {

    static final String AUTHOR = "decision-tables folder";
    private static final Logger LOG = Logger.getLogger(DecisionTablesFolder.class);

    private final DecisionTablesConfig config;
    private final RuleSetStore store;
    private final RuleSetSubmission submission;
    private final RuleSetActivation activation;
    private final ServingVersion serving;
    private volatile String lastSeen;
    private String pending;

    public DecisionTablesFolder(DecisionTablesConfig config, RuleSetStore store, RuleSetSubmission submission,
                                RuleSetActivation activation, ServingVersion serving) {
        this.config = config;
        this.store = store;
        this.submission = submission;
        this.activation = activation;
        this.serving = serving;
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
        serving.sync();
    }

    @Scheduled(every = "${nba.decision-tables.watch-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotWatched.class)
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
            files = read(dir());
        } catch (UncheckedIOException e) {
            LOG.errorf("The decision-table folder %s cannot be read: %s", dir(), e.getCause().getMessage());
            return;
        }
        String sha256 = RuleSetCompiler.sha256Of(files);
        if (sha256.equals(lastSeen) || files.isEmpty()) {
            return;
        }
        if (debounced && !sha256.equals(pending)) {
            pending = sha256;
            return;
        }
        lastSeen = sha256;
        RuleSetSubmission.Submitted submitted = submission.submit(files, AUTHOR, comment, RuleSetVersion.Source.FOLDER);
        int version = submitted.version().version;
        if (submitted.valid()) {
            try {
                activation.activate(version, AUTHOR, false);
                LOG.infof("Version %d from %s is valid and active", version, dir());
            } catch (RegressionFailedException e) {
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

    /** The rule files of a folder (workbooks and DRL); other files are ignored. */
    public static List<RuleFile> read(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("~$"))
                    .map(p -> new RuleFile(p.getFileName().toString(), readBytes(p)))
                    .filter(RuleFile::isRuleFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ApplicationScoped
    public static class NotWatched implements Scheduled.SkipPredicate {
        private final DecisionTablesConfig config;

        public NotWatched(DecisionTablesConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.watch();
        }
    }
}

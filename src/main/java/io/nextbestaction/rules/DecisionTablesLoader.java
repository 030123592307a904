package io.nextbestaction.rules;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Compiles the decision-table folder when the service starts and makes it the active ruleset. */
@ApplicationScoped
public class DecisionTablesLoader {

    private static final Logger LOG = Logger.getLogger(DecisionTablesLoader.class);

    private final DecisionTablesConfig config;
    private final RuleSetCompiler compiler;
    private final ActiveRuleSet active;

    public DecisionTablesLoader(DecisionTablesConfig config, RuleSetCompiler compiler, ActiveRuleSet active) {
        this.config = config;
        this.compiler = compiler;
        this.active = active;
    }

    void onStart(@Observes StartupEvent event) {
        Path dir = config.dir().toAbsolutePath();
        try {
            RuleSet ruleSet = compiler.compile(readFolder(dir));
            active.activate(ruleSet);
            LOG.infof("Ruleset %s from %s is active: %s", ruleSet.version(), dir, ruleSet.files());
        } catch (RuleSetInvalidException e) {
            LOG.errorf("The decision tables in %s cannot serve; the service stays not ready. %s", dir, e.getMessage());
        } catch (UncheckedIOException e) {
            LOG.errorf("The decision-table folder %s cannot be read (%s); the service stays not ready.", dir, e.getCause().getMessage());
        }
    }

    static List<RuleFile> readFolder(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> new RuleFile(p.getFileName().toString(), read(p)))
                    .filter(RuleFile::isRuleFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.RuleSetInvalidException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Compiles the serving version over and over for a few seconds after start, in the background and thrown away, so
 * that the JIT has compiled the rule compiler (Drools, MVEL, ECJ, POI) before an analyst's first upload. On two
 * cores that upload would otherwise share the CPU with the JIT (the figures are in the README's Performance section).
 */
@ApplicationScoped
public class CompilerWarmUp {

    private static final Logger LOG = Logger.getLogger(CompilerWarmUp.class);

    private final RuleSetsConfig config;
    private final RuleSetStore store;
    private final RuleSetRegistry registry;
    private final RuleSetCompiler compiler;

    public CompilerWarmUp(RuleSetsConfig config, RuleSetStore store, RuleSetRegistry registry, RuleSetCompiler compiler) {
        this.config = config;
        this.store = store;
        this.registry = registry;
        this.compiler = compiler;
    }

    /** After the decision-tables folder has set the serving version (its observer has the default priority, which runs first). */
    @ActivateRequestContext
    void onStart(@Observes @Priority(ObserverMethod.DEFAULT_PRIORITY + 100) StartupEvent event) {
        Duration budget = config.compilerWarmUp();
        Integer version = registry.servingVersion();
        if (budget.isZero() || budget.isNegative() || version == null) {
            return;
        }
        List<RuleFile> files = store.ruleFilesOf(version);
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            int compiles = run(compiler, files, budget);
            LOG.infof("Rule compiler warmed up: %d compiles of version %d in %d ms", compiles, version,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        }, "rule-compiler-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Compiles the files until the budget is spent (at least once); returns how many compiles ran. */
    public static int run(RuleSetCompiler compiler, List<RuleFile> files, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int compiles = 0;
        do {
            try {
                compiler.compile(files);
            } catch (RuleSetInvalidException e) {
                return compiles;
            }
            compiles++;
        } while (System.nanoTime() < deadline);
        return compiles;
    }
}

package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSetCompiler;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up on its own: it compiles the serving version until its budget is spent, at least once, then stops. */
class CompilerWarmUpTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final List<RuleFile> shipped = RuleFile.readFolder(Path.of("decision-tables"));

    @Test
    void shouldCompileOnceWhenTheBudgetIsSpentAtOnce() {
        assertEquals(1, CompilerWarmUp.run(compiler, shipped, Duration.ZERO));
    }

    @Test
    void shouldCompileAgainUntilTheBudgetIsSpent() throws Exception {
        // The budget is three cold compiles of this machine, whatever its load: a warm compile fits in it twice.
        long cold = System.nanoTime();
        compiler.compile(shipped);
        Duration budget = Duration.ofNanos(System.nanoTime() - cold).multipliedBy(3);
        long start = System.nanoTime();
        int compiles = CompilerWarmUp.run(compiler, shipped, budget);
        assertTrue(compiles >= 2, "compiles: " + compiles);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(budget) >= 0);
    }

    @Test
    void shouldStopAtAVersionThatNoLongerCompiles() {
        List<RuleFile> broken = List.of(new RuleFile("broken.drl", "rule \"no end\" when then".getBytes()));
        assertEquals(0, CompilerWarmUp.run(compiler, broken, Duration.ofSeconds(30)));
    }
}

package io.nextbestaction.regression;

import io.nextbestaction.decide.OfferSelection;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.Workbooks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped suite (regression/) against the shipped playbook: each case is a test named after it. */
class PlaybookSuiteTest {

    @TestFactory
    Stream<DynamicTest> shippedSuite() throws Exception {
        RuleSet ruleSet = new RuleSetCompiler().compile(Workbooks.shippedPlaybook());
        RegressionReport report = new RegressionRunner(new OfferSelection())
                .run(ruleSet, SuiteLoader.load(Path.of("regression")));
        assertTrue(report.cases().size() >= 35, "the shipped suite holds the acceptance cases and the threshold sheet");
        return report.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertTrue(c.passed(), () -> "\n" + ReportText.diff(c))));
    }
}

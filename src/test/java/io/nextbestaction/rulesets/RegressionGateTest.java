package io.nextbestaction.rulesets;

import io.nextbestaction.regression.RegressCommandTest;
import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.Workbooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.nextbestaction.rulesets.RuleSetLifecycleTest.SEATS_AT_90;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.activeVersion;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.admin;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.analyst;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.upload;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.viewer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regression suites gate publishing, run on demand against a stored version, and replay logged traffic. */
@QuarkusTest
public class RegressionGateTest {

    /** Valid, but moves the "seats nearly full" threshold to 95%: the acceptance case at 90% fails. */
    public static RuleFile seatThreshold95() {
        return Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", "B14", 0.95);
    }

    @AfterEach
    void backToTheShippedPlaybook() {
        analyst().post("/rulesets/1/activate").then().statusCode(200);
    }

    @Test
    void shouldRunTheStoredSuitesAgainstAVersion() {
        viewer().post("/rulesets/1/regression").then().statusCode(200)
                .body("failed", equalTo(0))
                .body("passed", greaterThanOrEqualTo(35))
                .body("coverage.uncoveredRows.size()", equalTo(0));
    }

    @Test
    void shouldRefuseToActivateAVersionThatFailsACaseAndLetAnAdminForceIt() {
        int version = upload(List.of(seatThreshold95()), "seat pack from 95%", 201);
        viewer().post("/rulesets/" + version + "/regression").then().statusCode(200)
                .body("failed", greaterThanOrEqualTo(1))
                .body("cases.find { it.name == 'seats at 90% get the seat pack in app' }.passed", equalTo(false));

        analyst().post("/rulesets/" + version + "/activate").then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Regression cases fail"))
                .body("report.cases.findAll { !it.passed }.name", hasItem("seats at 90% get the seat pack in app"));
        assertEquals(1, activeVersion());

        analyst().post("/rulesets/" + version + "/activate?force=true").then().statusCode(403);
        admin().post("/rulesets/" + version + "/activate?force=true").then().statusCode(200)
                .body("forced", equalTo(true)).body("activatedBy", equalTo("admin"));
        assertEquals(version, activeVersion());
        viewer().get("/rulesets/activations").then().body("[0].forced", equalTo(true)).body("[0].toVersion", equalTo(version));
    }

    @Test
    void shouldReplayLoggedDecisionsAgainstACandidate(@TempDir Path rules) throws IOException {
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(SEATS_AT_90.formatted("replay-" + i)).post("/decide").then().statusCode(200);
        }
        int version = upload(List.of(seatThreshold95()), "what would 95% change?", 201);
        viewer().post("/rulesets/" + version + "/replay?last=5").then().statusCode(200)
                .body("replayed", equalTo(5))
                .body("changed", equalTo(5))
                .body("topOfferChanged", equalTo(5))
                .body("offersRemoved.seat-pack-10", equalTo(5))
                .body("changedBySegment.'(none)'", equalTo(5))
                .body("examples[0].before", hasItem("seat-pack-10"));
        viewer().post("/rulesets/1/replay?last=5").then().statusCode(200).body("changed", equalTo(0));
        viewer().post("/rulesets/1/replay?last=0").then().statusCode(400).body("detail", containsString("last"));

        // The same from the command, with the candidate in a folder.
        for (RuleFile file : Workbooks.playbookWith(seatThreshold95())) {
            Files.write(rules.resolve(file.name()), file.content());
        }
        RegressCommandTest.Run run = RegressCommandTest.regress("--replay", "5", "--rules", rules.toString(),
                "--database", ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 would change; the top offer changes in 5"), run.out());
        assertTrue(run.out().contains("offers removed: seat-pack-10 ×5"), run.out());
    }
}

package io.nextbestaction.experiments;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.decide.Arm;
import io.nextbestaction.decide.Holdout;
import io.nextbestaction.reports.ReportRollup;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.nextbestaction.rulesets.RegressionGateTest.seatThreshold95;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.admin;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.analyst;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.annualSwitchPropensity;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.upload;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.viewer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Champion/challenger through HTTP: the arm and the version of each decision, one experiment at a time, stop, and a
 * promotion through the regression gate, passing and refused. Every test ends with no experiment running and the
 * shipped playbook serving, since the other tests decide on the same service.
 */
@QuarkusTest
class ExperimentTest {

    private static final String DECIDE = """
            {"account": {"id": "%s", "billingCycle": "MONTHLY", "tenureDays": 120, "healthScore": 80},
             "channels": ["IN_APP"], "holdoutPercent": 10}""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ExperimentRegistry registry;
    @Inject
    ReportRollup rollup;

    /** The annual switch more likely: the suites still pass, and a monthly payer's decision shows which version made it. */
    private static int passingChallenger() {
        return upload(List.of(annualSwitchPropensity(0.5)), "annual switch at 0.5", 201);
    }

    private static ExtractableResponse<Response> start(int challenger, int share, String key) {
        return analyst().contentType(ContentType.JSON)
                .body("{\"challengerVersion\": %d, \"sharePercent\": %d, \"key\": \"%s\", \"reason\": \"does it sell more?\"}"
                        .formatted(challenger, share, key))
                .post("/experiments").then().statusCode(201).extract();
    }

    @AfterEach
    void noExperimentAndTheShippedPlaybook() throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement stop = db.prepareStatement("update experiment set status = 'STOPPED' where status = 'RUNNING'")) {
            stop.executeUpdate();
        }
        registry.sync();
        analyst().post("/rulesets/1/activate").then().statusCode(200);
    }

    @Test
    void shouldSplitTheAccountsNotHeldOutAndSayTheArmAndVersionOfEachDecision() throws SQLException {
        int challenger = passingChallenger();
        String key = "split-" + UUID.randomUUID();
        ExtractableResponse<Response> started = start(challenger, 30, key);
        long id = started.jsonPath().getLong("id");
        assertEquals("/experiments/" + id, started.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals("RUNNING", started.path("status"));
        assertEquals(1, (int) started.path("championVersion"));
        assertEquals("analyst", started.path("startedBy"));

        int[] arms = new int[3];
        for (int i = 0; i < 60; i++) {
            String account = key + "-" + i;
            ExtractableResponse<Response> decided = given().contentType(ContentType.JSON).body(DECIDE.formatted(account))
                    .post("/decide").then().statusCode(200).extract();
            String decisionId = decided.path("decisionId");
            String version = decided.path("rulesetVersion");
            String[] logged = logged(decisionId);
            if (Holdout.isHeldOut(account, Holdout.DEFAULT_EXPERIMENT, 10)) {
                assertNull(decided.path("experiment"), account + " is held out: in neither arm");
                assertTrue(version.startsWith("v1 "), version);
                assertNull(logged[0], account);
                arms[2]++;
                continue;
            }
            Arm arm = Arm.of(account, key, 30);
            assertEquals(arm.name(), decided.path("experiment.arm"), account);
            assertEquals(id, decided.jsonPath().getLong("experiment.id"));
            assertEquals(key, decided.path("experiment.key"));
            assertTrue(version.startsWith(arm == Arm.CHALLENGER ? "v" + challenger + " " : "v1 "), account + ": " + version);
            assertEquals(String.valueOf(id), logged[0]);
            assertEquals(arm.name(), logged[1]);
            assertEquals(version, logged[2]);
            viewer().get("/decisions/" + decisionId).then().statusCode(200)
                    .body("response.experiment.arm", equalTo(arm.name())).body("rulesetVersion", equalTo(version));
            arms[arm.ordinal()]++;
        }
        assertTrue(arms[Arm.CHALLENGER.ordinal()] > 0 && arms[Arm.CHAMPION.ordinal()] > 0, "both arms decided");

        rollup.refresh();
        viewer().get("/experiments/" + id).then().statusCode(200)
                .body("experiment.key", equalTo(key))
                .body("champion.decisions", equalTo(arms[Arm.CHAMPION.ordinal()]))
                .body("challenger.decisions", equalTo(arms[Arm.CHALLENGER.ordinal()]))
                .body("challenger.rulesetVersions[0]", containsString("v" + challenger + " "))
                .body("comparison.significant", equalTo(false))
                .body("comparison.verdict", containsString(arms[Arm.CHALLENGER.ordinal()] + " challenger and "
                        + arms[Arm.CHAMPION.ordinal()] + " champion accounts"));
        viewer().get("/experiments").then().statusCode(200).body("[0].id", equalTo((int) id));

        // One at a time: the second is refused, naming the first.
        analyst().contentType(ContentType.JSON)
                .body("{\"challengerVersion\": " + challenger + ", \"sharePercent\": 10, \"key\": \"another\"}")
                .post("/experiments").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Experiment " + id + " (key " + key));

        analyst().formParam("reason", "enough seen").post("/experiments/" + id + "/stop").then().statusCode(200)
                .body("status", equalTo("STOPPED")).body("endedBy", equalTo("analyst")).body("endReason", equalTo("enough seen"))
                .body("endedAt", notNullValue());
        for (int i = 0; i < 10; i++) {
            given().contentType(ContentType.JSON).body(DECIDE.formatted(key + "-" + i)).post("/decide").then().statusCode(200)
                    .body("experiment", nullValue()).body("rulesetVersion", containsString("v1 "));
        }
        analyst().post("/experiments/" + id + "/stop").then().statusCode(409).body("title", equalTo("Experiment not running"));
        analyst().post("/experiments/" + id + "/promote").then().statusCode(409);
    }

    @Test
    void shouldPromoteTheChallengerThroughTheRegressionGate() {
        int challenger = passingChallenger();
        long id = start(challenger, 20, "promote-" + UUID.randomUUID()).jsonPath().getLong("id");
        viewer().post("/experiments/" + id + "/promote").then().statusCode(403);
        analyst().formParam("reason", "converts better").post("/experiments/" + id + "/promote").then().statusCode(200)
                .body("status", equalTo("PROMOTED")).body("endedBy", equalTo("analyst")).body("endReason", equalTo("converts better"));
        viewer().get("/rulesets/active").then().body("version", equalTo(challenger));
        viewer().get("/rulesets/activations").then()
                .body("[0].toVersion", equalTo(challenger)).body("[0].reason", equalTo("converts better"))
                .body("[0].forced", equalTo(false));
        given().contentType(ContentType.JSON).body(DECIDE.formatted("after-promotion")).post("/decide").then().statusCode(200)
                .body("experiment", nullValue()).body("rulesetVersion", containsString("v" + challenger + " "));
    }

    @Test
    void shouldRefuseToPromoteAChallengerThatFailsItsCasesAndLetAnAdminForceIt() {
        int challenger = upload(List.of(seatThreshold95()), "seat pack from 95%: the case at 90% fails", 201);
        long id = start(challenger, 20, "refused-" + UUID.randomUUID()).jsonPath().getLong("id");
        analyst().post("/experiments/" + id + "/promote").then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Regression cases fail"))
                .body("report.cases.findAll { !it.passed }.name", hasItem("seats at 90% get the seat pack in app"));
        viewer().get("/rulesets/active").then().body("version", equalTo(1));
        viewer().get("/experiments/" + id).then().body("experiment.status", equalTo("RUNNING"));

        analyst().post("/experiments/" + id + "/promote?force=true").then().statusCode(403);
        admin().formParam("reason", "the case is out of date").post("/experiments/" + id + "/promote?force=true").then()
                .statusCode(200).body("status", equalTo("PROMOTED")).body("endedBy", equalTo("admin"));
        viewer().get("/rulesets/activations").then().body("[0].toVersion", equalTo(challenger)).body("[0].forced", equalTo(true));
    }

    @Test
    void shouldFollowAnExperimentStartedAndEndedOnAnotherInstance() throws SQLException {
        // Another instance writes the registry; this one follows at its next sync.
        int challenger = passingChallenger();
        String key = "elsewhere-" + UUID.randomUUID();
        long id;
        try (Connection db = dataSource.getConnection();
             PreparedStatement insert = db.prepareStatement("""
                     insert into experiment (key, challenger_version, champion_version, share_percent, status, started_by, started_at)
                     values (?, ?, 1, 50, 'RUNNING', 'analyst', now()) returning id""")) {
            insert.setString(1, key);
            insert.setInt(2, challenger);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        registry.sync();
        String account = accountIn(key, Arm.CHALLENGER);
        given().contentType(ContentType.JSON).body(DECIDE.formatted(account)).post("/decide").then().statusCode(200)
                .body("experiment.id", equalTo((int) id)).body("experiment.arm", equalTo("CHALLENGER"))
                .body("rulesetVersion", containsString("v" + challenger + " "));

        try (Connection db = dataSource.getConnection();
             PreparedStatement stop = db.prepareStatement("update experiment set status = 'STOPPED' where id = ?")) {
            stop.setLong(1, id);
            stop.executeUpdate();
        }
        registry.sync();
        given().contentType(ContentType.JSON).body(DECIDE.formatted(account)).post("/decide").then().statusCode(200)
                .body("experiment", nullValue()).body("rulesetVersion", containsString("v1 "));
    }

    @Test
    void shouldNameEachWrongField() {
        String[][] cases = {
                {"{\"challengerVersion\": 1, \"sharePercent\": 0, \"key\": \"k\"}", "sharePercent"},
                {"{\"challengerVersion\": 1, \"sharePercent\": 51, \"key\": \"k\"}", "sharePercent"},
                {"{\"challengerVersion\": 1, \"sharePercent\": 0.2, \"key\": \"k\"}", "sharePercent"},
                {"{\"challengerVersion\": 1, \"key\": \"k\"}", "sharePercent"},
                {"{\"challengerVersion\": 1, \"sharePercent\": 20, \"key\": \"two words\"}", "key"},
                {"{\"challengerVersion\": 1, \"sharePercent\": 20}", "key"},
                {"{\"sharePercent\": 20, \"key\": \"k\"}", "challengerVersion"},
        };
        for (String[] c : cases) {
            analyst().contentType(ContentType.JSON).body(c[0]).post("/experiments").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(c[1]));
        }
        analyst().contentType(ContentType.JSON).body("{\"challengerVersion\": 99999, \"sharePercent\": 20, \"key\": \"k\"}")
                .post("/experiments").then().statusCode(404).contentType("application/problem+json");
        analyst().contentType(ContentType.JSON).body("{\"challengerVersion\": 1, \"sharePercent\": 20, \"key\": \"k\"}")
                .post("/experiments").then().statusCode(409).body("title", equalTo("Challenger serves already"));
        viewer().contentType(ContentType.JSON).body("{\"challengerVersion\": 2, \"sharePercent\": 20, \"key\": \"k\"}")
                .post("/experiments").then().statusCode(403);
        viewer().get("/experiments/99999").then().statusCode(404).contentType("application/problem+json");
        analyst().post("/experiments/99999/stop").then().statusCode(404);
    }

    private static String accountIn(String key, Arm arm) {
        for (int i = 0; ; i++) {
            String account = key + "-" + i;
            if (!Holdout.isHeldOut(account, Holdout.DEFAULT_EXPERIMENT, 10) && Arm.of(account, key, 50) == arm) {
                return account;
            }
        }
    }

    /** The experiment id, arm and version the decision log holds for a decision. */
    private String[] logged(String decisionId) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("select experiment_id, arm, ruleset_version from decision where id = ?")) {
            query.setObject(1, UUID.fromString(decisionId));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new String[] {row.getString(1), row.getString(2), row.getString(3)};
            }
        }
    }
}

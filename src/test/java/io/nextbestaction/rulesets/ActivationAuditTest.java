package io.nextbestaction.rulesets;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.nextbestaction.rulesets.RuleSetLifecycleTest.activeVersion;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.admin;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.analyst;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.annualSwitchPropensity;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.upload;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.viewer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The activation audit: the reason an analyst gives, and no row for activating the version already active. */
@QuarkusTest
class ActivationAuditTest {

    static int activations() {
        return viewer().get("/rulesets/activations").then().statusCode(200).extract().path("size()");
    }

    @AfterEach
    void backToTheShippedPlaybook() {
        analyst().post("/rulesets/1/activate").then().statusCode(200);
    }

    @Test
    void shouldKeepTheReasonOfAnActivationInTheAudit() {
        int version = upload(List.of(annualSwitchPropensity(0.55)), "annual switch at 0.55", 201);
        analyst().formParam("reason", "Q3 pricing: annual switch more likely").post("/rulesets/" + version + "/activate")
                .then().statusCode(200)
                .body("toVersion", equalTo(version)).body("reason", equalTo("Q3 pricing: annual switch more likely"));
        viewer().get("/rulesets/activations").then()
                .body("[0].toVersion", equalTo(version))
                .body("[0].activatedBy", equalTo("analyst"))
                .body("[0].reason", equalTo("Q3 pricing: annual switch more likely"));

        // The same as a multipart field (curl -F reason=...); without a reason, the audit has none.
        analyst().multiPart("reason", "roll back after the review").post("/rulesets/1/activate").then().statusCode(200)
                .body("toVersion", equalTo(1)).body("reason", equalTo("roll back after the review"));
        analyst().post("/rulesets/" + version + "/activate").then().statusCode(200).body("reason", nullValue());
        viewer().get("/rulesets/activations").then().body("[0].reason", nullValue())
                .body("[1].reason", equalTo("roll back after the review"));
    }

    @Test
    void shouldChangeNothingWhenTheActiveVersionIsActivatedAgain() {
        // A version that fails a regression case, forced by an admin: were the gate run again, it would refuse it.
        int version = upload(List.of(RegressionGateTest.seatThreshold95()), "seat pack from 95%", 201);
        admin().formParam("reason", "first").post("/rulesets/" + version + "/activate?force=true").then().statusCode(200);
        int before = activations();

        analyst().formParam("reason", "again").post("/rulesets/" + version + "/activate").then().statusCode(200)
                .body("toVersion", equalTo(version)).body("reason", equalTo("first"))
                .body("activatedBy", equalTo("admin")).body("forced", equalTo(true));
        analyst().post("/rulesets/" + version + "/activate").then().statusCode(200).body("reason", equalTo("first"));

        assertEquals(before, activations(), "no new audit row");
        assertEquals(version, activeVersion());
    }
}

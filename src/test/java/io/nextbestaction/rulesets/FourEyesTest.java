package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.Workbooks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.nextbestaction.rulesets.RuleSetLifecycleTest.activeVersion;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.admin;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.analyst;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.annualSwitchPropensity;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.upload;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.viewer;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.withFiles;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With nba.rulesets.require-approval, a version serves only once an analyst other than its author approved it. */
@QuarkusTest
@TestProfile(FourEyesTest.ApprovalRequired.class)
public class FourEyesTest {

    static final Path FOLDER = Path.of("target", "four-eyes-decision-tables");

    /** A second analyst, and a watched folder that starts as the shipped playbook. */
    public static class ApprovalRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(FOLDER);
                for (RuleFile file : Workbooks.shippedPlaybook()) {
                    Files.write(FOLDER.resolve(file.name()), file.content());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("nba.rulesets.require-approval", "true",
                    "quarkus.security.users.embedded.users.analyst2", "analyst2-dev-password",
                    "quarkus.security.users.embedded.roles.analyst2", "analyst",
                    "nba.decision-tables.dir", FOLDER.toString(),
                    "nba.decision-tables.watch", "true",
                    "nba.decision-tables.watch-interval", "200ms");
        }
    }

    static RequestSpecification analyst2() {
        return given().auth().preemptive().basic("analyst2", "analyst2-dev-password");
    }

    @Test
    void shouldActivateOnlyAVersionAnotherAnalystApproved() {
        assertEquals(1, activeVersion(), "the shipped folder serves on an empty database without approval");
        int version = upload(List.of(annualSwitchPropensity(0.5)), "annual switch more likely", 201);
        viewer().get("/rulesets/" + version).then().body("approvals", empty()).body("awaitingApproval", equalTo(true));

        analyst().post("/rulesets/" + version + "/activate").then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Approval required"))
                .body("detail", containsString("needs the approval of an analyst other than its author, analyst"));
        admin().post("/rulesets/" + version + "/activate?force=true").then().statusCode(409)
                .body("title", equalTo("Approval required"));
        analyst().multiPart("comment", "looks fine to me").post("/rulesets/" + version + "/approve").then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("analyst is the author of version " + version));
        viewer().post("/rulesets/" + version + "/approve").then().statusCode(403);
        assertEquals(1, activeVersion());

        analyst2().multiPart("comment", "checked the Q3 figures").post("/rulesets/" + version + "/approve").then()
                .statusCode(201)
                .body("version", equalTo(version)).body("approvedBy", equalTo("analyst2"))
                .body("comment", equalTo("checked the Q3 figures"));
        analyst2().post("/rulesets/" + version + "/approve").then().statusCode(200)
                .body("comment", equalTo("checked the Q3 figures"));

        analyst().formParam("reason", "approved by analyst2").post("/rulesets/" + version + "/activate").then()
                .statusCode(200).body("toVersion", equalTo(version)).body("reason", equalTo("approved by analyst2"));
        assertEquals(version, activeVersion());
        viewer().get("/rulesets/" + version).then()
                .body("awaitingApproval", equalTo(false))
                .body("approvals.size()", equalTo(1))
                .body("approvals[0].approvedBy", equalTo("analyst2"))
                .body("approvals[0].comment", equalTo("checked the Q3 figures"))
                .body("approvals[0].approvedAt", org.hamcrest.Matchers.notNullValue());

        // A rollback is an activation like any other: the folder's version 1 needs an approval too.
        analyst().post("/rulesets/1/activate").then().statusCode(409);
        analyst().post("/rulesets/1/approve").then().statusCode(201).body("approvedBy", equalTo("analyst"));
        analyst().post("/rulesets/1/activate").then().statusCode(200).body("fromVersion", equalTo(version));
        assertEquals(1, activeVersion());
    }

    @Test
    void shouldStoreAChangeSavedInTheWatchedFolderWithoutActivatingIt() throws Exception {
        int newest = FolderWatchTest.newestVersion();
        RuleFile saved = annualSwitchPropensity(0.65);
        Files.write(FOLDER.resolve(saved.name()), saved.content());
        FolderWatchTest.within(Duration.ofSeconds(15), () -> FolderWatchTest.newestVersion() > newest, "the saved change being stored");
        viewer().get("/rulesets/" + (newest + 1)).then().body("status", equalTo("VALID"))
                .body("author", equalTo("decision-tables folder")).body("active", equalTo(false));
        Thread.sleep(1000);
        assertEquals(1, activeVersion(), "a folder version waits for approval");
    }

    @Test
    void shouldHaveNothingToApproveInARejectedVersion() {
        int version = withFiles(analyst(), List.of(Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", "F14", 7)))
                .post("/rulesets").then().statusCode(422).extract().path("version");
        analyst2().post("/rulesets/" + version + "/approve").then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Rejected version"));
        analyst2().post("/rulesets/9999/approve").then().statusCode(404).contentType("application/problem+json");
    }
}

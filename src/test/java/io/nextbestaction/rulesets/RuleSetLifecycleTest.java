package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.Workbooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an analyst does with rulesets: upload, read the errors, fix, activate, roll back. */
@QuarkusTest
public class RuleSetLifecycleTest {

    static final String SEATS_AT_90 = """
            {"account": {"id": "%s", "seats": {"used": 9, "limit": 10}, "healthScore": 80},
             "channels": ["IN_APP"], "holdoutPercent": 0}""";

    static final String MONTHLY_PAYER = """
            {"account": {"id": "%s", "billingCycle": "MONTHLY", "tenureDays": 120, "healthScore": 80},
             "channels": ["IN_APP"], "holdoutPercent": 0}""";

    /** The upsell workbook with the annual-switch propensity (0.3 shipped) changed: the suites still pass. */
    public static RuleFile annualSwitchPropensity(double propensity) {
        return Workbooks.withCell(Workbooks.shipped("upsell.drl.xlsx"), "Upsell", "L17", propensity);
    }

    static float annualSwitchScore(String accountId) {
        return given().contentType(ContentType.JSON).body(MONTHLY_PAYER.formatted(accountId)).post("/decide").then()
                .statusCode(200).extract().path("offers.find { it.offerId == 'annual-switch' }.score");
    }

    public static RequestSpecification analyst() {
        return given().auth().preemptive().basic("analyst", "analyst-dev-password");
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-dev-password");
    }

    public static RequestSpecification viewer() {
        return given().auth().preemptive().basic("viewer", "viewer-dev-password");
    }

    static RequestSpecification withFiles(RequestSpecification spec, List<RuleFile> files) {
        for (RuleFile f : files) {
            spec = spec.multiPart("file", f.name(), f.content(), "application/octet-stream");
        }
        return spec;
    }

    public static int upload(List<RuleFile> files, String comment, int status) {
        return withFiles(analyst(), files).multiPart("comment", comment)
                .post("/rulesets").then().statusCode(status).extract().path("version");
    }

    static int activeVersion() {
        return viewer().get("/rulesets/active").then().statusCode(200).extract().path("version");
    }

    @AfterEach
    void backToTheShippedPlaybook() {
        analyst().post("/rulesets/1/activate").then().statusCode(200);
    }

    @Inject
    RuleSetSubmission submission;

    @Test
    void shouldStoreTheFolderOnceWhenInstancesStartingTogetherEachSubmitIt() {
        int versions = viewer().get("/rulesets").then().extract().path("size()");
        RuleSetSubmission.Submitted again = submission.submit(RuleFile.readFolder(Path.of("decision-tables")), null,
                DecisionTablesFolder.AUTHOR, "shipped decision tables", RuleSetVersion.Source.FOLDER);
        assertEquals(1, again.version().version);
        viewer().get("/rulesets").then().body("size()", equalTo(versions));
    }

    @Test
    void shouldStartWithTheShippedFolderAsVersionOne() {
        viewer().get("/rulesets/1").then().statusCode(200)
                .body("status", equalTo("VALID"))
                .body("source", equalTo("FOLDER"))
                .body("files.name", hasItem("offer-catalog.drl.xlsx"));
    }

    @Test
    void shouldPublishAValidUploadAndRollBack() {
        int version = upload(List.of(annualSwitchPropensity(0.5)), "annual switch more likely", 201);
        assertEquals(30.0f, annualSwitchScore("rs-before"));

        analyst().post("/rulesets/" + version + "/activate").then().statusCode(200)
                .body("toVersion", equalTo(version)).body("activatedBy", equalTo("analyst")).body("forced", equalTo(false));
        assertEquals(50.0f, annualSwitchScore("rs-after"));
        given().contentType(ContentType.JSON).body(MONTHLY_PAYER.formatted("rs-after-2")).post("/decide").then()
                .body("rulesetVersion", startsWith("v" + version + " (sha256:"));

        analyst().post("/rulesets/1/activate").then().statusCode(200).body("fromVersion", equalTo(version));
        assertEquals(30.0f, annualSwitchScore("rs-rolled-back"));
        given().contentType(ContentType.JSON).body(MONTHLY_PAYER.formatted("rs-rolled-back-2")).post("/decide").then()
                .body("rulesetVersion", startsWith("v1 (sha256:"));
        viewer().get("/rulesets/activations").then().statusCode(200)
                .body("[0].toVersion", equalTo(1)).body("[0].fromVersion", equalTo(version));
    }

    @Test
    void shouldRejectABrokenUploadWithTheCellAndNeverServeIt() {
        RuleFile broken = Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", "B14", "0.8 0.9");
        int version = withFiles(analyst(), Workbooks.playbookWith(broken)).multiPart("comment", "typo")
                .post("/rulesets").then().statusCode(422).contentType("application/problem+json")
                .body("errors.file", hasItem("add-on.drl.xlsx"))
                .body("errors.sheet", hasItem("Add-ons"))
                .body("errors.cell", hasItem("B14"))
                .extract().path("version");
        viewer().get("/rulesets/" + version).then().body("status", equalTo("REJECTED")).body("errors", org.hamcrest.Matchers.not(empty()));
        analyst().post("/rulesets/" + version + "/activate").then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, activeVersion());
    }

    @Test
    void shouldGiveEachFileBackByteForByte() {
        RuleFile upsell = annualSwitchPropensity(0.4);
        int version = upload(List.of(upsell), "annual switch at 0.4", 201);
        assertArrayEquals(upsell.content(), viewer().get("/rulesets/" + version + "/files/upsell.drl.xlsx").then()
                .statusCode(200).extract().asByteArray());
        assertArrayEquals(Workbooks.shipped("offer-catalog.drl.xlsx").content(),
                viewer().get("/rulesets/" + version + "/files/offer-catalog.drl.xlsx").then().statusCode(200).extract().asByteArray());
        viewer().get("/rulesets/" + version + "/files/nope.drl.xlsx").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldStoreNothingForAnUploadIdenticalToItsBase() {
        int versions = viewer().get("/rulesets").then().extract().path("size()");
        // A complete ruleset (base none) is compared with the active version, here the shipped folder.
        withFiles(analyst(), Workbooks.shippedPlaybook()).multiPart("base", "none").multiPart("comment", "same as shipped")
                .post("/rulesets").then().statusCode(200)
                .body("unchanged", equalTo(true)).body("version", equalTo(1)).body("active", equalTo(true))
                .body("detail", startsWith("Nothing changed: the files are those of version 1"));
        withFiles(analyst(), List.of(Workbooks.shipped("upsell.drl.xlsx"))).post("/rulesets").then().statusCode(200)
                .body("unchanged", equalTo(true)).body("version", equalTo(1));

        RuleFile upsell = annualSwitchPropensity(0.45);
        int version = upload(List.of(upsell), "annual switch at 0.45", 201);
        withFiles(analyst(), List.of(upsell)).multiPart("base", String.valueOf(version)).post("/rulesets").then().statusCode(200)
                .body("unchanged", equalTo(true)).body("version", equalTo(version)).body("active", equalTo(false))
                .body("files.name", hasItem("upsell.drl.xlsx"));
        viewer().get("/rulesets").then().body("size()", equalTo(versions + 1));
    }

    @Test
    void shouldNeedAnAnalystToManageAndAnyUserToRead() {
        given().get("/rulesets").then().statusCode(401).contentType("application/problem+json");
        viewer().get("/rulesets").then().statusCode(200);
        withFiles(viewer(), Workbooks.shippedPlaybook()).post("/rulesets").then().statusCode(403).contentType("application/problem+json");
        viewer().post("/rulesets/1/activate").then().statusCode(403);
        given().auth().preemptive().basic("analyst", "wrong").get("/rulesets").then().statusCode(401);
    }

    @Test
    void shouldRefuseAnUploadWithoutFiles() {
        analyst().multiPart("comment", "nothing").post("/rulesets").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForAnUnknownVersion() {
        viewer().get("/rulesets/9999").then().statusCode(404).contentType("application/problem+json");
        analyst().post("/rulesets/9999/activate").then().statusCode(404).contentType("application/problem+json");
    }
}

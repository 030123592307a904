package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.Workbooks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.nextbestaction.rulesets.RuleSetLifecycleTest.activeVersion;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.analyst;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.viewer;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.withFiles;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cases travel with the rules: the README's analyst walk-through, step by step on a fresh database (its own profile
 * restarts the service, whose test profile wipes the schema), with the case file the README writes; then the case
 * files the upload refuses.
 */
@QuarkusTest
@TestProfile(CasesTravelWithTheRulesTest.FreshDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CasesTravelWithTheRulesTest {

    public static class FreshDatabase implements QuarkusTestProfile {
    }

    static final String CASE = "storage at exactly 85% gets the storage add-on";
    static final String CHANGE = "expectationsChanged.'" + CASE + "'";

    /** The case file as the README's walk-through writes it (between its heredoc markers). */
    static RuleFile readmeCaseFile() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String start = "cat > storage-at-85.test.json <<'EOF'\n";
        int from = readme.indexOf(start) + start.length();
        String json = readme.substring(from, readme.indexOf("\nEOF\n", from) + 1);
        return new RuleFile("storage-at-85.test.json", json.getBytes(StandardCharsets.UTF_8));
    }

    static RuleFile download(int version, String name) {
        return new RuleFile(name, viewer().get("/rulesets/" + version + "/files/" + name).then().statusCode(200)
                .extract().asByteArray());
    }

    /** The Business plan from 85% usage (Upsell C13 and C14), as step 1 of the walk-through edits it. */
    static RuleFile businessFrom85(RuleFile upsell) {
        return Workbooks.withCell(Workbooks.withCell(upsell, "Upsell", "C13", 0.85), "Upsell", "C14", 0.85);
    }

    @Test
    @Order(1)
    void shouldRunTheReadmeWalkThroughAsWritten() throws IOException {
        // 1. Version 1 is the folder and serves; the workbook comes back byte for byte.
        assertEquals(1, activeVersion());
        RuleFile upsell = download(1, "upsell.drl.xlsx");
        assertArrayEquals(Workbooks.shipped("upsell.drl.xlsx").content(), upsell.content());
        RuleFile changed = businessFrom85(upsell);
        RuleFile caseFile = readmeCaseFile();

        // 2. The workbook and the changed case in one upload: version 2, showing which expectation changed.
        withFiles(analyst(), List.of(changed, caseFile)).multiPart("comment", "business plan from 85% usage")
                .post("/rulesets").then().statusCode(201)
                .body("version", equalTo(2)).body("baseVersion", equalTo(1)).body("status", equalTo("VALID"))
                .body("files.name", hasItem("storage-at-85.test.json"))
                .body("expectationsChanged.size()", equalTo(1))
                .body(CHANGE + ".change", equalTo("CHANGED"))
                .body(CHANGE + ".before.offers", contains("storage-addon-100gb"))
                .body(CHANGE + ".before.from", equalTo("PINNED"))
                .body(CHANGE + ".before.source", startsWith("regression/playbook/threshold-cases.xlsx"))
                .body(CHANGE + ".after.offers", contains("plan-upgrade-business", "storage-addon-100gb"))
                .body(CHANGE + ".after.from", equalTo("VERSION"))
                .body(CHANGE + ".after.source", equalTo("storage-at-85.test.json"));
        viewer().get("/rulesets/2").then().body(CHANGE + ".change", equalTo("CHANGED")).body("baseVersion", equalTo(1));
        assertArrayEquals(caseFile.content(), download(2, "storage-at-85.test.json").content());

        // 3. A mistake built on version 2: 422, version 3, REJECTED, with the cell.
        RuleFile addOn = download(2, "add-on.drl.xlsx");
        withFiles(analyst(), List.of(Workbooks.withCell(addOn, "Add-ons", "F14", 7))).multiPart("base", "2")
                .multiPart("comment", "seat pack more likely").post("/rulesets").then().statusCode(422)
                .body("version", equalTo(3))
                .body("errors[0].file", equalTo("add-on.drl.xlsx")).body("errors[0].sheet", equalTo("Add-ons"))
                .body("errors[0].cell", equalTo("F14"))
                .body("errors[0].message", equalTo("7 looks like a percentage; write 0.07 or 7 % (Propensity takes a number from 0 to 1 (80 % is 0.8), e.g. 0.6)"));
        viewer().get("/rulesets/3").then().statusCode(200).body("status", equalTo("REJECTED"));

        // 4. Fixed back to 0.4: the files are those of version 2, nothing stored.
        withFiles(analyst(), List.of(addOn)).multiPart("base", "2").multiPart("comment", "fixed F14")
                .post("/rulesets").then().statusCode(200)
                .body("unchanged", equalTo(true)).body("version", equalTo(2))
                .body("detail", equalTo("Nothing changed: the files are those of version 2; no version was stored."));

        // 5. Publish without force; the version's case replaced the pinned one and passes; /decide uses version 2.
        viewer().post("/rulesets/2/regression").then().statusCode(200).body("failed", equalTo(0))
                .body("cases.findAll { it.name == '" + CASE + "' }.origin", contains("VERSION"))
                .body("cases.findAll { it.origin == 'VERSION' }.size()", equalTo(1));
        analyst().multiPart("reason", "Q3 plan: business plan from 85%").post("/rulesets/2/activate").then()
                .statusCode(200).body("toVersion", equalTo(2)).body("fromVersion", equalTo(1)).body("forced", equalTo(false));
        String request = io.nextbestaction.common.json.Json.mapper().readTree(caseFile.content()).path("request").toString();
        given().contentType(ContentType.JSON).body(request).post("/decide").then().statusCode(200)
                .body("rulesetVersion", startsWith("v2 (sha256:"))
                .body("offers.offerId", contains("plan-upgrade-business", "storage-addon-100gb"));

        // 6. Roll back to version 1, audited with the reason.
        analyst().multiPart("reason", "support tickets up since v2").post("/rulesets/1/activate").then()
                .statusCode(200).body("fromVersion", equalTo(2)).body("toVersion", equalTo(1));
        analyst().get("/rulesets/activations").then().statusCode(200)
                .body("[0].fromVersion", equalTo(2)).body("[0].toVersion", equalTo(1)).body("[0].forced", equalTo(false))
                .body("[0].reason", equalTo("support tickets up since v2"));

        // Reads.
        viewer().get("/rulesets").then().statusCode(200).body("version", contains(3, 2, 1));
        assertEquals(1, activeVersion());
        assertArrayEquals(changed.content(), download(2, "upsell.drl.xlsx").content());
    }

    @Test
    @Order(2)
    void shouldRefuseTheChangeWithoutItsCaseAndCaseFilesThatCannotBeRead() throws IOException {
        // The same workbook without the changed case: valid, but the pinned case fails the activation.
        int alone = withFiles(analyst(), List.of(businessFrom85(Workbooks.shipped("upsell.drl.xlsx"))))
                .multiPart("base", "1").post("/rulesets").then().statusCode(201)
                .body("expectationsChanged", anEmptyMap()).extract().path("version");
        analyst().post("/rulesets/" + alone + "/activate").then().statusCode(409)
                .body("report.cases.findAll { !it.passed }.name", contains(CASE))
                .body("report.cases.findAll { !it.passed }.origin", contains("PINNED"));

        // A JSON case without its request, and a test sheet row with an unknown outcome: 422, by file (sheet, row).
        RuleFile noRequest = new RuleFile("broken.test.json", "{\"name\": \"x\", \"expect\": {}}".getBytes(StandardCharsets.UTF_8));
        withFiles(analyst(), List.of(noRequest)).post("/rulesets").then().statusCode(422)
                .body("errors[0].file", equalTo("broken.test.json"))
                .body("errors[0].message", equalTo("the case has no request.account"));
        RuleFile sheet = Workbooks.withCell(new RuleFile("thresholds.test.xlsx",
                Files.readAllBytes(Path.of("regression/playbook/threshold-cases.xlsx"))), "Threshold cases", "AB7", "seat-pack-10 NOPE 3");
        withFiles(analyst(), List.of(sheet)).post("/rulesets").then().statusCode(422)
                .body("errors[0].file", equalTo("thresholds.test.xlsx"))
                .body("errors[0].sheet", equalTo("Threshold cases"))
                .body("errors[0].message", startsWith("row 7: "));

        // The pinned sheet as the version's own, unchanged: every case replaces its pinned twin, no expectation changes.
        Map<String, Object> view = withFiles(analyst(), List.of(new RuleFile("thresholds.test.xlsx",
                Files.readAllBytes(Path.of("regression/playbook/threshold-cases.xlsx")))))
                .post("/rulesets").then().statusCode(201).extract().path("");
        assertEquals(Map.of(), view.get("expectationsChanged"));
        viewer().post("/rulesets/" + view.get("version") + "/regression").then().statusCode(200).body("failed", equalTo(0))
                .body("cases.findAll { it.origin == 'VERSION' }.size()", equalTo(17));
    }
}

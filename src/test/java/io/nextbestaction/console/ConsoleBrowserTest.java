package io.nextbestaction.console;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.reports.ReportRollup;
import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.Workbooks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyst's round trip in a real browser, on a fresh database (version 1 is the shipped playbook): sign in,
 * upload a workbook with a mistake and see the cell highlighted, upload the fix with its changed case, see the diff
 * and the regression pass, activate with a reason, see /decide answer with the new version and why, try the same
 * facts on the old version, roll back. Then a version that fails a pinned case: refused with its report, and only
 * an admin may force it, after a confirmation. Then signing in and publishing with the keyboard alone, and the
 * performance page over seeded decisions and outcomes.
 */
@QuarkusTest
@TestProfile(ConsoleBrowserTest.FreshDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    public static class FreshDatabase implements QuarkusTestProfile {
    }

    static final String CASE_REQUEST = """
            {"account": {"id": "threshold-3", "segment": "SMB", "plan": "TEAM", "billingCycle": "ANNUAL", "tenureDays": 200,
                         "seats": {"used": 5, "limit": 10},
                         "usage": {"events": {"used": 20000, "limit": 100000}, "storageGb": {"used": 85, "limit": 100}},
                         "productsOwned": ["CORE"], "activeRoles": 1, "healthScore": 80, "openTickets": 0,
                         "daysSinceLastTicket": 90, "daysSinceLastPurchase": 200, "daysToRenewal": 200, "consent": {"EMAIL": true}},
             "channels": ["IN_APP", "EMAIL"], "holdoutPercent": 0}""";
    static final String CASE_NAME = "storage at exactly 85% gets the storage add-on";

    @TestHTTPResource("/console/")
    URL console;

    @Inject
    ReportRollup rollup;

    @Inject
    AgroalDataSource dataSource;

    static Browser browser;

    @BeforeAll
    static void startBrowser() throws IOException, InterruptedException {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void shouldTakeAnAnalystFromAMistakeToAPublishedVersionAndBack() throws IOException {
        Path files = Files.createDirectories(Path.of("target", "console-test").toAbsolutePath());
        RuleFile upsell = Workbooks.shipped("upsell.drl.xlsx");
        // The Business plan from 85 % usage (Upsell C13 and C14), first typed as 85, then as 0.85; its case goes along.
        Path mistake = write(files.resolve("mistake"), Workbooks.withCell(Workbooks.withCell(upsell, "Upsell", "C13", 85), "Upsell", "C14", 0.85));
        Path fixed = write(files.resolve("fixed"), Workbooks.withCell(Workbooks.withCell(upsell, "Upsell", "C13", 0.85), "Upsell", "C14", 0.85));
        Path caseFile = write(files.resolve("fixed"), new RuleFile("storage-at-85.test.json", ("""
                {"name": "%s", "request": %s,
                 "expect": {"offers": ["plan-upgrade-business", "storage-addon-100gb"], "suppressed": {}, "holdout": false}}
                """.formatted(CASE_NAME, CASE_REQUEST)).getBytes(StandardCharsets.UTF_8)));

        // Sign in: any console page leads to the sign-in form first.
        browser.open(console.toString());
        browser.find("#username").sendKeys("analyst");
        browser.find("#password").sendKeys("analyst-dev-password");
        browser.screenshot("sign-in");
        browser.find("#sign-in").click();
        browser.findWithText(".who", "Signed in as analyst");
        browser.findWithText("#versions", "v1");
        WebElement instances = browser.findWithText("#instance-table", "v1");
        assertTrue(instances.getText().contains("s ago"), instances.getText());
        browser.screenshot("versions");

        // The mistake: rejected in place, the error names the cell; on the version page the cell is highlighted.
        upload(mistake.toString(), caseFile.toString());
        WebElement rejected = browser.findWithText("#upload-result", "Version 2 is rejected");
        assertTrue(rejected.getText().contains("upsell.drl.xlsx › Upsell C13"), rejected.getText());
        browser.screenshot("upload-rejected");
        rejected.findElement(By.linkText("upsell.drl.xlsx › Upsell C13")).click();
        WebElement cell = browser.find("td.problem.error[data-ref='C13']");
        // The cell shows its value; its message is its tooltip and is read out with it.
        assertTrue(cell.getText().startsWith("85\n(C13, error: 85 looks like a percentage"), cell.getText());
        assertTrue(cell.getDomAttribute("title").startsWith("error: 85 looks like a percentage"), cell.getDomAttribute("title"));
        browser.findWithText("#regression", "A rejected version has no regression report");
        browser.screenshot("version-rejected-cell");

        // The fix with its case: valid, its changed expectation listed; the diff shows the cells and the case.
        browser.open(console.toString());
        upload(fixed.toString(), caseFile.toString());
        browser.findWithText("#upload-result", "Version 3 is valid");
        browser.findWithText("#upload-result", "CHANGED: " + CASE_NAME);
        browser.screenshot("upload-valid");
        browser.find("#upload-result").findElement(By.linkText("compare with v1")).click();
        WebElement diff = browser.findWithText("#diff", "0.9 → 0.85");
        assertTrue(diff.getText().contains("upsell.drl.xlsx › Upsell"), diff.getText());
        browser.findWithText("#diff", CASE_NAME);
        browser.screenshot("diff");

        // The version page: the regression passes; publish with a reason.
        browser.open(page("version.html?v=3"));
        browser.findWithText("#regression .totals", "0 failed");
        browser.find("#reason").sendKeys("Q3 plan: business plan from 85%");
        browser.screenshot("version-regression-pass");
        browser.find("#activate").click();
        browser.findWithText("#publish-result", "Version 3 serves");
        browser.screenshot("activated");

        // /decide answers with the new version; the console explains that decision.
        String decisionId = given().contentType(ContentType.JSON).body(CASE_REQUEST).post("/decide").then().statusCode(200)
                .body("rulesetVersion", startsWith("v3 (sha256:")).body("offers.offerId", hasItem("plan-upgrade-business"))
                .extract().path("decisionId");
        given().contentType(ContentType.JSON).body("{\"offerId\": \"plan-upgrade-business\", \"outcome\": \"PRESENTED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(201);
        browser.open(page("decision.html?account=threshold-3"));
        browser.findWithText("#recent-decisions", "v3 (sha256:");
        browser.find("#recent-decisions button").click();
        browser.findWithText("#decision", "Account threshold-3, decided");
        WebElement why = browser.findWithText("#decision", "by v3 (sha256:");
        assertTrue(why.getText().contains("upsell.drl.xlsx › Upsell row 14: Business plan: near the usage limit"), why.getText());
        WebElement since = browser.findWithText("#outcomes", "PRESENTED");
        assertTrue(since.getText().contains("plan-upgrade-business") && since.getText().contains("this decision"), since.getText());
        browser.screenshot("why-this-decision");
        browser.scrollTo("#since-title");
        browser.screenshot("why-this-decision-outcomes");

        // Try it: the same facts decided by version 1, nothing logged.
        why.findElement(By.linkText("Try these facts again")).click();
        browser.waitForValue("#json", "threshold-3");
        new Select(browser.find("#version")).selectByValue("1");
        browser.find("#decide").click();
        WebElement offers = browser.findWithText("#answer", "Offers decided by v1");
        assertTrue(offers.getText().contains("storage-addon-100gb") && !offers.getText().contains("plan-upgrade-business"), offers.getText());
        browser.scrollTo("#answer");
        browser.screenshot("try-it");

        // Roll back to version 1 with a reason; the audit lists both activations with their reasons.
        browser.open(page("version.html?v=1"));
        browser.waitUntilEnabled("#activate");
        browser.find("#reason").sendKeys("support tickets up since v3");
        assertEquals("Roll back to v1", browser.find("#activate").getText());
        browser.find("#activate").click();
        browser.findWithText("#publish-result", "Version 1 serves");
        browser.open(console.toString());
        WebElement audit = browser.findWithText("#activations", "support tickets up since v3");
        assertTrue(audit.getText().contains("Q3 plan: business plan from 85%"), audit.getText());
        browser.screenshot("rolled-back");
        given().contentType(ContentType.JSON).body(CASE_REQUEST).post("/decide").then().statusCode(200)
                .body("rulesetVersion", startsWith("v1 (sha256:"));
    }

    @Test
    @Order(2)
    void shouldRefuseAFailingVersionWithItsReportAndLetOnlyAnAdminForceIt() throws IOException {
        // The Business plan from 85 % without the case that pins the old behaviour: valid, but a pinned case fails.
        Path alone = write(Path.of("target", "console-test", "alone").toAbsolutePath(), Workbooks.withCell(Workbooks.withCell(
                Workbooks.shipped("upsell.drl.xlsx"), "Upsell", "C13", 0.85), "Upsell", "C14", 0.85));
        signInAs("analyst");
        upload(alone.toString());
        browser.findWithText("#upload-result", "Version 4 is valid");

        browser.open(page("version.html?v=4"));
        browser.findWithText("#regression .totals", "1 failed");
        browser.find("#activate").click();
        WebElement refused = browser.findWithText("#publish-result", "Regression cases fail");
        assertTrue(refused.getText().contains(CASE_NAME), refused.getText());
        assertTrue(browser.driver.findElements(By.id("force")).isEmpty(), "an analyst is not offered to force");
        browser.screenshot("activation-refused");

        signInAs("admin");
        browser.open(page("version.html?v=4"));
        browser.find("#reason").sendKeys("hotfix approved by the product owner");
        browser.waitUntilEnabled("#activate");
        browser.find("#activate").click();
        browser.find("#force").click();
        browser.driver.switchTo().alert().accept();
        browser.findWithText("#publish-result", "Version 4 serves");
        browser.findWithText("#publish-result", "forced");
        browser.open(console.toString());
        browser.findWithText("#activations", "forced by an admin");
        browser.screenshot("forced");

        backToTheShippedPlaybook();
    }

    @Test
    @Order(3)
    void shouldSignInAndPublishWithTheKeyboardAlone() throws IOException {
        signOut();
        // The user name field has the focus: type, Tab, type, Enter.
        browser.find("#username");
        browser.type("analyst", Keys.TAB, "analyst-dev-password", Keys.ENTER);
        browser.findWithText(".who", "Signed in as analyst");
        browser.tabTo("#versions a[href$='version.html?v=3']");
        assertTrue(browser.focusOutline().startsWith("solid"), "the focused link shows an outline: " + browser.focusOutline());
        browser.type(Keys.ENTER);
        browser.findWithText("#regression .totals", "0 failed");
        browser.tabTo("#reason");
        browser.type("published with the keyboard alone");
        browser.tabTo("#activate");
        browser.type(Keys.ENTER);
        browser.findWithText("#publish-result", "Version 3 serves");
        browser.screenshot("keyboard-activated");

        backToTheShippedPlaybook();
    }

    @Test
    @Order(4)
    void shouldShowHowTheOffersPerform() throws SQLException, IOException {
        for (int i = 0; i < 16; i++) {
            String account = "perf-" + i;
            var decision = given().contentType(ContentType.JSON).body("""
                    {"account": {"id": "%s", "segment": "SMB", "seats": {"used": 9, "limit": 10}, "healthScore": 80},
                     "channels": ["IN_APP"], "holdoutPercent": 50, "experimentKey": "console-perf"}""".formatted(account))
                    .post("/decide").then().statusCode(200).extract();
            List<String> offers = decision.path("offers.offerId");
            if (offers.isEmpty()) {   // held out: some of these accounts buy anyway
                if (i % 2 == 1) {
                    continue;
                }
                given().contentType(ContentType.JSON).body("[{\"accountId\": \"%s\", \"offerId\": \"seat-pack-10\", \"outcome\": \"PURCHASED\", \"at\": \"%s\"}]"
                        .formatted(account, Instant.now())).post("/contact-history").then().statusCode(201);
                continue;
            }
            for (String outcome : i % 3 == 0 ? List.of("PRESENTED", "ACCEPTED") : List.of("PRESENTED")) {
                given().contentType(ContentType.JSON).body("{\"offerId\": \"%s\", \"outcome\": \"%s\"}".formatted(offers.get(0), outcome))
                        .post("/decisions/" + decision.path("decisionId") + "/outcomes").then().statusCode(201);
            }
        }
        // The days before: counts as the rollup keeps them, so that the chart has a line to draw.
        try (Connection db = dataSource.getConnection(); PreparedStatement day = db.prepareStatement("""
                insert into offer_rollup (day, offer_id, rule, segment, channel, ruleset_version, decisions, presented,
                                          accepted, presented_converted)
                values (current_date - ?, 'seat-pack-10', 'add-on.drl.xlsx › Add-ons row 14: Seat pack', 'SMB', 'IN_APP',
                        'earlier days', ?, ?, ?, ?)""")) {
            for (int daysAgo = 1; daysAgo <= 12; daysAgo++) {
                int presented = 30 + (daysAgo * 7) % 25;
                int converted = 4 + (daysAgo * 5) % 9;
                day.setInt(1, daysAgo);
                day.setInt(2, presented + 5);
                day.setInt(3, presented);
                day.setInt(4, converted);
                day.setInt(5, converted);
                day.executeUpdate();
            }
        }
        rollup.refresh();

        browser.open(page("performance.html?experimentKey=console-perf"));
        WebElement offers = browser.findWithText("#offer-table", "seat-pack-10");
        assertTrue(offers.getText().contains("%"), offers.getText());
        browser.findWithText("#offers .as-of", "Counted up to");
        browser.find("#trend svg.chart polyline.rate");
        browser.find("#trend svg.chart polygon.band");
        assertEquals(13, browser.driver.findElements(By.cssSelector("#trend svg.chart circle.point")).size(), "a point a day with a rate");
        WebElement lift = browser.findWithText("#lift-table", "All offers");
        assertTrue(lift.getText().contains("accounts"), lift.getText());
        browser.screenshot("performance");
        browser.scrollTo("#trend-title");
        browser.screenshot("performance-chart-and-lift");
    }

    /** The next test starts from version 1 serving, as on a fresh database. */
    private static void backToTheShippedPlaybook() {
        given().auth().preemptive().basic("analyst", "analyst-dev-password").multiPart("reason", "back to the shipped playbook")
                .post("/rulesets/1/activate").then().statusCode(200);
    }

    private void signOut() {
        browser.signOut(console.toString());
    }

    private void signInAs(String user) {
        browser.signInAs(console.toString(), user);
    }

    private String page(String path) {
        return console + path;
    }

    private static void upload(String... paths) {
        browser.find("#comment").sendKeys("business plan from 85% usage");
        browser.find("#files").sendKeys(String.join("\n", List.of(paths)));
        browser.find("#upload-button").click();
    }

    private static Path write(Path dir, RuleFile file) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(file.name()), file.content());
    }
}

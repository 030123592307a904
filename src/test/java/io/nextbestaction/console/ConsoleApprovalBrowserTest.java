package io.nextbestaction.console;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.Workbooks;
import io.nextbestaction.rulesets.FourEyesTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four eyes in the console: a version that awaits an approval says so, its author is refused in plain words, and
 * another analyst approves it from the version page.
 */
@QuarkusTest
@TestProfile(FourEyesTest.ApprovalRequired.class)
class ConsoleApprovalBrowserTest {

    @TestHTTPResource("/console/")
    URL console;

    static Browser browser;

    @BeforeAll
    static void startBrowser() throws IOException, InterruptedException {
        browser = Browser.start(Browser.SCREENSHOTS.resolve("approval"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldRefuseTheAuthorAndTakeAnotherAnalystsApproval() throws IOException {
        RuleFile upsell = Workbooks.withCell(Workbooks.shipped("upsell.drl.xlsx"), "Upsell", "C13", 0.8);
        int version = given().auth().preemptive().basic("analyst", "analyst-dev-password")
                .multiPart("file", upsell.name(), upsell.content(), "application/octet-stream")
                .multiPart("comment", "business plan from 80% usage").post("/rulesets").then().statusCode(201)
                .extract().path("version");

        browser.signInAs(console.toString(), "analyst");
        browser.findWithText("#versions tr[data-version='" + version + "']", "awaits approval");
        browser.open(console + "version.html?v=" + version);
        browser.findWithText("#approve-why", "needs the approval of an analyst other than its author, analyst");
        browser.find("#approval-comment").sendKeys("my own work");
        browser.find("#approve-button").click();
        WebElement refused = browser.findWithText("#approve-result", "Not approved");
        assertTrue(refused.getText().contains("you are the author of version " + version), refused.getText());
        browser.screenshot("author-refused");

        browser.signInAs(console.toString(), "analyst2");
        browser.open(console + "version.html?v=" + version);
        browser.find("#approval-comment").sendKeys("checked the thresholds");
        browser.find("#approve-button").click();
        browser.findWithText("#approve-result", "Approved by analyst2");
        browser.screenshot("approved");
        browser.open(console + "version.html?v=" + version);
        browser.findWithText("#summary", "analyst2");
        assertTrue(browser.driver.findElement(By.id("approve-section")).getDomAttribute("hidden") != null,
                "an approved version asks for no approval");
    }
}

package io.nextbestaction;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OperationsTest {

    @Test
    void shouldBeReadyOnceRulesCompiledTheSuitesAreThereAndTheDatabaseAnswers() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'regression-suites' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'regression-suites' }.data.cases", greaterThan(18))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data.'decision-log-writer'", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data.'contact-history-reader'", equalTo("UP"));
    }

    @Test
    void shouldDescribeTheApiWithExamples() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/decide"))
                .body(containsString("/decisions/{decisionId}/outcomes"))
                .body(containsString("/contact-history"))
                .body(containsString("seats nearly full"));
    }

    @Test
    void shouldCountDecisionsAndSuppressionsPerGuardrail() {
        given().contentType(ContentType.JSON)
                .body("{\"account\": {\"id\": \"ops-metrics\", \"seats\": {\"used\": 9, \"limit\": 10}, \"openTickets\": 1}, \"holdoutPercent\": 0}")
                .post("/decide").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("nba_decisions_total"))
                .body(containsString("nba_suppressions_total{guardrail=\"SUPPORT_COOLDOWN\""))
                .body(containsString("nba_decide_seconds"));
    }

    @Test
    void shouldSayWhatEachOfItsMetricsMeans() {
        given().contentType(ContentType.JSON).body("{\"account\": {\"id\": \"ops-help\", \"seats\": {\"used\": 9, \"limit\": 10}, "
                + "\"openTickets\": 1}, \"holdoutPercent\": 0}").post("/decide").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, String> help = new HashMap<>();
        Matcher helpLine = Pattern.compile("(?m)^# HELP (nba_\\w+) ?(.*)$").matcher(metrics);
        while (helpLine.find()) {
            help.put(helpLine.group(1), helpLine.group(2).strip());
        }
        Matcher typeLine = Pattern.compile("(?m)^# TYPE (nba_\\w+) ").matcher(metrics);
        int families = 0;
        while (typeLine.find()) {
            families++;
            String text = help.get(typeLine.group(1));
            assertTrue(text != null && text.split("\\s+").length >= 4, typeLine.group(1) + " has no help text: " + text);
            assertFalse(text.replace(' ', '_').toLowerCase().contains(typeLine.group(1)), text);
        }
        assertTrue(families >= 4, metrics);
    }

    @Test
    void shouldCountAStoredOutcomeOnceByOfferAndOutcome() {
        String decisionId = given().contentType(ContentType.JSON)
                .body("{\"account\": {\"id\": \"ops-outcomes\", \"seats\": {\"used\": 9, \"limit\": 10}}, \"holdoutPercent\": 0}")
                .post("/decide").then().statusCode(200).extract().path("decisionId");
        String accepted = "nba_outcomes_total{offer=\"seat-pack-10\",outcome=\"ACCEPTED\"}";
        String importedAccepted = "nba_contacts_imported_total{outcome=\"ACCEPTED\"}";
        double before = metric(accepted);
        double importedBefore = metric(importedAccepted);

        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"ACCEPTED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(201);
        assertEquals(before + 1, metric(accepted));
        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"ACCEPTED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(200);
        assertEquals(before + 1, metric(accepted));

        // Contacts imported from elsewhere are counted apart, not as outcomes of the service's offers.
        given().contentType(ContentType.JSON).body("[{\"accountId\": \"ops-outcomes\", \"offerId\": \"seat-pack-10\", "
                + "\"outcome\": \"ACCEPTED\", \"at\": \"" + Instant.now().minusSeconds(60) + "\"}]")
                .post("/contact-history").then().statusCode(201);
        assertEquals(before + 1, metric(accepted));
        assertEquals(importedBefore + 1, metric(importedAccepted));
    }

    /** The value of one series on /q/metrics, written as Prometheus writes it; 0 when it does not exist yet. */
    private static double metric(String series) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}

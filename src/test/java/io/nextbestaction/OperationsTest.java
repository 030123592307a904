package io.nextbestaction;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class OperationsTest {

    @Test
    void shouldBeReadyOnceRulesCompiledAndTheDatabaseAnswers() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.status", equalTo("UP"))
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
}

package io.nextbestaction;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A decision-table folder that does not compile leaves the service up but not ready, and /decide says why. */
@QuarkusTest
@TestProfile(NotReadyTest.BrokenTables.class)
class NotReadyTest {

    public static class BrokenTables implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nba.decision-tables.dir", "src/test/resources/broken-decision-tables");
        }
    }

    @Test
    void shouldNotBeReadyWithoutACompiledRuleset() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'rules' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void shouldAnswerDecideWithAProblemUntilRulesAreReady() {
        given().contentType(ContentType.JSON).body("{\"account\": {\"id\": \"not-ready-1\"}}").post("/decide").then()
                .statusCode(503).contentType("application/problem+json").body("title", equalTo("Rules not ready"));
    }
}

package io.nextbestaction.regression;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** An operator who wants no pinned suite says so, and the service becomes ready, saying what that means. */
@QuarkusTest
@TestProfile(NoSuitesAllowedTest.NoSuitesWanted.class)
class NoSuitesAllowedTest {

    public static class NoSuitesWanted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nba.regression.suites-dir", "target/no-such-suite-folder",
                    "nba.regression.allow-no-suites", "true");
        }
    }

    @Test
    void shouldBeReadyWithoutSuitesWhenToldSoExplicitly() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'regression-suites' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'regression-suites' }.data.cases", equalTo(0))
                .body("checks.find { it.name == 'regression-suites' }.data.reason", containsString("run no pinned case"));
    }
}

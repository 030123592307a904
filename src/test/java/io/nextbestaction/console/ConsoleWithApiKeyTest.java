package io.nextbestaction.console;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * With NBA_API_KEY set, the journey tools need the key, and a user signed in to the console still reads decisions
 * ("Why this decision"), with the session or with HTTP Basic; signing in does not stand in for the key otherwise.
 */
@QuarkusTest
@TestProfile(ConsoleWithApiKeyTest.KeyConfigured.class)
class ConsoleWithApiKeyTest {

    static final String KEY = "journey-tool-key-for-tests";

    public static class KeyConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nba.api-key", KEY);
        }
    }

    @Test
    void shouldLetASignedInUserReadDecisionsWithoutTheKey() {
        String decisionId = given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body("{\"account\": {\"id\": \"keyed-1\", \"seats\": {\"used\": 9, \"limit\": 10}}, \"holdoutPercent\": 0}")
                .post("/decide").then().statusCode(200).extract().path("decisionId");
        String viewer = ConsoleSessionTest.signIn("viewer", "viewer-dev-password");

        given().cookie("quarkus-credential", viewer).get("/decisions/" + decisionId).then().statusCode(200)
                .body("accountId", equalTo("keyed-1"));
        given().cookie("quarkus-credential", viewer).queryParam("accountId", "keyed-1").get("/decisions").then()
                .statusCode(200).body("$", hasSize(1));
        given().cookie("quarkus-credential", viewer).get("/decisions/" + decisionId + "/outcomes").then().statusCode(200);
        given().auth().preemptive().basic("viewer", "viewer-dev-password").get("/decisions/" + decisionId).then().statusCode(200);

        given().get("/decisions/" + decisionId).then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("viewer", "wrong-password").get("/decisions/" + decisionId).then().statusCode(401);
        given().cookie("quarkus-credential", viewer).contentType(ContentType.JSON)
                .body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"PRESENTED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(401);
        given().cookie("quarkus-credential", viewer).contentType(ContentType.JSON).body("{\"account\": {\"id\": \"keyed-2\"}}")
                .post("/decide").then().statusCode(401);
        given().header("X-API-Key", KEY).get("/decisions/" + decisionId).then().statusCode(200);
    }
}

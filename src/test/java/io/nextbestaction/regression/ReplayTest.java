package io.nextbestaction.regression;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log is replayed as the service read each request: a field it does not know is ignored, then as now. */
@QuarkusTest
class ReplayTest {

    static final String WITH_COLOURS = """
            {"account": {"id": "%s", "seats": {"used": 9, "limit": 10}, "healthScore": 80, "colour": "red"},
             "channels": ["IN_APP"], "holdoutPercent": 0, "colour": "red"}""";

    static RequestSpecification viewer() {
        return given().auth().preemptive().basic("viewer", "viewer-dev-password");
    }

    @Test
    void shouldReplayALoggedDecisionWithFieldsTheServiceDoesNotKnow() {
        for (String account : new String[] {"replay-colour-1", "replay-colour-2"}) {
            String decisionId = given().contentType(ContentType.JSON).body(WITH_COLOURS.formatted(account)).post("/decide")
                    .then().statusCode(200).body("offers.offerId", contains("seat-pack-10")).extract().path("decisionId");
            given().get("/decisions/" + decisionId).then().statusCode(200)
                    .body("request.colour", equalTo("red")).body("request.account.colour", equalTo("red"));
        }
        // Decided by version 1, the shipped playbook: replayed on it, nothing changes.
        viewer().post("/rulesets/1/replay?last=2").then().statusCode(200)
                .body("replayed", equalTo(2))
                .body("changed", equalTo(0));

        // The same from the command, on the same database and schema, with the shipped folder.
        String schema = ConfigProvider.getConfig().getValue("nba.database.schema", String.class);
        RegressCommandTest.Run run = RegressCommandTest.regress("--replay", "2", "--database", RegressCommandTest.testDatabase(),
                "--schema", schema);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Replay of the last 2 logged decisions"), run.out());
        assertTrue(run.out().contains("0 would change"), run.out());
    }

    @Test
    void shouldAnswerAProblemNamingALoggedDecisionThatCannotBeRead() throws Exception {
        String database = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String decisionId = RegressCommandTest.log(database, "[\"not\", \"a request\"]");
        try {
            viewer().post("/rulesets/1/replay?last=1").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("detail", containsString(decisionId));
        } finally {
            try (Connection connection = DriverManager.getConnection(database, "postgres", "");
                 PreparedStatement delete = connection.prepareStatement("delete from decision where id = cast(? as uuid)")) {
                delete.setString(1, decisionId);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void shouldReadBackAndReplayALoggedRequestWithARepeatedKey() {
        String decisionId = given().contentType(ContentType.JSON).body("""
                        {"account": {"id": "replay-repeated-key", "seats": {"used": 9, "limit": 10}, "healthScore": 10,
                                     "healthScore": 80},
                         "channels": ["IN_APP"], "holdoutPercent": 0}""")
                .post("/decide").then().statusCode(200).body("offers.offerId", contains("seat-pack-10")).extract().path("decisionId");
        given().get("/decisions/" + decisionId).then().statusCode(200).body("request.account.healthScore", equalTo(80));
        viewer().post("/rulesets/1/replay?last=1").then().statusCode(200)
                .body("replayed", equalTo(1))
                .body("changed", equalTo(0));
    }
}

package io.nextbestaction.common.database;

import io.nextbestaction.regression.RegressCommandTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JDBC URL as an operator writes it, naming no schema, and the schema as its own setting: the service starts,
 * decides, stores and reads in that schema, and ./regress reads the same log.
 */
@QuarkusTest
@TestProfile(PlainJdbcUrlTest.PlainUrl.class)
class PlainJdbcUrlTest {

    static final String SCHEMA = "nba_plain_url";

    public static class PlainUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", RegressCommandTest.testDatabase(), "nba.database.schema", SCHEMA);
        }
    }

    @Test
    void shouldDecideStoreAndReadInTheConfiguredSchema() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        assertFalse(url.contains("currentSchema"), url);

        given().auth().preemptive().basic("viewer", "viewer-dev-password").get("/rulesets/active").then()
                .statusCode(200).body("version", equalTo(1));
        String decisionId = given().contentType(ContentType.JSON)
                .body("{\"account\": {\"id\": \"plain-url\", \"seats\": {\"used\": 9, \"limit\": 10}}, \"holdoutPercent\": 0}")
                .post("/decide").then().statusCode(200).body("offers.offerId", hasItem("seat-pack-10"))
                .extract().path("decisionId");
        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"PRESENTED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(201);
        given().contentType(ContentType.JSON).body("[{\"accountId\": \"plain-url\", \"offerId\": \"annual-switch\", "
                + "\"outcome\": \"DISMISSED\", \"at\": \"" + Instant.now().minusSeconds(60) + "\"}]")
                .post("/contact-history").then().statusCode(201);
        given().get("/decisions/" + decisionId).then().statusCode(200).body("accountId", equalTo("plain-url"));

        assertEquals(1, count("select count(*) from " + SCHEMA + ".decision where id = cast('" + decisionId + "' as uuid)"));
        assertEquals(2, count("select count(*) from " + SCHEMA + ".contact_event where account_id = 'plain-url'"));
        assertEquals(1, count("select count(*) from " + SCHEMA + ".ruleset"));

        RegressCommandTest.Run replay = RegressCommandTest.regress("--replay", "1", "--database", url, "--schema", SCHEMA);
        assertEquals(0, replay.exitCode(), replay.err());
        assertTrue(replay.out().contains("Replay of the last 1 logged decision"), replay.out());
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(RegressCommandTest.testDatabase(), "postgres", "");
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}

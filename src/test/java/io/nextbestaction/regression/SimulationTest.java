package io.nextbestaction.regression;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.nextbestaction.regression.ReplayTest.viewer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Try it": any stored version decides a /decide body; nothing is written, whatever the body says. */
@QuarkusTest
class SimulationTest {

    static final String SEATS_NEARLY_FULL = """
            {"requestId": "simulated-%s", "account": {"id": "%s", "seats": {"used": 9, "limit": 10}, "healthScore": 80},
             "channels": ["IN_APP"], "holdoutPercent": 0%s}""";

    @Test
    void shouldDecideAsDecideDoesAndWriteNothing() throws SQLException {
        String account = "simulated-" + System.nanoTime();
        long[] before = rowCounts();
        viewer().contentType(ContentType.JSON).body(SEATS_NEARLY_FULL.formatted(account, account, ""))
                .post("/rulesets/1/simulate").then().statusCode(200)
                .body("accountId", equalTo(account))
                .body("rulesetVersion", startsWith("v1 "))
                .body("offers.offerId", contains("seat-pack-10"))
                .body("suppressed", empty());
        // A history in the body is decided with as given: the dismissal holds the offer back.
        String dismissed = ", \"history\": [{\"offerId\": \"seat-pack-10\", \"outcome\": \"DISMISSED\", \"at\": \"%s\"}]"
                .formatted(Instant.now().minus(2, ChronoUnit.DAYS));
        viewer().contentType(ContentType.JSON).body(SEATS_NEARLY_FULL.formatted(account, account, dismissed))
                .post("/rulesets/1/simulate").then().statusCode(200)
                .body("offers.offerId", empty())
                .body("suppressed.find { it.offerId == 'seat-pack-10' }.guardrail", equalTo("DISMISSED_RECENTLY"));
        long[] after = rowCounts();
        assertEquals(before[0], after[0], "decisions logged");
        assertEquals(before[1], after[1], "contacts stored");
    }

    @Test
    void shouldReadTheStoredHistoryWhenTheBodyHasNone() {
        String account = "simulated-stored-" + System.nanoTime();
        String decisionId = given().contentType(ContentType.JSON)
                .body(SEATS_NEARLY_FULL.formatted(account, account, "")).post("/decide")
                .then().statusCode(200).extract().path("decisionId");
        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"DISMISSED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(201);
        viewer().contentType(ContentType.JSON).body(SEATS_NEARLY_FULL.formatted(account + "-again", account, ""))
                .post("/rulesets/1/simulate").then().statusCode(200)
                .body("suppressed.find { it.offerId == 'seat-pack-10' }.guardrail", equalTo("DISMISSED_RECENTLY"));
        // An empty history in the body means none: the dismissal is not seen.
        viewer().contentType(ContentType.JSON).body(SEATS_NEARLY_FULL.formatted(account + "-none", account, ", \"history\": []"))
                .post("/rulesets/1/simulate").then().statusCode(200)
                .body("offers.offerId", contains("seat-pack-10"));
    }

    @Test
    void shouldNameWhatIsWrong() {
        viewer().contentType(ContentType.JSON)
                .body(SEATS_NEARLY_FULL.formatted("x", "x", ", \"history\": [{\"offerId\": \"seat-pack-10\", \"outcome\": \"DISMISSED\"}]"))
                .post("/rulesets/1/simulate").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("history[0].at"));
        viewer().contentType(ContentType.JSON).body(SEATS_NEARLY_FULL.formatted("x", "x", ""))
                .post("/rulesets/999/simulate").then().statusCode(404);
        given().contentType(ContentType.JSON).body(SEATS_NEARLY_FULL.formatted("x", "x", ""))
                .post("/rulesets/1/simulate").then().statusCode(401);
    }

    private static long[] rowCounts() throws SQLException {
        String database = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection connection = DriverManager.getConnection(database, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select (select count(*) from decision), (select count(*) from contact_event)")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }
}

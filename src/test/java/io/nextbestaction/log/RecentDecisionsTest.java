package io.nextbestaction.log;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An account's recent decisions, newest first, and what happened after a decision: what a reviewer looks up. */
@QuarkusTest
class RecentDecisionsTest {

    private static final String DECIDE = """
            {"account": {"id": "%s", "segment": "SMB", "seats": {"used": 9, "limit": 10}, "healthScore": 80},
             "channels": ["IN_APP"], "holdoutPercent": 0}""";

    @Inject
    AgroalDataSource dataSource;

    private static List<String> decide(String accountId, int times) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            ids.add(given().contentType(ContentType.JSON).body(DECIDE.formatted(accountId)).post("/decide").then()
                    .statusCode(200).extract().path("decisionId"));
        }
        return ids;
    }

    @Test
    void shouldListAnAccountsNewestDecisionsFirst() {
        String account = "recent-" + UUID.randomUUID();
        List<String> ids = decide(account, 3);
        decide("other-" + account, 1);

        given().queryParam("accountId", account).queryParam("limit", 2).get("/decisions").then().statusCode(200)
                .body("decisionId", contains(ids.get(2), ids.get(1)))
                .body("[0].offers", hasItem("seat-pack-10"))
                .body("[0].rulesetVersion", equalTo(given().get("/decisions/" + ids.get(2)).path("rulesetVersion")))
                .body("[0].holdout", equalTo(false));
        given().queryParam("accountId", account).get("/decisions").then().statusCode(200).body("$", hasSize(3));
        given().queryParam("accountId", "never-decided-" + account).get("/decisions").then().statusCode(200).body("$", empty());
    }

    @Test
    void shouldNameAMissingAccountOrALimitOutOfRange() {
        given().get("/decisions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("accountId"));
        given().queryParam("accountId", "acc\u0000").get("/decisions").then().statusCode(400)
                .body("errors[0].field", equalTo("accountId"));
        for (String limit : List.of("0", "101", "ten")) {
            given().queryParam("accountId", "acc-42").queryParam("limit", limit).get("/decisions").then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
    }

    /** However long the log, an account's decisions are read through its index, already in order. */
    @Test
    void shouldReadAnAccountsDecisionsThroughAnIndexWithoutSorting() throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // A test database is small: planner costs would pick a scan and a sort; the question is whether an index
            // gives the order by itself.
            statement.execute("set enable_seqscan = off");
            statement.execute("set enable_bitmapscan = off");
            try (ResultSet rows = statement.executeQuery("""
                    explain select id, request_id, created_at, ruleset_version, holdout, offers, suppressed from decision
                    where account_id = 'acc-42' order by created_at desc limit 20""")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            statement.execute("reset enable_seqscan");
            statement.execute("reset enable_bitmapscan");
        }
        assertTrue(plan.toString().contains("decision_account_created_idx"), plan.toString());
        assertFalse(plan.toString().contains("Sort"), plan.toString());
    }

    @Test
    void shouldShowTheOutcomesRecordedSinceADecision() {
        String account = "since-" + UUID.randomUUID();
        String decisionId = decide(account, 1).get(0);
        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"PRESENTED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(201);
        given().contentType(ContentType.JSON).body("[{\"accountId\": \"" + account + "\", \"offerId\": \"seat-pack-10\", "
                + "\"outcome\": \"PURCHASED\", \"at\": \"" + Instant.now() + "\"}]").post("/contact-history").then().statusCode(201);
        given().contentType(ContentType.JSON).body("[{\"accountId\": \"" + account + "\", \"offerId\": \"annual-switch\", "
                + "\"outcome\": \"DISMISSED\", \"at\": \"" + Instant.now().minusSeconds(86_400) + "\"}]").post("/contact-history").then().statusCode(201);

        given().get("/decisions/" + decisionId + "/outcomes").then().statusCode(200)
                .body("accountId", equalTo(account))
                .body("contacts.outcome", contains("PRESENTED", "PURCHASED"))
                .body("contacts.decisionId", contains(decisionId, null))
                .body("contacts.offerId", contains("seat-pack-10", "seat-pack-10"));
        given().get("/decisions/" + UUID.randomUUID() + "/outcomes").then().statusCode(404).contentType("application/problem+json");
    }
}

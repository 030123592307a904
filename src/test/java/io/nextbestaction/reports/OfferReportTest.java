package io.nextbestaction.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Offer performance from seeded decisions and outcomes, the expected counts and intervals worked out by hand. Each
 * test logs its decisions under its own ruleset version label and reads its own group.
 */
@QuarkusTest
class OfferReportTest {

    static final String RULE = "perf.drl.xlsx › Perf row 5: perf offer";

    @Inject
    ReportRollup rollup;

    static RequestSpecification viewer() {
        return given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)))
                .auth().preemptive().basic("viewer", "viewer-dev-password");
    }

    @Test
    void shouldCountEachOfferPairOnceWhateverTheOrderOfItsOutcomes() throws SQLException {
        String version = "perf-" + UUID.randomUUID();
        List<UUID> shown = new ArrayList<>();
        try (Connection db = connect()) {
            for (int i = 0; i < 10; i++) {
                shown.add(decision(db, version, false));
            }
            decision(db, version, true);   // held out: shows nothing, counts nothing
            for (int i = 0; i < 8; i++) {
                outcome(db, shown.get(i), "PRESENTED");
            }
            for (int i = 0; i < 3; i++) {
                outcome(db, shown.get(i), "ACCEPTED");
            }
            outcome(db, shown.get(0), "PURCHASED");   // accepted and purchased: one conversion
            outcome(db, shown.get(8), "ACCEPTED");    // accepted, never presented: not a conversion per presented
            outcome(db, shown.get(3), "DISMISSED");
            outcome(db, shown.get(4), "DISMISSED");
            outcome(db, shown.get(5), "CLICKED");
        }
        rollup.refresh();
        byVersion()
                .body(group(version, "decisions"), equalTo(10))
                .body(group(version, "presented"), equalTo(8))
                .body(group(version, "clicked"), equalTo(1))
                .body(group(version, "accepted"), equalTo(4))
                .body(group(version, "purchased"), equalTo(1))
                .body(group(version, "dismissed"), equalTo(2))
                .body(group(version, "conversion.successes"), equalTo(3))
                .body(group(version, "conversion.trials"), equalTo(8))
                .body(group(version, "conversion.rate"), closeTo(0.375, 1e-6))
                .body(group(version, "conversion.low"), closeTo(0.136844, 1e-6))
                .body(group(version, "conversion.high"), closeTo(0.694258, 1e-6))
                .body(group(version, "dismissal.rate"), closeTo(0.25, 1e-6))
                .body(group(version, "dismissal.low"), closeTo(0.071479, 1e-6))
                .body(group(version, "dismissal.high"), closeTo(0.590725, 1e-6));

        // Later outcomes add to the same decisions' day: the late presentation makes the early acceptance count.
        try (Connection db = connect()) {
            outcome(db, shown.get(8), "PRESENTED");
            outcome(db, shown.get(1), "PURCHASED");
        }
        rollup.refresh();
        byVersion()
                .body(group(version, "presented"), equalTo(9))
                .body(group(version, "purchased"), equalTo(2))
                .body(group(version, "conversion.successes"), equalTo(4))
                .body(group(version, "conversion.rate"), closeTo(0.444444, 1e-6))
                .body(group(version, "conversion.low"), closeTo(0.188779, 1e-6))
                .body(group(version, "conversion.high"), closeTo(0.733349, 1e-6));
        // Counted once: another run finds nothing new.
        rollup.refresh();
        byVersion().body(group(version, "presented"), equalTo(9)).body(group(version, "decisions"), equalTo(10));
    }

    @Test
    void shouldGroupByEveryDimensionAndAnswerCsv() throws SQLException {
        String version = "perf-" + UUID.randomUUID();
        try (Connection db = connect()) {
            outcome(db, decision(db, version, false), "PRESENTED");
        }
        rollup.refresh();
        for (String by : new String[] {"offer", "rule", "segment", "channel", "version", "day"}) {
            viewer().get("/reports/offers?by=" + by).then().statusCode(200).body("by", equalTo(by.toUpperCase()));
        }
        viewer().get("/reports/offers?by=rule").then().body("groups.find { it.key == '" + RULE + "' }", notNullValue());
        viewer().get("/reports/offers?by=segment").then().body("groups.find { it.key == 'MID_MARKET' }", notNullValue());
        viewer().get("/reports/offers?by=channel").then().body("groups.find { it.key == 'EMAIL' }", notNullValue());
        viewer().accept("text/csv").get("/reports/offers?by=version").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("version,decisions,presented,clicked,accepted,purchased,dismissed,conversion_rate"))
                .body(containsString("\"" + version + "\",1,1,0,0,0,0,0.000000,0.000000,0.793451,0.000000,0.000000,0.793451"));
    }

    @Test
    void shouldCountADecisionOfTheServiceInItsSegment() throws SQLException {
        String account = "perf-enterprise-" + UUID.randomUUID();
        String decisionId = given().contentType("application/json").body("""
                        {"account": {"id": "%s", "segment": "ENTERPRISE", "seats": {"used": 9, "limit": 10}, "healthScore": 80},
                         "channels": ["IN_APP"], "holdoutPercent": 0}""".formatted(account))
                .post("/decide").then().statusCode(200).extract().path("decisionId");
        given().contentType("application/json").body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"PRESENTED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(201);
        int before = enterprisePresented();
        rollup.refresh();
        assertEquals(before + 1, enterprisePresented());
    }

    private static int enterprisePresented() {
        Integer presented = viewer().get("/reports/offers?by=segment").then().statusCode(200)
                .extract().path("groups.find { it.key == 'ENTERPRISE' }.presented");
        return presented == null ? 0 : presented;
    }

    @Test
    void shouldNameAWrongParameter() {
        viewer().get("/reports/offers?by=colour").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("by"));
        viewer().get("/reports/offers?from=yesterday").then().statusCode(400).body("errors[0].field", equalTo("from"));
        viewer().get("/reports/offers?from=2026-12-02&to=2026-12-01").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().get("/reports/offers").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse byVersion() {
        return viewer().get("/reports/offers?by=version").then().statusCode(200).body("asOf", notNullValue());
    }

    private static String group(String key, String field) {
        return "groups.find { it.key == '" + key + "' }." + field;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                "postgres", "");
    }

    private static UUID decision(Connection db, String version, boolean holdout) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into decision (id, account_id, ruleset_version, request, offers, suppressed, response, holdout, created_at)
                values (?, ?, ?, cast(? as json), cast(? as jsonb), '[]', '{}', ?, clock_timestamp())""")) {
            insert.setObject(1, id);
            insert.setString(2, "acc-" + id);
            insert.setString(3, version);
            insert.setString(4, "{\"account\": {\"id\": \"acc-" + id + "\", \"segment\": \"MID_MARKET\"}}");
            insert.setString(5, "[{\"offerId\": \"perf-offer\", \"channel\": \"EMAIL\", \"reasons\": [\"" + RULE + "\", \"score\"]}]");
            insert.setBoolean(6, holdout);
            insert.executeUpdate();
        }
        return id;
    }

    private static void outcome(Connection db, UUID decision, String outcome) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into contact_event (account_id, offer_id, outcome, at, decision_id, recorded_at)
                values (?, 'perf-offer', ?, clock_timestamp(), ?, clock_timestamp())""")) {
            insert.setString(1, "acc-" + decision);
            insert.setString(2, outcome);
            insert.setObject(3, decision);
            insert.executeUpdate();
        }
    }
}

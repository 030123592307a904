package io.nextbestaction.experiments;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.reports.ReportRollup;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The comparison of an experiment's arms from seeded decisions and contacts, each figure worked out by hand. The seeded
 * experiments are stopped: no decision of the other tests falls in them.
 */
@QuarkusTest
class ExperimentReportTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReportRollup rollup;

    private static RequestSpecification viewer() {
        return RestAssured.given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)))
                .auth().preemptive().basic("viewer", "viewer-dev-password");
    }

    /**
     * Challenger: 40 accounts decided twice (80 decisions, all with an offer); accounts 1-10 were presented the offer of
     * their first decision, 0-4 accepted it 2 hours later, 5-11 bought a seat pack elsewhere 2 hours later: 12 of 40
     * converted, 4 of 10 presented offers converted. Champion: 40 accounts decided once, the even ones with an offer
     * (20 of 40); 0-7 presented (8), 0 purchased through the offer and 1 elsewhere: 2 of 40 converted, 1 of 8 presented.
     * Every account also converted a day before its first decision and 20 days after it: neither counts within P14D.
     */
    @Test
    void shouldCompareTheArmsAndFindTheSeededDifferenceSignificant() throws SQLException {
        long id;
        try (Connection db = dataSource.getConnection()) {
            id = experiment(db);
            for (int i = 0; i < 40; i++) {
                String account = "challenger-" + id + "-" + i;
                UUID first = decision(db, id, "CHALLENGER", account, true);
                decision(db, id, "CHALLENGER", account, true);
                if (i >= 1 && i <= 10) {
                    contact(db, account, first, "PRESENTED", "1 minute");
                }
                if (i <= 4) {
                    contact(db, account, first, "ACCEPTED", "2 hours");
                } else if (i <= 11) {
                    contact(db, account, null, "PURCHASED", "2 hours");
                }
                contact(db, account, null, "PURCHASED", "-1 day");
                contact(db, account, null, "PURCHASED", "20 days");
            }
            for (int i = 0; i < 40; i++) {
                String account = "champion-" + id + "-" + i;
                UUID first = decision(db, id, "CHAMPION", account, i % 2 == 0);
                if (i <= 7) {
                    contact(db, account, first, "PRESENTED", "1 minute");
                }
                if (i == 0) {
                    contact(db, account, first, "PURCHASED", "2 hours");
                } else if (i == 1) {
                    contact(db, account, null, "PURCHASED", "2 hours");
                }
                contact(db, account, null, "PURCHASED", "-1 day");
                contact(db, account, null, "PURCHASED", "20 days");
            }
        }
        rollup.refresh();
        viewer().get("/experiments/" + id).then().statusCode(200)
                .body("window", equalTo("PT336H"))
                .body("asOf", notNullValue())
                .body("challenger.decisions", equalTo(80))
                .body("challenger.accounts", equalTo(40))
                .body("challenger.rulesetVersions", equalTo(List.of("seeded")))
                .body("challenger.offerRate.rate", closeTo(1.0, 1e-9))
                .body("challenger.offersPresented", equalTo(10))
                // Wilson, 4 of 10: (0.4 + z²/20 ± z·sqrt(0.024 + z²/400)) / (1 + z²/10), z = 1.959964
                .body("challenger.convertedPerPresented.rate", closeTo(0.4, 1e-9))
                .body("challenger.convertedPerPresented.low", closeTo(0.168180, 1e-6))
                .body("challenger.convertedPerPresented.high", closeTo(0.687326, 1e-6))
                .body("challenger.accountConversion.successes", equalTo(12))
                .body("challenger.accountConversion.rate", closeTo(0.3, 1e-9))
                .body("champion.decisions", equalTo(40))
                .body("champion.offerRate.rate", closeTo(0.5, 1e-9))
                .body("champion.offersPresented", equalTo(8))
                .body("champion.convertedPerPresented.rate", closeTo(0.125, 1e-9))
                .body("champion.accountConversion.successes", equalTo(2))
                .body("champion.accountConversion.rate", closeTo(0.05, 1e-9))
                // 0.30 - 0.05; Newcombe: 0.25 - hypot(0.30 - 0.180748, 0.165039 - 0.05), 0.25 + hypot(0.454300 - 0.30, 0.05 - 0.013821)
                .body("comparison.absolute.value", closeTo(0.25, 1e-6))
                .body("comparison.absolute.low", closeTo(0.084305, 1e-6))
                .body("comparison.absolute.high", closeTo(0.408485, 1e-6))
                // 0.30 / 0.05 - 1; log-ratio interval with se = sqrt(1/12 - 1/40 + 1/2 - 1/40)
                .body("comparison.relative.value", closeTo(5.0, 1e-6))
                .body("comparison.relative.low", closeTo(0.433909, 1e-6))
                .body("comparison.relative.high", closeTo(24.106199, 1e-6))
                // pooled 14/80: z = 0.25 / sqrt(0.175 · 0.825 · (2/40)) = 2.942, two-sided p = 0.003256
                .body("comparison.pValue", closeTo(0.003256, 1e-6))
                .body("comparison.significant", equalTo(true))
                .body("comparison.verdict", equalTo("significant (p = 0.003): the challenger converts 25.0 points more"
                        + " (95 % interval 8.4 to 40.8), over 40 challenger and 40 champion accounts"));
        // Within an hour nobody converted.
        viewer().get("/experiments/" + id + "?window=PT1H").then().statusCode(200)
                .body("challenger.accountConversion.successes", equalTo(0))
                .body("champion.accountConversion.successes", equalTo(0))
                .body("comparison.relative", nullValue())
                .body("comparison.significant", equalTo(false));
    }

    @Test
    void shouldNotFindANullDifferenceSignificant() throws SQLException {
        long id;
        try (Connection db = dataSource.getConnection()) {
            id = experiment(db);
            for (String arm : new String[] {"CHAMPION", "CHALLENGER"}) {
                for (int i = 0; i < 40; i++) {
                    String account = arm + "-" + id + "-" + i;
                    decision(db, id, arm, account, true);
                    if (i < 6) {
                        contact(db, account, null, "PURCHASED", "2 hours");
                    }
                }
            }
        }
        rollup.refresh();
        viewer().get("/experiments/" + id).then().statusCode(200)
                .body("comparison.absolute.value", closeTo(0.0, 1e-9))
                .body("comparison.pValue", closeTo(1.0, 1e-6))
                .body("comparison.significant", equalTo(false))
                .body("comparison.verdict", containsString("not significant yet (p = 1.000): 40 challenger and 40 champion accounts"));
    }

    @Test
    void shouldNameAWrongWindow() throws SQLException {
        long id;
        try (Connection db = dataSource.getConnection()) {
            id = experiment(db);
        }
        rollup.refresh();
        viewer().get("/experiments/" + id).then().statusCode(200)
                .body("comparison.verdict", equalTo("no comparison yet: 0 challenger and 0 champion accounts"));
        viewer().get("/experiments/" + id + "?window=two weeks").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("window"));
        viewer().get("/experiments/" + id + "?window=PT90M").then().statusCode(400).body("errors[0].field", equalTo("window"));
    }

    /** A stopped experiment, so that only the seeded decisions are in it. */
    private static long experiment(Connection db) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into experiment (key, challenger_version, champion_version, share_percent, status, started_by, started_at)
                values ('seeded', 1, 1, 50, 'STOPPED', 'analyst', now()) returning id""");
             ResultSet row = insert.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A decision made now: after the rollup's watermark, so that its next run counts it. */
    private static UUID decision(Connection db, long experiment, String arm, String account, boolean offered) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into decision (id, account_id, ruleset_version, experiment_id, arm, request, offers, suppressed,
                                      response, holdout, created_at)
                values (?, ?, 'seeded', ?, ?, '{}', cast(? as jsonb), '[]', '{}', false, clock_timestamp())""")) {
            insert.setObject(1, id);
            insert.setString(2, account);
            insert.setLong(3, experiment);
            insert.setString(4, arm);
            insert.setString(5, offered ? "[{\"offerId\": \"seat-pack-10\"}]" : "[]");
            insert.executeUpdate();
        }
        return id;
    }

    /** An outcome of the decision, or (without one) a contact imported from elsewhere, this long after now (just after the first decision). */
    private static void contact(Connection db, String account, UUID decision, String outcome, String after) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into contact_event (account_id, offer_id, outcome, at, decision_id)
                values (?, 'seat-pack-10', ?, clock_timestamp() + cast(? as interval), ?)""")) {
            insert.setString(1, account);
            insert.setString(2, outcome);
            insert.setString(3, after);
            insert.setObject(4, decision);
            insert.executeUpdate();
        }
    }
}

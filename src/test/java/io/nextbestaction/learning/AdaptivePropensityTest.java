package io.nextbestaction.learning;

import io.nextbestaction.decide.LearnedCounts;
import io.nextbestaction.reports.ReportRollup;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The shipped row "Seat pack: seats nearly full" (add-on.drl.xlsx, Learn 50, propensity 0.4) learns from seeded
 * decisions and outcomes: once the rollup and the learned counts are refreshed, /decide ranks with the posterior mean
 * and says so; a replay, a simulation and the regression gate keep the table's value unless told otherwise.
 */
@QuarkusTest
class AdaptivePropensityTest {

    private static final String VERSION = "learning-test";
    /** Seats 9 of 10 (row 14: seat pack, 0.4 × 150 = 60) and storage 90 of 100 (row 15: storage add-on, 0.45 × 100 = 45). */
    private static final String REQUEST = """
            {"account": {"id": "%s", "segment": "SMB", "seats": {"used": 9, "limit": 10},
                         "usage": {"storageGb": {"used": 90, "limit": 100}}, "healthScore": 80},
             "channels": ["IN_APP"], "holdoutPercent": 0}""";

    @Inject
    ReportRollup rollup;
    @Inject
    LearnedState learned;

    @AfterEach
    void forgetWhatWasLearned() throws SQLException {
        try (Connection db = connect(); PreparedStatement delete = db.prepareStatement(
                "delete from offer_rollup where ruleset_version = ?; delete from learned_propensity")) {
            delete.setString(1, VERSION);
            delete.execute();
        }
        learned.reload();
    }

    @Test
    void shouldDecideWithTheLearnedPropensityAndExplainIt() throws SQLException {
        rollup.refresh();
        LearnedCounts.Counts before = learned.refresh().of("seat-pack-10", "SMB");
        // 1,204 presentations; 100 accepted, 15 purchased, 5 both: 120 acceptances. 10 accepted unseen count for nothing.
        seed(1204, 100, 15, 5, 10);
        rollup.refresh();
        learned.refresh();

        long presentations = before.presentations() + 1204;
        double expected = Math.round((0.4 * 50 + before.acceptances() + 120) / (50.0 + presentations) * 1e4) / 1e4;
        String explanation = String.format(Locale.ROOT, "propensity %s = learned from %,d presentations (table prior 0.4)",
                expected, presentations);
        // 0.1116 × 150 = 16.74: the seat pack falls behind the storage add-on (45).
        String decisionId = decide("learning-acc-1")
                .body("offers.offerId", equalTo(List.of("storage-addon-100gb", "seat-pack-10")))
                .body("offers[1].propensity", equalTo((float) expected))
                .body("offers[1].reasons[1]", equalTo(explanation))
                .body("offers[1].reasons[2]", equalTo("score " + Math.round(expected * 150 * 1e6) / 1e6 + " = propensity "
                        + expected + " × value 150.0 × lever 1.0 × placement weight 1.0"))
                .body("offers[0].reasons.size()", equalTo(2))
                .extract().path("decisionId");
        given().get("/decisions/" + decisionId).then().statusCode(200)
                .body("response.offers[1].reasons", hasItem(explanation));

        // Replay pins the tables' values by default: the logged decision would have put the seat pack first.
        int active = viewer().get("/rulesets/active").then().statusCode(200).extract().path("version");
        viewer().post("/rulesets/" + active + "/replay?last=1").then().statusCode(200)
                .body("changed", equalTo(1)).body("topOfferChanged", equalTo(1));
        viewer().post("/rulesets/" + active + "/replay?last=1&propensities=learned").then().statusCode(200)
                .body("changed", equalTo(0));
        viewer().post("/rulesets/" + active + "/replay?propensities=newest").then().statusCode(400)
                .body("errors[0].field", equalTo("propensities"));
        // "Try it" and the regression gate decide with the tables' values.
        viewer().contentType("application/json").body(REQUEST.formatted("learning-acc-2"))
                .post("/rulesets/" + active + "/simulate").then().statusCode(200)
                .body("offers.offerId", equalTo(List.of("seat-pack-10", "storage-addon-100gb")))
                .body("offers[0].propensity", equalTo(0.4f))
                .body("offers[0].reasons", not(hasItem(explanation)));
        viewer().post("/rulesets/" + active + "/regression").then().statusCode(200).body("failed", equalTo(0));
    }

    @Test
    void shouldServeTheTableValueWhileNothingWasPresentedInTheSegment() throws SQLException {
        learned.refresh();
        // Enterprise: the other tests' outcomes, counted by whichever test ran the rollup first, are SMB or no segment.
        given().contentType("application/json").body(REQUEST.formatted("learning-acc-3").replace("SMB", "ENTERPRISE"))
                .post("/decide").then().statusCode(200).body("offers.offerId", equalTo(List.of("seat-pack-10", "storage-addon-100gb")))
                .body("offers[0].propensity", equalTo(0.4f))
                .body("offers[0].reasons[1]", equalTo("propensity 0.4 = learned from 0 presentations (table prior 0.4)"));
    }

    private static ValidatableResponse decide(String account) {
        return given().contentType("application/json").body(REQUEST.formatted(account)).post("/decide").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification viewer() {
        return given().auth().preemptive().basic("viewer", "viewer-dev-password");
    }

    /** Decisions that showed the seat pack in SMB, and their outcomes: presented, accepted, purchased, both, accepted unseen. */
    private static void seed(int presented, int accepted, int purchased, int both, int acceptedUnseen) throws SQLException {
        int total = presented + acceptedUnseen;
        try (Connection db = connect(); PreparedStatement decisions = db.prepareStatement("""
                insert into decision (id, account_id, ruleset_version, request, offers, suppressed, response, holdout, created_at, segment)
                select md5('learning' || i)::uuid, 'learning-seed-' || i, ?, '{"account": {"id": "x"}}',
                       '[{"offerId": "seat-pack-10", "channel": "IN_APP", "reasons": ["add-on.drl.xlsx › Add-ons row 14: Seat pack: seats nearly full"]}]',
                       '[]', '{}', false, clock_timestamp(), 'SMB'
                from generate_series(1, ?) i""");
             PreparedStatement outcomes = db.prepareStatement("""
                insert into contact_event (account_id, offer_id, outcome, at, decision_id, recorded_at)
                select 'learning-seed-' || i, 'seat-pack-10', outcome, clock_timestamp(), md5('learning' || i)::uuid, clock_timestamp()
                from generate_series(1, ?) i cross join lateral (values
                    (case when i <= ? then 'PRESENTED' end),
                    (case when i <= ? or (i > ? and i <= ?) or i > ? then 'ACCEPTED' end),
                    (case when i > ? and i <= ? then 'PURCHASED' end)) o(outcome)
                where outcome is not null""")) {
            decisions.setString(1, VERSION);
            decisions.setInt(2, total);
            decisions.executeUpdate();
            // 1..accepted: ACCEPTED; accepted+1 .. +purchased: PURCHASED; the next `both`: ACCEPTED and PURCHASED.
            int purchasedTo = accepted + purchased;
            int bothTo = purchasedTo + both;
            outcomes.setInt(1, total);
            outcomes.setInt(2, presented);
            outcomes.setInt(3, accepted);
            outcomes.setInt(4, purchasedTo);
            outcomes.setInt(5, bothTo);
            outcomes.setInt(6, presented);
            outcomes.setInt(7, accepted);
            outcomes.setInt(8, bothTo);
            outcomes.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                "postgres", "");
    }
}

package io.nextbestaction.reports;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static io.nextbestaction.reports.OfferReportTest.connect;
import static io.nextbestaction.reports.OfferReportTest.viewer;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The lift against the holdout from seeded decisions and imported contacts, the expected figures worked out by hand
 * (LiftTest): each test has its own experiment key.
 */
@QuarkusTest
class LiftReportTest {

    @Inject
    ReportRollup rollup;

    @Test
    void shouldFindTheSeededLiftSignificant() throws SQLException {
        String key = "lift-" + UUID.randomUUID();
        try (Connection db = connect()) {
            seed(db, key, false, 40, 12);
            seed(db, key, true, 40, 2);
        }
        rollup.refresh();
        viewer().get("/reports/lift?experimentKey=" + key).then().statusCode(200)
                .body("window", equalTo("PT336H"))
                .body("overall.treated.trials", equalTo(40))
                .body("overall.treated.successes", equalTo(12))
                .body("overall.heldOut.trials", equalTo(40))
                .body("overall.heldOut.successes", equalTo(2))
                .body("overall.absolute.value", closeTo(0.25, 1e-6))
                .body("overall.absolute.low", closeTo(0.084305, 1e-6))
                .body("overall.absolute.high", closeTo(0.408485, 1e-6))
                .body("overall.relative.value", closeTo(5.0, 1e-6))
                .body("overall.relative.low", closeTo(0.433909, 1e-6))
                .body("overall.relative.high", closeTo(24.106199, 1e-6))
                .body("overall.pValue", closeTo(0.003256, 1e-6))
                .body("overall.significant", equalTo(true))
                // The imported contacts are seat packs: add-ons in the serving catalog.
                .body("byOfferType.ADD_ON.treated.successes", equalTo(12))
                .body("byOfferType.UPSELL.treated.successes", equalTo(0))
                .body("byOfferType.UPSELL.relative", nullValue());
        // A shorter window leaves out the conversions that came after it.
        viewer().get("/reports/lift?experimentKey=" + key + "&window=PT1H").then().statusCode(200)
                .body("overall.treated.successes", equalTo(0));
        // An earlier purchase recorded late moves its account to the shorter delay, counted once.
        try (Connection db = connect()) {
            contact(db, key + "-false-39", "30 minutes");
        }
        rollup.refresh();
        viewer().get("/reports/lift?experimentKey=" + key).then().statusCode(200)
                .body("overall.treated.successes", equalTo(13))
                .body("byOfferType.ADD_ON.treated.successes", equalTo(13));
        viewer().get("/reports/lift?experimentKey=" + key + "&window=PT1H").then().statusCode(200)
                .body("overall.treated.successes", equalTo(1));
    }

    @Test
    void shouldNotFindANullDifferenceSignificant() throws SQLException {
        String key = "lift-" + UUID.randomUUID();
        try (Connection db = connect()) {
            seed(db, key, false, 40, 6);
            seed(db, key, true, 40, 6);
        }
        rollup.refresh();
        viewer().get("/reports/lift?experimentKey=" + key).then().statusCode(200)
                .body("overall.absolute.value", closeTo(0.0, 1e-9))
                .body("overall.pValue", closeTo(1.0, 1e-6))
                .body("overall.significant", equalTo(false));
    }

    @Test
    void shouldNameAWrongWindow() {
        viewer().get("/reports/lift?window=two weeks").then().statusCode(400).body("errors[0].field", equalTo("window"));
        viewer().get("/reports/lift?window=P0D").then().statusCode(400).body("errors[0].field", equalTo("window"));
        viewer().get("/reports/lift?window=PT90M").then().statusCode(400).body("errors[0].field", equalTo("window"));
    }

    /**
     * {@code accounts} accounts decided once under the key; {@code converted} of them bought a seat pack two hours
     * later (imported), and every account also one a day before its decision and one 20 days after (neither counts).
     */
    private static void seed(Connection db, String key, boolean holdout, int accounts, int converted) throws SQLException {
        for (int i = 0; i < accounts; i++) {
            String account = key + "-" + holdout + "-" + i;
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into decision (id, account_id, experiment_key, ruleset_version, request, offers, suppressed,
                                          response, holdout, created_at)
                    values (?, ?, ?, 'lift', '{}', '[]', '[]', '{}', ?, clock_timestamp())""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, account);
                insert.setString(3, key);
                insert.setBoolean(4, holdout);
                insert.executeUpdate();
            }
            contact(db, account, "-1 day");
            contact(db, account, "20 days");
            if (i < converted) {
                contact(db, account, "2 hours");
            }
        }
    }

    private static void contact(Connection db, String account, String after) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into contact_event (account_id, offer_id, outcome, at, recorded_at)
                values (?, 'seat-pack-10', 'PURCHASED', clock_timestamp() + cast(? as interval), clock_timestamp())""")) {
            insert.setString(1, account);
            insert.setString(2, after);
            insert.executeUpdate();
        }
    }
}

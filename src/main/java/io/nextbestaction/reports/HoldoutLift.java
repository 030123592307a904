package io.nextbestaction.reports;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.rules.facts.OfferType;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lift against the holdout, summed from the daily counts the rollup keeps. */
@ApplicationScoped
public class HoldoutLift {

    /** The key of conversions of any offer type in holdout_conversion. */
    private static final String ANY_TYPE = "";

    private final AgroalDataSource dataSource;
    private final ReportRollup rollup;

    public HoldoutLift(AgroalDataSource dataSource, ReportRollup rollup) {
        this.dataSource = dataSource;
        this.rollup = rollup;
    }

    public LiftReport report(String experimentKey, LocalDate from, LocalDate to, Duration window) throws SQLException {
        Instant asOf = rollup.upTo().orElse(null);
        long[] accounts = new long[2];
        Map<String, long[]> converted = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = connection.prepareStatement("""
                    select holdout, sum(accounts) from holdout_daily
                    where experiment_key = ? and day >= ? and day <= ? group by holdout""")) {
                bind(query, experimentKey, from, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        accounts[rows.getBoolean(1) ? 1 : 0] = rows.getLong(2);
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    select holdout, offer_type, sum(accounts) from holdout_daily_conversion
                    where experiment_key = ? and day >= ? and day <= ? and delay_hours <= ?
                    group by 1, 2""")) {
                bind(query, experimentKey, from, to);
                query.setLong(4, window.toHours());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        converted.computeIfAbsent(rows.getString(2), t -> new long[2])[rows.getBoolean(1) ? 1 : 0] = rows.getLong(3);
                    }
                }
            }
        }
        Map<String, Lift> byType = new LinkedHashMap<>();
        for (OfferType type : OfferType.values()) {
            byType.put(type.name(), lift(converted.get(type.name()), accounts));
        }
        return new LiftReport(experimentKey, from, to, window.toString(), asOf, lift(converted.get(ANY_TYPE), accounts), byType);
    }

    private static Lift lift(long[] converted, long[] accounts) {
        long[] k = converted == null ? new long[2] : converted;
        return Lift.of(k[0], accounts[0], k[1], accounts[1]);
    }

    private static void bind(PreparedStatement query, String experimentKey, LocalDate from, LocalDate to) throws SQLException {
        query.setString(1, experimentKey);
        query.setObject(2, from);
        query.setObject(3, to);
    }
}

package io.nextbestaction.experiments;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.decide.Arm;
import io.nextbestaction.reports.Lift;
import io.nextbestaction.reports.Proportion;
import io.nextbestaction.reports.ReportRollup;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sums an experiment's arms from the counts the reports' rollup keeps (ReportRollup): a few rows per arm, however many
 * decisions the experiment has, as of the rollup's watermark.
 */
@ApplicationScoped
class ExperimentComparison {

    private static final String DECISIONS = """
            select arm, sum(decisions), sum(offered), sum(presented), sum(presented_converted),
                   array_agg(ruleset_version order by ruleset_version) filter (where decisions > 0)
            from experiment_rollup where experiment_id = ? group by arm""";
    private static final String ACCOUNTS = "select arm, accounts from experiment_accounts where experiment_id = ?";
    /** An account converts as /reports/lift says: an ACCEPTED or PURCHASED contact within the window after its first decision. */
    private static final String CONVERTED = """
            select arm, sum(accounts) from experiment_conversion
            where experiment_id = ? and delay_hours <= ? group by arm""";

    /** What is counted per arm. */
    private static final class Counts {
        long decisions;
        long accounts;
        long offered;
        List<String> versions = List.of();
        long presented;
        long presentedConverted;
        long converted;
    }

    private final AgroalDataSource dataSource;

    ExperimentComparison(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    ExperimentReport report(Experiment experiment, Duration window) throws SQLException {
        Map<Arm, Counts> arms = new EnumMap<>(Arm.class);
        for (Arm arm : Arm.values()) {
            arms.put(arm, new Counts());
        }
        Instant asOf;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                asOf = count(connection, experiment.id(), window, arms);
                connection.commit();
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        Counts champion = arms.get(Arm.CHAMPION);
        Counts challenger = arms.get(Arm.CHALLENGER);
        Lift lift = Lift.of(challenger.converted, challenger.accounts, champion.converted, champion.accounts);
        return new ExperimentReport(experiment, window.toString(), asOf, figures(champion), figures(challenger),
                new ExperimentReport.Comparison(lift.absolute(), lift.relative(), lift.pValue(), lift.significant(),
                        verdict(lift, challenger.accounts, champion.accounts)));
    }

    /** The counts and the watermark they were counted to, in one read-only snapshot: a rollup run commits them together. */
    private static Instant count(Connection connection, long id, Duration window, Map<Arm, Counts> arms) throws SQLException {
        try (PreparedStatement snapshot = connection.prepareStatement("set transaction isolation level repeatable read, read only")) {
            snapshot.execute();
        }
        Instant asOf = ReportRollup.upTo(connection).orElse(null);
        try (PreparedStatement query = connection.prepareStatement(DECISIONS)) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Counts c = arms.get(Arm.valueOf(rows.getString(1)));
                    c.decisions = rows.getLong(2);
                    c.offered = rows.getLong(3);
                    c.presented = rows.getLong(4);
                    c.presentedConverted = rows.getLong(5);
                    Array versions = rows.getArray(6);
                    c.versions = versions == null ? List.of() : List.of((String[]) versions.getArray());
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(ACCOUNTS)) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    arms.get(Arm.valueOf(rows.getString(1))).accounts = rows.getLong(2);
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(CONVERTED)) {
            query.setLong(1, id);
            query.setLong(2, window.toHours());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    arms.get(Arm.valueOf(rows.getString(1))).converted = rows.getLong(2);
                }
            }
        }
        return asOf;
    }

    private static ExperimentReport.ArmFigures figures(Counts c) {
        return new ExperimentReport.ArmFigures(c.decisions, c.accounts, c.versions, Proportion.of(c.offered, c.decisions),
                c.presented, Proportion.of(c.presentedConverted, c.presented), Proportion.of(c.converted, c.accounts));
    }

    /** The comparison in a sentence, for someone who does not read intervals. */
    static String verdict(Lift lift, long challengerAccounts, long championAccounts) {
        String accounts = String.format(Locale.ENGLISH, "%,d challenger and %,d champion accounts", challengerAccounts, championAccounts);
        if (lift.absolute() == null) {
            return "no comparison yet: " + accounts;
        }
        Lift.Estimate d = lift.absolute();
        String difference = String.format(Locale.ENGLISH, "the challenger converts %.1f points %s (95 %% interval %.1f to %.1f)",
                Math.abs(d.value()) * 100, d.value() < 0 ? "less" : "more", d.low() * 100, d.high() * 100);
        String p = String.format(Locale.ENGLISH, "p = %.3f", lift.pValue());
        return lift.significant()
                ? "significant (" + p + "): " + difference + ", over " + accounts
                : "not significant yet (" + p + "): " + accounts + "; " + difference;
    }
}

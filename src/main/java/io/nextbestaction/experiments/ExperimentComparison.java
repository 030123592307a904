package io.nextbestaction.experiments;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.decide.Arm;
import io.nextbestaction.reports.Lift;
import io.nextbestaction.reports.Proportion;
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
 * Counts an experiment's arms from the decision log at each request: only its own decisions are read (the log's
 * index by experiment), and the outcomes and contacts that followed them (by decision and by account).
 */
@ApplicationScoped
class ExperimentComparison {

    private static final String DECISIONS = """
            select arm, count(*), count(distinct account_id), count(*) filter (where jsonb_array_length(offers) > 0),
                   array_agg(distinct ruleset_version order by ruleset_version)
            from decision where experiment_id = ? group by arm""";
    /** The (decision, offer) pairs presented, and those also accepted or purchased, as /reports/offers counts a conversion. */
    private static final String OFFERS = """
            select arm, count(*) filter (where presented), count(*) filter (where presented and converted)
            from (select d.arm, bool_or(c.outcome = 'PRESENTED') as presented,
                         bool_or(c.outcome in ('ACCEPTED', 'PURCHASED')) as converted
                  from decision d join contact_event c on c.decision_id = d.id
                  where d.experiment_id = ? group by d.arm, c.decision_id, c.offer_id) p
            group by arm""";
    /** An account converts as /reports/lift says: an ACCEPTED or PURCHASED contact within the window after its first decision. */
    private static final String ACCOUNTS = """
            select f.arm, count(*), count(*) filter (where exists (
                       select 1 from contact_event c
                       where c.account_id = f.account_id and c.outcome in ('ACCEPTED', 'PURCHASED')
                         and c.at >= f.first_at and c.at <= f.first_at + ? * interval '1 second'))
            from (select arm, account_id, min(created_at) as first_at from decision where experiment_id = ?
                  group by arm, account_id) f
            group by f.arm""";

    /** What is counted per arm, in the order of the columns above. */
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
        Instant asOf = Instant.now();
        Map<Arm, Counts> arms = new EnumMap<>(Arm.class);
        for (Arm arm : Arm.values()) {
            arms.put(arm, new Counts());
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                count(connection, experiment.id(), window, arms);
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

    /**
     * The three counts in one read-only snapshot. PostgreSQL's JIT would first compile each of these large, one-off
     * queries, which took longer than running them (about 2 s of 6 on a million decisions): it is off for them.
     */
    private static void count(Connection connection, long id, Duration window, Map<Arm, Counts> arms) throws SQLException {
        try (PreparedStatement snapshot = connection.prepareStatement("set transaction isolation level repeatable read, read only");
             PreparedStatement noJit = connection.prepareStatement("set local jit = off")) {
            snapshot.execute();
            noJit.execute();
        }
        try (PreparedStatement query = connection.prepareStatement(DECISIONS)) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Counts c = arms.get(Arm.valueOf(rows.getString(1)));
                    c.decisions = rows.getLong(2);
                    c.accounts = rows.getLong(3);
                    c.offered = rows.getLong(4);
                    Array versions = rows.getArray(5);
                    c.versions = List.of((String[]) versions.getArray());
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(OFFERS)) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Counts c = arms.get(Arm.valueOf(rows.getString(1)));
                    c.presented = rows.getLong(2);
                    c.presentedConverted = rows.getLong(3);
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(ACCOUNTS)) {
            query.setLong(1, window.toSeconds());
            query.setLong(2, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    arms.get(Arm.valueOf(rows.getString(1))).converted = rows.getLong(3);
                }
            }
        }
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

package io.nextbestaction.reports;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.common.error.Outage;
import io.nextbestaction.decide.Holdout;
import io.nextbestaction.rules.OfferCatalog;
import io.nextbestaction.rules.ServingRuleSet;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the reports' tables up to date (offer_rollup, holdout_enrolment, holdout_conversion, and the experiments'
 * experiment_rollup, experiment_enrolment and their counts): each run counts the
 * decisions made and the outcomes recorded since the last run, once each, a day at a time. One instance runs it at a
 * time (an advisory lock); the others skip.
 */
@ApplicationScoped
public class ReportRollup {

    private static final long LOCK = 0x4e42_4152_4f4cL;
    private static final Duration STEP = Duration.ofDays(1);

    private final AgroalDataSource dataSource;
    private final ReportsConfig config;
    private final ServingRuleSet serving;
    /** The reports stay as they are while the job cannot count: logged once when that begins, once when it ends. */
    private final Outage outage = new Outage("report-rollup");

    public ReportRollup(AgroalDataSource dataSource, ReportsConfig config, ServingRuleSet serving) {
        this.dataSource = dataSource;
        this.config = config;
        this.serving = serving;
    }

    @Scheduled(every = "${nba.reports.refresh-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
            outage.ends();
        } catch (SQLException e) {
            outage.begins(e);
        }
    }

    /** Counts what has settled since the last run, a day per transaction; returns how far the rollup has counted. */
    public Optional<Instant> refresh() throws SQLException {
        Instant target = Instant.now().minus(config.settleTime());
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "pg_try_advisory_lock")) {
                return upTo(connection);
            }
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setAutoCommit(false);
                Instant from = start(connection, target);
                connection.commit();
                String[][] catalog = offerTypes();
                while (from.isBefore(target)) {
                    Instant to = from.plus(STEP).isBefore(target) ? from.plus(STEP) : target;
                    count(connection, RollupStatements.DECISIONS, from, to);
                    count(connection, RollupStatements.OUTCOMES, from, to);
                    count(connection, RollupStatements.ENROLMENTS, from, to, Holdout.DEFAULT_EXPERIMENT);
                    count(connection, RollupStatements.CONVERSIONS, from, to, catalog[0], catalog[1]);
                    count(connection, RollupStatements.EXPERIMENT_DECISIONS, from, to);
                    count(connection, RollupStatements.EXPERIMENT_OUTCOMES, from, to);
                    count(connection, RollupStatements.EXPERIMENT_ENROLMENTS, from, to);
                    count(connection, RollupStatements.EXPERIMENT_CONVERSIONS, from, to);
                    try (PreparedStatement progress = connection.prepareStatement("update offer_rollup_progress set up_to = ?")) {
                        progress.setObject(1, to.atOffset(ZoneOffset.UTC));
                        progress.executeUpdate();
                    }
                    connection.commit();
                    from = to;
                }
                return Optional.of(from);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                lock(connection, "pg_advisory_unlock");
            }
        }
    }

    /** How far the rollup has counted; empty before its first run. */
    public Optional<Instant> upTo() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return upTo(connection);
        }
    }

    /** How far the rollup has counted, read on the caller's connection (in its snapshot); empty before its first run. */
    public static Optional<Instant> upTo(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("select up_to from offer_rollup_progress")) {
            return row.next() ? Optional.of(row.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
        }
    }

    /** Where this run starts: where the last one stopped, or, on the first run, at the oldest logged decision. */
    private static Instant start(Connection connection, Instant target) throws SQLException {
        try (PreparedStatement first = connection.prepareStatement("""
                insert into offer_rollup_progress (id, up_to)
                select 1, coalesce((select min(created_at) from decision), cast(? as timestamptz))
                on conflict (id) do nothing""")) {
            first.setObject(1, target.atOffset(ZoneOffset.UTC));
            first.executeUpdate();
        }
        return upTo(connection).orElseThrow();
    }

    /** Offer ids and their types in the serving catalog, for contacts that belong to no decision. */
    private String[][] offerTypes() {
        List<OfferCatalog.Offer> offers = serving.current().map(r -> List.copyOf(r.catalog().offers().values())).orElse(List.of());
        return new String[][] {offers.stream().map(OfferCatalog.Offer::id).toArray(String[]::new),
                offers.stream().map(o -> o.type().name()).toArray(String[]::new)};
    }

    private static void count(Connection connection, String sql, Instant from, Instant to, Object... more) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, from.atOffset(ZoneOffset.UTC));
            statement.setObject(2, to.atOffset(ZoneOffset.UTC));
            for (int i = 0; i < more.length; i++) {
                if (more[i] instanceof String[] array) {
                    statement.setArray(3 + i, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(3 + i, more[i]);
                }
            }
            statement.executeUpdate();
        }
    }

    private static boolean lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select " + function + "(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
